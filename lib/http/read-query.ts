import "server-only";
// The query string of a GET through a zod schema: a failure is 422 `invalid_input` with the failing
// names (never the values). A name given twice counts once (the last), so `?limit=1&limit=999` cannot
// slip past a bound that checked the first.
import type { z } from "zod";

export function readQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const params = new URL(request.url).searchParams;
  const values: Record<string, string> = {};
  for (const [name, value] of params) values[name] = value;
  return schema.parse(values);
}
