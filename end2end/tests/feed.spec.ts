import { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { openComposer, operator, person, settle, signUp } from "./helpers";

// The social feed, live, in two browser contexts (issue 4): A publishes to the section, B sees it
// appear without reloading, comments and reacts; A's notification count rises live. A private
// group's publications and member count stay invisible to a non-member.

/** Marks the document so a later check can prove the page was never reloaded. */
async function markDocument(page: Page) {
  await page.evaluate(() => ((window as unknown as { coopolMark: number }).coopolMark = 42));
}
async function expectSameDocument(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { coopolMark?: number }).coopolMark)).toBe(42);
}

test("fil de section en direct, commentaires, réactions, notifications et groupe privé", async ({ browser, baseURL, databaseUrl }) => {
  test.setTimeout(150_000);
  const stamp = Date.now().toString(36);
  const anne = person("Anne", stamp);
  const bruno = person("Bruno", stamp);

  // Anne (national admin, from Dunkerque) creates the Dunkerque section.
  const a = await signUp(browser, baseURL!, true, anne, "59140", "adherent");
  operator(databaseUrl, ["grant-admin", "--email", anne.email]);
  await a.goto("/federations/59/nouvelle-section");
  await settle(a, true);
  const sectionName = `Dunkerque ${stamp}`;
  await a.getByLabel("Nom de la section").fill(sectionName);
  await a.getByRole("textbox", { name: "Communes couvertes" }).fill("Dunkerque");
  await a.getByRole("button", { name: "Créer la section" }).click();
  await expect(a.getByRole("heading", { level: 1, name: sectionName })).toBeVisible();
  const sectionFeed = new URL(a.url()).pathname + "/fil";

  // Bruno, sympathisant in Dunkerque, reads the section feed.
  const b = await signUp(browser, baseURL!, true, bruno, "59140", "sympathisant");
  await b.goto(sectionFeed);
  await settle(b, true);
  await expect(b.getByRole("heading", { level: 1, name: sectionName })).toBeVisible();
  await markDocument(b);

  // Anne watches her notifications badge on her home feed, in a second tab of her context.
  const aHome = await a.context().newPage();
  await aHome.goto("/fil");
  await settle(aHome, true);
  await markDocument(aHome);
  const badge = aHome.getByRole("navigation").locator(".unread-badge[data-badge=\"notifications\"]");
  await expect(badge).toHaveAttribute("data-unread", "0");

  // Anne publishes to the section.
  await a.goto(sectionFeed);
  await settle(a, true);
  const text = `Tractage samedi au marché, qui vient ? #tractage${stamp}`;
  await markDocument(a);
  await openComposer(a);
  await a.getByLabel("Ton message").fill(text);
  await a.getByLabel("Pour qui ?").selectOption("section|");
  await a.getByRole("button", { name: "Publier", exact: true }).click();
  await expect(a.locator("article.post", { hasText: text })).toBeVisible();
  // Published in place: the same page, the composer emptied and folded.
  await expectSameDocument(a);
  await expect(a.locator("details.composer")).not.toHaveAttribute("open");
  await expect(a.getByLabel("Ton message", { exact: true })).toHaveValue("");

  // Bruno sees it announced live, and inserts it with one tap.
  await b.getByRole("button", { name: "1 nouvelle publication" }).click();
  const post = b.locator("article.post", { hasText: text });
  await expect(post).toBeVisible();
  await expectSameDocument(b);

  // Anne keeps her publication's page open: comments will appear there by themselves.
  const postPath = await a.locator("article.post", { hasText: text }).locator(".post-header .hint a").first().getAttribute("href");
  await a.goto(postPath!);
  await settle(a, true);
  await markDocument(a);

  // Bruno reacts and comments: in place, without reloading (plain forms without JavaScript).
  const bravo = post.getByRole("button", { name: /^Bravo/ });
  await expect(bravo).toHaveAttribute("aria-pressed", "false");
  await bravo.click();
  await expect(bravo).toHaveAttribute("aria-pressed", "true");
  await expect(bravo.locator(".count")).toHaveText("1");
  await expectSameDocument(b);
  // Pages are full navigations (islands): the publication's page is a new document.
  await b.locator("article.post", { hasText: text }).getByRole("link", { name: /commentaire/ }).click();
  await settle(b, true);
  await markDocument(b);
  await b.getByLabel("Ton commentaire").fill("J’y serai, avec des tracts !");
  await b.getByRole("button", { name: "Commenter" }).click();
  await expect(b.locator(".comment", { hasText: "J’y serai, avec des tracts !" })).toBeVisible();
  await expect(b.getByLabel("Ton commentaire")).toHaveValue("");
  await expectSameDocument(b);
  // …and it reached Anne's open page live.
  await expect(a.locator(".comment", { hasText: "J’y serai, avec des tracts !" })).toBeVisible();
  await expectSameDocument(a);

  // Anne's unread count rose without reloading her page.
  await expect(badge).not.toHaveAttribute("data-unread", "0");
  await expect(badge).toBeVisible();
  await expectSameDocument(aHome);
  await aHome.getByRole("navigation").getByRole("link", { name: /Notifications/ }).click();
  await expect(aHome.getByText(`${bruno.name} a commenté ta publication.`)).toBeVisible();
  await expect(aHome.getByText(`${bruno.name} a réagi à ta publication.`)).toBeVisible();

  // Infinite scroll: with more than a page of publications, scrolling down loads the older ones
  // in place (the "publications plus anciennes" link stays for keyboards and without JavaScript).
  for (let i = 0; i < 21; i++) {
    const response = await a.request.post("/publications", {
      form: { form: "publier", retour: sectionFeed, body: `Point d’étape n°${i}`, audience_group: "section|" },
      headers: { origin: new URL(baseURL!).origin },
    });
    expect(response.ok()).toBe(true);
  }
  await b.goto(sectionFeed);
  await settle(b, true);
  await expect(b.locator("article.post")).toHaveCount(20);
  await b.locator("p.older a").scrollIntoViewIfNeeded();
  await expect(b.locator("article.post")).toHaveCount(22);
  await expect(b.getByText("Tu as tout lu.")).toBeVisible();
  // The cards of the older page are the server's HTML; their footers woke up too.
  const oldest = b.locator("article.post", { hasText: "Point d’étape n°0" }).getByRole("button", { name: /^Bravo/ });
  await oldest.click();
  await expect(oldest).toHaveAttribute("aria-pressed", "true");
  await expect(oldest.locator(".count")).toHaveText("1");
  expect(new URL(b.url()).search).toBe("");

  // A private group: Anne creates it and publishes in it.
  await a.goto("/groupes/nouveau");
  await settle(a, true);
  const groupName = `Cercle ${stamp}`;
  await a.getByLabel("Nom du groupe").fill(groupName);
  await a.getByLabel("Objet du groupe").fill("Préparer la campagne municipale en petit comité.");
  await a.getByLabel(/Privé\s:\ssur demande/).check();
  await a.getByRole("button", { name: "Créer le groupe" }).click();
  await expect(a.getByRole("heading", { level: 1, name: groupName })).toBeVisible();
  const groupPath = new URL(a.url()).pathname;
  await expect(a.getByText("1 membre", { exact: false }).first()).toBeVisible();
  await settle(a, true);
  const secret = `Réunion discrète jeudi #cercle${stamp}`;
  await openComposer(a);
  await a.getByLabel("Ton message").fill(secret);
  await a.getByRole("button", { name: "Publier", exact: true }).click();
  await expect(a.locator("article.post", { hasText: secret })).toBeVisible();

  // Bruno, not a member, sees neither the publication, nor the members, nor their number.
  await b.goto(groupPath);
  await expect(b.getByRole("heading", { level: 1, name: groupName })).toBeVisible();
  await expect(b.getByText("Groupe privé : publications, membres et effectif sont réservés à ses membres.")).toBeVisible();
  await expect(b.getByText(secret)).toHaveCount(0);
  await expect(b.getByText(/\d+ membres?\b/)).toHaveCount(0);
  await expect(b.getByText(anne.name)).toHaveCount(0);
  for (const path of ["/fil", `/tags/cercle${stamp}`, `/membres/${anne.handle}/publications`]) {
    await b.goto(path);
    await expect(b.locator("main h1")).toBeVisible();
    await expect(b.getByText(secret)).toHaveCount(0);
  }
  // The group list names the private group, without its member count.
  await b.goto("/groupes");
  const row = b.locator("main li", { hasText: groupName });
  await expect(row).toBeVisible();
  await expect(row.getByText(/membre/)).toHaveCount(0);
});

