import "server-only";
// The one Inngest client: it sends Latchkey's events and serves its functions. Whether it is used at all
// depends on mode.ts: without Inngest configuration the same definitions run in-process and nothing is sent.
import { Inngest } from "inngest";
import { readServerEnv } from "@/lib/env";
import { inngestConnection } from "./mode";

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
