import { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { moveActionToYesterday, openComposer, operator, person, runSql, settle, signUp } from "./helpers";

// Every page of the release build, as a visitor, a member and a secretary, on a phone with
// JavaScript: each one hydrates (the fixture fails the test on any console error or panic), has
// a title and a heading, and fits a 360 px screen. Then what a person sees on the pages the
// review looked at: "Je participe" on the first screen, fields and tap targets of a usable
// size, a section named once, the home and "Mes actions".

/** Opens `path`, waits for hydration, and checks what every page owes a phone (a page without
 * islands loads no WebAssembly). Returns how many islands the page has. */
async function visit(page: Page, path: string, status = 200) {
  const response = await page.goto(path);
  expect(response!.status(), `${path} answers ${status}`).toBe(status);
  await settle(page, true);
  // The document's own resource timings: a listener on the page would also see a late request
  // of the page visited before.
  const wasm = await page.evaluate(() =>
    performance.getEntriesByType("resource").map((entry) => entry.name).filter((name) => name.endsWith(".wasm")),
  );
  const islands = await page.locator("leptos-island").count();
  if (islands === 0) expect(wasm, `${path} has no island: no WebAssembly`).toEqual([]);
  await expect(page.locator("main h1").first(), `${path} has a heading`).toBeAttached();
  expect((await page.title()).length, `${path} has a title`).toBeGreaterThan(0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${path} fits the screen's width`).toBeLessThanOrEqual(0);
  return islands;
}

/** The box of the first element matching `selector`, in CSS pixels. */
async function box(page: Page, selector: string) {
  const b = await page.locator(selector).first().boundingBox();
  expect(b, `${selector} is on the page`).not.toBeNull();
  return b!;
}

test("chaque page s’hydrate sans erreur, pour un visiteur, un membre et un secrétaire", async ({ browser, baseURL, databaseUrl }) => {
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);
  const anne = person("Anne", stamp);
  const sophie = person("Sophie", stamp);
  const marc = person("Marc", stamp);

  // The world: a section of Tourcoing with its secretary, an adhérent, an action, a publication.
  const admin = await signUp(browser, baseURL!, true, anne, "59200", "adherent");
  operator(databaseUrl, ["grant-admin", "--email", anne.email]);
  await admin.goto("/federations/59/nouvelle-section");
  await settle(admin, true);
  const sectionName = `Section de Tourcoing ${stamp}`;
  await admin.getByLabel("Nom de la section").fill(sectionName);
  await admin.getByRole("textbox", { name: "Communes couvertes" }).fill("Tourcoing");
  await admin.getByRole("button", { name: "Créer la section" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: sectionName })).toBeVisible();
  const section = new URL(admin.url()).pathname;
  const secretary = await signUp(browser, baseURL!, true, sophie, "59200", "adherent");
  await settle(admin, true);
  await admin.getByLabel("Identifiant du membre").fill(sophie.handle!);
  await admin.getByLabel("Rôle").selectOption({ label: "Secrétaire de section" });
  await admin.getByRole("button", { name: "Nommer", exact: true }).click();
  await expect(admin.locator("#team-title + ul").getByRole("link", { name: sophie.name })).toBeVisible();

  // A newcomer's home: one first step, no placeholder.
  const member = await signUp(browser, baseURL!, true, marc, "59200", "adherent");
  await visit(member, "/");
  await expect(member.getByRole("heading", { name: "Pour commencer" })).toBeVisible();
  await expect(member.getByText("arrive bientôt")).toHaveCount(0);
  await secretary.goto(section);
  await settle(secretary, true);
  await secretary.locator("li.person", { hasText: marc.name }).getByRole("button", { name: "Confirmer l’adhésion" }).click();
  await expect(secretary.locator("li.person", { hasText: marc.name }).getByRole("button")).toHaveCount(0);

  // The secretary publishes and organizes; the contact address of the section.
  await visit(secretary, `${section}/modifier`);
  await secretary.getByLabel("Adresse de contact de la section (facultatif)").fill("pas une adresse");
  await secretary.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(secretary.getByText("Cette adresse e-mail n’est pas valide")).toBeVisible();
  await expect(secretary.getByLabel("Adresse de contact de la section (facultatif)")).toHaveValue("pas une adresse");
  await secretary.getByLabel("Adresse de contact de la section (facultatif)").fill(`tourcoing.${stamp}@example.fr`);
  await secretary.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(secretary.getByRole("link", { name: "Écrire à la section" })).toHaveAttribute("href", `mailto:tourcoing.${stamp}@example.fr`);

  await visit(secretary, `${section}/fil`);
  await openComposer(secretary);
  const text = `Collage ce soir, rendez-vous au local #smoke${stamp}`;
  await secretary.getByLabel("Ton message").fill(text);
  await secretary.getByLabel("Pour qui ?").selectOption("section|");
  await secretary.getByRole("button", { name: "Publier", exact: true }).click();
  const card = secretary.locator("article.post", { hasText: text });
  await expect(card).toBeVisible();
  const postPath = await card.locator(".post-header .hint a").first().getAttribute("href");

  await visit(secretary, "/actions/nouvelle");
  const title = `Collage d’affiches ${stamp}`;
  const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  await secretary.getByLabel("Type d’action").selectOption("collage");
  await secretary.getByLabel("Titre").fill(title);
  await secretary.getByLabel("Début").fill(`${tomorrow}T18:00`);
  await secretary.getByLabel("Fin").fill(`${tomorrow}T20:00`);
  await secretary.getByLabel("Point de rendez-vous").fill("Local de la section");
  await secretary.getByLabel("Commune").fill("Tourcoing");
  await secretary.getByLabel("Ouverte à tous").check();
  await secretary.getByRole("button", { name: "Publier l’action" }).click();
  await expect(secretary.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const actionPath = new URL(secretary.url()).pathname;
  const actionId = Number(actionPath.split("/").pop());

  // A section is named once, as its team named it (never "Section Section de …").
  await expect(secretary.locator(".action-facts")).toContainText(sectionName);
  await expect(secretary.getByText(`Section ${sectionName}`)).toHaveCount(0);
  // The title says the kind: it is not repeated beside it.
  await expect(secretary.locator(".action-page > p.hint")).toHaveCount(0);

  // Visitor: every public page.
  const visitorContext = await browser.newContext({ baseURL, locale: "fr-FR", viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const visitor = await visitorContext.newPage();
  for (const path of ["/", "/inscription", "/connexion", "/trouver-ma-section", "/trouver-ma-section?code_postal=59200", "/federations", "/federations/59", section, "/a-propos", "/confidentialite", "/compte/garder/inconnu", "/actions", "/actions?vue=carte", "/actions?vue=mois", "/actions?vue=semaine", actionPath, "/groupes", `/tags/smoke${stamp}`, `/membres/${sophie.handle}`, "/boite-a-outils"]) {
    const islands = await visit(visitor, path);
    // A visitor has nothing live: only a feed grows in place (older publications).
    if (!path.startsWith("/tags/")) expect(islands, `${path} ships no code to a visitor`).toBe(0);
  }
  // The privacy notice says who answers for the data, as configured, and the retention in force.
  await visit(visitor, "/confidentialite");
  await expect(visitor.getByText("Fédération des tests de bout en bout")).toBeVisible();
  await expect(visitor.getByText("donnees@coopol.invalid")).toBeVisible();
  await expect(visitor.getByText(/3 ans après la dernière visite/)).toBeVisible();
  await visit(visitor, "/nulle-part", 404);
  // A page for members sends a visitor to sign in (and back there after).
  await visit(visitor, "/mes-actions");
  await expect(visitor).toHaveURL(/\/connexion\?retour=\/mes-actions$/);
  // The links work once hydrated: "Je m’inscris" leads to the form (client-side navigation).
  await visitor.goto("/");
  await settle(visitor, true);
  await visitor.getByRole("link", { name: "Je m’inscris" }).click();
  await expect(visitor.getByRole("heading", { level: 1, name: "Inscription" })).toBeVisible();
  await expect(visitor).toHaveURL(/\/inscription$/);
  // Footer links are tap targets of at least 24 px.
  for (const link of await visitor.locator(".site-footer a").all()) {
    expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(24);
  }

  // A group of the member's: its page, after creation (a redirect) and loaded afresh.
  await visit(member, "/groupes/nouveau");
  await member.getByLabel("Nom du groupe").fill(`Porte-à-porte ${stamp}`);
  await member.getByLabel("Objet du groupe").fill("Organiser le porte-à-porte du quartier.");
  await member.getByRole("button", { name: "Créer le groupe" }).click();
  await expect(member.getByRole("heading", { level: 1, name: `Porte-à-porte ${stamp}` })).toBeVisible();
  const groupPath = new URL(member.url()).pathname;
  await visit(member, groupPath);
  await visit(visitor, groupPath);

  // Member: their pages, the action on the first screen of a phone.
  for (const path of ["/", "/fil", "/profil", "/compte", "/compte/consentements", "/mes-actions", "/coopains", "/notifications", "/messages", "/messages/nouveau", "/groupes", "/groupes/nouveau", `${section}/fil`, "/federations/59/fil", `/membres/${marc.handle}/publications`, `${section}/annuaire`, `${section}/annuaire?q=${encodeURIComponent("sophie")}`, `${section}/votes`, "/debats", `${section}/debats`, "/federations/59/debats", postPath!, "/boite-a-outils", "/boite-a-outils?q=tract&categorie=tract"]) {
    await visit(member, path);
  }
  // The badge and the live stream are plain JavaScript: a member's action and section pages have
  // no island, so no WebAssembly (their forms are plain posts).
  expect(await visit(member, actionPath), "an action ships no code to a member").toBe(0);
  expect(await visit(member, section), "a section ships no code to a member").toBe(0);
  await visit(member, actionPath);
  const participe = await box(member, ".answer-bar button[value=oui]");
  expect(participe.y + participe.height, "« Je participe » is on the first screen").toBeLessThanOrEqual(800);
  const maybe = await box(member, ".answer-bar button[value=peut-etre]");
  const apart = maybe.x >= participe.x + participe.width + 4 || maybe.y >= participe.y + participe.height + 4;
  expect(apart, "« Je participe » and « Peut-être » do not touch").toBe(true);
  const consent = await box(member, "#champ-partage");
  expect(consent.width, "the checkbox is a box, not a 287 px bar").toBeLessThan(40);
  // The answer from a card of the list, in one tap.
  await visit(member, "/actions");
  await member.locator("article.action-card", { hasText: title }).getByRole("button", { name: "Je participe" }).click();
  await expect(member.locator(".answer-status")).toContainText("tu participes");
  await visit(member, "/mes-actions");
  await expect(member.locator("#a-venir + ul article.action-card", { hasText: title })).toBeVisible();
  await visit(member, "/");
  await expect(member.locator("#prochaines-actions ~ ul article.action-card", { hasText: title })).toBeVisible();
  await expect(member.getByRole("heading", { name: "Pour commencer" })).toHaveCount(0);

  // Fields all have one height (dates and times too), filters included; the calendar address
  // does not widen the page.
  await visit(member, "/actions?vue=liste");
  await member.locator("details.filters summary").click();
  for (const field of ["#filtre-du", "#filtre-au", "#filtre-rayon", "#filtre-pres"]) {
    expect((await box(member, field)).height, `${field} is a comfortable field`).toBeGreaterThanOrEqual(40);
  }
  await expect(member.getByRole("button", { name: "Supprimer mon adresse d’agenda" })).toHaveCount(0);
  await member.getByRole("button", { name: /Créer mon adresse d’agenda/ }).click();
  await expect(member.locator(".calendar-url")).toBeVisible();
  await expect(member.getByRole("button", { name: "Supprimer mon adresse d’agenda" })).toBeVisible();
  expect(await member.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await visit(member, "/actions");
  await expect(member.getByRole("button", { name: "Supprimer mon adresse d’agenda" })).toBeVisible();

  // Secretary: the team's pages, the compte-rendu once the action is past.
  for (const path of [section, `${section}/modifier`, `${section}/statistiques`, `${section}/annuaire`, `${section}/annonces`, `${section}/votes`, "/federations/59/votes", "/actions/nouvelle", `${actionPath}/modifier`, "/boite-a-outils/nouveau"]) {
    await visit(secretary, path);
  }
  moveActionToYesterday(databaseUrl, actionId);
  await visit(secretary, "/mes-actions");
  await expect(secretary.locator("#passees + ul li", { hasText: title }).getByRole("link", { name: "Compte-rendu à rédiger" })).toBeVisible();
  await visit(secretary, `${actionPath}/compte-rendu`);
  // The contact's checkbox sits beside its label, as a box.
  const contactConsent = await box(secretary, "fieldset.contact-row input[type=checkbox]");
  expect(contactConsent.width).toBeLessThan(40);
  await visit(secretary, `${section}/statistiques`);
  await expect(secretary.getByRole("heading", { level: 1, name: `Statistiques : ${sectionName}` })).toBeVisible();

  // National admin: the journal and the section form of a federation.
  for (const path of ["/admin/journal", "/federations/59/nouvelle-section"]) {
    await visit(admin, path);
  }
  await visitorContext.close();
});

// Mes consentements: when the consent text changes (here, the person's consent is made older),
// every page asks again until the person agrees; the history keeps both versions.
test("un nouveau texte de consentement est demandé à la visite suivante", async ({ browser, baseURL, databaseUrl }) => {
  const lea = person("Lea", Date.now().toString(36));
  const page = await signUp(browser, baseURL!, true, lea, "59200", "sympathisant");
  const banner = page.getByText(/Coopol a besoin de ton accord/);
  await page.goto("/");
  await settle(page, true);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(banner).toHaveCount(0);
  runSql(databaseUrl, `UPDATE consents SET text_version = '2025-01-v0' WHERE user_id = (SELECT id FROM users WHERE email = '${lea.email}')`);
  await page.goto("/fil");
  await settle(page, true);
  await expect(banner).toBeVisible();
  await page.getByRole("link", { name: "Lire le texte" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mes consentements" })).toBeVisible();
  await settle(page, true);
  await page.getByRole("button", { name: "J’accepte" }).click();
  await expect(page.getByText("Merci, ta réponse est enregistrée.")).toBeVisible();
  await expect(banner).toHaveCount(0);
  await expect(page.getByText("Version 2025-01-v0")).toBeVisible();
  await page.goto("/fil");
  await expect(page.getByRole("heading", { level: 1, name: "Mon fil" })).toBeVisible();
  await expect(banner).toHaveCount(0);
});
