import "server-only";
// Keyset pagination of the management API's lists: newest first by (createdAt, id), so a page never skips
// or repeats a row when others are created meanwhile. The cursor is opaque to callers (base64url JSON of
// the last row's keys); one that does not decode is 422 `invalid_input`.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { ID_PATTERN } from "@/lib/http/ids";

const cursorShape = z.object({ c: z.iso.datetime(), i: z.string().regex(ID_PATTERN) });

export interface Keyset {
  createdAt: Date;
  id: string;
}

export function encodeCursor(row: Keyset): string {
  return Buffer.from(JSON.stringify({ c: row.createdAt.toISOString(), i: row.id })).toString("base64url");
}

export function decodeCursor(cursor: string | undefined): Keyset | null {
  if (cursor === undefined) return null;
  try {
    const parsed = cursorShape.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return { createdAt: new Date(parsed.c), id: parsed.i };
  } catch {
    throw new AppError("invalid_input", "The cursor is not one this API returned; start again without it.");
  }
}

/** The `where` part that continues after `after`, for rows ordered by createdAt desc, id desc. */
export function afterKeyset(after: Keyset | null) {
  if (!after) return {};
  return { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] };
}

export const KEYSET_ORDER = [{ createdAt: "desc" as const }, { id: "desc" as const }];

/** One page from `limit + 1` rows read: the rows to answer and the cursor of the next page, if any. */
export function pageOf<T extends Keyset>(rows: T[], limit: number): { rows: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  return { rows: page, nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null };
}
