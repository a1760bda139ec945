// Lifecycle webhooks on the admin page: an admin registers an endpoint (a receiver this test runs), copies the
// signing secret shown once, sends a test event and sees it in the delivery log; a partner connecting an
// account then reaches the same endpoint as a signed `authorization.connected` event, and "Send again"
// repeats it with the same event id. Every body is verified as a receiver would, with @latchkey/client.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
// The client's source (Playwright does not resolve the package's "latchkey-source" condition, and dist/ is built only for publishing).
import { verifyWebhookSignature, WEBHOOK_SIGNATURE_HEADER } from "../../../packages/client/src/index";
import { COLD_COMPILE_MS, allowColdCompiles, connectedPartner, signInAs } from "../support/flows";

const ADMIN = "admin@latchkey.test";

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

async function startReceiver() {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks/latchkey`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test("an admin registers a webhook endpoint, sees the secret once, sends a test event and follows the delivery log", async ({ page, browser }) => {
  allowColdCompiles(120_000);
  const receiver = await startReceiver();
  try {
    await signInAs(page, ADMIN, { callbackUrl: "/admin/webhooks" });
    await expect(page.getByRole("heading", { name: "Webhooks", exact: true })).toBeVisible({ timeout: COLD_COMPILE_MS });
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Webhooks" }).waitFor();

    await page.getByLabel("Endpoint URL").fill(receiver.url);
    await page.getByLabel("Description (optional)").fill("CRM sync");
    await page.getByRole("button", { name: "Register endpoint" }).click();
    await expect(page.getByText("Copy the signing secret now: it will not be shown again")).toBeVisible({ timeout: COLD_COMPILE_MS });
    const secret = (await page.getByTestId("new-webhook-secret").textContent())?.trim() ?? "";
    expect(secret).toMatch(/^whsec_/);

    // Shown once: the list and the endpoint's page never show it again.
    await page.reload();
    await expect(page.getByRole("link", { name: receiver.url })).toBeVisible();
    expect(await page.content()).not.toContain(secret);
    await page.getByRole("link", { name: receiver.url }).click();
    await expect(page.getByRole("heading", { name: receiver.url })).toBeVisible({ timeout: COLD_COMPILE_MS });
    expect(await page.content()).not.toContain(secret);
    await expect(page.getByText("Nothing delivered yet.")).toBeVisible();

    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByRole("status")).toHaveText("Test event: Delivered (HTTP 204).", { timeout: COLD_COMPILE_MS });
    expect(receiver.received).toHaveLength(1);
    const test = receiver.received[0]!;
    expect(verifyWebhookSignature({ payload: test.body, header: test.headers[WEBHOOK_SIGNATURE_HEADER] as string, secret })).toMatchObject({ valid: true });
    expect(JSON.parse(test.body)).toMatchObject({ type: "webhook.test", sequence: 1 });
    const rows = page.getByTestId("webhook-delivery");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("webhook.test");
    await expect(rows.first()).toContainText("Delivered");
    await expect(rows.first().getByRole("cell").nth(2)).toHaveText("1");
    await expect(rows.first().getByRole("cell").nth(3)).toHaveText("204");
    await expect(rows.first().getByRole("cell").nth(4)).toHaveText(/^\d+ ms$/);

    // A partner connects: the state machine's transition reaches the endpoint, signed, with the public facts only.
    const partner = await connectedPartner(browser, { label: "Hooked" });
    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(2);
    const connected = receiver.received[1]!;
    expect(verifyWebhookSignature({ payload: connected.body, header: connected.headers[WEBHOOK_SIGNATURE_HEADER] as string, secret })).toMatchObject({ valid: true });
    const event = JSON.parse(connected.body) as { id: string; type: string; sequence: number; data: Record<string, unknown> };
    expect(event).toMatchObject({ type: "authorization.connected", sequence: 1, data: { authorizationId: partner.connectionId, region: "NA", status: "ACTIVE", sellingPartnerId: partner.account.sellingPartnerId } });
    expect(connected.body).not.toMatch(/Atz[ar]\|/);
    await partner.context.close();

    await page.reload();
    await expect(rows).toHaveCount(2);
    const connectedRow = rows.filter({ hasText: "authorization.connected" });
    await expect(connectedRow).toContainText("Delivered");
    await connectedRow.getByRole("button", { name: "Send again" }).click();
    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(3);
    expect(JSON.parse(receiver.received[2]!.body).id).toBe(event.id);
    await page.reload();
    await expect(rows).toHaveCount(3);
    await expect(rows.first()).toContainText("sent again");
  } finally {
    await receiver.close();
  }
});
