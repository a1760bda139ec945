// The API key form's tenant picker asks the server for tenants: a short list per query from the admin search
// (name, contact email, selling partner id word prefixes), however many tenants there are. Admins only:
// partners and API keys get 404, no session 401, a too-long query 422 invalid_input.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { caller } from "../../support/fake-session";
import type { CurrentUser } from "@/lib/auth/current-user";

vi.mock("@/lib/auth/session", () => import("../../support/fake-session"));

const { GET: tenantsRoute } = await import("@/app/admin/api-keys/tenants/route");
const { db } = await import("@/lib/db/client");
const { TENANT_CHOICE_LIMIT } = await import("@/lib/tenants/list-tenants");
const { useAppWithSandbox } = await import("../../support/app-harness");

const admin: CurrentUser = { id: "admin-1", email: "ops@latchkey.test", role: "ADMIN", tenantId: null };
const partner: CurrentUser = { id: "partner-1", email: "seller@shop.test", role: "PARTNER", tenantId: "tenant-a" };

interface Answer {
  tenants: { id: string; name: string; kind: string }[];
  limit: number;
}

async function search(q: string | undefined, headers: Record<string, string> = {}): Promise<Response> {
  const url = `http://localhost/admin/api-keys/tenants${q === undefined ? "" : `?${new URLSearchParams({ q })}`}`;
  return tenantsRoute(new Request(url, { headers }), { params: Promise.resolve({}) });
}

describe("GET /admin/api-keys/tenants", () => {
  useAppWithSandbox({ rateLimits: false });
  beforeEach(async () => {
    caller.user = null;
    const names = Array.from({ length: TENANT_CHOICE_LIMIT + 5 }, (_, i) => `Bulk Store ${String(i).padStart(3, "0")}`);
    await db.tenant.createMany({
      data: [
        ...names.map((name, i) => ({ name, kind: "SELLER" as const, contactEmail: `bulk${i}@shops.test`, marketplaceIds: [] })),
        { name: "Northwind Outfitters", kind: "VENDOR" as const, contactEmail: "ops@northwind.test", marketplaceIds: [] },
      ],
    });
  });

  it("finds a tenant by a word prefix of its name or email, and lists a bounded page without a query", async () => {
    caller.user = admin;
    const byName = (await (await search("northw")).json()) as Answer;
    expect(byName.tenants.map((t) => [t.name, t.kind])).toEqual([["Northwind Outfitters", "VENDOR"]]);
    const byEmail = (await (await search("ops@northwind")).json()) as Answer;
    expect(byEmail.tenants.map((t) => t.name)).toEqual(["Northwind Outfitters"]);

    const first = (await (await search(undefined)).json()) as Answer;
    expect(first.limit).toBe(TENANT_CHOICE_LIMIT);
    expect(first.tenants).toHaveLength(TENANT_CHOICE_LIMIT);
    expect(first.tenants[0]?.name).toBe("Bulk Store 000");

    const many = (await (await search("bulk")).json()) as Answer;
    expect(many.tenants).toHaveLength(TENANT_CHOICE_LIMIT);
    expect((await (await search("nothing-like-this")).json()) as Answer).toMatchObject({ tenants: [] });
  });

  it("gives partners and API keys 404, no session 401, and a too-long query 422", async () => {
    expect((await search("north")).status).toBe(401);
    caller.user = partner;
    const refused = await search("north");
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("not_found");
    caller.user = admin;
    expect((await search("north", { authorization: "Bearer lk_live_whatever" })).status).toBe(404);
    const tooLong = await search("x".repeat(101));
    expect(tooLong.status).toBe(422);
    expect(((await tooLong.json()) as { error: { code: string } }).error.code).toBe("invalid_input");
  });
});
