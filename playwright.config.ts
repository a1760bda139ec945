import { defineConfig, devices } from "@playwright/test";

// End-to-end tests run against `npm run dev` on their own ports and their own data directory, so they
// never disturb a developer's running instance. Browsers come from Debian's chromium package.
const port = 3100;
const sandboxPort = 4200;
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
    command: `rm -rf ${dataDir} && npm run dev`,
    url: `http://localhost:${port}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      SANDBOX_URL: `http://127.0.0.1:${sandboxPort}`,
      PGLITE_DATA_DIR: `${dataDir}/pglite`,
      SANDBOX_STATE_FILE: `${dataDir}/sandbox-state.json`,
      VAULT_DEV_KEY_FILE: `${dataDir}/dev-master-key`,
      AUTH_DEV_SECRET_FILE: `${dataDir}/auth-secret`,
      LOG_LEVEL: "warn",
      ADMIN_EMAILS: "admin@latchkey.test",
      // Short enough that a test can watch a state expire, long enough for every flow to finish.
      OAUTH_STATE_TTL_SECONDS: "30",
    },
  },
});
