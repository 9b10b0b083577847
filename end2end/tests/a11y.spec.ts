import { expect, test } from "./fixtures";
import { audit, newPerson, PASSWORD } from "./helpers";

// Automated accessibility audit (axe-core, WCAG 2.1 A/AA rules) of the main pages on a phone, in
// light and dark colour schemes. Serious and critical findings fail the test.
const pages = ["/", "/inscription", "/connexion", "/trouver-ma-section?code_postal=59270", "/federations", "/federations/59", "/a-propos", "/confidentialite", "/actions", "/nulle-part"];

for (const scheme of ["light", "dark"] as const) {
  test(`pages publiques accessibles (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of pages) {
      await page.goto(path);
      await audit(page, `${scheme} ${path}`);
    }
  });

  test(`pages membres accessibles (${scheme})`, async ({ page, consoleGuard }, testInfo) => {
    // A sympathisant may not create an action: that refusal page (403) is audited on purpose.
    consoleGuard.allow(/status of 403 \(Forbidden\)/);
    await page.emulateMedia({ colorScheme: scheme });
    const person = newPerson(testInfo);
    await page.goto("/inscription");
    // A refused submission shows errors: they must be accessible too.
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    await expect(page.getByText("Coche cette case pour créer ton compte")).toHaveCount(2); // the consent and the charter
    await audit(page, `${scheme} /inscription (erreurs)`);
    await page.getByLabel("Nom affiché").fill(person.name);
    await page.getByLabel("Adresse e-mail").fill(person.email);
    await page.getByLabel("Mot de passe").fill(PASSWORD);
    await page.getByLabel("Code postal").fill("59000");
    await page.getByLabel("Je suis sympathisant·e").check();
    await page.getByLabel(/J’accepte que Coopol traite mes données/).check();
    await page.getByLabel(/Je m’engage à respecter la charte/).check();
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Bonjour ${person.name} !` })).toBeVisible();
    for (const path of ["/", "/profil", "/fil", "/groupes", "/groupes/nouveau", "/coopains", "/notifications", "/messages", "/messages/nouveau", "/actions", "/mes-actions", "/actions/nouvelle"]) {
      await page.goto(path);
      await audit(page, `${scheme} ${path}`);
    }
  });
}
