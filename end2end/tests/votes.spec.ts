import { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { audit, createSection, moveActionToYesterday, operator, person, settle, signUp } from "./helpers";

// Débats and votes (issue 20), on a phone, with JavaScript (SQLite) and without (PostgreSQL): a
// secretary opens a debate, two adhérents contribute (live on each other's page with JavaScript),
// support and propose; the secretary selects both propositions and puts them to a jugement
// majoritaire (a refused form first: what to fix, what was typed kept), the
// section's confirmed adhérents vote and get a receipt, a sympathisant cannot, a second ballot is
// refused; once everyone voted the secretary closes it, the result is on the section's feed, and
// the ballots' CSV holds every receipt.

/** Tomorrow at 20:00 as a datetime-local value (Paris and this machine agree on the day). */
function tomorrowEvening(): string {
  const d = new Date(Date.now() + 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T20:00`;
}

async function grade(page: Page, js: boolean, path: string, grades: [string, string]): Promise<string> {
  await page.goto(path);
  await settle(page, js);
  await page.getByLabel("Marché de Talensac").selectOption({ label: grades[0] });
  await page.getByLabel("Gare de Nantes").selectOption({ label: grades[1] });
  await page.getByRole("button", { name: "Voter", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Ton vote est enregistré. Voici ton reçu :" })).toBeVisible();
  const receipt = (await page.locator(".receipt-code").textContent())?.trim() ?? "";
  expect(receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  return receipt;
}

test("du débat à l’action : contributions, propositions, jugement majoritaire secret, résultat publié, tractage et compte-rendu", async ({
  browser,
  baseURL,
  databaseUrl,
  javaScriptEnabled,
}) => {
  test.setTimeout(240_000);
  const js = javaScriptEnabled;
  const stamp = Date.now().toString(36) + Math.floor(Math.random() * 1e4).toString(36);
  const anne = person("Anne", stamp);
  const sophie = person("Sophie", stamp);
  const voters = ["Alice", "Bruno", "Chloé"].map((name) => person(name, stamp));
  const sacha = person("Sacha", stamp);

  // A Nantes section; Sophie, its secretary, confirmed by Anne (national administrator).
  const admin = await signUp(browser, baseURL!, js, anne, "44000", "adherent");
  operator(databaseUrl, ["grant-admin", "--email", anne.email]);
  const sectionName = `Nantes ${stamp}`;
  const section = await createSection(admin, js, "44", sectionName, "Nantes");
  const s = await signUp(browser, baseURL!, js, sophie, "44000", "adherent");
  await admin.goto(section);
  await settle(admin, js);
  await admin.getByLabel("Identifiant du membre").fill(sophie.handle!);
  await admin.getByLabel("Rôle").selectOption({ label: "Secrétaire de section" });
  await admin.getByRole("button", { name: "Nommer", exact: true }).click();
  await expect(admin.locator("#team-title + ul").getByRole("link", { name: sophie.name })).toBeVisible();
  await admin.locator("li.person", { hasText: sophie.name }).getByRole("button", { name: "Confirmer l’adhésion" }).click();
  await expect(admin.locator("li.person", { hasText: sophie.name }).getByRole("button", { name: "Confirmer l’adhésion" })).toHaveCount(0);

  // Three adhérents, confirmed by Sophie; a sympathisant.
  const pages: Page[] = [];
  for (const voter of voters) {
    pages.push(await signUp(browser, baseURL!, js, voter, "44000", "adherent"));
  }
  const r = await signUp(browser, baseURL!, js, sacha, "44000", "sympathisant");
  await s.goto(section);
  await settle(s, js);
  for (const voter of voters) {
    await s.locator("li.person", { hasText: voter.name }).getByRole("button", { name: "Confirmer l’adhésion" }).click();
    await expect(s.locator("li.person", { hasText: voter.name }).getByRole("button", { name: "Confirmer l’adhésion" })).toHaveCount(0);
  }

  // Sophie opens a debate from the section's page.
  await s.getByRole("link", { name: "Débats", exact: true }).click();
  await settle(s, js);
  await expect(s.getByRole("heading", { level: 1, name: `Débats — ${sectionName}` })).toBeVisible();
  const question = `Où tracter samedi ? ${stamp}`;
  await s.getByLabel("Question").fill(question);
  await s.getByLabel("Présentation").fill("Deux lieux possibles pour samedi matin : choisissons ensemble.");
  await s.getByLabel("Clôture").fill(tomorrowEvening());
  await s.getByRole("button", { name: "Ouvrir le débat" }).click();
  await expect(s.getByRole("heading", { level: 1, name: question })).toBeVisible();
  const debatePath = new URL(s.url()).pathname;
  expect(debatePath).toMatch(/^\/debats\/\d+$/);

  // Alice contributes and proposes; a contribution without a stance is refused, its text kept.
  const [alice, bruno] = [pages[0], pages[1]];
  await alice.goto(debatePath);
  await settle(alice, js);
  await alice.getByLabel("Ta contribution").fill("Le marché de Talensac, c’est là que sont les gens le samedi.");
  await alice.getByRole("button", { name: "Contribuer" }).click();
  await expect(alice.getByText("Choisis une des options.")).toBeVisible();
  await expect(alice.getByLabel("Ta contribution")).toHaveValue("Le marché de Talensac, c’est là que sont les gens le samedi.");
  await alice.getByLabel("Pour", { exact: true }).check();
  await alice.getByRole("button", { name: "Contribuer" }).click();
  const aliceSaid = alice.locator("li.contribution", { hasText: "c’est là que sont les gens" });
  await expect(aliceSaid).toContainText("Pour");
  await alice.getByLabel("Ta proposition (titre)").fill("Marché de Talensac");
  await alice.getByRole("button", { name: "Proposer", exact: true }).click();
  await expect(alice.locator("li.proposal", { hasText: "Marché de Talensac" })).toBeVisible();
  await settle(alice, js);

  // Bruno nuances, supports Alice and proposes; with JavaScript, Alice sees it come live.
  await bruno.goto(debatePath);
  await settle(bruno, js);
  await bruno.getByLabel("Nuance", { exact: true }).check();
  await bruno.getByLabel("Ta contribution").fill("La gare touche aussi les navetteurs.");
  await bruno.getByRole("button", { name: "Contribuer" }).click();
  await bruno.locator("li.contribution", { hasText: "c’est là que sont les gens" }).getByRole("button", { name: /^\+1/ }).click();
  await expect(bruno.locator("li.contribution", { hasText: "c’est là que sont les gens" })).toContainText("1 soutien (dont le tien)");
  await bruno.getByLabel("Ta proposition (titre)").fill("Gare de Nantes");
  await bruno.getByRole("button", { name: "Proposer", exact: true }).click();
  await expect(bruno.locator("li.proposal", { hasText: "Gare de Nantes" })).toBeVisible();
  if (js) {
    await expect(alice.locator("li.contribution", { hasText: "navetteurs" })).toContainText("Nuance");
    await expect(alice.locator("li.proposal", { hasText: "Gare de Nantes" })).toBeVisible();
    await audit(alice, "un débat");
  }
  // Sacha, sympathisant of the section, reads the debate and could contribute too.
  await r.goto(debatePath);
  await settle(r, js);
  await expect(r.locator("li.contribution", { hasText: "navetteurs" })).toBeVisible();

  // Sophie selects both propositions and puts them to a vote. One option only: refused, what
  // was typed kept.
  await s.goto(debatePath);
  await settle(s, js);
  for (const place of ["Marché de Talensac", "Gare de Nantes"]) {
    // By its title: the team's merge menus name the other propositions too.
    const proposal = s.locator("li.proposal").filter({ has: s.locator("strong", { hasText: place }) });
    await proposal.getByRole("button", { name: "Retenir pour le vote" }).click();
    await expect(s.locator("li.proposal").filter({ has: s.locator("strong", { hasText: place }) })).toContainText("Retenue pour le vote");
  }
  await s.getByRole("link", { name: "Mettre au vote les propositions retenues" }).click();
  await settle(s, js);
  await expect(s.getByRole("heading", { level: 1, name: `Votes — ${sectionName}` })).toBeVisible();
  await expect(s.getByText("Un vote ouvert maintenant compterait 4 inscrit·es.")).toBeVisible();
  await expect(s.getByLabel("Question")).toHaveValue(question);
  await expect(s.getByLabel("Options, une par ligne")).toHaveValue("Marché de Talensac\nGare de Nantes");
  await expect(s.getByLabel("Jugement majoritaire (une mention pour chaque option)")).toBeChecked();
  await s.getByLabel("Options, une par ligne").fill("Marché de Talensac");
  await s.getByLabel("Clôture").fill(tomorrowEvening());
  await s.getByRole("button", { name: "Ouvrir le vote" }).click();
  await expect(s.getByText("Il faut au moins 2\u00a0options, une par ligne.")).toBeVisible();
  await expect(s.getByLabel("Question")).toHaveValue(question);
  await s.getByLabel("Options, une par ligne").fill("Marché de Talensac\nGare de Nantes");
  await s.getByRole("button", { name: "Ouvrir le vote" }).click();
  await expect(s.getByRole("heading", { level: 1, name: question })).toBeVisible();
  await expect(s.getByText("0 votant·e sur 4 inscrit·es")).toBeVisible();
  const votePath = new URL(s.url()).pathname;
  expect(votePath).toMatch(/^\/votes\/\d+$/);
  if (js) await audit(s, "un vote ouvert");

  // The adhérents vote; each gets a receipt; a second ballot is impossible.
  const receipts: string[] = [];
  receipts.push(await grade(pages[0], js, votePath, ["Très bien", "Passable"]));
  receipts.push(await grade(pages[1], js, votePath, ["Bien", "Bien"]));
  // Sophie's page, open since the opening, counts them live (with JavaScript).
  if (js) await expect(s.getByText("2 votant·es sur 4 inscrit·es")).toBeVisible();
  await pages[0].goto(votePath);
  await expect(pages[0].getByText("Tu as voté.")).toBeVisible();
  await expect(pages[0].getByRole("button", { name: "Voter", exact: true })).toHaveCount(0);
  // A second ballot sent anyway (with a made-up receipt field): refused in French, no receipt shown.
  const again = await pages[0].request.post(votePath, {
    form: { "note-1": "6", "note-2": "6", recu: "FAUX-RECU-0000" },
    headers: { origin: new URL(baseURL!).origin },
  });
  expect(again.status()).toBe(422);
  const refusedPage = await again.text();
  expect(refusedPage).toContain("Tu as déjà voté");
  expect(refusedPage).not.toContain("FAUX-RECU");
  // Not graded everything: refused, nothing recorded.
  await pages[2].goto(votePath);
  await settle(pages[2], js);
  await pages[2].getByLabel("Marché de Talensac").selectOption({ label: "Bien" });
  await pages[2].getByRole("button", { name: "Voter", exact: true }).click();
  await expect(pages[2].getByText("Donne une mention à cette option")).toBeVisible();
  await expect(pages[2].getByText("2 votant·es sur 4 inscrit·es")).toBeVisible();
  receipts.push(await grade(pages[2], js, votePath, ["Bien", "Insuffisant"]));

  // Sacha follows the vote, without a ballot; the results wait for the closing.
  await r.goto(votePath);
  await settle(r, js);
  await expect(r.getByText("Ce vote est réservé aux adhérent·es confirmé·es au moment de son ouverture")).toBeVisible();
  await expect(r.getByRole("button", { name: "Voter", exact: true })).toHaveCount(0);
  await expect(r.getByText(/Le résultat sera publié à la clôture/)).toBeVisible();

  // Sophie votes last, then closes: everyone voted.
  receipts.push(await grade(s, js, votePath, ["Excellent", "À rejeter"]));
  await s.goto(votePath);
  await settle(s, js);
  await s.getByRole("button", { name: "Clore le vote maintenant (tout le monde a voté)" }).click();
  await expect(s.getByText("En tête\u00a0: «\u202fMarché de Talensac\u202f».")).toBeVisible();
  await expect(s.getByRole("row", { name: /1re Marché de Talensac Bien/ })).toBeVisible();
  if (js) await audit(s, "un vote dépouillé");

  // The result on the section's feed, for Sacha too.
  await r.goto(`${section}/fil`);
  await settle(r, js);
  await expect(r.locator("article.post", { hasText: `Résultat du vote «\u202f${question}\u202f»` })).toBeVisible();

  // The ballots: an elector downloads them, every receipt is there; Sacha may not.
  const csv = await pages[1].request.get(`${votePath}/bulletins.csv`);
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text.split("\r\n")[0]).toBe("recu,choix");
  for (const receipt of receipts) expect(text).toContain(`${receipt},`);
  expect(text.trim().split("\r\n")).toHaveLength(5);
  expect((await r.request.get(`${votePath}/bulletins.csv`)).status()).toBe(403);

  // From decision to action: the winning option becomes a tractage, which says what decided it.
  await s.goto(votePath);
  await settle(s, js);
  await s.getByRole("link", { name: "Organiser une action\u00a0: Marché de Talensac" }).click();
  await settle(s, js);
  await expect(s.getByLabel("Titre")).toHaveValue("Marché de Talensac");
  await expect(s.getByText(`Cette action met en œuvre le vote «\u202f${question}\u202f»`)).toBeVisible();
  const day = tomorrowEvening().slice(0, 10);
  await s.getByLabel("Type d’action").selectOption("tractage");
  await s.getByLabel("Début").fill(`${day}T10:00`);
  await s.getByLabel("Fin").fill(`${day}T12:00`);
  await s.getByLabel("Point de rendez-vous").fill("Marché de Talensac, côté quai");
  await s.getByLabel("Commune").fill("Nantes");
  await s.getByLabel("Ouverte à tous").check();
  await s.getByRole("button", { name: "Publier l’action" }).click();
  await expect(s.getByRole("heading", { level: 1, name: "Marché de Talensac" })).toBeVisible();
  await expect(s.getByRole("link", { name: new RegExp(`^Décidé le .* par le vote «\\s${question.replace(/[?]/g, "\\?")}\\s»$`) })).toBeVisible();
  const actionPath = new URL(s.url()).pathname;

  // The tractage took place; its compte-rendu shows on the vote's page, for everyone who sees it.
  moveActionToYesterday(databaseUrl, Number(actionPath.split("/").pop()));
  await s.goto(`${actionPath}/compte-rendu`);
  await settle(s, js);
  await s.getByLabel("Personnes présentes").fill("4");
  await s.getByLabel("Tracts distribués").fill("320");
  await s.getByRole("button", { name: "Envoyer le compte-rendu" }).click();
  // Sent in place by the offline queue, or as a plain post that lands on the action's page.
  await expect(s.locator("#report-status[data-state=sent]").or(s.getByRole("heading", { level: 1, name: "Marché de Talensac" }))).toBeVisible();
  await r.goto(votePath);
  await settle(r, js);
  const decided = r.locator("ul.decided-actions li", { hasText: "Marché de Talensac" });
  await expect(decided).toContainText("Compte-rendu\u00a0: 4 présent·es, 320 tracts");

  // The debate's page holds the whole thread: the vote, its outcome, the action, its figures.
  await r.goto(debatePath);
  await settle(r, js);
  await expect(r.getByText("Retenu\u00a0: Marché de Talensac")).toBeVisible();
  await expect(r.locator(".debate-thread ul.decided-actions li", { hasText: "Marché de Talensac" })).toContainText(
    "Compte-rendu\u00a0: 4 présent·es, 320 tracts",
  );
});
