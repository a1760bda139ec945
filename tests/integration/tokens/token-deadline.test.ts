// Issue 12 #10: one deadline per token request. When LWA hangs, the attempts and their backoff fit inside
// TOKEN_REQUEST_DEADLINE_MS and Latchkey answers amazon_unavailable before a client's own timeout, instead of
// after 3 full HTTP timeouts plus backoff. The refresh record says it was a timeout (issue 13 §5).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { resetServerEnvForTests } from "@/lib/env";
import { getAccessToken } from "@/lib/tokens/get-access-token";
import { useAppWithSandbox } from "../../support/app-harness";
import { connectSeller } from "../../support/connect-seller";
import { sandboxControl } from "../../support/sandbox-session";

interface Stats {
  lwa: { byGrantType: Record<string, number> };
}

describe("token request deadline", () => {
  const app = useAppWithSandbox({ rateLimits: false });
  beforeAll(() => {
    // The harness's HTTP timeout is 2 s: without a deadline a hanging LWA takes 3 × 2 s plus backoff.
    process.env.TOKEN_REQUEST_DEADLINE_MS = "3000";
    resetServerEnvForTests();
  });
  afterAll(() => {
    delete process.env.TOKEN_REQUEST_DEADLINE_MS;
    resetServerEnvForTests();
  });

  it("answers amazon_unavailable within the deadline when LWA does not answer, and records a timeout", async () => {
    const { authorizationId } = await connectSeller(app.sandbox);
    const calls = async () => (await sandboxControl<Stats>(app.sandbox, "GET", "/stats")).lwa.byGrantType.refresh_token ?? 0;
    const before = await calls();
    await sandboxControl(app.sandbox, "POST", "/faults", { route: "lwa:refresh_token", kind: "timeout" });

    const started = Date.now();
    await expect(getAccessToken(authorizationId)).rejects.toMatchObject({ code: "amazon_unavailable" });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(3000 + 400);
    expect(elapsed).toBeGreaterThanOrEqual(2000);
    // A first attempt of 2 s, then at most one more with what is left (none when a loaded machine left too
    // little); never a third that could not finish.
    const attempts = (await calls()) - before;
    expect(attempts).toBeGreaterThanOrEqual(1);
    expect(attempts).toBeLessThanOrEqual(2);
    expect(await db.authorization.findUniqueOrThrow({ where: { id: authorizationId } })).toMatchObject({ status: "ACTIVE", consecutiveFailures: 1, lastRefreshError: "timeout" });
  });
});
