// Every Amazon answer Latchkey reads is parsed with zod: a 200 whose body is not the model's shape (the
// sandbox's `malformed` fault) is a failure with code amazon_unexpected_response, never a passed connection
// test, and never replaces what is stored (today's bug: the seller's marketplaces became []).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { testTenantConnection } from "@/lib/preflight/test-connectivity";
import { createRestrictedDataToken } from "@/lib/tokens/create-restricted-data-token";
import { useAppWithSandbox } from "../../support/app-harness";
import { connectSeller } from "../../support/connect-seller";
import { sandboxControl } from "../../support/sandbox-session";

describe("a 200 from Amazon in a shape its model does not describe", () => {
  const app = useAppWithSandbox({ rateLimits: false });

  it("fails the connection test with amazon_unexpected_response and keeps the stored marketplaces and fingerprint", async () => {
    const seller = await connectSeller(app.sandbox);
    const before = await db.authorization.findUniqueOrThrow({ where: { id: seller.authorizationId } });
    expect(before).toMatchObject({ lastConnectivityOk: true, marketplaceIds: ["ATVPDKIKX0DER"] });

    await sandboxControl(app.sandbox, "POST", "/faults", { route: "spapi:getMarketplaceParticipations", kind: "malformed" });
    const result = await testTenantConnection({ authorizationId: seller.authorizationId, actorType: "ADMIN", actorId: "admin-1" });
    expect(result).toMatchObject({ ok: false, failure: "amazon_unexpected_response", message: expect.stringContaining("did not pass and nothing stored was changed") });

    const after = await db.authorization.findUniqueOrThrow({ where: { id: seller.authorizationId } });
    expect(after.lastConnectivityOk).toBe(false);
    expect(after.marketplaceIds).toEqual(["ATVPDKIKX0DER"]);
    expect(after.accountFingerprint).toEqual(before.accountFingerprint);
    expect(after.status).toBe("ACTIVE");
    const audit = await db.auditLog.findFirstOrThrow({ where: { authorizationId: seller.authorizationId, action: "authorization.connectivity_tested" }, orderBy: { id: "desc" } });
    expect(audit.details).toEqual({ ok: false, failure: "amazon_unexpected_response" });

    // Amazon answers properly again: the test passes and the marketplaces are read again.
    await sandboxControl(app.sandbox, "DELETE", "/faults");
    expect(await testTenantConnection({ authorizationId: seller.authorizationId, actorType: "ADMIN", actorId: "admin-1" })).toMatchObject({ ok: true, marketplaceIds: ["ATVPDKIKX0DER"] });
  });

  it("refuses a Restricted Data Token answer without a token (502 amazon_unexpected_response)", async () => {
    const seller = await connectSeller(app.sandbox);
    await sandboxControl(app.sandbox, "POST", "/faults", { route: "spapi:createRestrictedDataToken", kind: "malformed" });
    const error = await createRestrictedDataToken(seller.authorizationId, { restrictedResources: [{ method: "GET", path: "/orders/v0/orders/123-1234567-1234567/address" }] }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("amazon_unexpected_response");
    expect(isAppError(error) && error.status).toBe(502);
  });
});
