import { defineConfig, devices } from "@playwright/test";
import * as os from "node:os";
import * as path from "node:path";

// Coopol end to end: the real `coopol` binary — the release build that `make run` serves — on SQLite and on
// PostgreSQL, driven in Debian's Chromium, on a 360×800 phone and on desktop, with JavaScript on and
// off. Set COOPOL_BIN / COOPOL_SITE_ROOT to test another build.
const bin = process.env.COOPOL_BIN ?? path.resolve(__dirname, "../target/release/coopol");
const siteRoot = process.env.COOPOL_SITE_ROOT ?? path.resolve(__dirname, "../target/site");
const pgAdmin = process.env.COOPOL_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const pgBase = pgAdmin.replace(/\/[^/]*$/, "");
// Fixed by the main process and inherited by the workers, which re-evaluate this file.
process.env.COOPOL_E2E_TMP ??= path.join(os.tmpdir(), `coopol-e2e-${process.pid}`);
const tmp = process.env.COOPOL_E2E_TMP;

export const servers = {
  sqlite: { port: 3100, url: `sqlite://${tmp}/coopol-e2e.db` },
  postgres: { port: 3101, url: `${pgBase}/coopol_e2e` },
};

// The S3-compatible server (s3s-fs, installed from crates.io by scripts/setup.sh test) that the
// PostgreSQL instances store pictures in, as several instances of a real deployment would.
// (3102 is the scale-out test's second instance.)
const s3 = { port: 3109, bucket: "coopol-e2e", key: "coopol", secret: "coopol-secret-key" };

/** Where a server stores its pictures: a directory of its own for SQLite, the bucket for PostgreSQL. */
const storageEnv = (db: { port: number; url: string }): Record<string, string> =>
  db.url.startsWith("sqlite:")
    ? { COOPOL_MEDIA_URL: `${tmp}/media-${db.port}` }
    : {
        COOPOL_MEDIA_URL: `s3://${s3.bucket}`,
        AWS_ENDPOINT: `http://127.0.0.1:${s3.port}`,
        AWS_ALLOW_HTTP: "true",
        AWS_REGION: "us-east-1",
        AWS_ACCESS_KEY_ID: s3.key,
        AWS_SECRET_ACCESS_KEY: s3.secret,
      };

/** The environment of every server the tests start (the scale-out test starts a second one). */
export const serverEnv = (db: { port: number; url: string }) => ({
  COOPOL_DATABASE_URL: db.url,
  COOPOL_ADDR: `127.0.0.1:${db.port}`,
  COOPOL_SITE_ROOT: siteRoot,
  COOPOL_LOG: "warn",
  // Many sign-ups from one address during the run; limits themselves are tested over HTTP.
  COOPOL_SIGNUP_LIMIT_PER_HOUR: "1000",
  COOPOL_SIGNIN_LIMIT_PER_IP: "1000",
  COOPOL_POSTING_LIMIT: "1000",
  // Maps without tiles: nothing waits on a tile server (the tests check that no request leaves).
  COOPOL_MAP_TILES: "off",
  // No SMTP in these tests: e-mails are written as .eml files, in the run's temporary directory.
  COOPOL_MAIL_DIR: `${tmp}/mails-${db.port}`,
  COOPOL_MAIL_INTERVAL_SECS: "1",
  // A message unread for 3 s is mailed about (15 min in production); the job looks every second.
  COOPOL_MESSAGE_MAIL_DELAY_SECS: "3",
  COOPOL_REMINDER_INTERVAL_SECS: "1",
  // "Supprimer mon compte" takes effect after seconds, not 7 days: the test waits for it.
  COOPOL_ERASURE_DELAY_SECS: "15",
  // The privacy notice names its controller from the configuration (checked by the smoke test).
  COOPOL_CONTROLLER_NAME: "Fédération des tests de bout en bout",
  COOPOL_PRIVACY_CONTACT: "donnees@coopol.invalid",
  ...storageEnv(db),
});

export const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

const phone = { ...devices["Pixel 5"], viewport: { width: 360, height: 800 }, deviceScaleFactor: 2 };
const desktop = { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } };

