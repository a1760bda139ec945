import type { Region } from "@/lib/amazon/regions";
import { isCallbackFailure } from "@/lib/oauth/callback-failures";
import { failureCopy } from "@/lib/oauth/failure-copy";

export interface LinkOutcomeCopy {
  tone: "success" | "failure";
  title: string;
  body: string;
}

const LINK_COPY: Record<string, LinkOutcomeCopy> = {
  connected: { tone: "success", title: "Your Amazon account is connected", body: "Everything is set. You can close this window and go back to the service that sent you here." },
  reauthorized: { tone: "success", title: "Your Amazon connection is renewed", body: "Thank you for confirming. You can close this window and go back to the service that sent you here." },
  under_review: {
    tone: "success",
    title: "Your connection is under review",
    body: "We stored your authorization and are checking which business this Amazon account belongs to. The service that sent you here will hear once it is confirmed.",
  },
  link_unknown: { tone: "failure", title: "We don't recognise this link", body: "This connect link is not valid. Ask the service that sent you here for a new one." },
  link_expired: { tone: "failure", title: "This link has expired", body: "Connect links work for a short time only. Ask the service that sent you here for a new one." },
  link_used: { tone: "failure", title: "This link was already used", body: "Each connect link works once, in the browser that first opened it. Ask the service that sent you here for a new one." },
  link_session_missing: {
    tone: "failure",
    title: "Open your connect link in this browser",
    body: "This page only works in the browser that opened the connect link, shortly after opening it. Ask the service that sent you here for a new link.",
  },
};

/** What the connect link result page says for an outcome code (unknown codes read as an unknown link). */
export function linkOutcomeCopy(outcome: string | undefined, stateTtlSeconds: number, regions?: { account: Region; started: Region }): LinkOutcomeCopy {
  if (outcome && Object.hasOwn(LINK_COPY, outcome)) return LINK_COPY[outcome]!;
  if (isCallbackFailure(outcome)) {
    const copy = failureCopy(outcome, stateTtlSeconds, regions);
    return { tone: "failure", title: copy.title, body: `${copy.body.replace(/ from (Latchkey|your Latchkey connections page)\./, ".")} If you need a new link, ask the service that sent you here.` };
  }
  return LINK_COPY.link_unknown!;
}
