import { afterEach, describe, expect, it } from "vitest";
import { clearRegisteredSecrets, redact, redactError, redactString, registerSecret } from "@/lib/log/redact";

const ACCESS = "Atza|IwEBIPq3-sample_access.token+with/slashes=and|pipes";
const REFRESH = "Atzr|IwEBIKnEXAMPLEREFRESH-Token_0123456789+abc/def==";
const RDT = "Atz.sprdt|IwEBIRestricted-Data_Token.123+/=";
const CLIENT_SECRET = "amzn1.oa2-cs.v1.0123456789abcdef0123456789abcdef0123456789abcdef";
const API_KEY = "lk_live_4fG7hJ2kL9mN3pQ8rS6tV1wX";
const TEST_KEY = "lk_test_ABCDEFGHIJKLMNOPQRSTUVWX";
const BARE_KEY = "lk_0123456789abcdefghijKLMN";
const ENVELOPE = "lk1.tenantkey1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

const TOKENS = [ACCESS, REFRESH, RDT, CLIENT_SECRET, API_KEY, TEST_KEY, BARE_KEY];

/** The distinctive tail of each token: none of it may survive redaction. */
function expectNoSecrets(text: string): void {
  for (const token of TOKENS) {
    expect(text).not.toContain(token.slice(-14));
  }
}

afterEach(() => clearRegisteredSecrets());

describe("redactString: token patterns", () => {
  it("redacts each token family and keeps a readable prefix", () => {
    expect(redactString(`access ${ACCESS} end`)).toBe("access Atza|[REDACTED] end");
    expect(redactString(`refresh=${REFRESH}`)).toBe("refresh=Atzr|[REDACTED]");
    expect(redactString(`rdt ${RDT}`)).toBe("rdt Atz.sprdt|[REDACTED]");
    expect(redactString(`secret ${CLIENT_SECRET}.`)).toBe("secret amzn1.oa2-cs.[REDACTED]");
    expect(redactString(`key ${API_KEY}`)).toBe("key lk_live_[REDACTED]");
    expect(redactString(`key ${TEST_KEY}`)).toBe("key lk_test_[REDACTED]");
    expect(redactString(`key ${BARE_KEY}`)).toBe("key lk_[REDACTED]");
    expect(redactString("Authorization: Bearer abc.def-ghi_jkl")).toBe("Authorization: Bearer [REDACTED]");
    expect(redactString(`authorization: bearer ${ACCESS}`)).toBe("authorization: bearer [REDACTED]");
    expect(redactString(`stored ${ENVELOPE}`)).toBe("stored lk1.tenantkey1.[REDACTED]");
  });

  it("keeps messages that name the header with a placeholder readable", () => {
    const apiKeyHint = "Send an API key as `Authorization: Bearer lk_...`.";
    expect(redactString(apiKeyHint)).toBe(apiKeyHint);
    expect(redactString("Use `Authorization: Bearer lk_live_…` from the admin page.")).toBe("Use `Authorization: Bearer lk_live_…` from the admin page.");
    expect(redactString("Send the configured token as `Authorization: Bearer <token>`.")).toBe("Send the configured token as `Authorization: Bearer <token>`.");
    expect(redactString(`Authorization: Bearer ${API_KEY}`)).toBe("Authorization: Bearer [REDACTED]");
  });

  it("keeps short API key prefixes (shown in the UI) and ordinary text", () => {
    expect(redactString("key prefix lk_live_ab12cd")).toBe("key prefix lk_live_ab12cd");
    expect(redactString("bulk_operation_identifier_that_is_long")).toBe("bulk_operation_identifier_that_is_long");
    expect(redactString("exit code=1, token_type bearer")).toBe("exit code=1, token_type bearer");
  });

  it("redacts URL-encoded tokens and form bodies", () => {
    const form = new URLSearchParams({ grant_type: "refresh_token", refresh_token: REFRESH, client_id: "amzn1.application-oa2-client.x", client_secret: CLIENT_SECRET }).toString();
    const out = redactString(form);
    expectNoSecrets(out);
    expect(out).toContain("grant_type=refresh_token");
    expect(out).toContain("client_id=amzn1.application-oa2-client.x");
    expect(redactString("/callback?state=abc&spapi_oauth_code=ANdNAVhyhqirUelHGEHA&selling_partner_id=A1")).toBe(
      "/callback?state=abc&spapi_oauth_code=[REDACTED]&selling_partner_id=A1",
    );
    expect(redactString("code=ANdNAVhyhqirUelHGEHA&redirect_uri=x")).toBe("code=[REDACTED]&redirect_uri=x");
  });

  it("redacts secret-named fields inside JSON text, escaped or not", () => {
    const body = JSON.stringify({ access_token: "opaque-access-value", token_type: "bearer", expires_in: 3600, refresh_token: "opaque-refresh-value" });
    const out = redactString(body);
    expect(out).not.toContain("opaque-access-value");
    expect(out).not.toContain("opaque-refresh-value");
    expect(JSON.parse(out)).toEqual({ access_token: "[REDACTED]", token_type: "bearer", expires_in: 3600, refresh_token: "[REDACTED]" });
    const nested = JSON.stringify({ body });
    expect(redactString(nested)).not.toContain("opaque-refresh-value");
    expect(JSON.parse(JSON.parse(redactString(nested)).body)).toMatchObject({ refresh_token: "[REDACTED]" });
  });

  it("redacts passwords in connection strings", () => {
    expect(redactString("postgresql://latchkey:s3cr3t-pw@db.internal:5432/app")).toBe("postgresql://latchkey:[REDACTED]@db.internal:5432/app");
  });

  it("is idempotent", () => {
    const once = redactString(`Bearer ${ACCESS} ${REFRESH} ${CLIENT_SECRET} ${API_KEY} ${ENVELOPE}`);
    expect(redactString(once)).toBe(once);
  });
});

