import "server-only";
import { LwaError, requestGrantlessToken } from "@/lib/amazon/lwa";

export type SecretCheck = { ok: true } | { ok: false; kind: "rejected" | "transient" | "request"; error: string };

const ATTEMPTS = 3;
const BACKOFF_MS = 250;

/**
 * Proves a client secret works before it is trusted: one `client_credentials` token call with the
 * notifications scope (the token itself is discarded). Transient failures are retried briefly.
 */
export async function verifyClientSecret(clientId: string, clientSecret: string): Promise<SecretCheck> {
  for (let attempt = 1; ; attempt++) {
    try {
      await requestGrantlessToken({ clientId, clientSecret }, "sellingpartnerapi::notifications");
      return { ok: true };
    } catch (error) {
      if (!(error instanceof LwaError)) throw error;
      if (error.kind === "transient" && attempt < ATTEMPTS) {
        await new Promise((resolve) => setTimeout(resolve, BACKOFF_MS * attempt));
        continue;
      }
      return { ok: false, kind: error.kind === "client" ? "rejected" : error.kind === "transient" ? "transient" : "request", error: error.error };
    }
  }
}
