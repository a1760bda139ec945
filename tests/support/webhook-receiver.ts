// A local HTTP server that records the webhook POSTs it receives (alerts, lifecycle webhooks), for integration tests.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedWebhook {
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The HTTP status this request was answered with. */
  status: number;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** The status the next requests are answered with (200 by default). */
  respondWith(status: number): void;
  /** Answers the next `times` requests with `status` (503 by default), then goes back to respondWith's status. */
  failTimes(times: number, status?: number): void;
  /** Holds the next `times` requests for `ms` before answering (a receiver slower than the sender's timeout). */
  stallTimes(times: number, ms: number): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let status = 200;
  let failures: { left: number; status: number } = { left: 0, status: 503 };
  let stalls: { left: number; ms: number } = { left: 0, ms: 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      let answer = status;
      if (failures.left > 0) {
        failures.left--;
        answer = failures.status;
      }
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), status: answer });
      let wait = 0;
      if (stalls.left > 0) {
        stalls.left--;
        wait = stalls.ms;
      }
      const timer = setTimeout(() => {
        if (!res.destroyed) res.writeHead(answer, { "content-type": "application/json" }).end("{}");
      }, wait);
      res.on("close", () => clearTimeout(timer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/latchkey`,
    received,
    respondWith: (next) => {
      status = next;
    },
    failTimes: (times, failStatus = 503) => {
      failures = { left: times, status: failStatus };
    },
    stallTimes: (times, ms) => {
      stalls = { left: times, ms };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
