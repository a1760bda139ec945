// `prisma generate` without the native schema engine: the generator itself is JS/WASM, but the CLI
// insists on a schema-engine binary path, so point it at a stub that is never run for generation.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const stub = path.join(mkdtempSync(path.join(os.tmpdir(), "latchkey-prisma-")), "schema-engine-stub");
writeFileSync(stub, "#!/bin/sh\nexit 1\n");
chmodSync(stub, 0o755);

const result = spawnSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: stub, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
process.exit(result.status ?? 1);
