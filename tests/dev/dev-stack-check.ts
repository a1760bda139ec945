// The development stack on a non-default port, as a developer meets it: `scripts/dev.ts` (sandbox, embedded
// database, `next dev`) with PORT set, and a page open in Chromium for a few seconds.
//
//   1. a page stays put: one document load, and once it has settled no reload and no server-component
//      refetch for five seconds (a dev server that rebuilds in a loop reloads the page many times a second);
//   2. /dev/outbox and one email in it (development-only pages the production e2e server does not serve)
//      have no serious or critical axe violation, and the email's preview frame is as tall as the email.
//
// Run by `npm test` (suite "dev-stack") or alone: `tsx tests/dev/dev-stack-check.ts [--json <file>]`.
// Everything lives in a temporary directory and on free ports: a developer's own `npm run dev` is untouched.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { formatFindings, seriousViolations } from "../e2e/support/accessibility";

const READY_TIMEOUT_MS = 240_000;
/** A cold `next dev` compiles a page on its first request: on a busy machine that takes a while. */
const FIRST_COMPILE_MS = 240_000;
const SETTLE_MS = 3_000;
const WATCH_MS = 5_000;

interface Result {
  name: string;
  ok: boolean;
  message?: string;
}

async function freePort(avoid: number[] = []): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
      });
    });
    if (!avoid.includes(port)) return port;
  }
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the dev stack exited (${child.exitCode}) before it was ready`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`the dev stack did not answer ${url} within ${READY_TIMEOUT_MS / 1000} s`);
}

/** Opens `url` and counts what a reload loop would cause: document loads and server-component refetches. */
async function watchPage(page: Page, url: string): Promise<Result> {
  let documents = 0;
  let refetchesAfterSettle = 0;
  let settled = false;
  const rebuilds: string[] = [];
  page.on("request", (request) => {
    if (request.frame() !== page.mainFrame()) return;
    if (request.isNavigationRequest()) documents++;
    else if (settled && (request.headers()["rsc"] === "1" || new URL(request.url()).searchParams.has("_rsc"))) refetchesAfterSettle++;
  });
  page.on("console", (message) => {
    if (settled && message.text().includes("[Fast Refresh] rebuilding")) rebuilds.push(message.text());
  });
  await page.goto(url, { timeout: FIRST_COMPILE_MS, waitUntil: "load" });
  await page.waitForLoadState("networkidle", { timeout: FIRST_COMPILE_MS }).catch(() => undefined);
  await page.waitForTimeout(SETTLE_MS);
  const documentsBefore = documents;
  settled = true;
  await page.waitForTimeout(WATCH_MS);
  const reloads = documents - documentsBefore;
  const ok = documents <= 2 && reloads === 0 && refetchesAfterSettle === 0;
  return {
    name: `${url} stays put on a non-default port`,
    ok,
    message: ok
      ? undefined
      : `in ${WATCH_MS / 1000} s after settling: ${reloads} reload(s), ${refetchesAfterSettle} server-component refetch(es), ${rebuilds.length} Fast Refresh rebuild(s); ${documents} document load(s) in all`,
  };
}

async function checkDevOutbox(page: Page, base: string): Promise<Result[]> {
  // Something to read in the outbox: a sign-in link, asked for the way a person does.
  await page.goto(`${base}/sign-in`, { timeout: FIRST_COMPILE_MS });
  // A cold `next dev` compiles the form's client code after the page loads: typing before it hydrates is lost.
  await page.waitForLoadState("networkidle", { timeout: FIRST_COMPILE_MS });
  const address = `dev-check-${Date.now().toString(36)}@latchkey.test`;
  await page.getByLabel("Email address").fill(address);
  await page.getByLabel("Email address").evaluate((input, value) => {
    if ((input as HTMLInputElement).value !== value) throw new Error("the sign-in form lost what was typed");
  }, address);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await page.waitForURL(/\/sign-in\/check-email/, { timeout: FIRST_COMPILE_MS });

  await page.goto(`${base}/dev/outbox`, { timeout: FIRST_COMPILE_MS });
  const listFindings = await seriousViolations(page, "/dev/outbox");
  await page.getByRole("link", { name: /Latchkey sign-in link/ }).first().click({ timeout: FIRST_COMPILE_MS });
  await page.waitForURL(/\/dev\/outbox\/[^/]+$/, { timeout: FIRST_COMPILE_MS });
  const frame = page.getByTestId("email-frame");
  await frame.waitFor({ timeout: FIRST_COMPILE_MS });
  await page.waitForTimeout(1_000);
  const emailFindings = await seriousViolations(page, "/dev/outbox/[id]");
  const fit = await frame.evaluate((element) => {
    const iframe = element as HTMLIFrameElement;
    const document = iframe.contentDocument;
    return { frame: iframe.getBoundingClientRect().height, content: document ? document.documentElement.scrollHeight : -1 };
  });
  const findings = [...listFindings, ...emailFindings];
  return [
    { name: "/dev/outbox and an email in it have no serious or critical axe violation", ok: findings.length === 0, message: findings.length ? formatFindings(findings) : undefined },
    {
      name: "the email preview is as tall as the email (nothing clipped)",
      ok: fit.content > 0 && fit.frame + 1 >= fit.content,
      message: `frame ${Math.round(fit.frame)} px, email ${fit.content} px`,
    },
  ];
}

async function main(): Promise<number> {
  const jsonIndex = process.argv.indexOf("--json");
  const jsonFile = jsonIndex > 0 ? process.argv[jsonIndex + 1] : undefined;
  const dir = mkdtempSync(path.join(os.tmpdir(), "latchkey-dev-check-"));
  // Never the default 3000 (the point of the check), nor a developer's usual 4100 for the sandbox.
  const port = await freePort([3000]);
  const sandboxPort = await freePort([4100, port]);
  const base = `http://localhost:${port}`;
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(port),
    SANDBOX_URL: `http://127.0.0.1:${sandboxPort}`,
    PGLITE_DATA_DIR: path.join(dir, "pglite"),
    SANDBOX_STATE_FILE: path.join(dir, "sandbox-state.json"),
    VAULT_DEV_KEY_FILE: path.join(dir, "dev-master-key"),
    AUTH_DEV_SECRET_FILE: path.join(dir, "auth-secret"),
    NEXT_DIST_DIR: ".next-dev-check",
    LOG_LEVEL: "warn",
  };
  delete env.DATABASE_URL;
  delete env.APP_URL;
  delete env.NODE_ENV;
  delete env.RESEND_API_KEY;
  let log = "";
  const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/dev.ts"], { env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString("utf8")));
  let browser: Browser | undefined;
  const results: Result[] = [];
  try {
    await waitForHealth(`${base}/api/health`, child);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    // axe needs pages of an explicit context.
    const context = await browser.newContext();
    results.push(await watchPage(await context.newPage(), `${base}/sign-in`));
    results.push(...(await checkDevOutbox(await context.newPage(), base)));
  } catch (error) {
    results.push({ name: "the dev stack starts and serves its pages", ok: false, message: `${error instanceof Error ? error.message : String(error)}\n--- dev stack output (last lines) ---\n${log.split("\n").slice(-30).join("\n")}` });
  } finally {
    await browser?.close();
    // The whole process group: the launcher, next dev and its workers.
    if (child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    rmSync(dir, { recursive: true, force: true });
  }
  for (const r of results) console.log(`${r.ok ? "✓" : "✗"} ${r.name}${r.message ? `\n    ${r.message.split("\n").join("\n    ")}` : ""}`);
  if (jsonFile) writeFileSync(jsonFile, JSON.stringify({ passed: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length, failures: results.filter((r) => !r.ok).map((r) => `${r.name}: ${r.message?.split("\n")[0] ?? ""}`) }));
  return results.every((r) => r.ok) ? 0 : 1;
}

process.exit(await main());
