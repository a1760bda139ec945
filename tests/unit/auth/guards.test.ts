import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/current-user";
import { createLogger, setLogger } from "@/lib/log/logger";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
const revalidatePath = vi.hoisted(() => vi.fn());
vi.mock("next/cache", () => ({ revalidatePath }));

const { withAdmin, withTenant, withUser } = await import("@/lib/auth/route-guards");
const { adminAction, tenantAction } = await import("@/lib/auth/action-guards");

const partner: CurrentUser = { id: "u1", email: "seller@shop.test", role: "PARTNER", tenantId: "tenant-a" };
const newcomer: CurrentUser = { id: "u2", email: "new@shop.test", role: "PARTNER", tenantId: null };
const admin: CurrentUser = { id: "u3", email: "ops@latchkey.test", role: "ADMIN", tenantId: null };

const request = (body?: unknown) =>
  new Request("http://localhost/api/thing?tenantId=tenant-b", {
    method: body === undefined ? "GET" : "POST",
    headers: { "x-request-id": "req-1", "x-tenant-id": "tenant-b" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const context = { params: Promise.resolve({ id: "thing-1" }) };

beforeAll(() => setLogger(createLogger({ level: "silent" })));
afterAll(() => setLogger(undefined));
beforeEach(() => {
  session.user = null;
  revalidatePath.mockClear();
});

describe("route guards", () => {
  const ok = vi.fn(async (_request: Request, ctx: { user: CurrentUser; params: { id?: string } }) => Response.json({ user: ctx.user.id, id: ctx.params.id }));

  it("answer 401 unauthenticated without a session, with the one error body, and never run the handler", async () => {
    for (const guarded of [withUser(ok), withAdmin(ok), withTenant(ok)]) {
      const response = await guarded(request(), context);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: { code: "unauthenticated", message: expect.any(String), requestId: "req-1" } });
    }
    expect(ok).not.toHaveBeenCalled();
  });

  it("let any signed-in user through withUser, with the route params", async () => {
    session.user = newcomer;
    const response = await withUser(ok)(request(), context);
    expect(await response.json()).toEqual({ user: "u2", id: "thing-1" });
  });

  it("answer 404 not_found to a partner on an admin route, and let an admin through", async () => {
    session.user = partner;
    const refused = await withAdmin(ok)(request(), context);
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("not_found");

    session.user = admin;
    expect((await withAdmin(ok)(request(), context)).status).toBe(200);
  });

  it("take the tenant from the session, never from the request", async () => {
    session.user = partner;
    const handler = withTenant(async (_request, { tenantId }) => Response.json({ tenantId }));
    expect(await (await handler(request({ tenantId: "tenant-b" }), context)).json()).toEqual({ tenantId: "tenant-a" });
  });

  it("answer 404 to a user without a tenant on a tenant route", async () => {
    session.user = newcomer;
    const response = await withTenant(async () => Response.json({}))(request(), context);
    expect(response.status).toBe(404);
  });

  it("turn a handler's error into the same body, hiding unexpected messages", async () => {
    session.user = partner;
    const failing = withUser(async () => {
      throw new Error("database password=hunter2 leaked");
    });
    const response = await failing(request(), context);
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("internal");
    expect(JSON.stringify(body)).not.toContain("hunter2");
  });
});

describe("action guards", () => {
  const rename = z.object({ name: z.string().min(1) });

  it("refuse before parsing: unauthenticated, then not_found for the wrong role", async () => {
    const action = adminAction(rename, async ({ name }) => name);
    expect(await action(null, { name: "" })).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
    session.user = partner;
    expect(await action(null, { name: "" })).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("parse the input for the right role and return typed data", async () => {
    session.user = admin;
    const action = adminAction(rename, async ({ name }, { user }) => ({ name, by: user.email }));
    expect(await action(null, { name: "" })).toMatchObject({ ok: false, error: { code: "invalid_input", details: { issues: [{ path: "name" }] } } });
    expect(await action(null, { name: "Acme" })).toEqual({ ok: true, data: { name: "Acme", by: "ops@latchkey.test" } });
  });

  it("accept FormData and scope tenant actions to the session's tenant", async () => {
    session.user = partner;
    const action = tenantAction(z.object({ note: z.string(), tenantId: z.string().optional() }), async ({ note }, { tenantId }) => ({ note, tenantId }));
    const form = new FormData();
    form.set("note", "hello");
    form.set("tenantId", "tenant-b");
    expect(await action(null, form)).toEqual({ ok: true, data: { note: "hello", tenantId: "tenant-a" } });

    session.user = newcomer;
    expect(await action(null, form)).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("refresh the pages the action names only once it succeeded, paths built from the parsed input", async () => {
    const action = adminAction(rename, async ({ name }) => name, { revalidate: ({ name }) => [`/things/${name}`, { layout: "/admin" }] });
    session.user = partner;
    await action(null, { name: "Acme" });
    session.user = admin;
    await action(null, { name: "" });
    expect(revalidatePath).not.toHaveBeenCalled();

    await action(null, { name: "Acme" });
    expect(revalidatePath.mock.calls).toEqual([["/things/Acme"], ["/admin", "layout"]]);
  });

  it("record the signed-in user and the request as the actor", async () => {
    session.user = admin;
    const action = adminAction(z.object({}), async (_input, { actor }) => actor);
    expect(await action(null, new FormData())).toEqual({ ok: true, data: { userId: "u3", requestId: expect.any(String) } });
  });
});
