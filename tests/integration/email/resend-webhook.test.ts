// Resend's webhooks at POST /api/webhooks/resend: Svix-signed (svix-id, svix-timestamp, svix-signature), a bad
// or missing signature is 401 and changes nothing; a bounce marks the email, stops reminders to the address
// with a reason the tenant's rows show; a later delivery lifts it, and the reminder due is sent.
import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { POST, GET } from "@/app/api/webhooks/resend/route";
import { db } from "@/lib/db/client";
import { describeSuppression, findSuppression } from "@/lib/email/suppressions";
import { sendEmail } from "@/lib/email/send-email";
import { resetServerEnvForTests } from "@/lib/env";
import { runCronInProcess } from "@/lib/workflows/in-process-runner";
import { DAY, seedAuthorization, setUpWorkflowDatabase } from "../workflows/support";
import { setUpFakeResend } from "./fake-resend";

const SECRET = `whsec_${randomBytes(24).toString("base64")}`;

setUpWorkflowDatabase();
const resend = setUpFakeResend({ RESEND_WEBHOOK_SECRET: SECRET });

let counter = 0;
function signed(payload: unknown, options: { secret?: string; at?: Date; tamper?: boolean } = {}): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(payload);
  const id = `msg_${++counter}`;
  const at = options.at ?? new Date();
  const signature = new Webhook(options.secret ?? SECRET).sign(id, at, body);
  return { body: options.tamper ? body.replace("email.", "email .") : body, headers: { "content-type": "application/json", "svix-id": id, "svix-timestamp": String(Math.floor(at.getTime() / 1000)), "svix-signature": signature } };
}

function post({ body, headers }: { body: string; headers: Record<string, string> }): Promise<Response> {
  return POST(new NextRequest("http://localhost/api/webhooks/resend", { method: "POST", headers, body }));
}

function event(type: string, emailId: string, extra: Record<string, unknown> = {}) {
  return { type, created_at: new Date().toISOString(), data: { email_id: emailId, created_at: new Date().toISOString(), from: "Latchkey <no-reply@latchkey.test>", to: ["x@shop.test"], subject: "Hi", ...extra } };
}

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

