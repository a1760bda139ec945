import "server-only";
// `Idempotency-Key` on create calls: the first request with a key runs and its answer is kept (per API
// key, for IDEMPOTENCY_TTL_HOURS); a retry with the same key and the same body gets that answer again
// without running twice; the same key with another body (or on another route) is refused with 422
// `idempotency_key_reused`, and a retry while the first is still running with 409 `idempotency_in_progress`.
// A first request that fails keeps nothing, so its retry runs again.
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { idempotencyKeySchema } from "./schemas";

export const IDEMPOTENCY_TTL_HOURS = 24;

export interface StoredAnswer<T> {
  status: number;
  body: T;
}

export interface IdempotentCall<T> {
  apiKeyId: string;
  /** The raw header value; null or absent: no idempotency, the call simply runs. */
  key: string | null;
  /** e.g. "POST /api/v1/tenants": a key used on one route cannot replay another's answer. */
  operation: string;
  /** The parsed request body the key is bound to. */
  request: unknown;
  run: () => Promise<StoredAnswer<T>>;
  /** What is kept of the answer (default: the body as is); e.g. a connect link's URL is sealed. */
  store?: (body: T) => Promise<Prisma.InputJsonValue>;
  load?: (stored: Prisma.JsonValue) => Promise<T>;
}

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` are the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Parses the header: absent is no key; present but malformed is 422. */
export function idempotencyKeyFrom(headers: Headers): string | null {
  const raw = headers.get("idempotency-key");
  if (raw === null) return null;
  const parsed = idempotencyKeySchema.safeParse(raw);
  if (!parsed.success) throw new AppError("invalid_input", "The Idempotency-Key header must be 1 to 255 printable ASCII characters.");
  return parsed.data;
}

export async function runIdempotent<T>(call: IdempotentCall<T>): Promise<StoredAnswer<T> & { replayed: boolean }> {
  if (call.key === null) return { ...(await call.run()), replayed: false };
  const requestHash = createHash("sha256").update(`${call.operation}\n${canonical(call.request)}`).digest("hex");
  // Expired keys are forgotten as the key's owner makes new creates (creates are rare; no sweeper needed).
  await db.idempotencyKey.deleteMany({ where: { apiKeyId: call.apiKeyId, expiresAt: { lte: new Date() } } });
  const reserved = await reserve(call.apiKeyId, call.key, call.operation, requestHash);
  if (reserved.kind === "existing") {
    const row = reserved.row;
    if (row.requestHash !== requestHash || row.operation !== call.operation) throw new AppError("idempotency_key_reused");
    if (row.responseStatus === null) throw new AppError("idempotency_in_progress");
    const body = call.load ? await call.load(row.responseBody) : (row.responseBody as T);
    return { status: row.responseStatus, body, replayed: true };
  }
  let answer: StoredAnswer<T>;
  try {
    answer = await call.run();
  } catch (error) {
    await db.idempotencyKey.deleteMany({ where: { id: reserved.id, responseStatus: null } });
    throw error;
  }
  const stored = call.store ? await call.store(answer.body) : (answer.body as Prisma.InputJsonValue);
  await db.idempotencyKey.update({ where: { id: reserved.id }, data: { responseStatus: answer.status, responseBody: stored } });
  return { ...answer, replayed: false };
}

type Reservation = { kind: "new"; id: string } | { kind: "existing"; row: { requestHash: string; operation: string; responseStatus: number | null; responseBody: Prisma.JsonValue } };

async function reserve(apiKeyId: string, key: string, operation: string, requestHash: string, attempt = 0): Promise<Reservation> {
  const now = new Date();
  try {
    const row = await db.idempotencyKey.create({
      data: { apiKeyId, key, operation, requestHash, expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_HOURS * 3600_000) },
      select: { id: true },
    });
    return { kind: "new", id: row.id };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const row = await db.idempotencyKey.findUnique({ where: { apiKeyId_key: { apiKeyId, key } } });
  // Gone meanwhile (the first request failed) or expired: the key is free again.
  if (!row || row.expiresAt <= now) {
    if (attempt > 1) throw new AppError("idempotency_in_progress");
    if (row) await db.idempotencyKey.deleteMany({ where: { id: row.id, expiresAt: { lte: now } } });
    return reserve(apiKeyId, key, operation, requestHash, attempt + 1);
  }
  return { kind: "existing", row };
}
