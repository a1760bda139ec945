import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ConfigError } from "@/lib/env";
import { AppError, ERROR_STATUS, serializeError, toErrorResponse } from "@/lib/errors";
import { REPEAT_WINDOW_MS } from "@/lib/errors/log-expected-failure";
import { createLogger, setLogger } from "@/lib/log/logger";
import { VaultError } from "@/lib/vault/vault-error";

const CANARY = "Atzr|IwEBIErrorCanary-0123456789abcdef";

function captureLogs(): string[] {
  const lines: string[] = [];
  setLogger(createLogger({ level: "info", destination: { write: (line: string) => void lines.push(line) } }));
  return lines;
}

afterEach(() => setLogger(undefined));

describe("AppError", () => {
  it("takes its status from the one code map", () => {
    expect(new AppError("not_found").status).toBe(404);
    expect(new AppError("invalid_input").status).toBe(422);
    expect(new AppError("unauthenticated").status).toBe(401);
    expect(new AppError("forbidden").status).toBe(403);
    expect(new AppError("conflict").status).toBe(409);
    expect(new AppError("rate_limited").status).toBe(429);
    expect(new AppError("amazon_unavailable").status).toBe(503);
    for (const [code, status] of Object.entries(ERROR_STATUS)) expect(new AppError(code as keyof typeof ERROR_STATUS).status).toBe(status);
  });

  it("has a default user-safe message per code", () => {
    expect(new AppError("not_found").message).toBe("Not found.");
    expect(new AppError("conflict", "This authorization is already revoked.").message).toBe("This authorization is already revoked.");
  });

  it("VaultError is an AppError", () => {
    const error = new VaultError();
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("vault_decrypt_failed");
    expect(error.status).toBe(500);
  });
});

describe("toErrorResponse", () => {
  it("returns an AppError's code, status, message and redacted details", () => {
    const response = toErrorResponse(new AppError("conflict", "Already connected.", { details: { region: "NA", refreshToken: CANARY } }), "req_1");
    expect(response).toEqual({
      status: 409,
      body: { error: { code: "conflict", message: "Already connected.", requestId: "req_1", details: { region: "NA", refreshToken: "[REDACTED]" } } },
    });
  });

  it("turns a ZodError into 422 invalid_input with paths and messages but no input values", () => {
    const schema = z.object({ email: z.email(), marketplaceIds: z.array(z.string().min(5)) });
    const parsed = schema.safeParse({ email: `not-an-email-${CANARY}`, marketplaceIds: ["ok-value", "abc"] });
    expect(parsed.success).toBe(false);
    const response = toErrorResponse(parsed.error, "req_2");
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe("invalid_input");
    expect(response.body.error.requestId).toBe("req_2");
    const issues = (response.body.error.details as { issues: { path: string; message: string }[] }).issues;
    expect(issues.map((issue) => issue.path).sort()).toEqual(["email", "marketplaceIds.1"]);
    for (const issue of issues) expect(issue.message.length).toBeGreaterThan(0);
    const body = JSON.stringify(response.body);
    expect(body).not.toContain("not-an-email");
    expect(body).not.toContain("abc\"");
  });

  it("answers anything else with a generic 500 and logs the real error, redacted, with the request id", () => {
    const lines = captureLogs();
    const response = toErrorResponse(new Error(`database exploded while storing ${CANARY}`), "req_3");
    expect(response.status).toBe(500);
    expect(response.body.error.code).toBe("internal");
    expect(response.body.error.requestId).toBe("req_3");
    expect(JSON.stringify(response.body)).not.toContain("exploded");
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as { level: string; requestId: string; err: { message: string } };
    expect(entry).toMatchObject({ level: "error", requestId: "req_3" });
    expect(entry.err.message).toBe("database exploded while storing Atzr|[REDACTED]");
    expect(lines[0]).not.toContain("0123456789abcdef");
  });

  it("never returns a server-side AppError's operator message", () => {
    const lines = captureLogs();
    const response = toErrorResponse(new VaultError("vault_key_unavailable", 'data key dk_1 is wrapped by master key "old"'), "req_4");
    expect(response.status).toBe(500);
    expect(response.body.error.code).toBe("vault_key_unavailable");
    expect(response.body.error.message).not.toContain("dk_1");
    expect(lines.join("")).toContain("dk_1");
  });

  it("maps a ConfigError to config_error without its message", () => {
    captureLogs();
    const response = toErrorResponse(new ConfigError("Invalid configuration: VAULT_MASTER_KEYS key \"k1\" must decode to exactly 32 bytes"), "req_5");
    expect(response.status).toBe(500);
    expect(response.body.error.code).toBe("config_error");
    expect(response.body.error.message).not.toContain("VAULT_MASTER_KEYS");
  });

  it("handles thrown non-errors", () => {
    captureLogs();
    expect(toErrorResponse(`raw string ${CANARY}`, "req_6").body.error.code).toBe("internal");
    expect(toErrorResponse(undefined, "req_7").status).toBe(500);
  });
});

describe("serializeError", () => {
  it("is redacted and keeps the AppError fields", () => {
    const serialized = serializeError(new AppError("bad_request", `bad ${CANARY}`, { details: { clientSecret: "zzz-secret", field: "x" }, cause: new Error(CANARY) }));
    expect(serialized).toMatchObject({ type: "AppError", message: "bad Atzr|[REDACTED]", code: "bad_request", status: 400, details: { clientSecret: "[REDACTED]", field: "x" } });
    expect(JSON.stringify(serialized)).not.toContain("0123456789abcdef");
    expect(JSON.stringify(serialized)).not.toContain("zzz-secret");
  });
});

describe("expected upstream failures in the log", () => {
  afterEach(() => vi.useRealTimers());

  it("log one warn line with the code and request id, no error object or stack", () => {
    vi.useFakeTimers();
    const lines = captureLogs();
    const cause = new Error("LWA answered 503 server_error");
    const response = toErrorResponse(new AppError("amazon_unavailable", undefined, { cause }), "req_up_1");
    expect(response.status).toBe(503);
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({ level: "warn", code: "amazon_unavailable", requestId: "req_up_1", reason: "LWA answered 503 server_error" });
    expect(entry.err).toBeUndefined();
    expect(lines[0]).not.toContain("at ");
    vi.advanceTimersByTime(REPEAT_WINDOW_MS);
  });

  it("summarize identical failures within a minute in one line instead of one per request", () => {
    vi.useFakeTimers();
    const lines = captureLogs();
    for (let i = 0; i < 58; i++) toErrorResponse(new AppError("rate_limited", "Amazon is throttling this operation."), `req_burst_${i}`);
    toErrorResponse(new AppError("app_client_rejected"), "req_other");
    expect(lines.map((line) => (JSON.parse(line) as { requestId: string }).requestId)).toEqual(["req_burst_0", "req_other"]);
    vi.advanceTimersByTime(REPEAT_WINDOW_MS);
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[2]!)).toMatchObject({ level: "warn", code: "rate_limited", repeats: 57, msg: "request failed: rate_limited: Amazon is throttling this operation. (repeated 57 times in the last 60 s)" });
    // After the minute, the next one is logged in full again.
    toErrorResponse(new AppError("rate_limited", "Amazon is throttling this operation."), "req_later");
    expect(JSON.parse(lines[3]!)).toMatchObject({ requestId: "req_later" });
    vi.advanceTimersByTime(REPEAT_WINDOW_MS);
    expect(lines).toHaveLength(4);
  });
});
