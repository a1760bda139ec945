// The guard core: headers on every answer, params checked after the caller, Retry-After from the error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { idParams } from "@/lib/http/ids";
import { publicRoute, routeHandler } from "@/lib/http/route-handler";
import { createLogger, setLogger } from "@/lib/log/logger";

const request = (headers: Record<string, string> = {}) => new Request("http://localhost/x", { headers: { "x-request-id": "req-core", ...headers } });

beforeAll(() => setLogger(createLogger({ level: "silent" })));
afterAll(() => setLogger(undefined));

describe("routeHandler", () => {
  it("stamps the request id and no-store, keeping a cache-control the handler chose, even on a redirect", async () => {
    const plain = await publicRoute(() => Response.json({ ok: true }))(request());
    expect([plain.headers.get("x-request-id"), plain.headers.get("cache-control")]).toEqual(["req-core", "no-store"]);
    const cached = await publicRoute(() => new Response("x", { headers: { "cache-control": "max-age=60" } }))(request());
    expect(cached.headers.get("cache-control")).toBe("max-age=60");
    const redirect = await publicRoute(() => Response.redirect("http://localhost/elsewhere", 303))(request());
    expect([redirect.status, redirect.headers.get("location"), redirect.headers.get("x-request-id")]).toEqual([303, "http://localhost/elsewhere", "req-core"]);
  });

  it("refuses the caller before looking at params, and answers impossible ids 404", async () => {
    const refuse = routeHandler(
      async () => {
        throw new AppError("unauthenticated");
      },
      () => Response.json({}),
      { params: idParams },
    );
    expect((await refuse(request(), { params: Promise.resolve({ id: "a\u0000b" }) })).status).toBe(401);
    const open = publicRoute((_request, { params }) => Response.json(params), { params: idParams });
    expect((await open(request(), { params: Promise.resolve({ id: "a\u0000b" }) })).status).toBe(404);
    expect(await (await open(request(), { params: Promise.resolve({ id: "auth_1" }) })).json()).toEqual({ id: "auth_1" });
  });

  it("turns a thrown AppError into the envelope with Retry-After when it carries one", async () => {
    const limited = publicRoute(() => {
      throw new AppError("rate_limited", "Slow down.", { details: { retryAfterSeconds: 7.2 } });
    });
    const response = await limited(request());
    expect([response.status, response.headers.get("retry-after"), response.headers.get("cache-control")]).toEqual([429, "8", "no-store"]);
    expect(await response.json()).toEqual({ error: { code: "rate_limited", message: "Slow down.", requestId: "req-core", details: { retryAfterSeconds: 7.2 } } });
  });
});
