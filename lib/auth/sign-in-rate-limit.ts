import "server-only";
// How many sign-in links can be asked for: per address and per client IP, in fixed quarter-hour windows
// counted in the database (one atomic statement per key), so every instance shares the count. Refused
// requests count too, so a flood stays refused for the window. It is checked before Auth.js looks the
// address up, so the answer is the same whether or not the address has an account.
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { readServerEnv } from "@/lib/env";

export const SIGN_IN_WINDOW_SECONDS = 15 * 60;

export const SIGN_IN_RATE_LIMITED_MESSAGE =
  "Too many sign-in links were asked for in the last few minutes. Wait a quarter of an hour, then try again; a link we already sent keeps working until it expires.";

export type SignInAttempt = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Counter {
  count: number;
  windowStart: Date;
}

/** Adds one to the key's window (a new window once the old one is over) and returns the count. */
async function countRequest(key: string, now: Date): Promise<Counter> {
  const windowOver = new Date(now.getTime() - SIGN_IN_WINDOW_SECONDS * 1000);
  const [row] = await db.$queryRaw<Counter[]>`
    INSERT INTO "SignInRateLimit" ("key", "windowStart", "count") VALUES (${key}, ${now}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "SignInRateLimit"."windowStart" <= ${windowOver} THEN 1 ELSE "SignInRateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "SignInRateLimit"."windowStart" <= ${windowOver} THEN ${now} ELSE "SignInRateLimit"."windowStart" END
    RETURNING "count", "windowStart"`;
  if (!row) throw new Error("the sign-in rate limit counter returned no row");
  return row;
}

function addressKey(email: string): string {
  // The address is not stored: the limit needs only to recognize it.
  return `email:${createHash("sha256").update(email).digest("hex")}`;
}

/**
 * Counts one sign-in link request for `email` (normalized) and, when known, the client's IP. Refused when
 * either is over its limit for the current quarter hour (SIGN_IN_LINKS_PER_ADDRESS, SIGN_IN_LINKS_PER_IP).
 */
export async function consumeSignInAttempt({ email, ip, now = new Date() }: { email: string; ip: string | null; now?: Date }): Promise<SignInAttempt> {
  const env = readServerEnv();
  await db.signInRateLimit.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - SIGN_IN_WINDOW_SECONDS * 1000) } } });
  const checks = [{ key: addressKey(email), limit: env.SIGN_IN_LINKS_PER_ADDRESS }];
  if (ip) checks.push({ key: `ip:${ip}`, limit: env.SIGN_IN_LINKS_PER_IP });
  let retryAfterMs = 0;
  for (const { key, limit } of checks) {
    const counter = await countRequest(key, now);
    if (counter.count > limit) {
      retryAfterMs = Math.max(retryAfterMs, counter.windowStart.getTime() + SIGN_IN_WINDOW_SECONDS * 1000 - now.getTime());
    }
  }
  return retryAfterMs > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(retryAfterMs / 1000) } : { allowed: true };
}
