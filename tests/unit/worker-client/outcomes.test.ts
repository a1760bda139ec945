import { describe, expect, it } from "vitest";
import { amazonError, createFake, json } from "./fake-latchkey";

const participations = { method: "GET", path: "/sellers/v1/marketplaceParticipations", operation: "getMarketplaceParticipations" } as const;
const delayed = (ms: number, fake: ReturnType<typeof createFake>, response: Response) => () => {
  fake.advance(ms);
  return response;
};

describe("worker client: outcome reporting", () => {
  it("reports every attempt (status or 0, operation, latency, time) in one batch on flush", async () => {
    const fake = createFake();
    fake.spapi(delayed(120, fake, amazonError(429, "QuotaExceeded")), delayed(80, fake, json(200, { payload: [] })));
    await fake.client.spapiFetch("auth-1", participations);
    fake.spapi(new TypeError("fetch failed"), amazonError(500, "InternalFailure"), amazonError(500, "InternalFailure"));
    await fake.client.spapiFetch("auth-1", participations).catch(() => {});
    expect(fake.outcomeRequests()).toHaveLength(0); // buffered, not sent per call
    await fake.client.flush();
    expect(fake.outcomeRequests()).toHaveLength(1);
    const outcomes = fake.reportedOutcomes();
    expect(outcomes.map((o) => [o.status, o.latencyMs])).toEqual([
      [429, 120],
      [200, 80],
      [0, 0],
      [500, 0],
      [500, 0],
    ]);
    expect(outcomes.every((o) => o.authorizationId === "auth-1" && o.operation === "getMarketplaceParticipations" && !Number.isNaN(Date.parse(o.at)))).toBe(true);
    expect(fake.outcomeRequests()[0]!.headers.get("authorization")).toBe("Bearer lk_live_test");
  });

  it("sends a batch as soon as 100 outcomes wait, without waiting for the caller", async () => {
    const fake = createFake();
    for (let i = 0; i < 250; i++) fake.spapi(json(200, {}));
    for (let i = 0; i < 250; i++) await fake.client.spapiFetch("auth-1", participations);
    await fake.client.flush();
    expect(fake.outcomeRequests().map((r) => (r.body as { outcomes: unknown[] }).outcomes.length)).toEqual([100, 100, 50]);
  });

  it("flushes on its own a second after the first outcome", async () => {
    const fake = createFake({ outcomes: { intervalMs: 20 } });
    fake.spapi(json(200, {}));
    await fake.client.spapiFetch("auth-1", participations);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(fake.reportedOutcomes()).toHaveLength(1);
  });

  it("never throws into the caller or blocks the call when Latchkey cannot take the outcomes, and resends later", async () => {
    const errors: unknown[] = [];
    const fake = createFake({ onReportError: (error) => errors.push(error) });
    let down = true;
    fake.answerOutcomes(() => (down ? new TypeError("connect ECONNREFUSED") : json(202, { accepted: 1 })));
    fake.spapi(json(200, {}));
    await expect(fake.client.spapiFetch("auth-1", participations)).resolves.toMatchObject({ status: 200 });
    await expect(fake.client.flush()).resolves.toBeUndefined();
    expect(errors).toHaveLength(1);
    down = false;
    await fake.client.flush();
    expect(fake.outcomeRequests()).toHaveLength(2);
    expect((fake.outcomeRequests()[1]!.body as { outcomes: unknown[] }).outcomes).toHaveLength(1);
  });

  it("drops a batch Latchkey refuses as invalid instead of resending it forever", async () => {
    const fake = createFake({ onReportError: () => {} });
    fake.answerOutcomes(() => json(422, { error: { code: "invalid_input", message: "bad", requestId: "r" } }));
    fake.spapi(json(200, {}));
    await fake.client.spapiFetch("auth-1", participations);
    await fake.client.flush();
    await fake.client.flush();
    expect(fake.outcomeRequests()).toHaveLength(1);
  });

  it("reports nothing with reportOutcomes: false", async () => {
    const fake = createFake({ reportOutcomes: false });
    fake.spapi(json(200, {}));
    await fake.client.spapiFetch("auth-1", participations);
    await fake.client.close();
    expect(fake.outcomeRequests()).toHaveLength(0);
  });
});
