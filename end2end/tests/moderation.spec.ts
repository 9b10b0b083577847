import { expect, Page } from "@playwright/test";
import { test } from "./fixtures";
import { mailTo, operator, person, runSql, settle, signUp } from "./helpers";

// Moderation with due process, on a phone, with JavaScript (SQLite) and without (PostgreSQL):
// a sympathisant reports a comment of the section's feed; the section's moderator hides it,
// citing the charter; its author reads why and appeals; the federation's moderator restores it;
// each journal shows its decision; the reporter is told at each step.

/** Grants `role` in a scope straight in the database (what a federation's team page does). */
function grant(databaseUrl: string, email: string, role: string, kind: string, code: string) {
  runSql(
    databaseUrl,
    `INSERT INTO roles (user_id, role, scope_kind, scope_code, granted_at) SELECT id, '${role}', '${kind}', ${code}, 0 FROM users WHERE email = '${email}'`,
  );
}

async function open(page: Page, js: boolean, path: string) {
  await page.goto(path);
  await settle(page, js);
}

test("signaler, masquer avec la charte, faire appel, rétablir, journaux", async ({ browser, baseURL, databaseUrl }, testInfo) => {
  test.setTimeout(180_000);
  const js = testInfo.project.use.javaScriptEnabled !== false;
  const stamp = Date.now().toString(36);
  const anne = person("Anne", stamp);
  const alice = person("Alice", stamp);
  const sam = person("Sam", stamp);
  const mona = person("Mona", stamp);
  const fabien = person("Fabien", stamp);

  // Anne (national admin) opens the Douai section and publishes to it.
  const a = await signUp(browser, baseURL!, js, anne, "59500", "adherent");
  operator(databaseUrl, ["grant-admin", "--email", anne.email]);
  await open(a, js, "/federations/59/nouvelle-section");
  const sectionName = `Douai ${stamp}`;
  await a.getByLabel("Nom de la section").fill(sectionName);
  await a.getByRole("textbox", { name: "Communes couvertes" }).fill("Douai");
  await a.getByRole("button", { name: "Créer la section" }).click();
  await expect(a.getByRole("heading", { level: 1, name: sectionName })).toBeVisible();
  const slug = new URL(a.url()).pathname.split("/").pop()!;
  const text = `Réunion de section jeudi ${stamp}`;
  await open(a, js, `/sections/${slug}/fil`);
  await a.locator("details.composer > summary").click();
  await a.getByLabel("Ton message").fill(text);
  await a.getByLabel("Pour qui ?").selectOption("section|");
  await a.getByRole("button", { name: "Publier", exact: true }).click();
  // Published (in place with JavaScript, after the redirect without) before leaving the page: a
  // navigation started earlier can cancel the publication's request.
  await expect(a.locator("article.post", { hasText: text })).toBeVisible();
  await open(a, js, `/sections/${slug}/fil`);
  const postPath = await a.locator("article.post", { hasText: text }).locator(".post-header .hint a").first().getAttribute("href");
  expect(postPath).toBeTruthy();

  // Alice insults in a comment; Sam (sympathisant) reads the publication.
  const al = await signUp(browser, baseURL!, js, alice, "59500", "adherent");
  await open(al, js, postPath!);
  const insult = `Espèce d’incapable ${stamp}`;
  await al.getByLabel("Ton commentaire").fill(insult);
  await al.getByRole("button", { name: "Commenter" }).click();
  await expect(al.locator(".comment", { hasText: insult })).toBeVisible();

  // The section's moderator (Mona) and the federation's (Fabien).
  const m = await signUp(browser, baseURL!, js, mona, "59500", "adherent");
  grant(databaseUrl, mona.email, "moderator", "section", `(SELECT CAST(id AS TEXT) FROM sections WHERE slug = '${slug}')`);
  const f = await signUp(browser, baseURL!, js, fabien, "59500", "adherent");
  grant(databaseUrl, fabien.email, "moderator", "federation", "'59'");

  // Sam reports the comment: a category, details; told it was sent.
  const s = await signUp(browser, baseURL!, js, sam, "59500", "sympathisant");
  await open(s, js, postPath!);
  const comment = s.locator(".comment", { hasText: insult });
  await comment.getByRole("link", { name: "Signaler" }).click();
  await settle(s, js);
  await expect(s.getByRole("heading", { level: 1, name: "Signaler un commentaire" })).toBeVisible();
  await expect(s.locator("blockquote", { hasText: insult })).toBeVisible();
  await s.getByRole("radio", { name: "Harcèlement ou insulte" }).check();
  await s.getByLabel("Précisions (facultatif)").fill("Insulte gratuite envers une camarade");
  await s.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(s.getByText(/Merci\s: ton signalement est transmis à la modération/)).toBeVisible();

  // Mona's queue: the case, with the content as it was; she hides it citing article 1.
  await open(m, js, "/moderation");
  await m.getByRole("link", { name: `Section ${sectionName}` }).click();
  await settle(m, js);
  const item = m.locator("li[data-case]", { hasText: insult });
  await expect(item).toContainText("1 signalement");
  await item.getByRole("link", { name: "Examiner" }).click();
  await settle(m, js);
  await expect(m.locator("blockquote.snapshot")).toHaveText(insult);
  await expect(m.getByText(/Harcèlement ou insulte · 1 signalement/)).toBeVisible();
  await m.getByRole("radio", { name: "Masquer le contenu" }).check();
  await m.getByLabel("Article de la charte appliqué").selectOption("1");
  await m.getByLabel("Motif", { exact: true }).fill("Insulte envers une camarade");
  await m.getByRole("button", { name: "Enregistrer la décision" }).click();
  await expect(m.getByText(/Décision enregistrée/)).toBeVisible();

  // Sam is told; the comment shows "masqué par la modération" with the rule.
  await open(s, js, "/notifications");
  await expect(s.getByText(/Ton signalement a été traité\s: contenu masqué \(article 1 de la charte\)/)).toBeVisible();
  await open(s, js, postPath!);
  await expect(s.getByText(/Masqué par la modération \(article 1 de la charte\)/)).toBeVisible();
  await expect(s.getByText(insult)).toHaveCount(0);

  // Alice reads why (in the app, and by e-mail) and appeals.
  const mail = await mailTo(alice.email, "moderation_decision");
  expect(mail).toContain("Insulte envers une camarade");
  expect(mail).toMatch(/article 1 de la charte/);
  await open(al, js, "/notifications");
  await al.getByRole("link", { name: /La modération a pris une décision/ }).click();
  await settle(al, js);
  await expect(al.getByText(/Motif\s: Insulte envers une camarade/)).toBeVisible();
  await al.getByLabel(/Pourquoi la décision te semble-t-elle injuste/).fill("C’était une citation ironique d’un film, pas une insulte.");
  await al.getByRole("button", { name: "Envoyer mon appel" }).click();
  await expect(al.getByText("Ton appel est envoyé. Tu seras prévenu·e de la réponse.")).toBeVisible();
  await expect(al.getByRole("button", { name: "Envoyer mon appel" })).toHaveCount(0);

  // Fabien (the federation) answers: the decision is overturned.
  await open(f, js, "/moderation/federation-59");
  await f.getByRole("link", { name: /Appel contre une décision «\s*Masquer le contenu\s*»/ }).first().click();
  await settle(f, js);
  await expect(f.getByText("C’était une citation ironique d’un film, pas une insulte.")).toBeVisible();
  await f.getByRole("radio", { name: "Annuler la décision" }).check();
  await f.getByLabel("Motif", { exact: true }).fill("Citation reconnue : ce n’est pas une insulte.");
  await f.getByRole("button", { name: "Enregistrer la réponse" }).click();
  await expect(f.getByText("Réponse enregistrée et transmise.")).toBeVisible();

  // Restored; Sam and Alice are told.
  await open(s, js, postPath!);
  await expect(s.locator(".comment", { hasText: insult })).toBeVisible();
  await open(s, js, "/notifications");
  await expect(s.getByText(/Ton signalement a été traité\s: décision annulée \(article 1 de la charte\)/)).toBeVisible();
  await open(al, js, "/notifications");
  await expect(al.getByText(/Ton appel a été examiné\s: décision annulée/)).toBeVisible();

  // The journals: the section's shows the hide, the federation's the overturn; no content, no reporter.
  await open(s, js, `/journal-de-moderation/section-${slug}`);
  const sectionLog = s.locator("ol.journal");
  await expect(sectionLog.locator("li").first()).toContainText("Masquer le contenu");
  await expect(sectionLog).toContainText("Article 1 de la charte");
  await expect(s.locator("main")).not.toContainText(insult);
  await expect(s.locator("main")).not.toContainText(sam.name);
  await open(s, js, "/journal-de-moderation/federation-59");
  await expect(s.locator("ol.journal li").first()).toContainText("Annuler la décision");
  await expect(s.locator("ol.journal li").first()).toContainText("réponse à un appel");

  // The charter the decisions cite.
  await open(s, js, "/charte");
  await expect(s.getByRole("heading", { level: 2, name: /Article 1 — Respecter les personnes/ })).toBeVisible();
});
