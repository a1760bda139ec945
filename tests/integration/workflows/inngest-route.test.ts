// /api/inngest: a 404 while the workflows run in-process; with Inngest configured, Inngest's serve handler
// answers with every Latchkey function registered.
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetServerEnvForTests } from "@/lib/env";
import { workflows } from "@/inngest/functions";

afterEach(() => {
  delete process.env.INNGEST_DEV;
  resetServerEnvForTests();
});

describe("/api/inngest", () => {
  it("is a 404 without Inngest configuration, for every method", async () => {
    const route = await import("@/app/api/inngest/route");
    for (const handler of [route.GET, route.POST, route.PUT]) {
      const response = await handler(new Request("http://localhost:3000/api/inngest", { method: "GET" }), {});
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
    }
  });

  it("serves every function through Inngest's handler in dev mode", async () => {
    process.env.INNGEST_DEV = "1";
    resetServerEnvForTests();
    vi.resetModules();
    const route = await import("@/app/api/inngest/route");
    const response = await route.GET(new Request("http://localhost:3000/api/inngest", { method: "GET" }), {});
    expect(response.status).toBe(200);
    const body = (await response.json()) as { function_count?: number; mode?: string };
    expect(body.function_count).toBe(workflows.length);
    expect(body.mode).toBe("dev");
  });
});
