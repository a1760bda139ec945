// The language switcher of a signed-in partner: saved on the session's business (never one named in the form),
// refused for strangers and for unknown languages, and followed by that business's emails.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { caller } from "../../support/fake-session";

const jar = new Map<string, string>();
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/auth/session", () => import("../../support/fake-session"));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined), set: (name: string, value: string) => jar.set(name, value) }),
}));

const { saveLanguageAction, chooseLanguageAction } = await import("@/lib/actions/connect/choose-language");
const { db } = await import("@/lib/db/client");
const { loadLifecycleSubject } = await import("@/lib/lifecycle/authorization-subject");
const { sendRevokedEmail } = await import("@/lib/lifecycle/partner-emails");

/** A security email with a dedupe key of its own (the welcome email went out at connection time, before any choice). */
const sendOne = async (authorizationId: string) => sendRevokedEmail((await loadLifecycleSubject(authorizationId))!, { reason: "admin_revoked", revokedAt: new Date() });
const { useAppWithSandbox } = await import("../../support/app-harness");
const { connectSeller } = await import("../../support/connect-seller");

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

describe("saving the partner's language", () => {
  const app = useAppWithSandbox({ rateLimits: false });

  beforeEach(() => {
    caller.user = null;
    jar.clear();
  });

  it("is saved on the caller's own business only, and their emails follow it", async () => {
    const a = await connectSeller(app.sandbox, { label: "Lang A" });
    const b = await connectSeller(app.sandbox, { label: "Lang B", region: "EU" });

    expect(await saveLanguageAction(null, form({ locale: "ja" }))).toMatchObject({ ok: false, error: { code: "unauthenticated" } });

    caller.user = { id: b.userId, email: "b@example.test", role: "PARTNER", tenantId: b.tenantId };
    expect(await saveLanguageAction(null, form({ locale: "tlh" }))).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    // A tenantId slipped into the form is ignored: the business is the session's.
    expect(await saveLanguageAction(null, form({ locale: "ja", tenantId: a.tenantId }))).toEqual({ ok: true, data: "ja" });
    expect(jar.get("latchkey-locale")).toBe("ja");
    expect(await db.tenant.findUniqueOrThrow({ where: { id: b.tenantId } })).toMatchObject({ contactLocale: "ja" });
    expect(await db.tenant.findUniqueOrThrow({ where: { id: a.tenantId } })).toMatchObject({ contactLocale: null });
    expect(await db.auditLog.count({ where: { tenantId: b.tenantId, action: "tenant.language_changed" } })).toBe(1);

    // B's email is in Japanese; A, who chose nothing and sells in the US, gets English.
    const sentB = await sendOne(b.authorizationId);
    const sentA = await sendOne(a.authorizationId);
    expect((await db.emailOutbox.findUniqueOrThrow({ where: { id: sentB.id } })).subject).toBe("セラーセントラルアカウントと Latchkey の連携が解除されました");
    expect((await db.emailOutbox.findUniqueOrThrow({ where: { id: sentA.id } })).subject).toBe("Your Seller Central account was disconnected from Latchkey");
  });

  it("a business that chose nothing is written to in its marketplace's language", async () => {
    const de = await connectSeller(app.sandbox, { label: "Lang DE", region: "EU" });
    const sent = await sendOne(de.authorizationId);
    expect((await db.emailOutbox.findUniqueOrThrow({ where: { id: sent.id } })).subject).toBe("Ihr Seller Central-Konto wurde von Latchkey getrennt");
  });

  it("a signed-out visitor's choice is kept in the cookie only", async () => {
    expect(await chooseLanguageAction(null, form({ locale: "fr" }))).toEqual({ ok: true, data: "fr" });
    expect(jar.get("latchkey-locale")).toBe("fr");
    expect(await chooseLanguageAction(null, form({ locale: "../../etc" }))).toMatchObject({ ok: false, error: { code: "invalid_input" } });
  });
});
