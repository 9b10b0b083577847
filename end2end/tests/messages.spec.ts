import { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { audit, mailTo, operator, person, settle, signUp } from "./helpers";

// Conversations (issue 19), on a phone: two people who share nothing (not coopains, no section,
// no group) — the first message is a request, accepted; then a live exchange in two browsers,
// the "Messages" badge, and the e-mail for the one who stays away. Without JavaScript: a request,
// its answer, writing, reading, renaming, muting and leaving, all as plain forms.

async function markDocument(page: Page) {
  await page.evaluate(() => ((window as unknown as { coopolMark: number }).coopolMark = 7));
}
async function expectSameDocument(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { coopolMark?: number }).coopolMark)).toBe(7);
}
const messagesBadge = (page: Page) => page.getByRole("navigation").locator('.unread-badge[data-badge="messages"]');

test("une demande acceptée, un échange en direct, le badge et l’e-mail à l’absent", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36) + Math.floor(Math.random() * 1e4).toString(36);
  const lea = person("Léa", stamp);
  const marc = person("Marc", stamp);
  const a = await signUp(browser, baseURL!, true, lea, "59140", "sympathisant");
  const b = await signUp(browser, baseURL!, true, marc, "75001", "adherent");

  // Marc reads his feed: his badge will move by itself.
  await b.goto("/fil");
  await settle(b, true);
  await markDocument(b);
  await expect(messagesBadge(b)).toHaveAttribute("data-unread", "0");

  // Léa writes to Marc from his profile.
  await a.goto(`/membres/${marc.handle}`);
  await a.getByRole("link", { name: "Écrire" }).click();
  await expect(a.getByRole("heading", { level: 1, name: "Nouveau message" })).toBeVisible();
  await expect(a.getByLabel("À", { exact: true })).toHaveValue(marc.handle!);
  await a.getByLabel("Message", { exact: true }).fill("Bonjour Marc, on se coordonne pour samedi ?");
  await a.getByRole("button", { name: "Envoyer" }).click();
  await expect(a.getByRole("heading", { level: 1, name: marc.name })).toBeVisible();
  await expect(a.locator("li.message.mine", { hasText: "on se coordonne pour samedi" })).toBeVisible();

  // Marc's badge rose live; his list shows a request, which he accepts.
  await expect(messagesBadge(b)).toHaveAttribute("data-unread", "1");
  await expect(messagesBadge(b)).toBeVisible();
  await expectSameDocument(b);
  await b.getByRole("navigation").getByRole("link", { name: /Messages/ }).click();
  const line = b.locator("li.conversation", { hasText: lea.name });
  await expect(line.locator(".badge", { hasText: "Demande" })).toBeVisible();
  await line.getByRole("link").click();
  await expect(b.getByText("ne te connaît pas encore sur Coopol")).toBeVisible();
  await expect(b.locator("li.message", { hasText: "on se coordonne pour samedi" })).toBeVisible();
  await b.getByRole("button", { name: "Accepter" }).click();
  await settle(b, true);
  await expect(b.getByLabel("Message", { exact: true })).toBeVisible();
  await expect(messagesBadge(b)).toHaveAttribute("data-unread", "0");

  // Léa keeps the conversation open; Marc answers with Enter: both see it without reloading.
  await a.reload();
  await settle(a, true);
  await markDocument(a);
  await markDocument(b);
  await b.getByLabel("Message", { exact: true }).fill("Oui ! Rendez-vous au marché à 10 h.");
  await b.getByLabel("Message", { exact: true }).press("Enter");
  await expect(b.locator("li.message.mine", { hasText: "Rendez-vous au marché" })).toBeVisible();
  await expect(b.getByLabel("Message", { exact: true })).toHaveValue("");
  await expectSameDocument(b);
  await expect(a.locator("li.message:not(.mine)", { hasText: "Rendez-vous au marché" })).toBeVisible();
  await expectSameDocument(a);
  // Read where it arrived: Léa's badge does not stay up.
  await expect(messagesBadge(a)).toHaveAttribute("data-unread", "0");

  // Shift+Enter writes on; Léa's answer arrives on Marc's page live too.
  await a.getByLabel("Message", { exact: true }).fill("Parfait.");
  await a.getByLabel("Message", { exact: true }).press("Shift+Enter");
  await a.getByLabel("Message", { exact: true }).pressSequentially("J’apporte les tracts.");
  await a.getByRole("button", { name: "Envoyer" }).click();
  await expect(b.locator("li.message:not(.mine)", { hasText: "J’apporte les tracts." })).toBeVisible();
  await expectSameDocument(b);

  // Marc leaves the page; Léa writes again: after the delay (3 s here) he gets one e-mail, which
  // names the conversation and links to it, never its text.
  await b.goto("/fil");
  await a.getByLabel("Message", { exact: true }).fill("MESSAGE-CONFIDENTIEL-" + stamp);
  await a.getByRole("button", { name: "Envoyer" }).click();
  await expect(a.locator("li.message.mine", { hasText: "MESSAGE-CONFIDENTIEL" })).toBeVisible();
  await expect(messagesBadge(b)).toHaveAttribute("data-unread", "1");
  const mail = await mailTo(marc.email, "unread_messages");
  expect(mail).toContain(lea.name);
  expect(mail).toMatch(/\/messages\/\d+/);
  expect(mail).not.toContain("MESSAGE-CONFIDENTIEL");
});

