import { defineConfig, devices } from "@playwright/test";
import { HOST_APP_ORIGIN } from "./tests/e2e/support/host-app";
import { E2E_OUTBOX_DIR } from "./tests/e2e/support/outbox";
import { E2E_DIST_DIR } from "./tests/e2e/support/server-actions";

// End-to-end tests run the whole stack (portal on a production build, Amazon sandbox, embedded database)
// on their own ports and data directory, so they never disturb a developer's running `npm run dev`.
// Mail is read from the file outbox on disk. Browsers come from Debian's chromium package.
// E2E_PORT / E2E_SANDBOX_PORT let two checkouts run their suites side by side.
const port = Number(process.env.E2E_PORT ?? 3100);
const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 4200);
const dataDir = ".data/e2e";

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  // One project per role; each spec folder is one audience.
  projects: ["public", "auth", "partner", "admin", "outsider"].map((role) => ({ name: role, testDir: `tests/e2e/${role}`, use: { ...devices["Desktop Chrome"] } })),
  webServer: {
    command: `rm -rf ${dataDir} && node node_modules/tsx/dist/cli.mjs --conditions=react-server scripts/dev.ts --production`,
    url: `http://localhost:${port}/api/health`,
    timeout: 300_000, // includes a production build when sources changed
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      SANDBOX_URL: `http://127.0.0.1:${sandboxPort}`,
      PGLITE_DATA_DIR: `${dataDir}/pglite`,
      SANDBOX_STATE_FILE: `${dataDir}/sandbox-state.json`,
      VAULT_DEV_KEY_FILE: `${dataDir}/dev-master-key`,
      EMAIL_OUTBOX_DIR: E2E_OUTBOX_DIR,
      NEXT_DIST_DIR: E2E_DIST_DIR,
      // Test-only keys: production mode requires them, and they protect nothing but throwaway test data.
      VAULT_MASTER_KEYS: `e2e:${Buffer.alloc(32, 7).toString("base64")}`,
      AUTH_SECRET: "e2e-only-auth-secret-0123456789abcdef0123456789",
      LOG_LEVEL: "warn",
      // Two admins: the roles ledger's changes need a second one to approve (tests/e2e/admin/ledger-review).
      ADMIN_EMAILS: "admin@latchkey.test,reviewer@latchkey.test",
      // The suite signs the same addresses in many times from one IP: well past the production limits.
      SIGN_IN_LINKS_PER_ADDRESS: "1000",
      SIGN_IN_LINKS_PER_IP: "10000",
      // Short enough that a test can watch a state expire, long enough for every flow to finish.
      OAUTH_STATE_TTL_SECONDS: "30",
      // The fake host app of the connect-link test (tests/e2e/support/host-app.ts).
      CONNECT_LINK_RETURN_ORIGINS: HOST_APP_ORIGIN,
      // The webhooks spec's receiver listens on 127.0.0.1: a production server refuses local URLs unless told.
      WEBHOOK_ALLOW_LOCAL_URLS: "true",
    },
  },
});
