// Emails are never silently lost: a send Resend does not accept for a passing reason (no answer, 5xx, 429) is
// retried with backoff from the stored copy by the email-retries workflow, a refusal (other 4xx) is not, and an
// email that runs out of attempts is failed for good and shown to admins with the partner and the reason. A
// lifecycle notice counts only once its email was accepted: a reminder that failed for good is sent again by
// the next scan. Against a local fake of Resend's API that honours idempotency keys like Resend does.
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import MagicLinkEmail from "@/emails/magic-link";
import { db } from "@/lib/db/client";
import { listUndeliveredEmails } from "@/lib/email/list-undelivered-emails";
import { retryDueEmails } from "@/lib/email/retry-due-emails";
import { sendEmail } from "@/lib/email/send-email";
import { buildAdminDigest } from "@/lib/lifecycle/admin-digest";
import { runCronInProcess } from "@/lib/workflows/in-process-runner";
import { DAY, seedAuthorization, setUpWorkflowDatabase } from "../workflows/support";
import { setUpFakeResend } from "./fake-resend";

const MINUTE = 60_000;

setUpWorkflowDatabase();
const resend = setUpFakeResend({ EMAIL_MAX_ATTEMPTS: "3" });

const ordinary = (n = 1) => ({ to: "owner@shop.test", subject: `Hello ${n}`, template: "test", html: `<p>Hello ${n}</p>`, dedupeKey: `test:${n}` });
const row = (id: string) => db.emailOutbox.findUniqueOrThrow({ where: { id } });

describe("sends Resend did not accept", () => {
  it("retries a 503 when it is due, from the stored copy, with the same idempotency key, and sends it once", async () => {
    resend.respondWith(503, { name: "application_error", statusCode: 503, message: "Service unavailable" });
    const sent = await sendEmail(ordinary());
    expect(sent).toMatchObject({ status: "QUEUED", attempts: 1, error: expect.stringContaining("HTTP 503") });
    const due = sent.nextAttemptAt!;
    expect(due.getTime() - Date.now()).toBeGreaterThan(50_000);
    expect(due.getTime() - Date.now()).toBeLessThanOrEqual(MINUTE);

    // Not due yet: nothing is sent.
    expect(await retryDueEmails({ now: new Date(due.getTime() - 1000) })).toMatchObject({ retried: 0 });
    expect(resend.received).toHaveLength(1);

    await runCronInProcess("email-retries", new Date(due.getTime() + 1000));
    expect(await row(sent.id)).toMatchObject({ status: "SENT", attempts: 2, error: null, providerMessageId: resend.delivered[0]!.id });
    expect(resend.received.map((r) => r.headers["idempotency-key"])).toEqual(["test:1", "test:1"]);
    expect(resend.delivered).toHaveLength(1);
    expect(resend.delivered[0]!.body.html).toBe("<p>Hello 1</p>");
  });

  it("retries after no answer at all, and waits as long as a 429's Retry-After asks", async () => {
    resend.drop();
    const dropped = await sendEmail(ordinary(1));
    expect(dropped).toMatchObject({ status: "QUEUED", attempts: 1 });

    resend.respondWith(429, { name: "rate_limit_exceeded", statusCode: 429, message: "Too many requests" }, { headers: { "retry-after": "600" } });
    const throttled = await sendEmail(ordinary(2));
    expect(throttled.status).toBe("QUEUED");
    expect(throttled.nextAttemptAt!.getTime() - Date.now()).toBeGreaterThan(9 * MINUTE);

    const run = await retryDueEmails({ now: new Date(Date.now() + 2 * MINUTE) });
    expect(run).toMatchObject({ retried: 1, sent: 1 });
    expect((await row(dropped.id)).status).toBe("SENT");
    expect((await row(throttled.id)).status).toBe("QUEUED");
  });

  it("does not retry a refusal (422): failed for good at once", async () => {
    resend.respondWith(422, { name: "validation_error", statusCode: 422, message: "Invalid `to` field" });
    const sent = await sendEmail(ordinary());
    expect(sent).toMatchObject({ status: "FAILED", attempts: 1, nextAttemptAt: null, error: expect.stringMatching(/validation_error.*refused by the provider; not retried/) });
    expect(await retryDueEmails({ now: new Date(Date.now() + DAY) })).toMatchObject({ retried: 0 });
    expect(resend.received).toHaveLength(1);
  });

  it("gives up after EMAIL_MAX_ATTEMPTS with backoff, and admins see it with the partner and the reason", async () => {
    const { tenant } = await seedAuthorization({ authorizedAt: new Date() });
    resend.respondAlways(500, { name: "internal_server_error", statusCode: 500, message: "Boom" });
    const sent = await sendEmail({ ...ordinary(), to: tenant.contactEmail, tenantId: tenant.id });
    const first = sent.nextAttemptAt!;
    await retryDueEmails({ now: new Date(first.getTime() + 1000) });
    const second = await row(sent.id);
    expect(second).toMatchObject({ status: "QUEUED", attempts: 2 });
    // Backoff doubles: the third attempt is two minutes after the second.
    expect(second.nextAttemptAt!.getTime() - Date.now()).toBeGreaterThan(1.5 * MINUTE);
    await retryDueEmails({ now: new Date(second.nextAttemptAt!.getTime() + 1000) });
    const last = await row(sent.id);
    expect(last).toMatchObject({ status: "FAILED", attempts: 3, nextAttemptAt: null, error: expect.stringContaining("failed for good after 3 attempts") });
    expect(resend.received).toHaveLength(3);
    expect(await retryDueEmails({ now: new Date(Date.now() + DAY) })).toMatchObject({ retried: 0 });

    const undelivered = await listUndeliveredEmails({ since: new Date(Date.now() - DAY) });
    expect(undelivered).toEqual([expect.objectContaining({ id: sent.id, kind: "failed", tenantId: tenant.id, tenantName: tenant.name, to: tenant.contactEmail, reason: expect.stringContaining("HTTP 500") })]);
    const digest = await buildAdminDigest(new Date());
    const section = digest.find((s) => s.title === "Emails not delivered in the last day");
    expect(section?.items).toEqual([expect.objectContaining({ label: `${tenant.name} · ${tenant.contactEmail}`, detail: expect.stringContaining("failed for good after 3 attempts") })]);
  });

  it("sends again an attempt a stopped process left in flight, without a second email when Resend had it", async () => {
    const sent = await sendEmail(ordinary());
    expect(sent.status).toBe("SENT");
    // What a process killed after Resend accepted, before it wrote the outcome, leaves behind.
    await db.emailOutbox.update({ where: { id: sent.id }, data: { status: "QUEUED", sentAt: null, providerMessageId: null, nextAttemptAt: new Date(Date.now() - 1000) } });
    const run = await retryDueEmails({ now: new Date() });
    expect(run).toMatchObject({ retried: 1, sent: 1 });
    expect(await row(sent.id)).toMatchObject({ status: "SENT", attempts: 2, providerMessageId: resend.delivered[0]!.id });
    expect(resend.received).toHaveLength(2);
    expect(resend.delivered).toHaveLength(1);
  });

  it("never retries a sign-in email in the background (its stored copy has no link), and says so", async () => {
    const url = "http://localhost:3000/api/auth/callback/email?token=retry-token-1";
    resend.respondWith(503, { name: "application_error", statusCode: 503, message: "down" });
    const sent = await sendEmail({ to: "owner@shop.test", subject: "Sign in", template: "magic-link", react: createElement(MagicLinkEmail, { url, email: "owner@shop.test", expiresInSeconds: 900 }), sensitive: [url] });
    expect(sent).toMatchObject({ status: "FAILED", retryable: false, error: expect.stringContaining("not retried: the stored copy has no sign-in link") });
    expect(await retryDueEmails({ now: new Date(Date.now() + DAY) })).toMatchObject({ retried: 0 });
    expect(resend.received).toHaveLength(1);
  });
});

