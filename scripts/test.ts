// `npm test`: every suite, then one summary line. Unit and integration tests run on embedded PGlite;
// with TEST_DATABASE_URL or DATABASE_URL set (CI sets the machine's PostgreSQL) the integration suite runs
// there too.
// Playwright's end-to-end suite runs last against a real dev server and the sandbox.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

interface Outcome {
  suite: string;
  passed: number;
  failed: number;
  skipped: number;
  exitCode: number;
}

const resultsDir = path.resolve(".data/test-results");
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

type Env = Record<string, string | undefined>;

function runVitest(suite: string, project: string, extraEnv: Env): Outcome {
  const outputFile = path.join(resultsDir, `${suite}.json`);
  const env: Env = { ...process.env, ...extraEnv };
  if (!extraEnv.DATABASE_URL) delete env.DATABASE_URL;
  const run = spawnSync(
    process.execPath,
    ["node_modules/vitest/vitest.mjs", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${outputFile}`],
    { stdio: "inherit", env: env as NodeJS.ProcessEnv },
  );
  const report = existsSync(outputFile)
    ? (JSON.parse(readFileSync(outputFile, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number })
    : undefined;
  return {
    suite,
    passed: report?.numPassedTests ?? 0,
    failed: report ? report.numFailedTests : 1,
    skipped: (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0),
    exitCode: run.status ?? 1,
  };
}

function runPlaywright(): Outcome {
  const outputFile = path.join(resultsDir, "e2e.json");
  const env: Env = { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: outputFile };
  delete env.DATABASE_URL;
  const run = spawnSync(process.execPath, ["node_modules/@playwright/test/cli.js", "test", "--reporter=list,json"], { stdio: "inherit", env: env as NodeJS.ProcessEnv });
  const report = existsSync(outputFile)
    ? (JSON.parse(readFileSync(outputFile, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } })
    : undefined;
  return {
    suite: "e2e",
    passed: (report?.stats.expected ?? 0) + (report?.stats.flaky ?? 0),
    failed: report ? report.stats.unexpected : 1,
    skipped: report?.stats.skipped ?? 0,
    exitCode: run.status ?? 1,
  };
}

const only = process.argv.slice(2);
const wants = (suite: string) => only.length === 0 || only.includes(suite);
const outcomes: Outcome[] = [];

if (wants("unit")) outcomes.push(runVitest("unit", "unit", {}));
if (wants("integration")) outcomes.push(runVitest("integration-pglite", "integration", {}));
// `DATABASE_URL=postgresql://… npm test` runs the database suites there too (unit and e2e stay embedded).
const postgresUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (wants("integration") && postgresUrl) {
  outcomes.push(runVitest("integration-postgresql", "integration", { DATABASE_URL: postgresUrl }));
}
if (wants("e2e")) outcomes.push(runPlaywright());

console.log("\nSuites:");
for (const o of outcomes) {
  console.log(`  ${o.suite.padEnd(24)} ${o.passed} passed, ${o.failed} failed, ${o.skipped} skipped${o.exitCode !== 0 && o.failed === 0 ? ` (runner exited ${o.exitCode})` : ""}`);
}
const total = outcomes.reduce((sum, o) => ({ passed: sum.passed + o.passed, failed: sum.failed + o.failed + (o.exitCode !== 0 && o.failed === 0 ? 1 : 0), skipped: sum.skipped + o.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log(`Tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
