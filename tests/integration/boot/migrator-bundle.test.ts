// The Docker image migrates with a bundled runner (dist/db.mjs) next to only the two WASM packages.
// Build it the way the Dockerfile does and run it from a folder holding nothing else.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const image = mkdtempSync(path.join(os.tmpdir(), "latchkey-image-"));

describe("the bundled migration runner", () => {
  afterAll(() => rmSync(image, { recursive: true, force: true }));

  it("migrates a database from an image-like folder and refuses bad configuration in one line", () => {
    const build = spawnSync("npm", ["run", "-s", "build:migrator", "--", `--outfile=${path.join(image, "dist/db.mjs")}`], { encoding: "utf8" });
    expect(build.status, build.stderr).toBe(0);
    for (const pkg of ["@prisma/schema-engine-wasm", "@electric-sql/pglite"]) {
      mkdirSync(path.join(image, "node_modules", path.dirname(pkg)), { recursive: true });
      cpSync(path.join("node_modules", pkg), path.join(image, "node_modules", pkg), { recursive: true });
    }
    cpSync("prisma", path.join(image, "prisma"), { recursive: true });
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, ["dist/db.mjs", "deploy"], { cwd: image, encoding: "utf8", env: { PATH: process.env.PATH ?? "", ...env } as unknown as NodeJS.ProcessEnv });
    const first = run({ PGLITE_DATA_DIR: path.join(image, "data") });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/applied 20261122043158_init/);
    expect(run({ PGLITE_DATA_DIR: path.join(image, "data") }).stdout).toMatch(/already up to date/);
    const bad = run({ DATABASE_URL: "mysql://root:pw@db/x" });
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });
});
