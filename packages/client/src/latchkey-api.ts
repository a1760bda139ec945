// The Latchkey endpoints the client calls (paths.ts), all through one request core: the API key, a timeout,
// and Latchkey's error envelope turned into LatchkeyError with its stable code.
import { LatchkeyError } from "./errors.js";
import { endpointPath, LATCHKEY_ENDPOINTS, LATCHKEY_ERROR_FIELDS, type LatchkeyEndpointName } from "./paths.js";
import type { CallOutcome, FetchLike, GrantlessScope, Region, RestrictedResource } from "./types.js";

export interface LatchkeyApiOptions {
  baseUrl: string;
  apiKey: string;
  fetch: FetchLike;
  userAgent: string;
  timeoutMs: number;
}

export interface IssuedAccessToken {
  accessToken: string;
  expiresAt: Date;
  region: Region;
  sellingPartnerId: string | null;
}

export interface IssuedRdt {
  restrictedDataToken: string;
  expiresAt: Date;
  region: Region;
}

export interface IssuedGrantlessToken {
  accessToken: string;
  expiresAt: Date;
  scope: GrantlessScope;
}

export interface LatchkeyApi {
  /** `rejectedToken`: the token Amazon just refused, so Latchkey replaces it if it is still current. */
  fetchAccessToken(authorizationId: string, rejectedToken?: string): Promise<IssuedAccessToken>;
  fetchRestrictedDataToken(authorizationId: string, restrictedResources: RestrictedResource[], targetApplication?: string): Promise<IssuedRdt>;
  fetchGrantlessToken(scope: GrantlessScope): Promise<IssuedGrantlessToken>;
  postOutcomes(outcomes: CallOutcome[]): Promise<void>;
  /** Any endpoint of the table: path parameters, an optional JSON body, query and extra headers; the answer's JSON. */
  request(name: LatchkeyEndpointName, options?: LatchkeyRequestOptions): Promise<Record<string, unknown>>;
}

export interface LatchkeyRequestOptions {
  params?: Record<string, string>;
  body?: Record<string, unknown>;
  /** Undefined values are left out. */
  query?: Record<string, string | number | undefined>;
  headers?: Record<string, string | undefined>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function retryAfter(response: Response): number | null {
  const header = response.headers.get(LATCHKEY_ERROR_FIELDS.retryAfterHeader);
  const value = Number(header);
  return header !== null && header.trim() !== "" && Number.isFinite(value) ? value : null;
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/** The error an answer that is not 2xx stands for: Latchkey's envelope when there is one. */
function errorFrom(response: Response, json: unknown, what: string): LatchkeyError {
  const envelope = isRecord(json) ? json[LATCHKEY_ERROR_FIELDS.envelope] : undefined;
  const error = isRecord(envelope) ? envelope : undefined;
  const code = typeof error?.code === "string" ? error.code : "unexpected_response";
  const message = typeof error?.message === "string" ? error.message : `Latchkey answered HTTP ${response.status}`;
  return new LatchkeyError(code, response.status, `Latchkey refused ${what}: ${message} (${code}, HTTP ${response.status})`, {
    requestId: typeof error?.requestId === "string" ? error.requestId : response.headers.get(LATCHKEY_ERROR_FIELDS.requestIdHeader),
    retryAfterSeconds: retryAfter(response),
  });
}

export function createLatchkeyApi(options: LatchkeyApiOptions): LatchkeyApi {
  const base = options.baseUrl.replace(/\/+$/, "");

  /** One request to Latchkey; resolves with the answer's JSON object. */
  async function call(name: LatchkeyEndpointName, params: Record<string, string>, body?: Record<string, unknown>, extra: Pick<LatchkeyRequestOptions, "query" | "headers"> = {}): Promise<Record<string, unknown>> {
    const { method } = LATCHKEY_ENDPOINTS[name];
    const path = endpointPath(name, params);
    const what = `${method} ${path}`;
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(extra.query ?? {})) if (value !== undefined) search.set(key, String(value));
    const query = search.size > 0 ? `?${search.toString()}` : "";
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(extra.headers ?? {})) if (value !== undefined) headers[key] = value;
    let response: Response;
    try {
      response = await options.fetch(`${base}${path}${query}`, {
        method,
        headers: {
          ...headers,
          authorization: `Bearer ${options.apiKey}`,
          accept: "application/json",
          "user-agent": options.userAgent,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      throw new LatchkeyError("network_error", 0, `Latchkey did not answer ${what}`, { cause: error });
    }
    const json = parseJson(await response.text().catch(() => ""));
    if (!response.ok) throw errorFrom(response, json, what);
    if (response.status === 204) return {};
    if (!isRecord(json)) throw new LatchkeyError("unexpected_response", response.status, `Latchkey answered ${what} without a JSON object`);
    return json;
  }

  function field(json: Record<string, unknown>, name: string, endpoint: LatchkeyEndpointName): string {
    const value = json[name];
    if (typeof value !== "string" || value === "") throw new LatchkeyError("unexpected_response", 200, `Latchkey's answer to ${LATCHKEY_ENDPOINTS[endpoint].path} has no ${name}`);
    return value;
  }

  function region(json: Record<string, unknown>, endpoint: LatchkeyEndpointName): Region {
    const value = field(json, "region", endpoint);
    if (value !== "NA" && value !== "EU" && value !== "FE") throw new LatchkeyError("unexpected_response", 200, `Latchkey's answer to ${LATCHKEY_ENDPOINTS[endpoint].path} names an unknown region`);
    return value;
  }

  return {
    async fetchAccessToken(authorizationId, rejectedToken) {
      const json = await call("accessToken", { authorizationId }, rejectedToken ? { rejectedToken } : undefined);
      return {
        accessToken: field(json, "accessToken", "accessToken"),
        expiresAt: new Date(field(json, "expiresAt", "accessToken")),
        region: region(json, "accessToken"),
        sellingPartnerId: typeof json.sellingPartnerId === "string" ? json.sellingPartnerId : null,
      };
    },
    async fetchRestrictedDataToken(authorizationId, restrictedResources, targetApplication) {
      const json = await call("restrictedDataToken", { authorizationId }, { restrictedResources, ...(targetApplication ? { targetApplication } : {}) });
      return {
        restrictedDataToken: field(json, "restrictedDataToken", "restrictedDataToken"),
        expiresAt: new Date(field(json, "expiresAt", "restrictedDataToken")),
        region: region(json, "restrictedDataToken"),
      };
    },
    async fetchGrantlessToken(scope) {
      const json = await call("grantlessToken", {}, { scope });
      return { accessToken: field(json, "accessToken", "grantlessToken"), expiresAt: new Date(field(json, "expiresAt", "grantlessToken")), scope };
    },
    async postOutcomes(outcomes) {
      await call("outcomes", {}, { outcomes });
    },
    request: (name, request = {}) => call(name, request.params ?? {}, request.body, request),
  };
}
