// The three Latchkey endpoints the client calls, each one HTTP request with the API key; errors become
// LatchkeyError with Latchkey's stable code.
import { LatchkeyError } from "./errors";
import type { CallOutcome, FetchLike, Region, RestrictedResource } from "./types";

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

export interface LatchkeyApi {
  /** `rejectedToken`: the token Amazon just refused, so Latchkey replaces it if it is still current. */
  fetchAccessToken(authorizationId: string, rejectedToken?: string): Promise<IssuedAccessToken>;
  fetchRestrictedDataToken(authorizationId: string, restrictedResources: RestrictedResource[], targetApplication?: string): Promise<IssuedRdt>;
  postOutcomes(outcomes: CallOutcome[]): Promise<void>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function retryAfter(response: Response): number | null {
  const value = Number(response.headers.get("retry-after"));
  return response.headers.has("retry-after") && Number.isFinite(value) ? value : null;
}

export function createLatchkeyApi(options: LatchkeyApiOptions): LatchkeyApi {
  const base = options.baseUrl.replace(/\/+$/, "");

  async function post(path: string, body: unknown): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await options.fetch(`${base}${path}`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${options.apiKey}`,
          accept: "application/json",
          "content-type": "application/json",
          "user-agent": options.userAgent,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      throw new LatchkeyError("network_error", 0, `Latchkey did not answer POST ${path}`, { cause: error });
    }
    const text = await response.text().catch(() => "");
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (!response.ok) {
      const error = isRecord(json) && isRecord(json.error) ? json.error : undefined;
      const code = typeof error?.code === "string" ? error.code : "unexpected_response";
      const message = typeof error?.message === "string" ? error.message : `Latchkey answered HTTP ${response.status}`;
      throw new LatchkeyError(code, response.status, `Latchkey refused POST ${path}: ${message} (${code}, HTTP ${response.status})`, {
        requestId: typeof error?.requestId === "string" ? error.requestId : response.headers.get("x-request-id"),
        retryAfterSeconds: retryAfter(response),
      });
    }
    if (!isRecord(json)) throw new LatchkeyError("unexpected_response", response.status, `Latchkey answered POST ${path} without a JSON object`);
    return json;
  }

  function field(json: Record<string, unknown>, name: string, path: string): string {
    const value = json[name];
    if (typeof value !== "string" || value === "") throw new LatchkeyError("unexpected_response", 200, `Latchkey's answer to POST ${path} has no ${name}`);
    return value;
  }

  function region(json: Record<string, unknown>, path: string): Region {
    const value = field(json, "region", path);
    if (value !== "NA" && value !== "EU" && value !== "FE") throw new LatchkeyError("unexpected_response", 200, `Latchkey's answer to POST ${path} names an unknown region`);
    return value;
  }

  return {
    async fetchAccessToken(authorizationId, rejectedToken) {
      const path = `/api/v1/authorizations/${encodeURIComponent(authorizationId)}/access-token`;
      const json = await post(path, rejectedToken ? { rejectedToken } : undefined);
      return {
        accessToken: field(json, "accessToken", path),
        expiresAt: new Date(field(json, "expiresAt", path)),
        region: region(json, path),
        sellingPartnerId: typeof json.sellingPartnerId === "string" ? json.sellingPartnerId : null,
      };
    },
    async fetchRestrictedDataToken(authorizationId, restrictedResources, targetApplication) {
      const path = `/api/v1/authorizations/${encodeURIComponent(authorizationId)}/restricted-data-token`;
      const json = await post(path, { restrictedResources, ...(targetApplication ? { targetApplication } : {}) });
      return { restrictedDataToken: field(json, "restrictedDataToken", path), expiresAt: new Date(field(json, "expiresAt", path)), region: region(json, path) };
    },
    async postOutcomes(outcomes) {
      await post("/api/v1/outcomes", { outcomes });
    },
  };
}
