// @latchkey/client as someone outside this repository gets it: built by tsc, imported by plain Node.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import * as source from "@latchkey/client";

const outDir = mkdtempSync(path.join(os.tmpdir(), "latchkey-client-build-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe("@latchkey/client package", () => {
  it("builds to ESM and .d.ts that plain Node imports, with what the source exports and no runtime dependency", () => {
    execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "packages/client", "--outDir", outDir, "--declarationMap", "false", "--sourceMap", "false"]);
    expect(existsSync(path.join(outDir, "index.d.ts"))).toBe(true);

    const script = `
      import { createHmac } from "node:crypto";
      const client = await import(${JSON.stringify(pathToFileURL(path.join(outDir, "index.js")).href)});
      const payload = '{"type":"alert.fired"}';
      const header = "t=1796000000,v1=" + createHmac("sha256", "s3cret").update("1796000000." + payload).digest("hex");
      const check = client.verifyWebhookSignature({ payload, header, secret: "s3cret", nowSeconds: 1796000001 });
      client.createLatchkeyClient({ baseUrl: "http://127.0.0.1:1", apiKey: "lk_live_x", reportOutcomes: false });
      console.log(JSON.stringify({ exports: Object.keys(client).sort(), check }));`;
    const built = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" })) as { exports: string[]; check: unknown };
    expect(built.exports).toEqual(Object.keys(source).sort());
    expect(built.check).toEqual({ valid: true, timestamp: 1796000000 });

    const manifest = JSON.parse(readFileSync("packages/client/package.json", "utf8")) as { name: string; type: string; dependencies?: object; exports: Record<string, Record<string, string>> };
    expect(manifest).toMatchObject({ name: "@latchkey/client", type: "module" });
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.exports["."]).toMatchObject({ types: "./dist/index.d.ts", default: "./dist/index.js" });
  }, 60_000);
});
