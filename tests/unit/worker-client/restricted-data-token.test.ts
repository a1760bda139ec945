import { describe, expect, it } from "vitest";
import type { RestrictedDataToken } from "@latchkey/client";
import { amazonError, createFake, json } from "./fake-latchkey";

const orderPath = "/orders/v0/orders/902-3159896-1390916";
const resources = [{ method: "GET" as const, path: orderPath, dataElements: ["buyerInfo"] }];

describe("worker client: Restricted Data Tokens", () => {
  it("withRdt requests an RDT, hands it to the callback and returns the callback's result", async () => {
    const fake = createFake();
    const result = await fake.client.withRdt("auth-1", resources, (rdt) => `used ${rdt.restrictedDataToken} until ${rdt.expiresAt.toISOString()}`, { targetApplication: "amzn1.sp.solution.other" });
    expect(result).toMatch(/^used Atz\.sprdt\|rdt-1 until /);
    expect(fake.rdtRequests()[0]!.body).toEqual({ restrictedResources: resources, targetApplication: "amzn1.sp.solution.other" });
  });

  it("discards the RDT once the callback settles, whether it resolved or threw, and never caches it", async () => {
    const fake = createFake();
    let kept: RestrictedDataToken | undefined;
    await fake.client.withRdt("auth-1", resources, async (rdt) => {
      kept = rdt;
    });
    expect(() => kept!.restrictedDataToken).toThrow(/discarded/);
    expect(JSON.stringify(kept)).not.toContain("sprdt");

    const failure = await fake.client
      .withRdt("auth-1", resources, (rdt) => {
        kept = rdt;
        throw new Error("label printer jammed");
      })
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ message: "label printer jammed" });
    expect(() => kept!.restrictedDataToken).toThrow(/discarded/);
    expect(fake.rdtRequests()).toHaveLength(2);
  });

  it("spapiFetch with rdt calls with a fresh RDT instead of the access token, and renews it once on 403 Unauthorized", async () => {
    const fake = createFake();
    fake.spapi(json(200, { payload: { AmazonOrderId: "902-3159896-1390916" } }));
    await fake.client.spapiFetch("auth-1", { method: "GET", path: orderPath, operation: "getOrder", rdt: resources });
    expect(fake.spapiRequests()[0]!.headers.get("x-amz-access-token")).toBe("Atz.sprdt|rdt-1");
    expect(fake.tokenRequests()).toHaveLength(0);

    fake.spapi(amazonError(403, "Unauthorized"), json(200, {}));
    await fake.client.spapiFetch("auth-1", { method: "GET", path: orderPath, operation: "getOrder", rdt: resources });
    expect(fake.spapiRequests().slice(1).map((r) => r.headers.get("x-amz-access-token"))).toEqual(["Atz.sprdt|rdt-2", "Atz.sprdt|rdt-3"]);
  });
});
