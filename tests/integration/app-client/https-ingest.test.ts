// The HTTPS door for relayed notifications: HMAC signature, 5-minute window, replay protection, and the
// same idempotent handler as the SQS door.
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "@/sandbox/server";
import { POST as ingestRoute } from "@/app/api/notifications/amazon/route";
import { invalidateClientCredentials } from "@/lib/app-client/client-credentials";
import { signNotificationBody } from "@/lib/app-client/notifications/ingest-signed-notification";
import { db } from "@/lib/db/client";
import { resetServerEnvForTests } from "@/lib/env";
import { useAppWithSandbox } from "../../support/app-harness";
import { sandboxControl } from "../../support/sandbox-session";
import { queueOf, secrets } from "./support";

const SECRET = "ingest-secret-for-tests-0123456789abcdef";
process.env.NOTIFICATION_INGEST_SECRET = SECRET;

let sandbox: Sandbox;

function post(body: string, signature: string | null): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (signature !== null) headers["x-latchkey-signature"] = signature;
  return ingestRoute(new NextRequest("http://localhost/api/notifications/amazon", { method: "POST", headers, body }));
}

const now = () => Math.floor(Date.now() / 1000);

/** A real new-secret notification from the sandbox (rotated there), as a relay would forward it. */
async function rotatedNotificationBody(): Promise<string> {
  await sandboxControl(sandbox, "POST", "/client-secret/rotate");
  const [message] = (await queueOf(sandbox)).messages;
  await sandboxControl(sandbox, "DELETE", "/sqs");
  return message!.body;
}

describe("HTTPS notification ingest", () => {
  const app = useAppWithSandbox({ rateLimits: false });
  beforeEach(() => {
    sandbox = app.sandbox;
    invalidateClientCredentials();
  });

  it("accepts a well-signed notification (202) and applies it", async () => {
    const body = await rotatedNotificationBody();
    const response = await post(body, signNotificationBody(SECRET, body, now()));
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ status: "accepted", outcome: "applied" });
    expect((await secrets()).map((s) => s.state)).toEqual(["PREVIOUS", "CURRENT"]);
    expect(await db.amazonNotification.findFirstOrThrow()).toMatchObject({ receivedVia: "https", outcome: "applied" });
  });

  it("refuses a bad signature, a missing one, and an old timestamp with 401, changing nothing", async () => {
    const body = await rotatedNotificationBody();
    const bad = await post(body, signNotificationBody("some-other-secret-0123456789abcdefgh", body, now()));
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
    expect((await post(body, null)).status).toBe(401);
    expect((await post(body, "t=123,v1=nothex")).status).toBe(401);
    const tampered = await post(body.replace("APPLICATION_OAUTH", "APPLICATION_OAUTH "), signNotificationBody(SECRET, body, now()));
    expect(tampered.status).toBe(401);
    expect((await post(body, signNotificationBody(SECRET, body, now() - 6 * 60))).status).toBe(401);
    expect((await post(body, signNotificationBody(SECRET, body, now() + 6 * 60))).status).toBe(401);
    expect((await secrets()).map((s) => s.state)).toEqual(["CURRENT"]);
    expect(await db.amazonNotification.count()).toBe(0);
  });

  it("answers a replayed request 200 with no effect, and a re-signed duplicate 200 too", async () => {
    const body = await rotatedNotificationBody();
    const signature = signNotificationBody(SECRET, body, now());
    expect((await post(body, signature)).status).toBe(202);
    const before = await secrets();

    const replay = await post(body, signature);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ status: "duplicate" });

    const resigned = await post(body, signNotificationBody(SECRET, body, now() - 30));
    expect(resigned.status).toBe(200);
    expect(await resigned.json()).toMatchObject({ status: "duplicate", outcome: "duplicate" });
    expect(await secrets()).toEqual(before);
    expect(await db.auditLog.count({ where: { action: "app_client.secret_rotated" } })).toBe(1);
  });

  it("answers 422 to a signed body that is not a notification", async () => {
    const body = JSON.stringify({ hello: "world" });
    const response = await post(body, signNotificationBody(SECRET, body, now()));
    expect(response.status).toBe(422);
  });

  it("does not exist (404) while no ingest secret is configured", async () => {
    delete process.env.NOTIFICATION_INGEST_SECRET;
    resetServerEnvForTests();
    try {
      const body = await rotatedNotificationBody();
      expect((await post(body, signNotificationBody(SECRET, body, now()))).status).toBe(404);
    } finally {
      process.env.NOTIFICATION_INGEST_SECRET = SECRET;
      resetServerEnvForTests();
    }
  });
});
