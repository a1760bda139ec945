// The outsider table for server actions (issue 12): every admin and app-client action, invoked directly as a
// signed-out visitor and as a partner, is refused before it reads its input (401 `unauthenticated`, 404
// `not_found`) and changes nothing; every partner action invoked by the partner of another business on that
// business's authorization is a 404 and changes nothing. The list of admin actions is read from the folders,
// so a new action file is in the table the day it is written. (API keys never reach a server action: only
// the `/api/v1` routes read them, and their own outsider table covers those.)
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { caller } from "../../support/fake-session";
import { outsiderFormFields } from "../../support/outsider-form-fields";
import type { CurrentUser } from "@/lib/auth/current-user";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/auth/session", () => import("../../support/fake-session"));

const { db } = await import("@/lib/db/client");
const { createApiKey } = await import("@/lib/api-keys/manage-api-keys");
const { useAppWithSandbox } = await import("../../support/app-harness");
const { connectSeller } = await import("../../support/connect-seller");

type Action = (previous: null, input: FormData) => Promise<{ ok: boolean; error?: { code: string } }>;

const ADMIN_ACTION_FOLDERS = ["lib/actions/admin", "lib/actions/app-client"];
/** Files in those folders that are not actions: a factory for them and a page path. */
const NOT_ACTIONS = new Set(["lib/actions/admin/lifecycle-action.ts", "lib/actions/app-client/app-client-page.ts"]);

async function actionsIn(folders: string[]): Promise<{ name: string; action: Action }[]> {
  const found: { name: string; action: Action }[] = [];
  for (const folder of folders) {
    for (const file of readdirSync(path.join(process.cwd(), folder)).filter((f) => f.endsWith(".ts")).sort()) {
      const relative = `${folder}/${file}`;
      if (NOT_ACTIONS.has(relative)) continue;
      const exported = (await import(/* @vite-ignore */ `@/${relative.replace(/\.ts$/, "")}`)) as Record<string, unknown>;
      const actions = Object.entries(exported).filter(([, value]) => typeof value === "function");
      expect(actions.length, `${relative} exports no server action`).toBeGreaterThan(0);
      for (const [name, action] of actions) found.push({ name: `${relative}#${name}`, action: action as Action });
    }
  }
  return found;
}

const adminActions = await actionsIn(ADMIN_ACTION_FOLDERS);
const { disconnectAction } = await import("@/lib/actions/connect/disconnect-authorization");
const { testConnectionAction } = await import("@/lib/actions/connect/test-connection");
const { saveReminderPreferencesAction } = await import("@/lib/actions/connect/save-reminder-preferences");

describe("server actions refuse outsiders and change nothing", () => {
  const app = useAppWithSandbox();
  let victim: Awaited<ReturnType<typeof connectSeller>>;
  let outsider: CurrentUser;
  let apiKeyId: string;

  function fullForm(): FormData {
    const form = new FormData();
    for (const [key, value] of Object.entries(outsiderFormFields({ authorizationId: victim.authorizationId, tenantId: victim.tenantId, apiKeyId }))) form.append(key, value);
    return form;
  }

  async function snapshot() {
    return {
      authorizations: await db.authorization.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, updatedAt: true, lastConnectivityAt: true, refreshTokenFingerprint: true } }),
      tenants: await db.tenant.findMany({ orderBy: { id: "asc" } }),
      apiKeys: await db.apiKey.findMany({ orderBy: { id: "asc" }, select: { id: true, revokedAt: true } }),
      appClients: await db.appClient.findMany({ orderBy: { id: "asc" } }),
      audit: await db.auditLog.count(),
      accessTokens: await db.accessTokenCache.count(),
      ledger: await db.ledgerEntry.findMany({ orderBy: { id: "asc" } }),
      ledgerProposals: await db.ledgerProposal.count(),
    };
  }

  beforeEach(async () => {
    victim = await connectSeller(app.sandbox, { label: "Victim" });
    const other = await connectSeller(app.sandbox, { label: "Outsider" });
    const partner = await db.user.findUniqueOrThrow({ where: { id: other.userId } });
    outsider = { id: partner.id, email: partner.email ?? "outsider@example.test", role: "PARTNER", tenantId: other.tenantId };
    const admin = await db.user.create({ data: { email: "admin@example.test", role: "ADMIN" } });
    apiKeyId = (await createApiKey({ name: "victim-worker" }, admin.id)).id;
  });

  it("finds the admin actions it checks", () => {
    expect(adminActions.length).toBeGreaterThanOrEqual(20);
  });

  it("every admin and app-client action: 401 signed out, 404 for a partner, nothing changed", async () => {
    const before = await snapshot();
    const answers: string[] = [];
    for (const { name, action } of adminActions) {
      caller.user = null;
      const signedOut = await action(null, fullForm());
      caller.user = outsider;
      const asPartner = await action(null, fullForm());
      answers.push(`${name} signed-out:${signedOut.ok ? "ok" : signedOut.error?.code} partner:${asPartner.ok ? "ok" : asPartner.error?.code}`);
    }
    caller.user = null;
    expect(answers).toEqual(adminActions.map(({ name }) => `${name} signed-out:unauthenticated partner:not_found`));
    expect(await snapshot()).toEqual(before);
  });

  it("partner actions on another business's authorization: 404 and nothing changed", async () => {
    const before = await snapshot();
    caller.user = outsider;
    const form = fullForm();
    expect(await disconnectAction(null, form)).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await testConnectionAction(null, form)).toMatchObject({ ok: false, error: { code: "not_found" } });
    // The preferences are saved on the caller's own business, never on one named in the form.
    const victimTenant = await db.tenant.findUniqueOrThrow({ where: { id: victim.tenantId } });
    await saveReminderPreferencesAction(null, form);
    expect(await db.tenant.findUniqueOrThrow({ where: { id: victim.tenantId } })).toEqual(victimTenant);
    caller.user = null;
    expect((await snapshot()).authorizations).toEqual(before.authorizations);
    expect(await disconnectAction(null, form)).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
  });
});
