import { describe, expect, it } from "vitest";
import { LatchkeyError } from "@latchkey/client";
import { createFake, json, LATCHKEY } from "./fake-latchkey";

describe("worker client: grantless tokens", () => {
  it("asks Latchkey once per scope and serves the token from memory until shortly before expiry", async () => {
    const fake = createFake();
    const [first, again, rotation] = await Promise.all([
      fake.client.grantlessToken("sellingpartnerapi::notifications"),
      fake.client.grantlessToken("sellingpartnerapi::notifications"),
      fake.client.grantlessToken("sellingpartnerapi::client_credential:rotation"),
    ]);
    expect(first).toEqual({ accessToken: "Atza|grantless-1", expiresAt: expect.any(Date), scope: "sellingpartnerapi::notifications" });
    expect(again).toBe(first);
    expect(rotation.scope).toBe("sellingpartnerapi::client_credential:rotation");
    expect(fake.grantlessRequests().map((r) => [r.url, r.method, r.body])).toEqual([
      [`${LATCHKEY}/api/v1/grantless-tokens`, "POST", { scope: "sellingpartnerapi::notifications" }],
      [`${LATCHKEY}/api/v1/grantless-tokens`, "POST", { scope: "sellingpartnerapi::client_credential:rotation" }],
    ]);

    fake.advance(3600_000 - 59_000);
    expect((await fake.client.grantlessToken("sellingpartnerapi::notifications")).accessToken).toBe("Atza|grantless-3");
  });

  it("throws Latchkey's refusal with its stable code", async () => {
    const fake = createFake({
      fetch: async () => json(404, { error: { code: "not_found", message: "Not found.", requestId: "req-9" } }),
    });
    const error = await fake.client.grantlessToken("sellingpartnerapi::notifications").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LatchkeyError);
    expect(error).toMatchObject({ code: "not_found", status: 404, requestId: "req-9", retryAfterSeconds: null });
  });
});
