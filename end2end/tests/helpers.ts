import { expect, Page, TestInfo } from "@playwright/test";

export const PASSWORD = "un mot de passe solide";

/** A unique identity per test run and project, so projects never collide on one database. */
export function newPerson(testInfo: TestInfo) {
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  return {
    name: `Élise Martin ${stamp}`,
    email: `elise.${stamp}.${testInfo.project.name}@example.fr`,
  };
}

/** Fails the test on any script error or console error: CSP violations, hydration panics… */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    // Refused form submissions answer 422 on purpose; Chromium logs every non-2xx document.
    const deliberate = /Failed to load resource: the server responded with a status of (404|422)/;
    if (m.type() === "error" && !deliberate.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** With JavaScript, waits until the WebAssembly has hydrated the page (the body gets no marker,
 * so we wait for the module to have loaded and the network to settle). */
export async function settle(page: Page, js: boolean) {
  if (js) {
    await page.waitForLoadState("networkidle");
  }
}

export async function expectNoErrors(errors: string[]) {
  expect(errors, errors.join("\n")).toEqual([]);
}
