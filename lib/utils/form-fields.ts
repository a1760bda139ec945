import { z } from "zod";
import { idSchema } from "@/lib/http/ids";

/**
 * A field a form may send several times (checkboxes of one name) as a list: FormData gives one value for a
 * single box and an array for several; nothing ticked is the empty list.
 */
export function repeatedField<S extends z.ZodType<unknown[]>>(list: S) {
  return z.preprocess((value) => (value === undefined ? [] : [value].flat()), list);
}

/** The one-authorization forms' input. */
export const authorizationIdInput = z.object({ authorizationId: idSchema });