describe("lifecycle notices count only emails the provider accepted", () => {
  async function scanAt(authorizationId: string, now: Date): Promise<void> {
    await db.authorization.update({ where: { id: authorizationId }, data: { lastUsedAt: new Date(now.getTime() - MINUTE) } });
    await runCronInProcess("lifecycle-scan", now);
  }

  it("sends a renewal reminder again the next day when the first one failed for good", async () => {
    const { tenant, authorization } = await seedAuthorization({ authorizedAt: new Date("2026-01-10T12:00:00Z") });
    const at30 = new Date(authorization.renewalDueAt!.getTime() - 30 * DAY + MINUTE);
    resend.respondAlways(503, { name: "application_error", statusCode: 503, message: "down" });
    await scanAt(authorization.id, at30);
    const [reminder] = await db.emailOutbox.findMany({ where: { to: tenant.contactEmail, template: "renewal-reminder" } });
    expect(reminder).toMatchObject({ status: "QUEUED", tenantId: tenant.id });
    // The same day's second scan does not send it again: it is waiting for its retry.
    await scanAt(authorization.id, new Date(at30.getTime() + 3_600_000));
    expect(resend.received).toHaveLength(1);
    await retryDueEmails({ now: new Date(Date.now() + 2 * MINUTE) });
    await retryDueEmails({ now: new Date(Date.now() + 5 * MINUTE) });
    expect((await row(reminder!.id)).status).toBe("FAILED");

    // Resend is back; the next day's scan sends the reminder, on the same row, in a new round.
    resend.reset();
    await scanAt(authorization.id, new Date(at30.getTime() + DAY));
    const again = await row(reminder!.id);
    expect(again).toMatchObject({ status: "SENT", revivals: 1, subject: "Renew your Seller Central connection in 28 days" });
    expect(resend.delivered).toHaveLength(1);
    expect(resend.delivered[0]!.headers["idempotency-key"]).toBe(`${reminder!.dedupeKey}:round-2`);
    expect(await db.lifecycleNotice.count({ where: { subjectId: authorization.id, kind: "renewal" } })).toBe(1);
    // Sent now: later scans leave it alone.
    await scanAt(authorization.id, new Date(at30.getTime() + 2 * DAY));
    expect(resend.delivered).toHaveLength(1);
  });

  it("counts an inactivity reminder only once it was accepted", async () => {
    const { tenant, authorization } = await seedAuthorization({ authorizedAt: new Date("2026-05-01T00:00:00Z"), lastUsedAt: new Date("2026-05-01T00:00:00Z") });
    const now = new Date("2026-06-05T00:00:00Z");
    resend.respondWith(422, { name: "validation_error", statusCode: 422, message: "bad" });
    await runCronInProcess("lifecycle-scan", now);
    const [first] = await db.emailOutbox.findMany({ where: { to: tenant.contactEmail, template: "inactivity-reminder" } });
    expect(first?.status).toBe("FAILED");
    // The next scan sends reminder 1 again (not reminder 2): the failed one never counted.
    await runCronInProcess("lifecycle-scan", new Date(now.getTime() + DAY));
    expect((await row(first!.id)).status).toBe("SENT");
    expect(await db.lifecycleNotice.findMany({ where: { subjectId: authorization.id, kind: "inactivity" }, select: { stage: true } })).toEqual([{ stage: "1" }]);
  });
});
