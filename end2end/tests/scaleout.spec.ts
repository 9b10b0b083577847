import { expect, test } from "./fixtures";
import { ChildProcess, spawn } from "node:child_process";
import { serverEnv } from "../playwright.config";
import { bin, openComposer, person, settle, signUp } from "./helpers";

// Scale-out (issue 4): a second `coopol serve` instance on the same PostgreSQL database. A session
// opened on instance A is valid on B, and a publication made through A appears live in a browser
// connected to B (PostgreSQL LISTEN/NOTIFY relay).

const PORT_B = 3102;
let instanceB: ChildProcess | undefined;

test.afterAll(() => {
  instanceB?.kill("SIGTERM");
});

async function waitHealthy(url: string) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} never answered`);
}

test("deux instances sur la même base PostgreSQL : session partagée et fil en direct", async ({ browser, baseURL, databaseUrl }) => {
  test.setTimeout(120_000);
  // Instance B starts once A is healthy (Playwright waited for A): migrations are already done.
  instanceB = spawn(bin, ["serve"], {
    env: { ...process.env, ...serverEnv({ port: PORT_B, url: databaseUrl }) },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const urlB = `http://127.0.0.1:${PORT_B}`;
  await waitHealthy(`${urlB}/healthz`);

  const stamp = Date.now().toString(36);
  const anne = person("Annie", stamp);
  const bruno = person("Basile", stamp);

  // Anne signs up on A; her session cookie (host 127.0.0.1, ports share cookies) works on B.
  const a = await signUp(browser, baseURL!, true, anne, "75011", "adherent");
  await a.goto(`${urlB}/profil`);
  await expect(a.getByRole("heading", { level: 1, name: "Mon profil" })).toBeVisible();
  await expect(a.getByLabel("Identifiant")).toHaveValue(anne.handle!);

  // Bruno reads the hashtag feed on B.
  const b = await signUp(browser, urlB, true, bruno, "75011", "sympathisant");
  const tag = `duo${stamp}`;
  await b.goto(`/tags/${tag}`);
  await settle(b, true);
  await b.evaluate(() => ((window as unknown as { coopolMark: number }).coopolMark = 7));

  // Anne publishes through A.
  await a.goto(`${baseURL}/fil`);
  await settle(a, true);
  const text = `Deux serveurs, un seul réseau #${tag}`;
  await openComposer(a);
  await a.getByLabel("Ton message").fill(text);
  await a.getByLabel("Pour qui ?").selectOption("public|");
  await a.getByRole("button", { name: "Publier", exact: true }).click();
  await expect(a.locator("article.post", { hasText: text })).toBeVisible();

  // B's browser is told live, without reloading.
  await b.getByRole("button", { name: "1 nouvelle publication" }).click();
  await expect(b.locator("article.post", { hasText: text })).toBeVisible();
  expect(await b.evaluate(() => (window as unknown as { coopolMark?: number }).coopolMark)).toBe(7);
});
