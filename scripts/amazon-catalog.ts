// npm run amazon:catalog [-- --models <dir>]: regenerates lib/amazon/catalog/operations.generated.json
// from Amazon's models (default ../shared/amazon-models beside the repository, or AMAZON_MODELS_DIR).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_MODELS_DIR, generateCatalog, serializeCatalog } from "../lib/amazon/catalog/generate-catalog";

const { values } = parseArgs({ options: { models: { type: "string" } } });
const modelsDir = path.resolve(values.models ?? process.env.AMAZON_MODELS_DIR ?? DEFAULT_MODELS_DIR);
const catalog = generateCatalog(modelsDir);
const output = path.resolve(import.meta.dirname, "../lib/amazon/catalog/operations.generated.json");
writeFileSync(output, serializeCatalog(catalog));
const count = (test: (op: (typeof catalog.operations)[number]) => boolean) => catalog.operations.filter(test).length;
console.log(
  `${path.relative(process.cwd(), output)}: ${catalog.operations.length} operations from ${catalog.models.length} models ` +
    `(${count((op) => op.restricted)} restricted, ${count((op) => op.grantlessScope !== null)} grantless, ` +
    `${count((op) => op.usagePlan === null)} without a usage plan, ${count((op) => op.roles === null)} without encoded roles)`,
);
