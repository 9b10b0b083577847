import { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { mailTo, person, settle, signUp } from "./helpers";

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
