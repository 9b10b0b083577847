import { chromium } from "@playwright/test";
import { expect, test } from "./fixtures";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { chromiumLaunch } from "../playwright.config";

// Installability must be checked in a persistent (non-incognito) profile: a normal Playwright
// context answers "in-incognito" (see TOOLCHAIN.md).
test("Coopol est installable et a une page hors ligne", async ({ baseURL, consoleGuard }) => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "coopol-pwa-"));
  const context = await chromium.launchPersistentContext(profile, {
    ...chromiumLaunch,
    headless: true,
    viewport: { width: 360, height: 800 },
    locale: "fr-FR",
  });
  consoleGuard.watchContext(context);
  // Offline on purpose: the browser logs the navigation it could not make.
  consoleGuard.allow(/net::ERR_INTERNET_DISCONNECTED/);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(baseURL + "/");
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The page must be controlled by the worker for the offline fallback.
    await page.reload();
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    expect(installabilityErrors).toEqual([]);
    const manifest = await cdp.send("Page.getAppManifest");
    expect(manifest.errors).toEqual([]);

    // Offline, a navigation gets the offline page instead of the browser's error.
    await context.setOffline(true);
    await page.goto(baseURL + "/profil").catch(() => undefined);
    await expect(page.getByRole("heading", { name: "Tu es hors ligne" })).toBeVisible();
    // It promises to load the page as soon as the network returns, and does.
    await context.setOffline(false);
    await expect(page.getByRole("heading", { level: 1, name: "Connexion" })).toBeVisible({ timeout: 15_000 });

    // The worker never keeps pages: only the offline page, icons, manifest and hashed bundles.
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const key of await caches.keys()) {
        const cache = await caches.open(key);
        for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
      }
      return urls;
    });
    for (const url of cached) {
      expect(url).toMatch(/^\/(offline\.(html|css|js)|register-sw\.js|islands\.js|live\.js|offline-report\.js|field-map\.js|manifest\.webmanifest|icons\/.*|pkg\/.*)$/);
    }
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});