test("sans JavaScript : demande, réponse, écriture, lecture, renommer, sourdine, quitter", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36) + Math.floor(Math.random() * 1e4).toString(36);
  const paul = person("Paul", stamp);
  const rose = person("Rose", stamp);
  const yves = person("Yves", stamp);
  const p = await signUp(browser, baseURL!, false, paul, "59140", "adherent");
  const r = await signUp(browser, baseURL!, false, rose, "75001", "sympathisant");
  await signUp(browser, baseURL!, false, yves, "59100", "sympathisant");

  // Paul writes to Rose and Yves, as a group with a title.
  await p.goto("/messages");
  await expect(p.getByText("Aucune conversation pour l’instant.")).toBeVisible();
  await p.getByRole("link", { name: "Nouveau message" }).click();
  // A mistake first: the form comes back with what to fix and what was typed.
  await p.getByLabel("À", { exact: true }).fill(`${rose.handle}, personne-inconnue-${stamp}`);
  await p.getByLabel("Titre (facultatif)").fill("Collage du 12");
  await p.getByLabel("Message", { exact: true }).fill("Qui vient coller jeudi soir ?");
  await p.getByRole("button", { name: "Envoyer" }).click();
  await expect(p.getByText("Aucun membre n’a cet identifiant.")).toBeVisible();
  await expect(p.getByLabel("Message", { exact: true })).toHaveValue("Qui vient coller jeudi soir ?");
  await p.getByLabel("À", { exact: true }).fill(`${rose.handle}, @${yves.handle}`);
  await p.getByRole("button", { name: "Envoyer" }).click();
  await expect(p.getByRole("heading", { level: 1, name: "Collage du 12" })).toBeVisible();
  await expect(p.getByText(`Avec ${rose.name}, ${yves.name}`)).toBeVisible();
  const thread = new URL(p.url()).pathname;

  // Rose sees a request in her list and her badge, reads it and accepts.
  await r.goto("/messages");
  await expect(messagesBadge(r)).toHaveAttribute("data-unread", "1");
  await r.locator("li.conversation", { hasText: "Collage du 12" }).getByRole("link").click();
  await expect(r.locator("li.message", { hasText: "Qui vient coller jeudi soir ?" })).toBeVisible();
  await r.getByRole("button", { name: "Accepter" }).click();
  await r.getByLabel("Message", { exact: true }).fill("Moi ! **Jeudi 19 h** au local.");
  await r.getByRole("button", { name: "Envoyer" }).click();
  await expect(r.locator("li.message.mine strong", { hasText: "Jeudi 19 h" })).toBeVisible();
  // An empty message is refused in French, nothing is lost.
  await r.getByRole("button", { name: "Envoyer" }).click();
  await expect(r.getByRole("alert")).toBeVisible();

  // Paul reads the answer; he renames the conversation and mutes it.
  await p.goto("/messages");
  await expect(p.locator("li.conversation", { hasText: "Collage du 12" }).locator(".unread-count")).toHaveText("1 non lu");
  await p.goto(thread);
  await expect(p.locator("li.message", { hasText: "Jeudi 19 h" })).toBeVisible();
  await p.getByText("Réglages de la conversation").click();
  await p.getByLabel("Nouveau titre").fill("Collage du jeudi 12");
  await p.getByRole("button", { name: "Renommer" }).click();
  await expect(p.getByRole("heading", { level: 1, name: "Collage du jeudi 12" })).toBeVisible();
  await p.getByText("Réglages de la conversation").click();
  await p.getByRole("button", { name: "Mettre en sourdine" }).click();
  await p.goto("/messages");
  await expect(p.locator("li.conversation", { hasText: "Collage du jeudi 12" }).locator(".badge", { hasText: "Sourdine" })).toBeVisible();

  // Rose leaves: the conversation stays in her list as left, with what she had read.
  await r.goto(thread);
  await r.getByText("Réglages de la conversation").click();
  await r.getByRole("button", { name: "Quitter la conversation" }).click();
  await expect(r.getByRole("heading", { level: 1, name: "Messages" })).toBeVisible();
  await expect(r.locator("li.conversation", { hasText: "Collage du jeudi 12" }).locator(".badge", { hasText: "Quittée" })).toBeVisible();
  await r.goto(thread);
  await expect(r.getByText("Tu as quitté cette conversation")).toBeVisible();
  await expect(r.getByLabel("Message", { exact: true })).toHaveCount(0);
});