describe("the Resend webhook", () => {
  it("refuses a bad, missing, stale or tampered signature with 401 and changes nothing", async () => {
    const sent = await sendEmail({ to: "owner@shop.test", subject: "Hi", template: "test", html: "<p>Hi</p>" });
    const bounce = event("email.bounced", sent.providerMessageId!, { bounce: { type: "Permanent", subType: "General", message: "550 no such user" } });
    const other = `whsec_${randomBytes(24).toString("base64")}`;
    for (const attempt of [signed(bounce, { secret: other }), signed(bounce, { at: new Date(Date.now() - 10 * 60_000) }), signed(bounce, { tamper: true })]) {
      const response = await post(attempt);
      expect(response.status).toBe(401);
      expect(await errorCode(response)).toBe("unauthenticated");
    }
    const unsigned = await post({ body: JSON.stringify(bounce), headers: { "content-type": "application/json" } });
    expect(unsigned.status).toBe(401);
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({ bouncedAt: null });
    expect(await db.emailSuppression.count()).toBe(0);
    expect((await GET(new NextRequest("http://localhost/api/webhooks/resend"))).status).toBe(405);
  });

  it("is not there (404) while RESEND_WEBHOOK_SECRET is unset", async () => {
    delete process.env.RESEND_WEBHOOK_SECRET;
    resetServerEnvForTests();
    const response = await post(signed(event("email.delivered", "x")));
    expect(response.status).toBe(404);
    expect(await errorCode(response)).toBe("not_found");
  });

  it("answers a signed body that is not a Resend event with 422, and ignores other event types", async () => {
    const bad = await post(signed({ hello: "world" }));
    expect(bad.status).toBe(422);
    expect(await errorCode(bad)).toBe("invalid_input");
    const opened = await post(signed(event("email.opened", "whatever")));
    expect(await opened.json()).toEqual({ status: "ok", outcome: "ignored" });
    const unknown = await post(signed(event("email.delivered", "not-ours")));
    expect(await unknown.json()).toEqual({ status: "ok", outcome: "unknown_email" });
  });

  it("a bounce stops the partner's reminders with a visible reason; a later delivery lifts it and the reminder goes out", async () => {
    const { tenant, authorization } = await seedAuthorization({ authorizedAt: new Date("2026-01-10T12:00:00Z") });
    const welcome = await sendEmail({ to: tenant.contactEmail, subject: "Connected", template: "connected", html: "<p>Connected</p>", tenantId: tenant.id });
    const response = await post(signed(event("email.bounced", welcome.providerMessageId!, { bounce: { type: "Permanent", subType: "General", message: "550 5.1.1 no such user" } })));
    expect(await response.json()).toEqual({ status: "ok", outcome: "applied" });
    // A redelivery of the same event changes nothing more.
    expect(await (await post(signed(event("email.bounced", welcome.providerMessageId!, { bounce: { type: "Permanent", message: "again" } })))).json()).toEqual({ status: "ok", outcome: "already_applied" });

    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: welcome.id } })).toMatchObject({ bouncedAt: expect.any(Date), deliveryDetail: "Permanent / General: 550 5.1.1 no such user" });
    const suppression = await findSuppression(tenant.contactEmail.toUpperCase());
    expect(suppression).toMatchObject({ reason: "bounced", emailId: welcome.id });
    expect(describeSuppression(suppression!)).toMatch(/bounced on \d{4}-\d{2}-\d{2} \(Permanent \/ General: 550 5\.1\.1 no such user\): reminders to it are stopped/);
    expect(await db.auditLog.count({ where: { tenantId: tenant.id, action: "tenant.email_bounced" } })).toBe(1);

    // The 30-day reminder is due: none is sent, and none is claimed.
    const at30 = new Date(authorization.renewalDueAt!.getTime() - 30 * DAY + 60_000);
    await db.authorization.update({ where: { id: authorization.id }, data: { lastUsedAt: at30 } });
    const sentBefore = resend.delivered.length;
    await runCronInProcess("lifecycle-scan", at30);
    expect(resend.delivered).toHaveLength(sentBefore);
    expect(await db.lifecycleNotice.count({ where: { subjectId: authorization.id } })).toBe(0);

    // An email to the address is delivered after all (e.g. the mailbox was fixed): reminders resume.
    const security = await sendEmail({ to: tenant.contactEmail, subject: "Security", template: "authorization-revoked", html: "<p>x</p>", tenantId: tenant.id });
    await post(signed(event("email.delivered", security.providerMessageId!)));
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: security.id } })).toMatchObject({ deliveredAt: expect.any(Date) });
    expect(await findSuppression(tenant.contactEmail)).toBeNull();
    await runCronInProcess("lifecycle-scan", new Date(at30.getTime() + 3_600_000));
    expect(resend.delivered.at(-1)?.body.subject).toBe("Renew your Seller Central connection in 29 days");
  });

  it("a complaint stops reminders too; a transient bounce is shown on the email only", async () => {
    const one = await sendEmail({ to: "a@shop.test", subject: "One", template: "test", html: "<p>1</p>" });
    const two = await sendEmail({ to: "b@shop.test", subject: "Two", template: "test", html: "<p>2</p>" });
    await post(signed(event("email.complained", one.providerMessageId!)));
    await post(signed(event("email.bounced", two.providerMessageId!, { bounce: { type: "Transient", subType: "MailboxFull", message: "mailbox full" } })));
    expect(await findSuppression("a@shop.test")).toMatchObject({ reason: "complained" });
    expect(await findSuppression("b@shop.test")).toBeNull();
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: two.id } })).toMatchObject({ bouncedAt: expect.any(Date) });
  });
});
