import { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { operator, person, settle, signUp } from "./helpers";

// The database of the server under test, so the operator command can reach it.

async function name(page: Page, js: boolean, handle: string, role: string) {
  await settle(page, js);
  await page.getByLabel("Identifiant du membre").fill(handle);
  await page.getByLabel("Rôle").selectOption({ label: role });
  await page.getByRole("button", { name: "Nommer", exact: true }).click();
}

test("une section, son secrétaire et un nouvel adhérent confirmé", async ({ browser, baseURL, javaScriptEnabled, databaseUrl }) => {
  test.setTimeout(120_000);
  const js = javaScriptEnabled;
  const stamp = Date.now().toString(36);
  const admin = person("Anne", stamp);
  const fede = person("Fanny", stamp);
  const secretary = person("Sophie", stamp);
  const newcomer = person("Nina", stamp);
  const sympathisant = person("Sacha", stamp);

  // The operator makes the first person a national admin (README: `coopol grant-admin`).
  const adminPage = await signUp(browser, baseURL!, js, admin, "75001", "adherent");
  operator(databaseUrl, ["grant-admin", "--email", admin.email]);

  // The admin names the federation's premier secrétaire.
  const fedePage = await signUp(browser, baseURL!, js, fede, "59000", "adherent");
  await adminPage.goto("/federations/59");
  await expect(adminPage.getByRole("heading", { level: 1, name: "Nord" })).toBeVisible();
  await name(adminPage, js, fede.handle!, "Premier·e secrétaire fédéral·e");
  const officers = adminPage.locator("section", { has: adminPage.locator("#officers-title") });
  await expect(officers.getByRole("link", { name: fede.name })).toBeVisible();

  // The federation creates a section covering Lille and Loos.
  await fedePage.goto("/federations/59");
  await settle(fedePage, js);
  await fedePage.getByRole("link", { name: "Créer une section" }).click();
  await settle(fedePage, js);
  const sectionName = `Lille-Loos ${stamp}`;
  await fedePage.getByLabel("Nom de la section").fill(sectionName);
  await fedePage.getByRole("textbox", { name: "Communes couvertes" }).fill("Lille\nLoos");
  await fedePage.getByRole("button", { name: "Créer la section" }).click();
  await expect(fedePage.getByRole("heading", { level: 1, name: sectionName })).toBeVisible();
  await expect(fedePage.getByText("Loos", { exact: true })).toBeVisible();
  const sectionUrl = new URL(fedePage.url()).pathname;

  // …and names its secretary.
  const secretaryPage = await signUp(browser, baseURL!, js, secretary, "59000", "adherent");
  await name(fedePage, js, secretary.handle!, "Secrétaire de section");
  const team = fedePage.locator("section", { has: fedePage.locator("#team-title") });
  await expect(team.getByRole("link", { name: secretary.name })).toBeVisible();

  // A new person from Loos signs up as adhérent: they land in the section, claim pending.
  const newcomerPage = await signUp(browser, baseURL!, js, newcomer, "59120", "adherent");
  await expect(newcomerPage.getByText(sectionName)).toBeVisible();
  await expect(newcomerPage.getByText("Adhérent·e (à confirmer)")).toBeVisible();
  await newcomerPage.goto(sectionUrl);
  await expect(newcomerPage.getByText("L’annuaire est réservé aux adhérent·es confirmé·es de la section.")).toBeVisible();

  // The secretary welcomes and confirms them.
  await secretaryPage.goto(sectionUrl);
  await settle(secretaryPage, js);
  const row = secretaryPage.locator("li.person", { hasText: newcomer.name });
  await expect(row.getByText("adhésion à confirmer")).toBeVisible();
  await row.getByRole("button", { name: "Confirmer l’adhésion" }).click();
  await expect(secretaryPage.locator("li.person", { hasText: newcomer.name }).getByRole("button")).toHaveCount(0);

  // The new adhérent now sees the member directory…
  await newcomerPage.goto(sectionUrl);
  await expect(newcomerPage.getByRole("heading", { name: "Annuaire des membres" })).toBeVisible();
  await expect(newcomerPage.getByText("Réservé aux adhérent·es de la section")).toBeVisible();
  await expect(newcomerPage.locator("#directory-title + p + ul").getByText(newcomer.name)).toBeVisible();

  // …that a sympathisant of the same section cannot see.
  const sympathisantPage = await signUp(browser, baseURL!, js, sympathisant, "59120", "sympathisant");
  await sympathisantPage.goto(sectionUrl);
  await expect(sympathisantPage.getByText("L’annuaire est réservé aux adhérent·es confirmé·es de la section.")).toBeVisible();
  await expect(sympathisantPage.getByText(newcomer.name)).toHaveCount(0);

  // "Trouver ma section" now answers with the section for Loos.
  await sympathisantPage.goto("/trouver-ma-section?code_postal=59120");
  await expect(sympathisantPage.getByRole("link", { name: sectionName })).toBeVisible();
});