const projects = [];
for (const [db, server] of Object.entries(servers)) {
  for (const [form, device] of Object.entries({ phone, desktop })) {
    for (const js of [true, false]) {
      projects.push({
        name: `${db}-${form}-${js ? "js" : "nojs"}`,
        testMatch: /account\.spec\.ts/,
        use: {
          ...device,
          baseURL: `http://127.0.0.1:${server.port}`,
          javaScriptEnabled: js,
          locale: "fr-FR",
          launchOptions: chromiumLaunch,
        },
      });
    }
  }
}
for (const [db, server] of Object.entries(servers)) {
  projects.push({
    name: `${db}-territory`,
    testMatch: /territory\.spec\.ts/,
    use: {
      ...phone,
      baseURL: `http://127.0.0.1:${server.port}`,
      // One database with JavaScript, the other without: both paths stay covered.
      javaScriptEnabled: db === "sqlite",
      locale: "fr-FR",
      launchOptions: chromiumLaunch,
      databaseUrl: server.url,
    },
  });
}
for (const [db, server] of Object.entries(servers)) {
  const base = { ...phone, baseURL: `http://127.0.0.1:${server.port}`, locale: "fr-FR", launchOptions: chromiumLaunch, databaseUrl: server.url };
  projects.push({ name: `${db}-feed`, testMatch: /feed\.spec\.ts/, use: { ...base, javaScriptEnabled: true } });
  projects.push({ name: `${db}-actions`, testMatch: /actions\.spec\.ts/, use: { ...base, javaScriptEnabled: true } });
  projects.push({ name: `${db}-messages`, testMatch: /messages\.spec\.ts/, use: { ...base, javaScriptEnabled: true } });
  // Moderation: with JavaScript on SQLite, without on PostgreSQL (both paths stay covered).
  projects.push({ name: `${db}-moderation`, testMatch: /moderation\.spec\.ts/, use: { ...base, javaScriptEnabled: db === "sqlite" } });
  // Votes: with JavaScript on SQLite, without on PostgreSQL.
  projects.push({ name: `${db}-votes`, testMatch: /votes\.spec\.ts/, use: { ...base, javaScriptEnabled: db === "sqlite" } });
  // Pictures: with JavaScript on SQLite (stored in a directory), without on PostgreSQL (in S3).
  projects.push({ name: `${db}-photos`, testMatch: /photos\.spec\.ts/, use: { ...base, javaScriptEnabled: db === "sqlite" } });
  // La boîte à outils: with JavaScript on SQLite, without on PostgreSQL (S3).
  projects.push({ name: `${db}-toolbox`, testMatch: /toolbox\.spec\.ts/, use: { ...base, javaScriptEnabled: db === "sqlite" } });
  for (const js of [true, false]) {
    projects.push({ name: `${db}-xss-${js ? "js" : "nojs"}`, testMatch: /xss\.spec\.ts/, use: { ...base, javaScriptEnabled: js } });
  }
}
// Every page of the release build, for a visitor, a member and a secretary: both databases.
for (const [db, server] of Object.entries(servers)) {
  projects.push({
    name: `${db}-smoke`,
    // The guard's own test (a broken hydration must fail) runs once, beside SQLite's smoke.
    testMatch: db === "sqlite" ? /(smoke|guard)\.spec\.ts/ : /smoke\.spec\.ts/,
    use: { ...phone, baseURL: `http://127.0.0.1:${server.port}`, locale: "fr-FR", launchOptions: chromiumLaunch, databaseUrl: server.url, javaScriptEnabled: true },
  });
}
projects.push({
  name: "postgres-scaleout",
  testMatch: /scaleout\.spec\.ts/,
  use: {
    ...phone,
    baseURL: `http://127.0.0.1:${servers.postgres.port}`,
    locale: "fr-FR",
    launchOptions: chromiumLaunch,
    databaseUrl: servers.postgres.url,
  },
});
projects.push({
  name: "sqlite-a11y",
  testMatch: /a11y\.spec\.ts/,
  use: { ...phone, baseURL: `http://127.0.0.1:${servers.sqlite.port}`, locale: "fr-FR", launchOptions: chromiumLaunch },
});
projects.push({
  name: "sqlite-pwa",
  testMatch: /pwa\.spec\.ts/,
  use: { ...phone, baseURL: `http://127.0.0.1:${servers.sqlite.port}`, locale: "fr-FR", launchOptions: chromiumLaunch },
});

export default defineConfig({
  testDir: "./tests",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  outputDir: path.join(tmp, "results"),
  use: { trace: "retain-on-failure" },
  projects,
  webServer: [
    {
      // Answers 403 to an unsigned request: ready.
      command: `mkdir -p ${tmp}/s3/${s3.bucket} && exec s3s-fs --host 127.0.0.1 --port ${s3.port} --access-key ${s3.key} --secret-key ${s3.secret} ${tmp}/s3`,
      env: { PATH: `${process.env.HOME}/.cargo/bin:${process.env.PATH}` },
      url: `http://127.0.0.1:${s3.port}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `mkdir -p ${tmp} && rm -f ${tmp}/coopol-e2e.db* && exec ${bin}`,
      env: serverEnv(servers.sqlite),
      url: `http://127.0.0.1:${servers.sqlite.port}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command:
        `psql "${pgAdmin}" -q -c "DROP DATABASE IF EXISTS coopol_e2e WITH (FORCE)" -c "CREATE DATABASE coopol_e2e" ` +
        `&& exec ${bin}`,
      env: serverEnv(servers.postgres),
      url: `http://127.0.0.1:${servers.postgres.port}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