describe("redactString: registered values", () => {
  it("redacts a registered value anywhere, and its URL- and JSON-escaped forms", () => {
    const value = 'opaque/secret+value "quoted" &more';
    registerSecret(value);
    expect(redactString(`before ${value} after`)).toBe("before [REDACTED] after");
    expect(redactString(`x=${encodeURIComponent(value)}&y=1`)).toBe("x=[REDACTED]&y=1");
    expect(redactString(JSON.stringify({ v: value }))).toBe('{"v":"[REDACTED]"}');
    expect(redactString(`${value}${value}`)).toBe("[REDACTED][REDACTED]");
  });

  it("ignores values shorter than 8 characters", () => {
    registerSecret("short");
    expect(redactString("a short story")).toBe("a short story");
  });

  it("prefers the longest registered value at a position", () => {
    registerSecret("abcdefgh");
    registerSecret("abcdefgh-longer-secret");
    expect(redactString("[abcdefgh-longer-secret]")).toBe("[[REDACTED]]");
  });

  it("stays bounded: the oldest values are forgotten first", () => {
    registerSecret("the-very-first-secret");
    for (let i = 0; i < 6000; i += 1) registerSecret(`generated-secret-${i}`);
    expect(redactString("generated-secret-5999")).toBe("[REDACTED]");
    expect(redactString("the-very-first-secret")).toBe("the-very-first-secret");
  });

  it("stays fast with a full registry", () => {
    for (let i = 0; i < 5000; i += 1) registerSecret(`registered-secret-${i}-${"x".repeat(20)}`);
    const line = "ordinary log text with nothing secret in it; ".repeat(200);
    const started = performance.now();
    for (let i = 0; i < 50; i += 1) redactString(line);
    expect((performance.now() - started) / 50).toBeLessThan(20);
  });
});

