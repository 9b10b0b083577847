import * as path from "node:path";
import { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { createSection, moveActionToYesterday, openComposer, operator, person, settle, signUp } from "./helpers";

// Pictures (issue 21), on a phone, with JavaScript on SQLite (local storage) and without on
// PostgreSQL (S3-compatible storage): Anne publishes two photos from the file picker — one a
// phone photo with its GPS position and orientation in EXIF — and Bruno sees them (live, with
// JavaScript); the files served carry no EXIF; a renamed HTML page is refused in French with the
// text kept; a private group's photo answers 404 to Bruno, who is not in it. Then avatars and
// banners: Anne's avatar beside her name on her cards (a square file without EXIF), the private
// group's banner (404 to Bruno), the section's banner (a renamed page refused first, in French).
// And a compte-rendu's photo: written offline and queued with it (JavaScript), or a plain
// multipart form (without); seen by its organizer, not by a member who did not come.

const fixtures = path.resolve(__dirname, "../fixtures");

/** The `src` of every picture of the publication that contains `text`, once its images loaded. */
async function pictureSources(page: Page, text: string): Promise<string[]> {
  const images = page.locator("article.post", { hasText: text }).locator(".post-pictures img");
  await expect(images).toHaveCount(2);
  const sources: string[] = [];
  for (const image of await images.all()) {
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    sources.push((await image.evaluate((i) => (i as HTMLImageElement).currentSrc)) || (await image.getAttribute("src"))!);
  }
  return sources;
}

/** Whether `bytes` holds `needle`. */
function holds(bytes: Buffer, needle: Buffer): boolean {
  return bytes.indexOf(needle) >= 0;
}

test("photos : deux photos depuis le téléphone, sans GPS, réservées à qui voit la publication", async ({ browser, baseURL, databaseUrl }, testInfo) => {
  test.setTimeout(150_000);
  const js = testInfo.project.use.javaScriptEnabled !== false;
  const stamp = Date.now().toString(36);
  const anne = person("Anne", stamp);
  const bruno = person("Bruno", stamp);

  // Anne (national admin, from Calais) creates the Calais section; Bruno, sympathisant, lives there.
  const a = await signUp(browser, baseURL!, js, anne, "62100", "adherent");
  operator(databaseUrl, ["grant-admin", "--email", anne.email]);
  const sectionFeed = (await createSection(a, js, "62", `Calais ${stamp}`, "Calais")) + "/fil";
  const b = await signUp(browser, baseURL!, js, bruno, "62100", "sympathisant");
  await b.goto(sectionFeed);
  await settle(b, js);

  // A page renamed .jpg: refused in French, the text and the description kept, nothing published.
  await a.goto(sectionFeed);
  await settle(a, js);
  const text = `Le stand du marché ${stamp}`;
  await openComposer(a);
  await a.getByLabel("Ton message").fill(text);
  await a.getByLabel("Pour qui ?").selectOption("section|");
  await a.locator("details.photo-fields > summary").click();
  await a.getByLabel("Photo 1", { exact: true }).setInputFiles(path.join(fixtures, "page.jpg"));
  await a.getByLabel("Description de la photo 1, pour qui ne la voit pas").fill("Le stand et ses tracts");
  await a.getByRole("button", { name: "Publier", exact: true }).click();
  await expect(a.getByText("Ce fichier n’est pas une photo : envoie une image JPEG, PNG ou WebP.")).toBeVisible();
  await expect(a.getByLabel("Ton message")).toHaveValue(text);
  await expect(a.getByLabel("Description de la photo 1, pour qui ne la voit pas")).toHaveValue("Le stand et ses tracts");
  await expect(a.locator("article.post", { hasText: text })).toHaveCount(0);

  // Two photos from the file picker: the phone's (EXIF orientation and GPS) and a PNG poster.
  await a.getByLabel("Photo 1", { exact: true }).setInputFiles(path.join(fixtures, "photo-gps.jpg"));
  await a.getByLabel("Photo 2", { exact: true }).setInputFiles(path.join(fixtures, "affiche.png"));
  await a.getByLabel("Description de la photo 2, pour qui ne la voit pas").fill("L’affiche de la réunion publique");
  await a.getByRole("button", { name: "Publier", exact: true }).click();
  const card = a.locator("article.post", { hasText: text });
  await expect(card).toBeVisible();
  await expect(card.getByRole("img", { name: "Le stand et ses tracts" })).toBeVisible();
  // Upright: the 1200×900 sensor image with orientation 6 is a portrait, its size on the <img>.
  await expect(card.locator("img").first()).toHaveAttribute("height", /^\d+$/);
  const [w, h] = await card.locator("img").first().evaluate((i) => [Number(i.getAttribute("width")), Number(i.getAttribute("height"))]);
  expect(h).toBeGreaterThan(w);

  // Bruno sees them: announced live with JavaScript, on reloading without.
  if (js) {
    await b.getByRole("button", { name: "1 nouvelle publication" }).click();
  } else {
    await b.reload();
  }
  const sources = await pictureSources(b, text);
  expect(sources).toHaveLength(2);
  for (const source of sources) {
    const response = await b.request.get(source);
    expect(response.status()).toBe(200);
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(response.headers()["content-security-policy"]).toMatch(/^sandbox/);
    const bytes = await response.body();
    expect(holds(bytes, Buffer.from("Exif")), `${source} holds an EXIF block`).toBe(false);
    // The fixture's GPS latitude, 50/1 as a little-endian rational.
    expect(holds(bytes, Buffer.from([50, 0, 0, 0, 1, 0, 0, 0])), `${source} holds the GPS latitude`).toBe(false);
  }

  // A private group's photo: Bruno, not a member, gets the 404 of a picture that never existed.
  await a.goto("/groupes/nouveau");
  await settle(a, js);
  const groupName = `Cercle photo ${stamp}`;
  await a.getByLabel("Nom du groupe").fill(groupName);
  await a.getByLabel("Objet du groupe").fill("Les photos des réunions, entre nous seulement.");
  await a.getByLabel(/Privé\s:\ssur demande/).check();
  await a.getByRole("button", { name: "Créer le groupe" }).click();
  // Other tests' groups on this database may look close: then the form asks to confirm.
  const heading = a.getByRole("heading", { level: 1, name: groupName });
  const anyway = a.getByLabel("Créer quand même");
  await expect(heading.or(anyway)).toBeVisible();
  if (await anyway.isVisible()) {
    await anyway.check();
    await a.getByRole("button", { name: "Créer le groupe" }).click();
  }
  await expect(heading).toBeVisible();
  const groupPage = new URL(a.url()).pathname;
  await settle(a, js);
  const secret = `Photo de la réunion ${stamp}`;
  await openComposer(a);
  await a.getByLabel("Ton message").fill(secret);
  await a.locator("details.photo-fields > summary").click();
  await a.getByLabel("Photo 1", { exact: true }).setInputFiles(path.join(fixtures, "affiche.png"));
  await a.getByRole("button", { name: "Publier", exact: true }).click();
  const secretImage = a.locator("article.post", { hasText: secret }).locator(".post-pictures img");
  await expect(secretImage).toHaveCount(1);
  const secretSource = await secretImage.getAttribute("src");
  expect((await a.request.get(secretSource!)).status()).toBe(200);
  const outsider = await b.request.get(secretSource!);
  expect(outsider.status()).toBe(404);
  const missing = await b.request.get(secretSource!.replace(/\/medias\/[0-9a-f]{32}\//, "/medias/0123456789abcdef0123456789abcdef/"));
  expect(missing.status()).toBe(404);
  expect(await outsider.text()).toBe(await missing.text());

  // Anne's avatar, from her profile's file picker: round there, and beside her name on her cards.
  await a.goto("/profil");
  await settle(a, js);
  await a.getByLabel("Choisis une photo").setInputFiles(path.join(fixtures, "photo-gps.jpg"));
  await a.getByRole("button", { name: "Enregistrer la photo" }).click();
  await expect(a.locator("#photo img.avatar-160")).toBeVisible();
  await settle(a, js);
  await b.goto(sectionFeed);
  await settle(b, js);
  const avatar = b.locator("article.post", { hasText: text }).locator("img.avatar-40");
  await avatar.scrollIntoViewIfNeeded();
  await expect.poll(() => avatar.evaluate((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  const avatarSource = await avatar.evaluate((i) => (i as HTMLImageElement).currentSrc || i.getAttribute("src")!);
  const avatarFile = await b.request.get(avatarSource);
  expect(avatarFile.status()).toBe(200);
  expect(holds(await avatarFile.body(), Buffer.from("Exif")), "the avatar holds an EXIF block").toBe(false);

  // The private group's banner, from its page: its members see it, Bruno gets the 404.
  await a.goto(groupPage);
  await settle(a, js);
  await a.getByLabel("Choisis une photo").setInputFiles(path.join(fixtures, "affiche.png"));
  await a.getByRole("button", { name: "Enregistrer la bannière" }).click();
  const groupBanner = a.locator("header .banner img");
  await expect(groupBanner).toBeVisible();
  const groupBannerSource = (await groupBanner.getAttribute("src"))!;
  expect((await a.request.get(groupBannerSource)).status()).toBe(200);
  expect((await b.request.get(groupBannerSource)).status()).toBe(404);
  await settle(a, js);

  // The section's banner, from its edit page: a renamed page is refused in French, then a
  // picture is taken and anyone sees it on the section's page, its place reserved.
  const sectionPage = sectionFeed.replace(/\/fil$/, "");
  await a.goto(sectionPage + "/modifier");
  await settle(a, js);
  await a.getByLabel("Choisis une photo").setInputFiles(path.join(fixtures, "page.jpg"));
  await a.getByRole("button", { name: "Enregistrer la bannière" }).click();
  await expect(a.getByText("Ce fichier n’est pas une photo : envoie une image JPEG, PNG ou WebP.")).toBeVisible();
  await settle(a, js);
  await a.getByLabel("Choisis une photo").setInputFiles(path.join(fixtures, "affiche.png"));
  await a.getByRole("button", { name: "Enregistrer la bannière" }).click();
  await expect(a).toHaveURL(new RegExp(`${sectionPage}$`));
  await b.goto(sectionPage);
  await settle(b, js);
  const sectionBanner = b.locator("header .banner img");
  await expect(sectionBanner).toHaveAttribute("height", /^\d+$/);
  await expect.poll(() => sectionBanner.evaluate((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
});

test("photos d’un compte-rendu : prises hors ligne, envoyées avec lui, vues de qui était là", async ({ browser, baseURL, databaseUrl, consoleGuard }, testInfo) => {
  test.setTimeout(120_000);
  const js = testInfo.project.use.javaScriptEnabled !== false;
  const stamp = Date.now().toString(36);
  const claire = person("Claire", stamp);
  const denis = person("Denis", stamp);

  // Claire (national admin) organized a tractage in Calais yesterday; Denis lives there but did
  // not come.
  const c = await signUp(browser, baseURL!, js, claire, "62100", "adherent");
  operator(databaseUrl, ["grant-admin", "--email", claire.email]);
  const d = await signUp(browser, baseURL!, js, denis, "62100", "sympathisant");
  const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const created = await c.request.post("/actions", {
    form: {
      scope: "federation:62",
      kind: "tractage",
      title: `Tractage du port ${stamp}`,
      place_name: "Quai de la Colonne",
      commune: "Calais",
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

  // The compte-rendu with a photo from the phone's file picker: with JavaScript it is written
  // with no network, kept on the phone (the photo in IndexedDB) and sent when the network
  // returns; without, it is a plain multipart form.
  await c.goto(`${actionPath}/compte-rendu`);
  await settle(c, js);
  if (js) {
    consoleGuard.allow(/net::ERR_INTERNET_DISCONNECTED/);
    await c.context().setOffline(true);
  }
  await c.getByLabel("Tracts distribués").fill("320");
  await c.locator("details.photo-fields > summary").click();
  await c.getByLabel("Photo 1", { exact: true }).setInputFiles(path.join(fixtures, "photo-gps.jpg"));
  await c.getByLabel("Description de la photo 1, pour qui ne la voit pas").fill("L’équipe sur le quai");
  await c.getByRole("button", { name: "Envoyer le compte-rendu" }).click();
  if (js) {
    const status = c.locator("#report-status");
    await expect(status).toHaveAttribute("data-state", "pending");
    const keptPhotos = () =>
      c.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const opening = indexedDB.open("coopol-hors-ligne", 1);
            opening.onsuccess = () => {
              const count = opening.result.transaction("photos-en-attente").objectStore("photos-en-attente").count();
              count.onsuccess = () => {
                opening.result.close();
                resolve(count.result);
              };
              count.onerror = () => reject(count.error);
            };
            opening.onerror = () => reject(opening.error);
          }),
      );
    expect(await keptPhotos(), "the photo waits on the phone").toBe(1);
    await c.context().setOffline(false);
    await expect(status).toHaveAttribute("data-state", "sent");
    expect(await keptPhotos(), "and leaves it once the server kept it").toBe(0);
    await c.goto(actionPath);
  }
  await expect(c).toHaveURL(new RegExp(`${actionPath}(\\?compte-rendu=ok)?(#.*)?$`));
  const photo = c.locator(".report .post-pictures img");
  await expect(photo).toHaveCount(1);
  await expect(photo).toHaveAttribute("alt", "L’équipe sur le quai");
  await photo.scrollIntoViewIfNeeded();
  await expect.poll(() => photo.evaluate((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  const source = await photo.evaluate((i) => (i as HTMLImageElement).currentSrc || i.getAttribute("src")!);
  const file = await c.request.get(source);
  expect(file.status()).toBe(200);
  const bytes = await file.body();
  expect(holds(bytes, Buffer.from("Exif")), "the photo holds an EXIF block").toBe(false);
  expect(holds(bytes, Buffer.from([50, 0, 0, 0, 1, 0, 0, 0])), "the photo holds the GPS latitude").toBe(false);

  // Denis sees the figures, not the faces: no photo on the page, 404 for its address.
  await d.goto(actionPath);
  await settle(d, js);
  await expect(d.locator(".report-figures")).toContainText("320");
  await expect(d.locator(".report .post-pictures img")).toHaveCount(0);
  expect((await d.request.get(source)).status()).toBe(404);

  // Claire takes it off again: its address answers 404 at once.
  await c.goto(`${actionPath}/compte-rendu`);
  await settle(c, js);
  await c.getByLabel("Retirer la photo 1").check();
  await c.getByRole("button", { name: "Envoyer le compte-rendu" }).click();
  await expect(c).toHaveURL(/compte-rendu=ok/);
  await expect(c.locator(".report-figures")).toContainText("320");
  await expect(c.locator(".report .post-pictures img")).toHaveCount(0);
  expect((await c.request.get(source)).status()).toBe(404);
});
