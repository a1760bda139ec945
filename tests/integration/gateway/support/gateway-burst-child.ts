// A second Latchkey "instance" for the cross-process rate-limit test: sends `count` gateway requests at
// once for one authorization and prints the statuses it got. Run with plain tsx (see server-only-outside-next).
import { stubServerOnly } from "../../../support/server-only-outside-next";

stubServerOnly();
const { closeDb } = await import("@/lib/db/client");
const { callGateway } = await import("./call-gateway");

const [authorizationId, apiKey, amazonPath, count = "10"] = process.argv.slice(2);
const responses = await Promise.all(
  Array.from({ length: Number(count) }, () => callGateway(authorizationId!, amazonPath!, { key: apiKey!, headers: { "x-latchkey-max-wait-ms": "0" } })),
);
const statuses = await Promise.all(responses.map(async (response) => (await response.arrayBuffer(), response.status)));
await closeDb();
console.log(JSON.stringify({ statuses }));
