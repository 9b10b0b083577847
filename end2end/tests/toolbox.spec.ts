import * as path from "node:path";
import { expect, test } from "./fixtures";
import { createSection, operator, person, settle, signUp } from "./helpers";

// La boîte à outils (issue 21), on a phone, with JavaScript (SQLite, files in a directory) and
// without (PostgreSQL, files in S3): Sophie, secretary of a Strasbourg section, adds a tract — a
// PDF polyglot first, refused in French with what she typed kept —; Alice, an adhérente of the
// section, finds it by searching, downloads it (an attachment, never a page), proposes a
// tractage and attaches the tract to it; the action's page lists it as material to bring; a
// visitor gets the 404 of a file that never existed.

const fixtures = path.resolve(__dirname, "../fixtures");

/** Tomorrow as a date value (Paris and this machine agree on the day). */
function tomorrow(): string {
  const d = new Date(Date.now() + 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

test("boîte à outils : un tract ajouté par la secrétaire, trouvé par une adhérente et joint à son action", async ({
  browser,
  baseURL,
  databaseUrl,
  javaScriptEnabled,
}) => {
  test.setTimeout(180_000);
  const js = javaScriptEnabled;
  const stamp = Date.now().toString(36) + Math.floor(Math.random() * 1e4).toString(36);
  const anne = person("Anne", stamp);
  const sophie = person("Sophie", stamp);
  const alice = person("Alice", stamp);

  // A Strasbourg section; Sophie its secretary, Alice a confirmed adhérente.
  const admin = await signUp(browser, baseURL!, js, anne, "67000", "adherent");
  operator(databaseUrl, ["grant-admin", "--email", anne.email]);
  const section = await createSection(admin, js, "67", `Strasbourg ${stamp}`, "Strasbourg");
  const s = await signUp(browser, baseURL!, js, sophie, "67000", "adherent");
  const a = await signUp(browser, baseURL!, js, alice, "67000", "adherent");
  await admin.goto(section);
  await settle(admin, js);
  await admin.getByLabel("Identifiant du membre").fill(sophie.handle!);
  await admin.getByLabel("Rôle").selectOption({ label: "Secrétaire de section" });
  await admin.getByRole("button", { name: "Nommer", exact: true }).click();
  await expect(admin.locator("#team-title + ul").getByRole("link", { name: sophie.name })).toBeVisible();
  for (const who of [sophie, alice]) {
    await admin.locator("li.person", { hasText: who.name }).getByRole("button", { name: "Confirmer l’adhésion" }).click();
    await expect(admin.locator("li.person", { hasText: who.name }).getByRole("button", { name: "Confirmer l’adhésion" })).toHaveCount(0);
  }

  // Sophie, from her section's page: a polyglot is refused, what she typed stays.
  await s.goto(section);
  await settle(s, js);
  await s.getByRole("link", { name: "Boîte à outils", exact: true }).first().click();
  await settle(s, js);
  await s.getByRole("link", { name: "Ajouter un document" }).click();
  await settle(s, js);
  const title = `Tract du marché de la Krutenau ${stamp}`;
  await s.getByLabel("Fichier", { exact: true }).setInputFiles(path.join(fixtures, "polyglotte.pdf"));
  await s.getByLabel("Titre", { exact: true }).fill(title);
  await s.getByLabel("Catégorie").selectOption("tract");
  await s.getByLabel("Les membres (adhérent·es et sympathisant·es)").check();
  await s.getByLabel("Étiquettes (facultatif)").fill(`marché, krutenau${stamp}`);
  await s.getByLabel("Valable jusqu’au (facultatif)").fill(tomorrow());
  await s.getByRole("button", { name: "Ajouter à la boîte à outils" }).click();
  await expect(s.getByText("Ce fichier n’est pas un document PDF valide.")).toBeVisible();
  await expect(s.getByLabel("Titre", { exact: true })).toHaveValue(title);
  await expect(s.getByLabel("Étiquettes (facultatif)")).toHaveValue(`marché, krutenau${stamp}`);
  await s.getByLabel("Fichier", { exact: true }).setInputFiles(path.join(fixtures, "tract.pdf"));
  await s.getByRole("button", { name: "Ajouter à la boîte à outils" }).click();
  await expect(s.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const documentPath = new URL(s.url()).pathname;
  expect(documentPath).toMatch(/^\/boite-a-outils\/\d+$/);

  // She completes its description afterwards ("Modifier la fiche"): the file stays as it is.
  await settle(s, js);
  await s.locator("details.document-details-form > summary").click();
  await expect(s.getByLabel("Titre", { exact: true })).toHaveValue(title);
  await s.getByLabel("Description (facultatif)").fill("À distribuer à la sortie du marché, côté quai.");
  await s.getByRole("button", { name: "Enregistrer la fiche" }).click();
  await expect(s.locator("p.document-description")).toHaveText("À distribuer à la sortie du marché, côté quai.");
  await expect(s.locator("ol.versions > li")).toHaveCount(1);

  // Alice proposes a tractage for tomorrow (a confirmed adhérente proposes; she organizes it).
  await a.goto("/actions/nouvelle");
  await settle(a, js);
  const actionTitle = `Tractage Krutenau ${stamp}`;
  await a.getByLabel("Type d’action").selectOption("tractage");
  await a.getByLabel("Titre").fill(actionTitle);
  await a.getByLabel("Début").fill(`${tomorrow()}T10:00`);
  await a.getByLabel("Fin").fill(`${tomorrow()}T12:00`);
  await a.getByLabel("Point de rendez-vous").fill("Place du marché de la Krutenau");
  await a.getByLabel("Commune").fill("Strasbourg");
  await a.getByLabel("Ouverte à tous").check();
  await a.getByRole("button", { name: "Proposer l’action" }).click();
  await expect(a.getByRole("heading", { level: 1, name: actionTitle })).toBeVisible();

  // She finds the tract by searching its title's words, accents and case aside.
  await a.goto("/boite-a-outils");
  await settle(a, js);
  await a.getByLabel("Titre ou étiquette").fill(`MARCHE krutenau ${stamp}`);
  await a.getByRole("button", { name: "Chercher" }).click();
  await expect(a.locator("li.document")).toHaveCount(1);
  await a.getByRole("link", { name: title }).click();
  await settle(a, js);
  await expect(a.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(a.getByText(/^Valable jusqu’au/)).toBeVisible();

  // The download is an attachment under Coopol's name, the PDF itself, never a page.
  const href = await a.getByRole("link", { name: "Télécharger" }).first().getAttribute("href");
  expect(href).toMatch(/^\/boite-a-outils\/fichiers\/[0-9a-f]{32}\/tract-du-marche-de-la-krutenau-[0-9a-z]+-v1\.pdf$/);
  const file = await a.request.get(href!);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("application/pdf");
  expect(file.headers()["content-disposition"]).toMatch(/^attachment; filename="tract-du-marche-de-la-krutenau-/);
  expect(file.headers()["x-content-type-options"]).toBe("nosniff");
  expect(file.headers()["content-security-policy"]).toMatch(/^sandbox/);
  expect((await file.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // "Utiliser pour une action": her proposal, then the action's page lists it to bring.
  await a.reload();
  await settle(a, js);
  await expect(a.getByText("1 téléchargement")).toBeVisible();
  const option = await a.locator("#champ-action option", { hasText: actionTitle }).getAttribute("value");
  await a.getByLabel("Action que tu organises").selectOption(option!);
  await a.getByRole("button", { name: "Joindre à l’action" }).click();
  await expect(a.getByRole("heading", { level: 1, name: actionTitle })).toBeVisible();
  const material = a.locator("ul.action-documents");
  await expect(material.getByRole("link", { name: title })).toBeVisible();
  await expect(material.getByRole("link", { name: "Télécharger" })).toHaveAttribute("href", href!);

  // A visitor: the 404 of a file that never existed.
  const visitor = await browser.newContext();
  const outsider = await visitor.request.get(new URL(href!, baseURL!).toString());
  const missing = await visitor.request.get(new URL(href!.replace(/fichiers\/[0-9a-f]{32}\//, "fichiers/0123456789abcdef0123456789abcdef/"), baseURL!).toString());
  expect(outsider.status()).toBe(404);
  expect(await outsider.text()).toBe(await missing.text());
  await visitor.close();

  // Sophie deletes it, in two steps: gone from the toolbox and from the action's material.
  await s.goto(documentPath);
  await settle(s, js);
  await s.getByText("Supprimer ce document…").click();
  await s.getByRole("button", { name: "Oui, supprimer le document et ses versions" }).click();
  await expect(s.getByRole("heading", { level: 1, name: "Boîte à outils" })).toBeVisible();
  await expect(s.getByRole("link", { name: title })).toHaveCount(0);
  await a.reload();
  await expect(a.getByRole("heading", { level: 1, name: actionTitle })).toBeVisible();
  await expect(a.locator("ul.action-documents li")).toHaveCount(0);
});
