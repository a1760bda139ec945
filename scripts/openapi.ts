// `npm run openapi`: writes the OpenAPI document of /api/v1 to docs/openapi.json (or the path given), the
// same document the app serves at /api/v1/openapi.json. A unit test fails when the committed file is stale.
import { writeFileSync } from "node:fs";
import { openApiDocumentJson } from "@/lib/openapi/build-openapi-document";

const target = process.argv[2] ?? "docs/openapi.json";
writeFileSync(target, openApiDocumentJson());
console.log(`wrote ${target}`);
