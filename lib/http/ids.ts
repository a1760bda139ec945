import { z } from "zod";

// The one shape of a record id at the edge (cuids, and the readable ids tests use): ASCII letters, digits,
// `_` and `-`, at most 64. A NUL or other control character, a lone surrogate, a `%` left over from
// malformed percent-encoding or an overlong value never reaches the database: a path id that does not
// match is 404 (there is no such record), a body or query id 422.
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const idSchema = z.string().regex(ID_PATTERN, "Must be an id: 1 to 64 letters, digits, _ or -");

/** Route params holding one record id, `[id]`. */
export const idParams = z.object({ id: idSchema });