test("l’annonce d’une secrétaire aux sympathisant·es : dans Coopol, par e-mail, et le désabonnement en un clic", async ({
  browser,
  baseURL,
  databaseUrl,
  request,
}) => {
  test.setTimeout(150_000);
  const stamp = Date.now().toString(36) + Math.floor(Math.random() * 1e4).toString(36);
  const anne = person("Anne", stamp);
  const sophie = person("Sophie", stamp);
  const sacha = person("Sacha", stamp);

  // A Paris section, and its secretary.
  const admin = await signUp(browser, baseURL!, true, anne, "75001", "adherent");
  operator(databaseUrl, ["grant-admin", "--email", anne.email]);
  await admin.goto("/federations/75/nouvelle-section");
  await settle(admin, true);
  const sectionName = `Paris ${stamp}`;
  await admin.getByLabel("Nom de la section").fill(sectionName);
  await admin.getByRole("textbox", { name: "Communes couvertes" }).fill("Paris");
  await admin.getByRole("button", { name: "Créer la section" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: sectionName })).toBeVisible();
  const sectionUrl = new URL(admin.url()).pathname;
  const s = await signUp(browser, baseURL!, true, sophie, "75001", "adherent");
  await settle(admin, true);
  await admin.getByLabel("Identifiant du membre").fill(sophie.handle!);
  await admin.getByLabel("Rôle").selectOption({ label: "Secrétaire de section" });
  await admin.getByRole("button", { name: "Nommer", exact: true }).click();
  await expect(admin.getByText(sophie.name).first()).toBeVisible();
  // Sacha, sympathisant in Paris, without JavaScript.
  const r = await signUp(browser, baseURL!, false, sacha, "75001", "sympathisant");

  // Sophie writes to the sympathisants: the count first, then "Envoyer à N personnes".
  await s.goto(sectionUrl);
  await settle(s, true);
  await s.getByRole("link", { name: "Annonces" }).click();
  await expect(s.getByRole("heading", { level: 1, name: `Annonces — ${sectionName}` })).toBeVisible();
  await s.getByLabel("Les sympathisant·es").check();
  await s.getByLabel("Objet").fill(`Collage jeudi ${stamp}`);
  await s.getByLabel("Texte").fill("On colle les affiches **jeudi à 19 h**, rendez-vous au local.");
  await s.getByRole("button", { name: "Voir combien de personnes la recevront" }).click();
  const send = s.getByRole("button", { name: /^Envoyer à \d+ personnes?$/ });
  await expect(send).toBeVisible();
  await audit(s, "annonce à confirmer");
  await expect(s.getByText(/Cette annonce partira à \d+ personnes?, dont \d+ par e-mail/)).toBeVisible();
  await expect(s.getByLabel("Texte")).toHaveValue("On colle les affiches **jeudi à 19 h**, rendez-vous au local.");
  await send.click();
  await expect(s.getByRole("heading", { level: 1, name: `Collage jeudi ${stamp}` })).toBeVisible();
  await expect(s.getByText(/Envoyée à \d+ personnes?, dont \d+ par e-mail\./)).toBeVisible();
  await audit(s, "annonce envoyée");
  // In the section's journal, with its segment and count.
  await s.goto(sectionUrl);
  await expect(s.locator("ol.journal li", { hasText: "a envoyé une annonce" })).toContainText("sympathisant·es");

  // Sacha: a notification that leads to the annonce (plain pages, no JavaScript).
  await r.goto("/notifications");
  const notice = r.getByRole("link", { name: new RegExp(`Annonce de ${sophie.name}.*Collage jeudi ${stamp}`) });
  await expect(notice).toBeVisible();
  await notice.click();
  await expect(r.getByRole("heading", { level: 1, name: `Collage jeudi ${stamp}` })).toBeVisible();
  await expect(r.locator("strong", { hasText: "jeudi à 19 h" })).toBeVisible();
  await expect(r.getByRole("button", { name: "Ne plus recevoir les annonces par e-mail" })).toBeVisible();

  // And by e-mail, with the RFC 8058 headers; the mail client's one-click POST unsubscribes.
  const raw = await mailTo(sacha.email, "announcement", { raw: true });
  expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
  const unsubscribe = raw.match(/^List-Unsubscribe: <(https?:\/\/[^>]+)>\r?$/m)?.[1];
  expect(unsubscribe, raw).toBeTruthy();
  const mail = await mailTo(sacha.email, "announcement");
  expect(mail).toContain(`${sophie.name} t’écrit au nom de la section ${sectionName}`);
  expect(mail).toContain("On colle les affiches");
  expect(mail).toContain(new URL(unsubscribe!).pathname);
  const oneClick = await request.post(new URL(unsubscribe!).pathname, {
    form: { "List-Unsubscribe": "One-Click" },
    headers: { Origin: "https://mail.example.net" },
  });
  expect(oneClick.status()).toBe(200);
  // The link opened later says it is done; the account page says annonces come in Coopol only.
  await r.goto(new URL(unsubscribe!).pathname);
  await expect(r.getByText(/tu ne recevras plus d’annonces par e-mail/)).toBeVisible();
  // (Axe needs JavaScript: the same page audited in Sophie's browser; opening it changes nothing.)
  await s.goto(new URL(unsubscribe!).pathname);
  await audit(s, "désabonnement");
  await r.goto("/compte");
  await expect(r.getByText("Tu les reçois dans Coopol seulement.")).toBeVisible();
  await r.getByRole("button", { name: "Les recevoir aussi par e-mail" }).click();
  await expect(r.getByText("Tu les reçois dans Coopol et par e-mail.")).toBeVisible();
});
