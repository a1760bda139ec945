// `npm test`: every suite, then one summary line. Unit and integration tests run on embedded PGlite;
// with TEST_DATABASE_URL or DATABASE_URL set (CI sets the machine's PostgreSQL) the integration suite runs
// there too.
// The Python client's pytest suite (clients/python) runs when a Python ≥ 3.9 with pytest is installed.
// The dev-stack check starts `npm run dev` on a non-default port and watches a page in Chromium (no reload loop).
// Playwright's end-to-end suite runs last against a real dev server and the sandbox.
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { JSONReport, JSONReportSuite } from "@playwright/test/reporter";

interface Outcome {
  suite: string;
  passed: number;
  failed: number;
  skipped: number;
  exitCode: number;
  /** "file › test name: first line of the failure", so the end of a long log says what broke. */
  failures: string[];
}

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults?: { name: string; message?: string; assertionResults?: { status: string; fullName: string; failureMessages?: string[] }[] }[];
}

/** The runners colour their messages with ANSI escapes. */
function stripAnsi(text: string): string {
  return text.replace(/\x1b\[[0-9;]*m/g, "");
}

function firstLine(message: string | undefined): string {
  return stripAnsi(message ?? "").split("\n").find((line) => line.trim() !== "")?.trim().slice(0, 200) ?? "";
}

function vitestFailures(report: VitestReport | undefined): string[] {
  const failures: string[] = [];
  for (const file of report?.testResults ?? []) {
    const relative = path.relative(process.cwd(), file.name);
    const failed = (file.assertionResults ?? []).filter((test) => test.status === "failed");
    for (const test of failed) failures.push(`${relative} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
    if (failed.length === 0 && file.message) failures.push(`${relative}: ${firstLine(file.message)}`);
  }
  return failures;
}

const resultsDir = path.resolve(".data/test-results");
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

type Env = Record<string, string | undefined>;

function readVitestReport(suite: string, outputFile: string, exitCode: number): Outcome {
  const report = existsSync(outputFile) ? (JSON.parse(readFileSync(outputFile, "utf8")) as VitestReport) : undefined;
  return {
    suite,
    passed: report?.numPassedTests ?? 0,
    failed: report ? report.numFailedTests : 1,
    skipped: (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0),
    exitCode,
    failures: vitestFailures(report),
  };
}

function vitestArgs(project: string, outputFile: string): string[] {
  return ["node_modules/vitest/vitest.mjs", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${outputFile}`];
}

function vitestEnv(extraEnv: Env): NodeJS.ProcessEnv {
  const env: Env = { ...process.env, ...extraEnv };
  if (!extraEnv.DATABASE_URL) delete env.DATABASE_URL;
  return env as NodeJS.ProcessEnv;
}

function runVitest(suite: string, project: string, extraEnv: Env): Outcome {
  const outputFile = path.join(resultsDir, `${suite}.json`);
  const run = spawnSync(process.execPath, vitestArgs(project, outputFile), { stdio: "inherit", env: vitestEnv(extraEnv) });
  return readVitestReport(suite, outputFile, run.status ?? 1);
}

/**
 * Runs several vitest suites at once (each is one process running its files one at a time, so two of them
 * keep two cores busy), each writing its output to a log that is printed whole when all have finished.
 */
async function runVitestTogether(runs: { suite: string; project: string; env: Env }[]): Promise<Outcome[]> {
  const finished = await Promise.all(
    runs.map(
      ({ suite, project, env }) =>
        new Promise<{ outcome: Outcome; logFile: string }>((resolve) => {
          const outputFile = path.join(resultsDir, `${suite}.json`);
          const logFile = path.join(resultsDir, `${suite}.log`);
          const fd = openSync(logFile, "w");
          const child = spawn(process.execPath, vitestArgs(project, outputFile), { stdio: ["ignore", fd, fd], env: vitestEnv(env) });
          child.on("close", (code) => {
            closeSync(fd);
            resolve({ outcome: readVitestReport(suite, outputFile, code ?? 1), logFile });
          });
        }),
    ),
  );
  for (const { outcome, logFile } of finished) {
    console.log(`\n===== ${outcome.suite} =====`);
    process.stdout.write(readFileSync(logFile, "utf8"));
  }
  return finished.map((f) => f.outcome);
}

function playwrightFailures(suites: JSONReportSuite[] | undefined, titles: string[] = []): string[] {
  const failures: string[] = [];
  for (const suite of suites ?? []) {
    // The top-level suites are files, whose title is the path the spec already names.
    const names = suite.title.endsWith(".ts") ? titles : [...titles, suite.title];
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests.filter((t) => t.status === "unexpected")) {
        const error = test.results.map((r) => r.error?.message).find(Boolean);
        failures.push(`${spec.file} › ${[...names, spec.title].join(" › ")}: ${firstLine(error)}`);
      }
    }
    failures.push(...playwrightFailures(suite.suites, names));
  }
  return failures;
}

