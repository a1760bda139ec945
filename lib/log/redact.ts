import "server-only";
// Redaction: the one filter every log line, error body and audit entry passes through (STYLE rule 8).
// Three kinds of rule, applied together:
// - patterns: the shapes of Amazon tokens and secrets, our API keys, bearer headers, credentials in URLs,
//   JSON/form fields named like secrets, and vault envelopes;
// - exact values: every plaintext the vault encrypted or decrypted in this process (`registerSecret`);
// - key names: object properties named like secrets (`refreshToken`, `client_secret`, `cookie`, ...).
import { processLocal } from "@/lib/runtime/process-local";

export const REDACTED = "[REDACTED]";

const MAX_DEPTH = 10;
const MIN_SECRET_LENGTH = 8;
const MAX_SECRETS = 5000;

// Characters of LWA tokens, RDTs and client secrets, plus "%" so URL-encoded forms are covered whole.
// Never `"` or `\`, so a rule applied to a serialized JSON line cannot swallow the line's structure.
const TOKEN = String.raw`[A-Za-z0-9\-_.+/=|%~]`;
const SECRET_NAME = String.raw`[A-Za-z0-9_-]*?(?:token|secret|password|passwd|api[_-]?key|cookie|authorization)`;

interface PatternRule {
  pattern: RegExp;
  replace: string;
}

