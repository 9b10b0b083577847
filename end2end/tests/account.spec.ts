import { expect, test } from "./fixtures";
import { execFileSync } from "node:child_process";
import { confirmAddress, mailTo, newPerson, openComposer, PASSWORD, settle, signUpOn } from "./helpers";

// Sign up → sign out → sign in → edit the profile → see the public profile, as a real person would:
// every step through the visible UI, on every project (phone/desktop × JS on/off × SQLite/PostgreSQL).
test("un compte, de l'inscription au profil public", async ({ page, browser, javaScriptEnabled, baseURL }, testInfo) => {
  const js = javaScriptEnabled;
  const person = newPerson(testInfo);

  // Visitor home leads to sign-up.
  await page.goto("/");
  await settle(page, js);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await page.getByRole("link", { name: "Je m’inscris" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Inscription" })).toBeVisible();
  await settle(page, js);

  // An incomplete submission comes back with French messages and what was typed.
  await page.getByLabel("Nom affiché").fill(person.name);
  await page.getByLabel("Adresse e-mail").fill("pas-une-adresse");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByText("Cette adresse e-mail n’est pas valide")).toBeVisible();
  await expect(page.getByText("Coche cette case pour créer ton compte")).toHaveCount(2); // the consent and the charter
  await expect(page.getByRole("alert").first()).toBeVisible();
  await expect(page.getByLabel("Nom affiché")).toHaveValue(person.name);
  await settle(page, js);

  // The complete form.
  await page.getByLabel("Adresse e-mail").fill(person.email);
  await page.getByLabel("Mot de passe").fill(PASSWORD);
  await page.getByLabel("Code postal").fill("59000");
  await page.getByLabel("Je suis sympathisant·e").check();
  await page.getByLabel(/J’accepte que Coopol traite mes données/).check();
  await page.getByLabel(/Je m’engage à respecter la charte/).check();
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Bonjour ${person.name} !` })).toBeVisible();
  await settle(page, js);

  // Until the address is proven, a banner says so and the account cannot publish yet; the link
  // e-mailed proves it.
  await expect(page.getByText("Vérifie ta boîte mail")).toBeVisible();
  await page.goto("/fil");
  await expect(page.getByRole("heading", { level: 1, name: "Mon fil" })).toBeVisible();
  await expect(page.getByText("Écrire une publication…")).toHaveCount(0);
  await confirmAddress(page, js, person);
  await expect(page.getByText("Vérifie ta boîte mail")).toHaveCount(0);
  await page.goto("/fil");
  await expect(page.getByText("Écrire une publication…")).toBeVisible();
  await settle(page, js);

  // Sign out.
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("link", { name: "Je m’inscris" })).toBeVisible();
  await settle(page, js);

  // Sign in, first with a wrong password (links are ordinary page loads: only islands run code).
  await page.getByRole("navigation").getByRole("link", { name: "Connexion" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Connexion" })).toBeVisible();
  await settle(page, js);
  await page.getByLabel("Adresse e-mail").fill(person.email);
  await page.getByLabel("Mot de passe").fill("pas le bon mot de passe");
  await page.getByRole("button", { name: "Me connecter" }).click();
  await expect(page.getByText("Adresse e-mail ou mot de passe incorrect.")).toBeVisible();
  await expect(page.getByLabel("Adresse e-mail")).toHaveValue(person.email);
  await expect(page.getByLabel("Mot de passe")).toHaveValue("");
  await settle(page, js);
  await page.getByLabel("Mot de passe").fill(PASSWORD);
  await page.getByRole("button", { name: "Me connecter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Bonjour ${person.name} !` })).toBeVisible();
  await settle(page, js);

  // Edit the profile.
  await page.getByRole("navigation").getByRole("link", { name: "Mon profil" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mon profil" })).toBeVisible();
  await settle(page, js);
  await expect(page.getByText("Sympathisant·e", { exact: true })).toBeVisible();
  const handle = await page.getByLabel("Identifiant").inputValue();
  expect(handle).toMatch(/^elise-martin-/);
  await page.getByRole("textbox", { name: "Statut" }).fill("Dispo pour tracter samedi");
  await page.locator("#champ-status_visibility").selectOption("public");
  await page.getByRole("textbox", { name: "À propos de moi" }).fill("Ma bio reste privée.");
  await page.locator("#champ-bio_visibility").selectOption("moi");
  await page.getByRole("textbox", { name: "Centres d’intérêt" }).fill("Logement\nÉcologie");
  await page.locator("#champ-interests_visibility").selectOption("public");
  await page.getByLabel("Tractage").check();
  await page.getByLabel("Phoning").check();
  await page.locator("#champ-availabilities_visibility").selectOption("public");
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.getByText("Ton profil est enregistré.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Statut" })).toHaveValue("Dispo pour tracter samedi");
  await settle(page, js);

  // The public profile, as its owner.
  await page.getByRole("link", { name: "Voir mon profil public" }).click();
  await expect(page.getByRole("heading", { level: 1, name: person.name })).toBeVisible();
  await expect(page.getByText("Dispo pour tracter samedi")).toBeVisible();
  await expect(page.getByText("Ma bio reste privée.")).toBeVisible();
  await settle(page, js);

  // …and as a visitor: only what was made public.
  const visitor = await browser.newContext({ baseURL, javaScriptEnabled: js, locale: "fr-FR" });
  const visitorPage = await visitor.newPage();
  const response = await visitorPage.goto(`/membres/${handle}`);
  expect(response?.status()).toBe(200);
  await expect(visitorPage.getByRole("heading", { level: 1, name: person.name })).toBeVisible();
  await expect(visitorPage.getByText("Dispo pour tracter samedi")).toBeVisible();
  await expect(visitorPage.getByText("Écologie")).toBeVisible();
  await expect(visitorPage.getByText("Tractage")).toBeVisible();
  await expect(visitorPage.getByText("Ma bio reste privée.")).toHaveCount(0);
  await visitor.close();

});

