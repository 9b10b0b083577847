import { BrowserContext, expect, test as base } from "@playwright/test";

// Every end-to-end test imports `test` from here. It fails the test on any console error, uncaught
// page error or panic (a hydration mismatch logs "panicked at …", then "RuntimeError: unreachable")
// in every browser context the test opens: the default one, those made with `browser.newContext` /
// `browser.newPage`, and persistent ones handed to `watchContext`. An error a test provokes on
// purpose is allowed by that test only, with `consoleGuard.allow(/…/)`.

/** Chromium logs every non-2xx document and fetch; refusals answered on purpose are not errors. */
const DELIBERATE = [/Failed to load resource: the server responded with a status of (404|422|429) /];

export type ConsoleGuard = {
  /** Allows console errors matching `pattern` for the rest of this test. */
  allow(pattern: RegExp): void;
  /** Watches a context this fixture did not make (a persistent one). */
  watchContext(context: BrowserContext): void;
  /** Removes and returns the errors caught so far that match `pattern` (the guard's own test). */
  take(pattern: RegExp): string[];
};

export const test = base.extend<{ databaseUrl: string; consoleGuard: ConsoleGuard }>({
  databaseUrl: ["", { option: true }],
  consoleGuard: [
    async ({ browser, context }, use) => {
      const errors: string[] = [];
      const allowed = [...DELIBERATE];
      const watchContext = (ctx: BrowserContext) => {
        ctx.on("console", (message) => {
          if (message.type() !== "error") return;
          const text = message.text();
          if (!allowed.some((pattern) => pattern.test(text))) {
            errors.push(`console error on ${message.page()?.url() ?? "?"}: ${text}`);
          }
        });
        ctx.on("weberror", (webError) => {
          const text = String(webError.error()?.stack ?? webError.error());
          if (!allowed.some((pattern) => pattern.test(text))) {
            errors.push(`page error on ${webError.page()?.url() ?? "?"}: ${text}`);
          }
        });
      };
      watchContext(context);
      // Browser.newPage goes through newContext, so patching the one catches both.
      const newContext = browser.newContext;
      browser.newContext = async (...args: Parameters<typeof newContext>) => {
        const made = await newContext.apply(browser, args);
        watchContext(made);
        return made;
      };
      try {
        const take = (pattern: RegExp) => {
          const taken = errors.filter((e) => pattern.test(e));
          errors.splice(0, errors.length, ...errors.filter((e) => !pattern.test(e)));
          return taken;
        };
        await use({ allow: (pattern) => allowed.push(pattern), watchContext, take });
      } finally {
        browser.newContext = newContext;
      }
      expect(errors, `console errors or page errors during the test:\n${errors.join("\n")}`).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
