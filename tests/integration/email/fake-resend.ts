// A tiny stand-in for Resend's HTTP API (POST /emails), on a random local port, that records every request.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedEmail {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: { from?: string; to?: string | string[]; subject?: string; html?: string; text?: string };
}

export interface FakeResend {
  url: string;
  received: ReceivedEmail[];
  /** The next response (default: 200 with a new id). */
  respondWith(status: number, body: unknown): void;
  close(): Promise<void>;
}

export async function startFakeResend(): Promise<FakeResend> {
  const received: ReceivedEmail[] = [];
  let next: { status: number; body: unknown } | undefined;
  let counter = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      received.push({ method: request.method ?? "", path: request.url ?? "", headers: request.headers, body: raw ? (JSON.parse(raw) as ReceivedEmail["body"]) : {} });
      const reply = next ?? { status: 200, body: { id: `fake-${++counter}` } };
      next = undefined;
      response.writeHead(reply.status, { "content-type": "application/json" });
      response.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    respondWith(status, body) {
      next = { status, body };
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
