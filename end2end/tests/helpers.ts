import AxeBuilder from "@axe-core/playwright";
import { Browser, expect, Page, TestInfo } from "@playwright/test";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

export const PASSWORD = "un mot de passe solide";

/** A unique identity per test run and project, so projects never collide on one database. */
export function newPerson(testInfo: TestInfo) {
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  return {
    name: `Élise Martin ${stamp}`,
    email: `elise.${stamp}.${testInfo.project.name}@example.fr`,
  };
}

/** With JavaScript, waits until the WebAssembly has hydrated the page: `frontend` marks
 * `<html data-hydrated>` once every handler is attached. */
export async function settle(page: Page, js: boolean) {
  if (js) {
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  }
}

export const bin = process.env.COOPOL_BIN ?? path.resolve(__dirname, "../../target/release/coopol");

export type Person = { name: string; email: string; handle?: string };

export function person(first: string, stamp: string): Person {
  return { name: `${first} ${stamp}`, email: `${first.toLowerCase()}.${stamp}@example.fr` };
}

/** Signs `p` up in a new phone-sized context and returns its page; fills in `p.handle`. */
export async function signUp(
  browser: Browser,
  baseURL: string,
  js: boolean,
  p: Person,
  postal: string,
  membership: "adherent" | "sympathisant",
): Promise<Page> {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: js, locale: "fr-FR", viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await signUpOn(page, js, p, postal, membership);
  await page.goto("/profil");
  p.handle = await page.getByLabel("Identifiant").inputValue();
  return page;
}

/** Fills and sends the sign-up form on `page`, waits for the member's home, then (unless told
 * not to) proves the address through the link the server e-mailed, as the person would. */
export async function signUpOn(
  page: Page,
  js: boolean,
  p: Person,
  postal: string,
  membership: "adherent" | "sympathisant",
  { confirm = true } = {},
) {
  await page.goto("/inscription");
  await settle(page, js);
  await page.getByLabel("Nom affiché").fill(p.name);
  await page.getByLabel("Adresse e-mail").fill(p.email);
  await page.getByLabel("Mot de passe").fill(PASSWORD);
  await page.getByLabel("Code postal").fill(postal);
  await page.getByLabel(membership === "adherent" ? "Je suis adhérent·e" : "Je suis sympathisant·e").check();
  await page.getByLabel(/J’accepte que Coopol traite mes données/).check();
  await page.getByLabel(/Je m’engage à respecter la charte/).check();
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Bonjour ${p.name} !` })).toBeVisible();
  if (confirm) {
    await confirmAddress(page, js, p);
  }
}

/** Opens the address link e-mailed to `p` (the .eml the server wrote) and confirms it. */
export async function confirmAddress(page: Page, js: boolean, p: Person) {
  const mail = await mailTo(p.email, "address_check");
  const link = mail.match(/https?:\/\/[^\s"<]+\/adresse\/[A-Za-z0-9_-]+/)?.[0];
  expect(link, mail).toBeTruthy();
  await page.goto(new URL(link!).pathname);
  await settle(page, js);
  await page.getByRole("button", { name: "Confirmer mon adresse" }).click();
  await expect(page.getByText("Ton adresse est confirmée")).toBeVisible();
}

/** Runs an operator command (README: `coopol grant-admin` …) against the server's database. */
export function operator(databaseUrl: string, args: string[]) {
  execFileSync(bin, args, { env: { ...process.env, COOPOL_DATABASE_URL: databaseUrl, COOPOL_LOG: "warn" } });
}

/** Moves an action to yesterday, as the passing of time would (the forms refuse a past start). */
export function moveActionToYesterday(databaseUrl: string, actionId: number) {
  const start = Date.now() - 86_400_000;
  runSql(databaseUrl, `UPDATE actions SET starts_at = ${start}, ends_at = ${start + 7_200_000} WHERE id = ${Math.trunc(actionId)}`);
}

/** Runs one statement straight in the server's database, with Python's sqlite3 or psql: what
 * time or an operator would change, and no form can. */
export function runSql(databaseUrl: string, statement: string) {
  if (databaseUrl.startsWith("sqlite://")) {
    const script = "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1], timeout=10)\nc.execute(sys.argv[2])\nc.commit()";
    execFileSync("python3", ["-c", script, databaseUrl.slice("sqlite://".length), statement]);
  } else {
    execFileSync("psql", [databaseUrl, "-q", "-c", statement]);
  }
}

/** Audits `page` with axe-core (WCAG 2.1 A/AA rules): serious and critical findings fail. */
export async function audit(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.passes.length, "axe ran its rules").toBeGreaterThan(10);
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${label}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** Unfolds the "Écrire une publication…" composer (folded until tapped). */
export async function openComposer(page: Page) {
  const composer = page.locator("details.composer");
  if (!(await composer.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await composer.locator(":scope > summary").click();
  }
}

/** The text of a MIME part's body, decoded (base64 or quoted-printable). */
function decodePart(part: string): string {
  const [head, ...rest] = part.split(/\r?\n\r?\n/);
  const body = rest.join("\n\n");
  if (/Content-Transfer-Encoding: base64/i.test(head)) {
    return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  }
  const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

/** Waits for the e-mail of `kind` to `to` that a server under test wrote as an .eml file (no
 * SMTP in these tests: COOPOL_MAIL_DIR, one directory per server) and returns its decoded text.
 * Every server's directory is searched: instances sharing one database send each other's mails
 * (identities are unique per test, so a mail is never someone else’s). `raw`: the file as written,
 * headers included. */
export async function mailTo(to: string, kind: string, { raw = false } = {}): Promise<string> {
  const root = process.env.COOPOL_E2E_TMP ?? "";
  const dirs = () => fs.readdirSync(root).filter((d) => d.startsWith("mails-")).map((d) => path.join(root, d));
  let found = "";
  await expect
    .poll(
      () => {
        const files = dirs().flatMap((dir) => fs.readdirSync(dir).filter((f) => f.endsWith(`-${kind}.eml`)).map((f) => path.join(dir, f)));
        for (const f of files) {
          const text = fs.readFileSync(f, "utf8");
          if (text.includes(`To: ${to}`)) {
            found = raw ? text : text.split(/\r?\n--/).map(decodePart).join("\n");
            return true;
          }
        }
        return false;
      },
      { message: `an e-mail "${kind}" to ${to}`, timeout: 15_000 },
    )
    .toBe(true);
  return found;
}

/** `admin` (a national administrator) creates the section `name` of federation `federation`,
 * covering `commune`; answers its page's path. */
export async function createSection(admin: Page, js: boolean, federation: string, name: string, commune: string): Promise<string> {
  await admin.goto(`/federations/${federation}/nouvelle-section`);
  await settle(admin, js);
  await admin.getByLabel("Nom de la section").fill(name);
  await admin.getByRole("textbox", { name: "Communes couvertes" }).fill(commune);
  await admin.getByRole("button", { name: "Créer la section" }).click();
  await expect(admin.getByRole("heading", { level: 1, name })).toBeVisible();
  return new URL(admin.url()).pathname;
}