// Islands (issue 15): pages are full navigations, each opening its own stream. What is published
// while a tab goes from one page to the next arrives on the next page, once; an island keeps its
// state (a reaction given, a comment being typed) when a live event redraws what is around it.
test("le direct survit à la navigation, un îlot garde son état", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const anne = person("Anne", stamp);
  const bruno = person("Bruno", stamp);
  const a = await signUp(browser, baseURL!, true, anne, "29200", "adherent");
  const b = await signUp(browser, baseURL!, true, bruno, "29200", "sympathisant");
  const origin = new URL(baseURL!).origin;
  const publish = async (body: string) => {
    const response = await a.request.post("/publications", { form: { form: "publier", retour: "/fil", body, audience_group: "public|" }, headers: { origin } });
    expect(response.ok()).toBe(true);
  };
  const feed = `/membres/${anne.handle}/publications`;
  const position = () => b.evaluate(() => sessionStorage.getItem("coopol-flux-dernier"));

  // Bruno is on Anne's profile: its stream gives the tab a position.
  await b.goto(`/membres/${anne.handle}`);
  await settle(b, true);
  await expect.poll(position).not.toBeNull();

  // He opens her publications; the new page's stream is slow to connect, and meanwhile Anne
  // publishes. The page was drawn before: the stream, resuming from the tab's position, says so.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await b.route("**/api/flux**", async (route) => {
    await held;
    await route.continue().catch(() => {});
  });
  await b.goto(feed);
  await settle(b, true);
  await expect(b.getByText(/Rien à lire ici/)).toBeVisible();
  const first = `Entre deux pages ${stamp}`;
  await publish(first);
  await b.unroute("**/api/flux**");
  release();
  await markDocument(b);
  await b.getByRole("button", { name: "1 nouvelle publication" }).click();
  const card = b.locator("article.post", { hasText: first });
  await expect(card).toBeVisible();

  // Bruno reacts; Anne's comment then changes the card's counts live: his reaction stays.
  const bravo = card.getByRole("button", { name: /^Bravo/ });
  await bravo.click();
  await expect(bravo).toHaveAttribute("aria-pressed", "true");
  const postId = await card.getAttribute("data-post");
  const comment = await a.request.post(`/publications/${postId}/commentaires`, { form: { form: "commenter", comment: "Merci Bruno" }, headers: { origin } });
  expect(comment.ok()).toBe(true);
  await expect(card.getByRole("link", { name: /^1\scommentaire$/ })).toBeVisible();
  await expect(bravo).toHaveAttribute("aria-pressed", "true");
  await expect(bravo.locator(".count")).toHaveText("1");
  await expectSameDocument(b);

  // On the publication's page, a comment being typed survives others' comments arriving live.
  await card.getByRole("link", { name: /^1\scommentaire$/ }).click();
  await settle(b, true);
  await b.getByLabel("Ton commentaire").fill("Un brouillon");
  await a.request.post(`/publications/${postId}/commentaires`, { form: { form: "commenter", comment: "Et à bientôt" }, headers: { origin } });
  await expect(b.locator(".comment", { hasText: "Et à bientôt" })).toBeVisible();
  await expect(b.getByLabel("Ton commentaire")).toHaveValue("Un brouillon");

  // Back on the feed, which now shows the first publication: a new one is announced alone (the
  // first is neither lost nor counted twice).
  await b.goto(feed);
  await settle(b, true);
  await expect(b.locator("article.post", { hasText: first })).toBeVisible();
  await publish(`Plus tard ${stamp}`);
  await expect(b.getByRole("button", { name: "1 nouvelle publication" })).toBeVisible();

  // The WebAssembly can come after the stream: a publication announced meanwhile waits in the
  // stream's backlog. The islands wake up drawing what the server drew (a different drawing
  // panics, which the console guard catches), then announce it. Bruno's session in a tab whose
  // WebAssembly is held back (no service worker: it would answer from its cache).
  const slow = await browser.newContext({
    baseURL,
    locale: "fr-FR",
    viewport: { width: 360, height: 800 },
    serviceWorkers: "block",
    storageState: await b.context().storageState(),
  });
  const c = await slow.newPage();
  let releaseWasm!: () => void;
  const wasmHeld = new Promise<void>((resolve) => (releaseWasm = resolve));
  await c.route("**/*.wasm", async (route) => {
    await wasmHeld;
    await route.continue().catch(() => {});
  });
  await c.goto(feed);
  await expect(c.locator("article.post", { hasText: `Plus tard ${stamp}` })).toBeVisible();
  // The stream is open (it says where it stands) before Anne publishes.
  await expect.poll(() => c.evaluate(() => sessionStorage.getItem("coopol-flux-dernier"))).not.toBeNull();
  await publish(`Avant le réveil ${stamp}`);
  type Backlog = { coopolLive: { events: { type: string; data: { author?: string } }[] } };
  const backlog = () =>
    c.evaluate((handle) => (window as unknown as Backlog).coopolLive.events.filter((e) => e.type === "post" && e.data.author === handle).length, anne.handle);
  await expect.poll(backlog).toBe(1);
  await expect(c.locator("html[data-hydrated]")).toHaveCount(0);
  await c.unroute("**/*.wasm");
  releaseWasm();
  await settle(c, true);
  await c.getByRole("button", { name: "1 nouvelle publication" }).click();
  await expect(c.locator("article.post", { hasText: `Avant le réveil ${stamp}` })).toBeVisible();
  await slow.close();
});
