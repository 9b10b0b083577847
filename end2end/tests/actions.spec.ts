import { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import ICAL from "ical.js";
import { moveActionToYesterday, operator, PASSWORD, person, settle, signUp } from "./helpers";

// Field actions on a phone (issue 5): a secretary creates a Saturday tractage at the market with
// one place; a sympathisant finds it by distance from the home page and joins; a second person
// lands on the waiting list and is promoted when the first cancels; after the action, the
// compte-rendu is filled with the browser offline and synced once online (counted once); the
// statistics page shows its figures; the .ics parses.

/** Counts what a person does with their fingers: taps, and characters typed. */
class Effort {
  taps = 0;
  typed = 0;
  async tap(target: Locator) {
    this.taps += 1;
    await target.click();
  }
  async type(target: Locator, text: string) {
    this.typed += text.length;
    await target.fill(text);
  }
}

/** The next Saturday at least two days ahead, as `YYYY-MM-DD`. */
function nextSaturday(): string {
  const d = new Date(Date.now() + 2 * 86_400_000);
  while (d.getUTCDay() !== 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

async function nameSecretary(page: Page, handle: string) {
  await settle(page, true);
  await page.getByLabel("Identifiant du membre").fill(handle);
  await page.getByLabel("Rôle").selectOption({ label: "Secrétaire de section" });
  await page.getByRole("button", { name: "Nommer", exact: true }).click();
}

test("tractage du samedi : créer, trouver, participer, liste d’attente, compte-rendu hors ligne, statistiques, .ics", async ({
  browser,
  baseURL,
  databaseUrl,
  consoleGuard,
}, testInfo) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const anne = person("Anne", stamp);
  const sophie = person("Sophie", stamp);
  const bruno = person("Bruno", stamp);
  const chloe = person("Chloé", stamp);

  // The federation's side: a Roubaix section and its secretary.
  const admin = await signUp(browser, baseURL!, true, anne, "59100", "adherent");
  operator(databaseUrl, ["grant-admin", "--email", anne.email]);
  await admin.goto("/federations/59/nouvelle-section");
  await settle(admin, true);
  const sectionName = `Roubaix ${stamp}`;
  await admin.getByLabel("Nom de la section").fill(sectionName);
  await admin.getByRole("textbox", { name: "Communes couvertes" }).fill("Roubaix");
  await admin.getByRole("button", { name: "Créer la section" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: sectionName })).toBeVisible();
  const sectionUrl = new URL(admin.url()).pathname;
  const secretary = await signUp(browser, baseURL!, true, sophie, "59100", "adherent");
  await nameSecretary(admin, sophie.handle!);

  // Sophie creates Saturday's tractage at the market, one place.
  await secretary.goto("/actions/nouvelle");
  await settle(secretary, true);
  const title = `Tractage au marché de Roubaix ${stamp}`;
  const day = nextSaturday();
  await secretary.getByLabel("Type d’action").selectOption("tractage");
  await secretary.getByLabel("Titre").fill(title);
  await secretary.getByLabel("Début").fill(`${day}T10:00`);
  await secretary.getByLabel("Fin").fill(`${day}T12:00`);
  await secretary.getByLabel("Point de rendez-vous").fill("Marché de Roubaix, place de la Liberté");
  await secretary.getByLabel("Commune").fill("Roubaix");
  await secretary.getByLabel("Nombre de places (facultatif)").fill("1");
  await secretary.getByLabel("Ouverte à tous").check();
  await secretary.getByRole("button", { name: "Publier l’action" }).click();
  await expect(secretary.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const actionPath = new URL(secretary.url()).pathname;
  const actionId = Number(actionPath.split("/").pop());
  await expect(secretary.getByText("samedi", { exact: false }).first()).toBeVisible();

  // Bruno, sympathisant in Roubaix, from the home page to a confirmed answer.
  const b = await signUp(browser, baseURL!, true, bruno, "59100", "sympathisant");
  await b.goto("/");
  await settle(b, true);
  const effort = new Effort();
  await effort.tap(b.getByRole("navigation").getByRole("link", { name: "Actions" }).first());
  await settle(b, true);
  const card = b.locator("article.action-card", { hasText: title });
  await expect(card.locator("p.hint")).toContainText(/· à \d+ (m|km)/); // its distance from Bruno’s commune
  await effort.tap(card.getByRole("link", { name: title }));
  await settle(b, true);
  await effort.tap(b.getByRole("button", { name: "Je participe" }));
  await expect(b.getByText("C’est noté : tu participes. Merci !")).toBeVisible();
  console.log(`home page → confirmed RSVP: ${effort.taps} taps, ${effort.typed} characters typed`);
  testInfo.annotations.push({ type: "effort", description: `${effort.taps} taps, ${effort.typed} characters` });
  expect(effort.taps).toBeLessThanOrEqual(3);
  expect(effort.typed).toBe(0);

  // Chloé comes second: the waiting list.
  const c = await signUp(browser, baseURL!, true, chloe, "59100", "sympathisant");
  await c.goto(actionPath);
  await settle(c, true);
  await c.getByRole("button", { name: "Je participe" }).click();
  await expect(c.locator(".answer-status")).toContainText("tu es sur liste d’attente");

  // Bruno can no longer come: Chloé gets the place, and is told.
  await b.getByRole("button", { name: "Je ne peux pas" }).click();
  await expect(b.locator(".answer-status")).toHaveText("C’est noté : tu ne peux pas venir.");
  await c.goto(actionPath);
  await expect(c.locator(".answer-status")).toHaveText("C’est noté : tu participes. Merci !");
  await c.goto("/notifications");
  await expect(c.getByText(`Une place s’est libérée : tu participes à « ${title} » !`)).toBeVisible();

  // The calendar file parses, with the action's time and a link back.
  const ics = await (await c.request.get(`${actionPath}.ics`)).text();
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
  expect(event.summary).toBe(title);
  expect(event.startDate.toJSDate().getTime()).toBeGreaterThan(Date.now());
  expect(String(calendar.getFirstSubcomponent("vevent")!.getFirstPropertyValue("url"))).toContain(actionPath);

  // Saturday has passed. Chloé looked at her actions before leaving: her phone keeps the form.
  moveActionToYesterday(databaseUrl, actionId);
  await c.goto("/mes-actions");
  await settle(c, true);
  const form = `${actionPath}/compte-rendu`;
  await expect
    .poll(() => c.evaluate(async (url) => !!(await (await caches.open("coopol-formulaires")).match(url)), form), { timeout: 15_000 })
    .toBe(true);
  // At the market, no network: the compte-rendu opens all the same, and is written there. (The
  // browser logs what it could not fetch meanwhile: the live stream, the queue's first try.)
  consoleGuard.allow(/net::ERR_INTERNET_DISCONNECTED/);
  await c.context().setOffline(true);
  await c.goto(form);
  await settle(c, true);
  await c.getByLabel("Personnes présentes").fill("2");
  await c.getByLabel("Tracts distribués").fill("180");
  await c.getByLabel("Conversations").fill("14");
  const contact = c.locator("fieldset.contact-row").first();
  await contact.getByLabel("Nom", { exact: true }).fill("Jeanne du marché");
  await contact.getByLabel("Téléphone").fill("06 12 34 56 78");
  await contact.getByLabel(/La personne accepte/).check();
  await contact.getByLabel("devenir bénévole").check();
  await c.getByRole("button", { name: "Envoyer le compte-rendu" }).click();
  const status = c.locator("#report-status");
  await expect(status).toHaveAttribute("data-state", "pending");
  await expect(status).toContainText("en attente d’envoi");
  const queued = await c.evaluate(() => localStorage.getItem("coopol-comptes-rendus-en-attente"));
  expect(queued).toContain("180");

  // The connection returns: it is sent by itself, once.
  await c.context().setOffline(false);
  await expect(status).toHaveAttribute("data-state", "sent");
  await expect(status).toContainText("Compte-rendu envoyé");
  const key = JSON.parse(queued!)[0].key as string;
  // A second delivery of the same submission (a lost answer, a second tab) changes nothing.
  const replay = await c.request.post(`${actionPath}/compte-rendu`, {
    form: { cle: key, present: "2", tracts: "180", conversations: "14" },
    headers: { Origin: baseURL! },
  });
  expect(replay.ok()).toBeTruthy();

  // The action shows the figures; the secretary sees the new contact and the statistics.
  await secretary.goto(actionPath);
  await expect(secretary.locator(".report-figures")).toContainText("180");
  await expect(secretary.getByText("Jeanne du marché")).toBeVisible();
  await secretary.goto(`${sectionUrl}/statistiques`);
  await expect(secretary.getByRole("heading", { level: 1, name: `Statistiques : ${sectionName}` })).toBeVisible();
  await expect(secretary.locator("svg[role=img]").first()).toBeVisible();
  const total = secretary.locator(".stats-table tfoot tr");
  await expect(total.locator("td").nth(0)).toHaveText("1"); // actions
  await expect(total.locator("td").nth(1)).toHaveText("2"); // present
  await expect(total.locator("td").nth(2)).toHaveText("180"); // tracts, counted once
  await expect(total.locator("td").nth(6)).toHaveText("1"); // new contacts
  // A sympathisant does not see the section's statistics (a refusal on purpose).
  consoleGuard.allow(/status of 403 \(Forbidden\)/);
  const refused = await b.goto(`${sectionUrl}/statistiques`);
  expect(refused!.status()).toBe(403);
});

test("carte, calendrier et position du téléphone", async ({ browser, baseURL, databaseUrl }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const org = person("Odile", stamp);
  const sym = person("Simon", stamp);
  const roubaix = { latitude: 50.6942, longitude: 3.1746 };

  // A national admin may organize for their federation: the meeting point comes from the phone,
  // then is moved by a tap on the map.
  const admin = await signUp(browser, baseURL!, true, org, "59100", "adherent");
  operator(databaseUrl, ["grant-admin", "--email", org.email]);
  const outside: string[] = [];
  const watchOutside = (p: Page) =>
    p.context().on("request", (r) => {
      if (!r.url().startsWith(baseURL!)) outside.push(r.url());
    });
  watchOutside(admin);
  await admin.context().grantPermissions(["geolocation"], { origin: baseURL! });
  await admin.context().setGeolocation(roubaix);
  await admin.goto("/actions/nouvelle");
  await settle(admin, true);
  const title = `Porte-à-porte quartier de l’Épeule ${stamp}`;
  const day = nextSaturday();
  await admin.getByLabel("Type d’action").selectOption("porte_a_porte");
  await admin.getByLabel("Titre").fill(title);
  await admin.getByLabel("Début").fill(`${day}T14:00`);
  await admin.getByLabel("Fin").fill(`${day}T17:00`);
  await admin.getByLabel("Point de rendez-vous").fill("Métro Épeule-Montesquieu");
  await admin.getByLabel("Ouverte à tous").check();
  // No raw coordinates in the way: the commune typed moves the map (and its marker) there.
  await expect(admin.getByLabel("Latitude (facultatif)")).toBeHidden();
  const picker = admin.locator('div[data-map="picker"]');
  await expect(picker).toHaveAttribute("data-ready", "");
  await admin.getByLabel("Commune").fill("Roubaix");
  await expect(picker).toHaveAttribute("data-commune", "Roubaix");
  await expect(picker.locator(".leaflet-marker-icon")).toHaveCount(1);
  expect(Number(await admin.getByLabel("Latitude (facultatif)").inputValue())).toBeCloseTo(50.69, 1);
  await admin.getByRole("button", { name: "Utiliser ma position" }).click();
  await expect(admin.getByLabel("Latitude (facultatif)")).toHaveValue("50.69420");
  await expect(admin.getByLabel("Longitude (facultatif)")).toHaveValue("3.17460");
  await expect(picker.locator(".leaflet-marker-icon")).toHaveCount(1);
  const box = (await picker.boundingBox())!;
  await picker.click({ position: { x: box.width / 2 + 40, y: box.height / 2 } });
  await expect(admin.getByLabel("Longitude (facultatif)")).not.toHaveValue("3.17460");
  const lng = Number(await admin.getByLabel("Longitude (facultatif)").inputValue());
  const lat = Number(await admin.getByLabel("Latitude (facultatif)").inputValue());
  expect(lng).toBeGreaterThan(3.1746);
  expect(lng).toBeLessThan(3.2);
  await admin.getByRole("button", { name: "Publier l’action" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const actionPath = new URL(admin.url()).pathname;

  // A sympathisant in Lille asks for the actions around their phone's position (in Roubaix).
  const s = await signUp(browser, baseURL!, true, sym, "59000", "sympathisant");
  watchOutside(s);
  await s.context().grantPermissions(["geolocation"], { origin: baseURL! });
  await s.context().setGeolocation(roubaix);
  await s.goto("/actions?rayon=5");
  await settle(s, true);
  await s.locator("details.filters summary").click();
  await s.getByRole("button", { name: "Utiliser ma position" }).click();
  await s.waitForURL(/lat=50\.694/);
  await expect(s.locator("p.origin")).toHaveText("À moins de 5 km de ta position");
  // The meeting point is ~40 px east of the phone: a few hundred metres or a little over a
  // kilometre depending on the map's zoom; the card says which, in French format.
  const rad = (d: number) => (d * Math.PI) / 180;
  const metres =
    2 * 6_371_000 * Math.asin(Math.sqrt(Math.sin(rad(lat - roubaix.latitude) / 2) ** 2 +
      Math.cos(rad(lat)) * Math.cos(rad(roubaix.latitude)) * Math.sin(rad(lng - roubaix.longitude) / 2) ** 2));
  const card = s.locator("article.action-card", { hasText: title });
  const distance = /à (\d+) m|à (\d+),(\d) km/;
  await expect(card).toContainText(distance);
  const shown = (await card.textContent())!.match(distance);
  expect(shown, "a distance in French format").not.toBeNull();
  const said = shown![1] !== undefined ? Number(shown![1]) : Number(shown![2]) * 1000 + Number(shown![3]) * 100;
  expect(Math.abs(said - metres)).toBeLessThan(150);

  // The map: one marker per action listed, popups linking to the action; no tile was asked for.
  await s.getByRole("link", { name: "Carte", exact: true }).click();
  await s.waitForURL(/vue=carte/);
  const map = s.locator('div[data-map="actions"]');
  // After a client-side navigation the URL changes before the new page is drawn: count the
  // actions once the list under the map shows ours.
  await expect(map).toBeAttached();
  await expect(s.locator(".action-list article.action-card", { hasText: title })).toBeVisible();
  const listed = await s.locator(".action-list article.action-card").count();
  await expect(map).toHaveAttribute("data-markers", String(listed));
  await s.locator(`.leaflet-marker-icon[title="${title}"]`).click();
  await expect(s.locator(".leaflet-popup a", { hasText: title })).toHaveAttribute("href", actionPath);

  // The month and the week: the action on its Saturday, the filters kept.
  await s.getByRole("link", { name: "Mois", exact: true }).click();
  await s.waitForURL(/vue=mois/);
  // Client-side navigation changes the URL before the month is drawn: wait for its days.
  await expect(s.locator("ol.calendar.month li.day").first()).toBeAttached();
  expect(s.url()).toContain("lat=50.694");
  if (!(await s.locator(`li.day[data-date="${day}"]`).count())) {
    await s.getByRole("link", { name: /Mois suivant/ }).click(); // Saturday falls in next month
  }
  await expect(s.locator(`li.day[data-date="${day}"]`).getByRole("link", { name: new RegExp(title) })).toBeVisible();
  await s.goto(`/actions?vue=semaine&periode=${day}&lat=50.6942&lng=3.1746`);
  const saturday = s.locator(`li.day[data-date="${day}"]`);
  await expect(saturday.locator(".day-name")).toContainText("samedi");
  await expect(saturday.getByRole("link", { name: new RegExp(title) })).toHaveAttribute("href", actionPath);
  expect(outside, outside.join("\n")).toEqual([]);

  // Without JavaScript: no position button, the map says the list has the same actions.
  const nojs = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: "fr-FR", viewport: { width: 360, height: 800 } });
  const n = await nojs.newPage();
  await n.goto("/actions?vue=carte&pres=59100");
  await expect(n.getByRole("button", { name: "Utiliser ma position" })).toBeHidden();
  await expect(n.getByText("La carte a besoin de JavaScript")).toBeVisible();
  await expect(n.locator("article.action-card", { hasText: title })).toBeVisible();
  await nojs.close();
});

test("file hors ligne : gardée jusqu’à l’accusé de réception, propre à chaque compte", async ({ browser, baseURL, databaseUrl, consoleGuard }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const olga = person("Olga", stamp);
  const paul = person("Paul", stamp);
  const page = await signUp(browser, baseURL!, true, olga, "59000", "adherent");
  operator(databaseUrl, ["grant-admin", "--email", olga.email]);
  const day = nextSaturday();
  const created = await page.request.post("/actions", {
    form: {
      scope: "federation:59",
      kind: "tractage",
      title: `Tractage de la gare ${stamp}`,
      place_name: "Gare Lille-Flandres",
      commune: "Lille",
      audience: "public",
      starts_at: `${day}T10:00`,
      ends_at: `${day}T12:00`,
    },
    headers: { Origin: baseURL! },
    maxRedirects: 0,
  });
  expect(created.status()).toBe(303);
  const actionPath = created.headers()["location"];
  moveActionToYesterday(databaseUrl, Number(actionPath.split("/").pop()));
  const formPath = `${actionPath}/compte-rendu`;
  const queue = () => page.evaluate(() => JSON.parse(localStorage.getItem("coopol-comptes-rendus-en-attente") || "[]"));
  const status = page.locator("#report-status");
  const signIn = async (who: typeof olga) => {
    await page.goto("/connexion");
    await settle(page, true);
    await page.getByLabel("Adresse e-mail").fill(who.email);
    await page.getByLabel("Mot de passe").fill(PASSWORD);
    await page.getByRole("button", { name: "Me connecter" }).click();
    await expect(page.locator('meta[name="coopol-account"]')).not.toHaveAttribute("content", "");
    await settle(page, true);
  };

  // The server is briefly unavailable (503): the compte-rendu stays on the phone.
  await page.goto(formPath);
  await settle(page, true);
  consoleGuard.allow(/status of 503/);
  await page.route(`**${formPath}`, (route) =>
    route.request().method() === "POST" ? route.fulfill({ status: 503, body: "indisponible" }) : route.continue(),
  );
  await page.getByLabel("Tracts distribués").fill("77");
  await page.getByRole("button", { name: "Envoyer le compte-rendu" }).click();
  await expect(status).toHaveAttribute("data-state", "pending");
  expect(await queue()).toHaveLength(1);
  await page.unroute(`**${formPath}`);

  // The session expires before the network comes back: the answer is the sign-in page, which
  // is no acknowledgement; the item waits for Olga to sign in again, then leaves by itself.
  await page.context().clearCookies();
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  await expect(status).toHaveAttribute("data-state", "signin");
  expect(await queue()).toHaveLength(1);

  // Paul signs in on the same phone: Olga's compte-rendu (contacts' names and phones) is never
  // sent as his (it would have been refused, and marked so).
  await signUp(browser, baseURL!, true, paul, "59000", "sympathisant").then((p) => p.context().close());
  await signIn(paul);
  await page.goto("/mes-actions");
  await settle(page, true);
  const waiting = await queue();
  expect(waiting).toHaveLength(1);
  expect(waiting[0].body).toContainEqual(["tracts", "77"]);
  expect(waiting[0].refused).toBeUndefined();
  await page.context().clearCookies();

  // Olga is back: it is sent, once, and leaves the phone.
  await signIn(olga);
  await expect.poll(async () => (await queue()).length, { timeout: 15_000 }).toBe(0);
  await page.goto(actionPath);
  await expect(page.locator(".report-figures")).toContainText("77");

  // A rewrite waits (the server is unavailable again); signing out asks first. Staying keeps
  // it; signing out anyway erases it from the phone.
  await page.route(`**${formPath}`, (route) =>
    route.request().method() === "POST" ? route.fulfill({ status: 503, body: "indisponible" }) : route.continue(),
  );
  await page.goto(formPath);
  await settle(page, true);
  await page.getByLabel("Tracts distribués").fill("80");
  await page.getByRole("button", { name: "Envoyer le compte-rendu" }).click();
  await expect(status).toHaveAttribute("data-state", "pending");
  await page.goto("/compte");
  await settle(page, true);
  expect(await queue()).toHaveLength(1);
  const everywhere = page.getByRole("button", { name: "Se déconnecter de tous les appareils" });
  page.once("dialog", (d) => {
    expect(d.message()).toContain("1 compte(s)-rendu(s) attendent");
    void d.dismiss();
  });
  await everywhere.click();
  await expect(page.getByRole("heading", { name: "Appareils connectés" })).toBeVisible();
  expect(await queue()).toHaveLength(1);
  page.once("dialog", (d) => void d.accept());
  await everywhere.click();
  await expect(page).not.toHaveURL(/\/compte/);
  expect(await queue()).toHaveLength(0);
});
