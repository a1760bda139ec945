import "server-only";
import { readServerEnv } from "@/lib/env";

export type EmailMode = "resend" | "outbox";

/** "resend" when RESEND_API_KEY is set; otherwise the dev outbox (the EmailOutbox row is the delivery). */
export function emailMode(): EmailMode {
  return readServerEnv().RESEND_API_KEY ? "resend" : "outbox";
}

/**
 * Whether /dev/outbox is served: only outside production and only when the outbox is how mail is delivered.
 * Everywhere else it is a 404.
 */
export function devOutboxEnabled(): boolean {
  return readServerEnv().NODE_ENV !== "production" && emailMode() === "outbox";
}