describe("redact: deep walk", () => {
  it("redacts secret-named keys whatever their case or separator", () => {
    const input = {
      refresh_token: "a",
      access_token: "b",
      client_secret: "c",
      refreshToken: "d",
      accessToken: "e",
      clientSecret: "f",
      restrictedDataToken: "g",
      password: "h",
      Authorization: "Bearer x",
      "x-amz-access-token": "i",
      Cookie: "sid=1",
      "set-cookie": ["sid=2"],
      apiKey: "j",
      secret: "k",
      TOKEN: "l",
      newClientSecret: "m",
      token_type: "bearer",
      expires_in: 3600,
      refreshTokenFingerprint: "0123456789ab",
      missingToken: null,
    };
    expect(redact(input)).toEqual({
      refresh_token: "[REDACTED]",
      access_token: "[REDACTED]",
      client_secret: "[REDACTED]",
      refreshToken: "[REDACTED]",
      accessToken: "[REDACTED]",
      clientSecret: "[REDACTED]",
      restrictedDataToken: "[REDACTED]",
      password: "[REDACTED]",
      Authorization: "[REDACTED]",
      "x-amz-access-token": "[REDACTED]",
      Cookie: "[REDACTED]",
      "set-cookie": "[REDACTED]",
      apiKey: "[REDACTED]",
      secret: "[REDACTED]",
      TOKEN: "[REDACTED]",
      newClientSecret: "[REDACTED]",
      token_type: "bearer",
      expires_in: 3600,
      refreshTokenFingerprint: "0123456789ab",
      missingToken: null,
    });
  });

  it("walks an `authorization` object (the domain entity) instead of hiding it", () => {
    expect(redact({ authorization: { id: "auth_1", status: "ACTIVE", refreshToken: REFRESH } })).toEqual({
      authorization: { id: "auth_1", status: "ACTIVE", refreshToken: "[REDACTED]" },
    });
  });

  it("redacts tokens in nested objects, arrays, maps and sets, without touching the input", () => {
    const input = { level1: { level2: [{ note: `got ${REFRESH}` }, `header Bearer ${ACCESS}`] }, map: new Map([["k", RDT]]), set: new Set([API_KEY]) };
    const out = redact(input);
    expectNoSecrets(JSON.stringify(out));
    expect(input.level1.level2[0]).toEqual({ note: `got ${REFRESH}` });
    expect(out).toMatchObject({ level1: { level2: [{ note: "got Atzr|[REDACTED]" }, "header Bearer [REDACTED]"] }, map: { k: "Atz.sprdt|[REDACTED]" }, set: ["lk_live_[REDACTED]"] });
  });

  it("walks fetch Headers and URLSearchParams by name", () => {
    const headers = new Headers({ "x-amz-access-token": "opaque-header-value", "user-agent": "Latchkey/1.0" });
    expect(redact({ headers })).toEqual({ headers: { "x-amz-access-token": "[REDACTED]", "user-agent": "Latchkey/1.0" } });
    const form = new URLSearchParams({ grant_type: "refresh_token", refresh_token: "opaque-form-value" });
    expect(redact(form)).toEqual({ grant_type: "refresh_token", refresh_token: "[REDACTED]" });
  });

  it("never copies binary data (raw keys)", () => {
    expect(redact({ key: Buffer.alloc(32, 7), data: new Uint8Array(4) })).toEqual({ key: "[REDACTED binary 32 bytes]", data: "[REDACTED binary 4 bytes]" });
  });

  it("is cycle-safe and depth-limited", () => {
    const a: Record<string, unknown> = { name: "a" };
    a.self = a;
    expect(redact(a)).toEqual({ name: "a", self: "[Circular]" });
    const shared = { token: "x" };
    expect(redact({ one: shared, two: shared })).toEqual({ one: { token: "[REDACTED]" }, two: { token: "[REDACTED]" } });
    let deep: Record<string, unknown> = { end: true };
    for (let i = 0; i < 50; i += 1) deep = { next: deep };
    expect(JSON.stringify(redact(deep))).toContain("[Truncated]");
  });

  it("turns errors into redacted objects: message, stack, own fields and cause", () => {
    const cause = new Error(`upstream said ${REFRESH}`);
    const error = Object.assign(new Error(`refresh failed for ${ACCESS}`, { cause }), { code: "E_LWA", response: { client_secret: "zzz", body: CLIENT_SECRET } });
    const out = redactError(error);
    const text = JSON.stringify(out);
    expectNoSecrets(text);
    expect(text).not.toContain("zzz");
    expect(out.type).toBe("Error");
    expect(out.message).toBe("refresh failed for Atza|[REDACTED]");
    expect(out.stack).toContain("refresh failed for Atza|[REDACTED]");
    expect(out.code).toBe("E_LWA");
    expect((out.cause as { message: string }).message).toBe("upstream said Atzr|[REDACTED]");
    expect(JSON.stringify(redact({ err: error }))).not.toContain(REFRESH.slice(-14));
    expect(redactError(`thrown ${API_KEY}`)).toEqual({ type: "string", message: "thrown lk_live_[REDACTED]" });
  });

  it("redacts registered values inside objects too", () => {
    registerSecret("plain-secret-without-shape");
    expect(redact({ note: "value plain-secret-without-shape here" })).toEqual({ note: "value [REDACTED] here" });
  });
});
