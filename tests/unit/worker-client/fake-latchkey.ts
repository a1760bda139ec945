// A scripted fake of Latchkey and SP-API behind one injected `fetch`, plus a fake clock and sleep.
import { createLatchkeyClient, type LatchkeyClientOptions } from "@latchkey/client";

export const LATCHKEY = "https://latchkey.test";
export const SPAPI = { NA: "https://spapi.test/na", EU: "https://spapi.test/eu", FE: "https://spapi.test/fe" };

export interface SeenRequest {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
}

type Answer = Response | Error;
type Responder = (request: SeenRequest) => Answer | Promise<Answer>;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

export const amazonError = (status: number, code: string, headers: Record<string, string> = {}) =>
  json(status, { errors: [{ code, message: `${code} message` }] }, { "x-amzn-requestid": `req-${code}`, ...headers });

export function createFake(options: Partial<LatchkeyClientOptions> = {}) {
  const seen: SeenRequest[] = [];
  const spapiScript: Responder[] = [];
  const sleeps: number[] = [];
  let clock = Date.parse("2026-11-22T10:00:00.000Z");
  let tokenSerial = 0;
  let region: "NA" | "EU" | "FE" = "NA";
  let tokenLifetimeMs = 3600_000;
  let accessTokenAnswer: Responder | undefined;
  let outcomesAnswer: Responder = () => json(202, { accepted: 1 });
  let rdtSerial = 0;
  let managementAnswer: Responder | undefined;

  const fetch = async (input: string, init: RequestInit = {}): Promise<Response> => {
    const request: SeenRequest = {
      url: input,
      method: init.method ?? "GET",
      headers: new Headers(init.headers),
      body: typeof init.body === "string" ? JSON.parse(init.body) : undefined,
    };
    seen.push(request);
    let answer: Answer;
    if (input.endsWith("/access-token")) {
      answer = accessTokenAnswer
        ? await accessTokenAnswer(request)
        : json(200, { accessToken: `Atza|token-${++tokenSerial}`, tokenType: "bearer", expiresAt: new Date(clock + tokenLifetimeMs).toISOString(), authorizationId: "auth-1", region, sellingPartnerId: "A2SELLER" });
    } else if (input.endsWith("/restricted-data-token")) {
      answer = json(200, { restrictedDataToken: `Atz.sprdt|rdt-${++rdtSerial}`, expiresAt: new Date(clock + 3600_000).toISOString(), authorizationId: "auth-1", region });
    } else if (input === `${LATCHKEY}/api/v1/grantless-tokens`) {
      const { scope } = request.body as { scope: string };
      answer = json(200, { accessToken: `Atza|grantless-${++tokenSerial}`, tokenType: "bearer", expiresAt: new Date(clock + tokenLifetimeMs).toISOString(), scope });
    } else if (input === `${LATCHKEY}/api/v1/outcomes`) {
      answer = await outcomesAnswer(request);
    } else if (input.startsWith(`${LATCHKEY}/api/v1/`) && managementAnswer) {
      answer = await managementAnswer(request);
    } else if (input.startsWith("https://spapi.test/")) {
      const next = spapiScript.shift();
      if (!next) throw new Error(`unscripted SP-API call ${input}`);
      answer = await next(request);
    } else {
      throw new Error(`unexpected fetch ${input}`);
    }
    if (answer instanceof Error) throw answer;
    return answer;
  };

  const client = createLatchkeyClient({
    baseUrl: `${LATCHKEY}/`,
    apiKey: "lk_live_test",
    fetch,
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    random: () => 0.5,
    spapiEndpoints: SPAPI,
    ...options,
  });

  return {
    client,
    seen,
    sleeps,
    /** Queue SP-API answers, in order. */
    spapi: (...answers: (Answer | Responder)[]) => spapiScript.push(...answers.map((a): Responder => (typeof a === "function" ? a : () => (a instanceof Response ? a.clone() : a)))),
    advance: (ms: number) => (clock += ms),
    setRegion: (r: typeof region) => (region = r),
    setTokenLifetime: (ms: number) => (tokenLifetimeMs = ms),
    answerAccessToken: (responder: Responder) => (accessTokenAnswer = responder),
    answerOutcomes: (responder: Responder) => (outcomesAnswer = responder),
    /** Answers every other Latchkey call (management API, connect links). */
    answerManagement: (responder: Responder) => (managementAnswer = responder),
    tokenRequests: () => seen.filter((r) => r.url.endsWith("/access-token")),
    grantlessRequests: () => seen.filter((r) => r.url.endsWith("/grantless-tokens")),
    rdtRequests: () => seen.filter((r) => r.url.endsWith("/restricted-data-token")),
    spapiRequests: () => seen.filter((r) => r.url.startsWith("https://spapi.test/")),
    outcomeRequests: () => seen.filter((r) => r.url.endsWith("/api/v1/outcomes")),
    reportedOutcomes: () => seen.filter((r) => r.url.endsWith("/api/v1/outcomes")).flatMap((r) => (r.body as { outcomes: { status: number; operation: string; latencyMs: number; authorizationId: string; at: string }[] }).outcomes),
  };
}
