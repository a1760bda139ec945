// A tiny stand-in for Resend's HTTP API (POST /emails), on a random local port, that records every request.
// Like Resend, it honours the Idempotency-Key header: a repeat of an accepted key answers the first email's id
// and sends nothing new, so `delivered` is what a reader would actually receive.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { resetServerEnvForTests } from "@/lib/env";

export interface ReceivedEmail {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: { from?: string; to?: string | string[]; subject?: string; html?: string; text?: string };
}

type Reply = { status: number; body: unknown; headers?: Record<string, string> } | "drop";

export interface FakeResend {
  url: string;
  /** Every request, answered or not. */
  received: ReceivedEmail[];
  /** The emails accepted (each one once, whatever the number of requests with its idempotency key). */
  delivered: (ReceivedEmail & { id: string })[];
  /** The next response (default: 200 with a new id); `times` answers that many requests so. */
  respondWith(status: number, body: unknown, options?: { times?: number; headers?: Record<string, string> }): void;
  /** The next `times` requests get no answer: the connection is cut (what a timeout looks like to the sender). */
  drop(times?: number): void;
  /** Every later request is answered like this until `reset()`. */
  respondAlways(status: number, body: unknown): void;
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeResend(): Promise<FakeResend> {
  const received: ReceivedEmail[] = [];
  const delivered: (ReceivedEmail & { id: string })[] = [];
  const accepted = new Map<string, string>();
  let queue: Reply[] = [];
  let always: Reply | undefined;
  let counter = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const email: ReceivedEmail = { method: request.method ?? "", path: request.url ?? "", headers: request.headers, body: raw ? (JSON.parse(raw) as ReceivedEmail["body"]) : {} };
      received.push(email);
      const reply = queue.shift() ?? always;
      if (reply === "drop") {
        request.socket.destroy();
        return;
      }
      if (reply) {
        response.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
        response.end(JSON.stringify(reply.body));
        return;
      }
      const key = request.headers["idempotency-key"];
      const known = typeof key === "string" ? accepted.get(key) : undefined;
      const id = known ?? `fake-${++counter}`;
      if (!known) {
        delivered.push({ ...email, id });
        if (typeof key === "string") accepted.set(key, id);
      }
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ id }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    delivered,
    respondWith(status, body, options = {}) {
      for (let i = 0; i < (options.times ?? 1); i += 1) queue.push({ status, body, headers: options.headers });
    },
    drop(times = 1) {
      for (let i = 0; i < times; i += 1) queue.push("drop");
    },
    respondAlways(status, body) {
      always = { status, body };
    },
    reset() {
      queue = [];
      always = undefined;
      received.length = 0;
      delivered.length = 0;
      accepted.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * A fake Resend for a whole test file: started once, emptied before each test, with Latchkey's env pointing
 * at it (plus `env`) during each test only. Call at the top level, after the database's own setup.
 */
export function setUpFakeResend(env: Record<string, string> = {}): FakeResend {
  let fake: FakeResend | undefined;
  const current = () => {
    if (!fake) throw new Error("the fake Resend runs only inside this file's tests");
    return fake;
  };
  const names = ["RESEND_API_KEY", "RESEND_BASE_URL", ...Object.keys(env)];
  beforeAll(async () => {
    fake = await startFakeResend();
  });
  afterAll(() => fake?.close());
  beforeEach(() => {
    current().reset();
    Object.assign(process.env, { RESEND_API_KEY: "re_test_0123456789abcdefghijklmnop", RESEND_BASE_URL: current().url, ...env });
    resetServerEnvForTests();
  });
  afterEach(() => {
    for (const name of names) delete process.env[name];
    resetServerEnvForTests();
  });
  return {
    get url() {
      return current().url;
    },
    get received() {
      return current().received;
    },
    get delivered() {
      return current().delivered;
    },
    respondWith: (...args) => current().respondWith(...args),
    drop: (...args) => current().drop(...args),
    respondAlways: (...args) => current().respondAlways(...args),
    reset: () => current().reset(),
    close: () => current().close(),
  };
}