function runPlaywright(): Outcome {
  const outputFile = path.join(resultsDir, "e2e.json");
  const env: Env = { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: outputFile };
  delete env.DATABASE_URL;
  const run = spawnSync(process.execPath, ["node_modules/@playwright/test/cli.js", "test", "--reporter=list,json"], { stdio: "inherit", env: env as NodeJS.ProcessEnv });
  const report = existsSync(outputFile) ? (JSON.parse(readFileSync(outputFile, "utf8")) as JSONReport) : undefined;
  return {
    suite: "e2e",
    passed: (report?.stats.expected ?? 0) + (report?.stats.flaky ?? 0),
    failed: report ? report.stats.unexpected : 1,
    skipped: report?.stats.skipped ?? 0,
    exitCode: run.status ?? 1,
    // Errors outside any test (the web server did not start, a spec file did not load) come first.
    failures: [...(report?.errors ?? []).map((error) => `(outside a test): ${firstLine(error.message)}`), ...playwrightFailures(report?.suites)],
  };
}

/**
 * The development stack on a non-default port (tests/dev/dev-stack-check.ts): a page open in Chromium stays
 * put (no reload loop), and the development-only pages pass axe. One `next dev` start, a few pages.
 */
function runDevStackCheck(): Outcome {
  const outputFile = path.join(resultsDir, "dev-stack.json");
  const env: Env = { ...process.env };
  delete env.DATABASE_URL;
  console.log("\n===== dev-stack =====");
  const run = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "tests/dev/dev-stack-check.ts", "--json", outputFile], { stdio: "inherit", env: env as NodeJS.ProcessEnv });
  const report = existsSync(outputFile) ? (JSON.parse(readFileSync(outputFile, "utf8")) as { passed: number; failed: number; failures: string[] }) : undefined;
  return { suite: "dev-stack", passed: report?.passed ?? 0, failed: report ? report.failed : 1, skipped: 0, exitCode: run.status ?? 1, failures: report?.failures ?? ["the check did not report (see its output above)"] };
}

/** The first interpreter that is Python ≥ 3.9 and has pytest: `$PYTHON`, `python3` on PATH, Debian's. */
function findPythonWithPytest(): string | undefined {
  const candidates = [process.env.PYTHON, "python3", "/usr/bin/python3", "python"].filter((c): c is string => Boolean(c));
  const probe = "import sys, pytest; sys.exit(0 if sys.version_info >= (3, 9) else 1)";
  return candidates.find((python) => spawnSync(python, ["-c", probe], { stdio: "ignore" }).status === 0);
}