// Sign-up never tells whether an address has an account: a second sign-up with a known address
// looks the same (a home, a banner), the owner is told by e-mail, and the new account never gets
// the address.
test("une adresse déjà inscrite : la même réponse, et sa propriétaire prévenue", async ({ page, browser, javaScriptEnabled, baseURL }, testInfo) => {
  const js = javaScriptEnabled;
  const owner = newPerson(testInfo);
  await signUpOn(page, js, owner, "59000", "sympathisant");

  const other = await browser.newContext({ baseURL, javaScriptEnabled: js, locale: "fr-FR", viewport: { width: 360, height: 800 } });
  const otherPage = await other.newPage();
  const impostor = { name: `Quelqu’un ${owner.name.split(" ").pop()}`, email: owner.email.toUpperCase() };
  await signUpOn(otherPage, js, impostor, "59000", "sympathisant", { confirm: false });
  await expect(otherPage.getByText("Vérifie ta boîte mail")).toBeVisible();
  const notice = await mailTo(owner.email, "address_in_use");
  expect(notice).toContain("Quelqu’un vient de s’inscrire sur Coopol en donnant ton adresse");
  expect(notice).not.toMatch(/\/adresse\//);

  // "Renvoyer le lien" answers the same; the owner is told again, nobody gets a link.
  await settle(otherPage, js);
  await otherPage.getByRole("button", { name: "Renvoyer le lien" }).click();
  await expect(otherPage.getByText("C’est reparti")).toBeVisible();
  await other.close();
});

// Mon compte: a new address needs the current password, is proven by its link before it replaces
// the old one (which is told), and the devices list shows this one.
test("mon compte : changer d’adresse e-mail", async ({ page, javaScriptEnabled, baseURL }, testInfo) => {
  const js = javaScriptEnabled;
  const person = newPerson(testInfo);
  const renamed = { ...person, email: `nouvelle.${person.email}` };
  await signUpOn(page, js, person, "59000", "sympathisant");
  await page.goto("/profil");
  await settle(page, js);
  await page.getByRole("link", { name: /Mon compte/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mon compte" })).toBeVisible();
  await expect(page.getByText("cet appareil", { exact: true })).toBeVisible();
  await settle(page, js);

  await page.getByLabel("Nouvelle adresse e-mail").fill(renamed.email);
  await page.locator("form[action='/compte/adresse']").getByLabel("Mot de passe actuel").fill("pas le bon mot de passe");
  await page.getByRole("button", { name: "Changer mon adresse" }).click();
  await expect(page.getByText("Ce n’est pas ton mot de passe actuel.")).toBeVisible();
  await expect(page.getByLabel("Nouvelle adresse e-mail")).toHaveValue(renamed.email);
  await settle(page, js);
  await page.locator("form[action='/compte/adresse']").getByLabel("Mot de passe actuel").fill(PASSWORD);
  await page.getByRole("button", { name: "Changer mon adresse" }).click();
  await expect(page.getByText("ouvre le lien envoyé à la nouvelle adresse")).toBeVisible();
  await expect(page.getByText(`Nouvelle adresse en attente : ${renamed.email}`)).toBeVisible();

  const notice = await mailTo(person.email, "address_change_requested");
  expect(notice).toContain(renamed.email);
  await confirmAddress(page, js, renamed);
  await page.goto("/compte");
  await expect(page.getByText(renamed.email, { exact: true })).toBeVisible();
  await expect(page.getByText("confirmée", { exact: true })).toBeVisible();
});

// Télécharger mes données: asked on the account page, prepared in the background (the page
// follows its progress), then a ZIP whose JSON and page hold what the person wrote.
test("télécharger mes données : un ZIP qui contient ce que j’ai écrit", async ({ page, javaScriptEnabled }, testInfo) => {
  const js = javaScriptEnabled;
  const person = newPerson(testInfo);
  const canary = `Canari-${Date.now().toString(36)}`;
  await signUpOn(page, js, person, "59000", "sympathisant");
  await page.goto("/fil");
  await settle(page, js);
  await openComposer(page);
  await page.getByLabel("Ton message").fill(`Je tracte samedi ${canary}`);
  await page.getByRole("button", { name: "Publier", exact: true }).click();
  await expect(page.locator("article.post", { hasText: canary })).toBeVisible();

  await page.goto("/compte");
  await settle(page, js);
  await page.getByRole("button", { name: "Préparer mes données" }).click();
  await expect(page.getByText(/En préparation\s:\s\d+\s%|Télécharger mes données \(ZIP\)/).first()).toBeVisible();
  // The answer asks the browser to load the page again while the file is prepared (Refresh
  // header, checked by the HTTP tests); here the test reloads it itself, as "Voir où ça en est".
  const link = page.getByRole("link", { name: "Télécharger mes données (ZIP)" });
  await expect
    .poll(
      async () => {
        if (await link.count()) return true;
        await page.reload();
        return (await link.count()) > 0;
      },
      { timeout: 30_000, intervals: [1_000] },
    )
    .toBe(true);
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^coopol-mes-donnees-\d{4}-\d{2}-\d{2}\.zip$/);
  const file = testInfo.outputPath("donnees.zip");
  await download.saveAs(file);
  const read = "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nprint(z.read('donnees.json').decode())\nprint(z.read('donnees.html').decode())";
  const content = execFileSync("python3", ["-c", read, file]).toString();
  expect(content).toContain(`"body": "Je tracte samedi ${canary}"`);
  expect(content).toContain(`<td>${person.email}</td>`);
});

test("une page inconnue répond 404 en français", async ({ page }) => {
  const response = await page.goto("/nulle-part");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
});

// Mot de passe oublié: the same answer for any address, a link by e-mail, a new password that
// signs out every device; then the new password opens the account, on every project.
test("mot de passe oublié : un lien par e-mail, un nouveau mot de passe", async ({ page, javaScriptEnabled, baseURL }, testInfo) => {
  const js = javaScriptEnabled;
  const person = newPerson(testInfo);
  await signUpOn(page, js, person, "59000", "sympathisant");
  await settle(page, js);
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("link", { name: "Je m’inscris" })).toBeVisible();

  // An unknown address gets the same answer as a known one.
  for (const address of [`inconnu.${person.email}`, person.email]) {
    await page.goto("/connexion");
    await settle(page, js);
    await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Mot de passe oublié" })).toBeVisible();
    await settle(page, js);
    await page.getByLabel("Adresse e-mail").fill(address);
    await page.getByRole("button", { name: "M’envoyer le lien" }).click();
    await expect(page.getByText("Si un compte existe avec cette adresse, un e-mail vient de partir")).toBeVisible();
  }

  const mail = await mailTo(person.email, "password_reset");
  const link = mail.match(/https?:\/\/[^\s"<]+\/mot-de-passe\/[A-Za-z0-9_-]+/)?.[0];
  expect(link, mail).toBeTruthy();
  await page.goto(new URL(link!).pathname);
  await expect(page.getByRole("heading", { level: 1, name: "Nouveau mot de passe" })).toBeVisible();
  await settle(page, js);
  await page.getByLabel("Mot de passe").fill("un tout nouveau mot de passe");
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page.getByText("Ton mot de passe est changé et tous tes appareils sont déconnectés")).toBeVisible();
  await mailTo(person.email, "password_changed");

  // The link worked once; the new password opens the account.
  await page.goto(new URL(link!).pathname);
  await expect(page.getByText("Ce lien n’est plus valable")).toBeVisible();
  await page.goto("/connexion");
  await settle(page, js);
  await page.getByLabel("Adresse e-mail").fill(person.email);
  await page.getByLabel("Mot de passe").fill("un tout nouveau mot de passe");
  await page.getByRole("button", { name: "Me connecter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Bonjour ${person.name} !` })).toBeVisible();
});

// Supprimer mon compte: asked with the password, cancelled by the e-mail's link, asked again and
// carried out after the delay (COOPOL_ERASURE_DELAY_SECS, a few seconds in these tests): the
// profile is gone, the session too, and the address no longer signs in.
test("supprimer mon compte : annulable par le lien, effectif après le délai", async ({ page, javaScriptEnabled }, testInfo) => {
  const js = javaScriptEnabled;
  const person = newPerson(testInfo);
  await signUpOn(page, js, person, "59000", "sympathisant");
  await page.goto("/profil");
  const handle = await page.getByLabel("Identifiant").inputValue();
  const askErasure = async (password: string) => {
    await page.goto("/compte");
    await settle(page, js);
    await page.getByLabel("Ton mot de passe, pour confirmer").fill(password);
    await page.getByRole("button", { name: "Supprimer mon compte" }).click();
  };

  await askErasure("pas le bon mot de passe");
  await expect(page.getByText("Ce n’est pas ton mot de passe actuel.")).toBeVisible();
  await askErasure(PASSWORD);
  await expect(page.getByText(/Ton compte sera supprimé le/)).toBeVisible();

  // The e-mail's link keeps the account.
  const mail = await mailTo(person.email, "erasure_scheduled");
  const link = mail.match(/https?:\/\/[^\s"<]+\/compte\/garder\/[0-9a-f]+/)?.[0];
  expect(link, mail).toBeTruthy();
  await page.goto(new URL(link!).pathname);
  await settle(page, js);
  await page.getByRole("button", { name: "Garder mon compte" }).click();
  await expect(page.getByText(/C’est noté\s:\ston compte reste/)).toBeVisible();
  await page.goto("/compte");
  await expect(page.getByRole("button", { name: "Supprimer mon compte" })).toBeVisible();

  // Asked again and left alone: after the delay the account is gone.
  await askErasure(PASSWORD);
  await expect(page.getByText(/Ton compte sera supprimé le/)).toBeVisible();
  await expect
    .poll(async () => (await page.request.get(`/membres/${handle}`)).status(), { timeout: 60_000, intervals: [1_000] })
    .toBe(404);
  await page.goto("/compte");
  await expect(page.getByRole("heading", { level: 1, name: "Connexion" })).toBeVisible();
  await settle(page, js);
  await page.getByLabel("Adresse e-mail").fill(person.email);
  await page.getByLabel("Mot de passe").fill(PASSWORD);
  await page.getByRole("button", { name: "Me connecter" }).click();
  await expect(page.getByText("Adresse e-mail ou mot de passe incorrect.")).toBeVisible();
});
