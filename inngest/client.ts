import "server-only";
// The one Inngest client. Whether it is used at all depends on lib/workflows/mode.ts: without Inngest
// configuration the same function definitions run in-process and nothing is sent to Inngest.
import { Inngest } from "inngest";
import { readServerEnv } from "@/lib/env";
import { inngestConnection } from "@/lib/workflows/mode";

function createClient(): Inngest {
  const connection = inngestConnection(readServerEnv());
  return new Inngest({
    id: "latchkey",
    ...(connection.isDev ? { isDev: true } : {}),
    ...(connection.baseUrl ? { baseUrl: connection.baseUrl } : {}),
    ...(connection.eventKey ? { eventKey: connection.eventKey } : {}),
    ...(connection.signingKey ? { signingKey: connection.signingKey } : {}),
  });
}

export const inngest = createClient();