/** Counts from pytest's last summary line (`== 2 failed, 20 passed, 1 skipped in 3.1s ==`) and its `FAILED`/`ERROR` lines. */
function parsePytestOutput(output: string): { passed: number; failed: number; skipped: number; failures: string[] } {
  const plain = stripAnsi(output);
  const summary = plain.split("\n").reverse().find((line) => /^=*\s*\d*\s*\b(passed|failed|errors?|skipped|xfailed|xpassed|no tests ran)\b.* in [\d.]+s/.test(line.trim())) ?? "";
  const count = (word: string) => Number(new RegExp(`(\\d+) ${word}`).exec(summary)?.[1] ?? 0);
  const failures = plain
    .split("\n")
    .filter((line) => /^(FAILED|ERROR) /.test(line))
    .map((line) => line.replace(/^(FAILED|ERROR) /, "").slice(0, 200));
  return { passed: count("passed"), failed: count("failed") + count("errors?"), skipped: count("skipped") + count("xfailed"), failures };
}

async function runPython(): Promise<Outcome | undefined> {
  const python = findPythonWithPytest();
  if (!python) {
    console.log("\n===== python =====\nskipped: no Python ≥ 3.9 with pytest found (set PYTHON, or apt-get install python3-pytest)");
    return undefined;
  }
  const env: Env = { ...process.env, PYTHONDONTWRITEBYTECODE: "1" };
  delete env.DATABASE_URL;
  console.log(`\n===== python (${python}) =====`);
  const child = spawn(python, ["-m", "pytest", "-p", "no:cacheprovider", "-rfE", "clients/python"], { stdio: ["ignore", "pipe", "pipe"], env: env as NodeJS.ProcessEnv });
  let output = "";
  const tee = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    process.stdout.write(chunk);
  };
  child.stdout.on("data", tee);
  child.stderr.on("data", tee);
  const exitCode = await new Promise<number>((resolve) => {
    child.on("error", () => resolve(1));
    child.on("close", (code) => resolve(code ?? 1));
  });
  const parsed = parsePytestOutput(output);
  // Exit 5: pytest collected no tests. That is a broken suite, not a pass.
  if (exitCode === 5) return { suite: "python", ...parsed, failed: Math.max(1, parsed.failed), exitCode, failures: ["no tests were collected (pytest exit 5)"] };
  return { suite: "python", ...parsed, exitCode };
}

const only = process.argv.slice(2);
const wants = (suite: string) => only.length === 0 || only.includes(suite);
const outcomes: Outcome[] = [];

if (wants("unit")) outcomes.push(runVitest("unit", "unit", {}));
// `DATABASE_URL=postgresql://… npm test` runs the database suites there too (unit and e2e stay embedded),
// side by side with the embedded run.
const postgresUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (wants("integration") && postgresUrl) {
  outcomes.push(
    ...(await runVitestTogether([
      { suite: "integration-pglite", project: "integration", env: {} },
      { suite: "integration-postgresql", project: "integration", env: { DATABASE_URL: postgresUrl } },
    ])),
  );
} else if (wants("integration")) {
  outcomes.push(runVitest("integration-pglite", "integration", {}));
}
if (wants("python")) {
  const python = await runPython();
  if (python) outcomes.push(python);
}
if (wants("dev-stack")) outcomes.push(runDevStackCheck());
if (wants("e2e")) outcomes.push(runPlaywright());

const failures = outcomes.flatMap((o) => o.failures.map((failure) => `  ${o.suite}: ${failure}`));
if (failures.length > 0) console.log(`\nFailed:\n${failures.join("\n")}`);
console.log("\nSuites:");
for (const o of outcomes) {
  console.log(`  ${o.suite.padEnd(24)} ${o.passed} passed, ${o.failed} failed, ${o.skipped} skipped${o.exitCode !== 0 && o.failed === 0 ? ` (runner exited ${o.exitCode})` : ""}`);
}
const total = outcomes.reduce((sum, o) => ({ passed: sum.passed + o.passed, failed: sum.failed + o.failed + (o.exitCode !== 0 && o.failed === 0 ? 1 : 0), skipped: sum.skipped + o.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log(`Tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