// Order matters: "Bearer Atza|..." must be handled by the bearer rule before the token rule sees it.
const PATTERN_RULES: PatternRule[] = [
  // Authorization header values (also catches the token after it, whatever its shape), except a placeholder
  // that ends in "..." or "…" ("Bearer lk_..."), so messages telling a caller what to send stay readable.
  { pattern: new RegExp(String.raw`\b(bearer)\s+(?!${TOKEN}*?(?:\.\.\.|…))${TOKEN}+`, "gi"), replace: `$1 ${REDACTED}` },
  // "refresh_token": "..." inside a string holding JSON (also with escaped quotes).
  {
    pattern: new RegExp(String.raw`(\\?"${SECRET_NAME}\\?"\s*:\s*\\?")[^"\\]+`, "gi"),
    replace: `$1${REDACTED}`,
  },
  // refresh_token=...&client_secret=... in form bodies and query strings.
  {
    pattern: /(\b(?:refresh_token|access_token|client_secret|restricted_data_token|spapi_oauth_code|mws_auth_token|password|api_key|apikey|token)=)[^&\s"'\\#]+/gi,
    replace: `$1${REDACTED}`,
  },
  // The OAuth authorization code (code=...) only when it looks like one, so "exit code=1" stays readable.
  { pattern: /(\bcode=)[^&\s"'\\#]{8,}/g, replace: `$1${REDACTED}` },
  // LWA access tokens (Atza|), refresh tokens (Atzr|), RDTs (Atz.sprdt|), raw or URL-encoded.
  { pattern: new RegExp(String.raw`(Atz[A-Za-z.]{0,12}(?:\||%7[Cc]))${TOKEN}+`, "g"), replace: `$1${REDACTED}` },
  // LWA client secrets.
  { pattern: new RegExp(String.raw`(amzn1\.oa2-cs\.)${TOKEN}+`, "g"), replace: `$1${REDACTED}` },
  // This app's API keys: lk_live_..., lk_test_..., lk_... with 20+ URL-safe characters.
  { pattern: /(?<![A-Za-z0-9])(lk_(?:live_|test_)?)[A-Za-z0-9_-]{20,}/g, replace: `$1${REDACTED}` },
  // Passwords in connection strings (postgresql://user:password@host).
  {
    pattern: /(\b[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^\s:/@"'\\]+:)[^\s@/"'\\]+@/g,
    replace: `$1${REDACTED}@`,
  },
  // Vault envelopes: not secret, but they are noise; keep the key reference for debugging.
  { pattern: /\b(lk1\.[A-Za-z0-9_-]{1,64}\.)[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g, replace: `$1${REDACTED}` },
];

// Object keys whose values are secrets. Compared after lower-casing and dropping "-" and "_".
const SECRET_KEYS = new Set([
  "authorization",
  "cookie",
  "setcookie",
  "password",
  "passwd",
  "secret",
  "token",
  "apikey",
  "xapikey",
  "clientsecret",
  "refreshtoken",
  "accesstoken",
  "restricteddatatoken",
  "xamzaccesstoken",
  "spapioauthcode",
  "privatekey",
  "vaultmasterkeys",
]);
const SECRET_KEY_SUFFIXES = ["token", "secret", "password", "passwd", "apikey", "cookie", "privatekey"];

function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export function isSecretKey(key: string): boolean {
  const normalized = normalizeKey(key);
  return SECRET_KEYS.has(normalized) || SECRET_KEY_SUFFIXES.some((suffix) => normalized.endsWith(suffix));
}

// --- exact values ---------------------------------------------------------------------------------
// A bounded registry (insertion order = least recently registered first) indexed by each value's first
// MIN_SECRET_LENGTH characters, so scanning a string costs one map lookup per position whatever the size
// of the registry; a numeric pre-filter on the first two characters keeps most positions allocation-free.

// One registry per process, shared by every server bundle (the routes, instrumentation, proxy.ts's gateway):
// a secret one of them decrypted is redacted in the others' log lines too.
const { secrets, byPrefix, firstPairs } = processLocal("logSecrets", () => ({
  secrets: new Map<string, string>(), // value -> its prefix
  byPrefix: new Map<string, Set<string>>(),
  firstPairs: new Map<number, number>(), // (c0 << 16 | c1) -> how many prefixes start with it
}));

function pairAt(s: string, index: number): number {
  return (s.charCodeAt(index) << 16) | s.charCodeAt(index + 1);
}

function addSecretForm(value: string): void {
  if (secrets.has(value)) {
    secrets.delete(value);
    secrets.set(value, value.slice(0, MIN_SECRET_LENGTH));
    return;
  }
  const prefix = value.slice(0, MIN_SECRET_LENGTH);
  secrets.set(value, prefix);
  let bucket = byPrefix.get(prefix);
  if (!bucket) {
    bucket = new Set();
    byPrefix.set(prefix, bucket);
    const pair = pairAt(prefix, 0);
    firstPairs.set(pair, (firstPairs.get(pair) ?? 0) + 1);
  }
  bucket.add(value);
  while (secrets.size > MAX_SECRETS) {
    const oldest = secrets.keys().next().value;
    if (oldest === undefined) break;
    removeSecretForm(oldest);
  }
}

function removeSecretForm(value: string): void {
  const prefix = secrets.get(value);
  if (prefix === undefined) return;
  secrets.delete(value);
  const bucket = byPrefix.get(prefix);
  if (!bucket) return;
  bucket.delete(value);
  if (bucket.size === 0) {
    byPrefix.delete(prefix);
    const pair = pairAt(prefix, 0);
    const count = (firstPairs.get(pair) ?? 1) - 1;
    if (count <= 0) firstPairs.delete(pair);
    else firstPairs.set(pair, count);
  }
}

/**
 * Registers a secret value so it is redacted wherever it appears, in this process (every bundle), from now on.
 * Values shorter than 8 characters are ignored (too likely to collide with ordinary text). Its URL- and
 * JSON-escaped forms are registered too, since that is how it appears in form bodies and log lines.
 */
export function registerSecret(value: string): void {
  if (typeof value !== "string" || value.length < MIN_SECRET_LENGTH) return;
  const forms = new Set([value, encodeURIComponent(value), new URLSearchParams({ v: value }).toString().slice(2), JSON.stringify(value).slice(1, -1)]);
  for (const form of forms) addSecretForm(form);
}

/** For tests. */
export function clearRegisteredSecrets(): void {
  secrets.clear();
  byPrefix.clear();
  firstPairs.clear();
}

function redactRegisteredValues(s: string): string {
  if (secrets.size === 0 || s.length < MIN_SECRET_LENGTH) return s;
  let out = "";
  let copiedUpTo = 0;
  let i = 0;
  const last = s.length - MIN_SECRET_LENGTH;
  while (i <= last) {
    if (firstPairs.has(pairAt(s, i))) {
      const bucket = byPrefix.get(s.slice(i, i + MIN_SECRET_LENGTH));
      if (bucket) {
        let longest = 0;
        for (const candidate of bucket) {
          if (candidate.length > longest && s.startsWith(candidate, i)) longest = candidate.length;
        }
        if (longest > 0) {
          out += s.slice(copiedUpTo, i) + REDACTED;
          i += longest;
          copiedUpTo = i;
          continue;
        }
      }
    }
    i += 1;
  }
  return copiedUpTo === 0 ? s : out + s.slice(copiedUpTo);
}

/** Redacts secrets inside one string: registered values first, then the token patterns. */
export function redactString(s: string): string {
  let out = redactRegisteredValues(s);
  for (const rule of PATTERN_RULES) {
    rule.pattern.lastIndex = 0;
    out = out.replace(rule.pattern, rule.replace);
  }
  return out;
}

// --- deep walk ------------------------------------------------------------------------------------

export interface RedactedError {
  type: string;
  message: string;
  stack?: string;
  [key: string]: unknown;
}

/**
 * Returns a redacted deep copy of any value, safe to log or return: strings are filtered, secret-named
 * keys replaced by "[REDACTED]", binary data never copied, errors turned into plain objects (message,
 * stack, own fields, cause), cycles cut and depth limited. The input is never modified.
 */
export function redact(value: unknown): unknown {
  return walk(value, 0, new WeakSet());
}

/** An error (or anything thrown) as a plain, redacted object for logs. */
export function redactError(error: unknown): RedactedError {
  if (error instanceof Error) return walk(error, 0, new WeakSet()) as RedactedError;
  return { type: typeof error, message: redactString(String(error)) };
}

function walk(value: unknown, depth: number, ancestors: WeakSet<object>): unknown {
  switch (typeof value) {
    case "string":
      return redactString(value);
    case "bigint":
      return value.toString();
    case "function":
    case "symbol":
      return undefined;
    case "object":
      break;
    default:
      return value;
  }
  if (value === null) return null;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[REDACTED binary ${value.byteLength} bytes]`;
  if (value instanceof Date) return new Date(value.getTime());
  if (ancestors.has(value)) return "[Circular]";
  if (depth >= MAX_DEPTH) return "[Truncated]";
  ancestors.add(value);
  try {
    if (value instanceof Error) return walkError(value, depth, ancestors);
    if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1, ancestors));
    if (value instanceof Map) {
      return walkEntries(
        Array.from(value.entries(), ([key, item]) => [String(key), item] as const),
        depth,
        ancestors,
      );
    }
    if (value instanceof Set) return Array.from(value, (item) => walk(item, depth + 1, ancestors));
    // fetch headers and form bodies: name rules apply to their entries (they serialize to {} otherwise).
    if (value instanceof Headers || value instanceof URLSearchParams) return walkEntries(value.entries(), depth, ancestors);
    const toJSON: unknown = Reflect.get(value, "toJSON");
    if (typeof toJSON === "function") return walk(toJSON.call(value), depth + 1, ancestors);
    return walkEntries(Object.entries(value), depth, ancestors);
  } finally {
    ancestors.delete(value);
  }
}

function walkEntries(entries: Iterable<readonly [string, unknown]>, depth: number, ancestors: WeakSet<object>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of entries) {
    out[redactString(key)] = walkProperty(key, item, depth, ancestors);
  }
  return out;
}

function walkProperty(key: string, item: unknown, depth: number, ancestors: WeakSet<object>): unknown {
  if (item === undefined || item === null || !isSecretKey(key)) return walk(item, depth + 1, ancestors);
  // "authorization" is also this app's name for a partner's connection: walk the domain object, but
  // redact it when it is a header value.
  if (normalizeKey(key) === "authorization" && typeof item === "object" && !ArrayBuffer.isView(item)) {
    return walk(item, depth + 1, ancestors);
  }
  return REDACTED;
}

function walkError(error: Error, depth: number, ancestors: WeakSet<object>): RedactedError {
  const type = typeof error.name === "string" && error.name !== "Error" ? error.name : error.constructor?.name || "Error";
  const out: RedactedError = { type, message: redactString(String(error.message)) };
  if (typeof error.stack === "string") out.stack = redactString(error.stack);
  for (const [key, item] of Object.entries(error)) {
    if (key === "name" || key === "message" || key === "stack") continue;
    out[redactString(key)] = walkProperty(key, item, depth, ancestors);
  }
  if (error.cause !== undefined) out.cause = walk(error.cause, depth + 1, ancestors);
  if (error instanceof AggregateError) out.errors = walk(error.errors, depth + 1, ancestors);
  return out;
}
