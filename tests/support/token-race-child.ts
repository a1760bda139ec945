// A second "instance" for the cross-process single-flight test: asks for one authorization's token
// many times at once and prints what it got. Run with tsx --conditions=react-server.
import { closeDb } from "@/lib/db/client";
import { getAccessToken } from "@/lib/tokens/get-access-token";

const [authorizationId, count = "50"] = process.argv.slice(2);
const results = await Promise.allSettled(Array.from({ length: Number(count) }, () => getAccessToken(authorizationId!)));
const tokens = new Set(results.flatMap((r) => (r.status === "fulfilled" ? [r.value.accessToken.slice(-12)] : [])));
const failures = results.filter((r) => r.status === "rejected").length;
await closeDb();
console.log(JSON.stringify({ tokens: [...tokens], failures }));
