// The audit log page's and CSV export's filters, as they live in the URL. The page reads them leniently
// (a stale value is ignored); the export route refuses bad input with 422 so a script learns at once.
import { z } from "zod";
import { idSchema } from "@/lib/http/ids";

export const ACTOR_TYPES = ["PARTNER", "ADMIN", "SYSTEM", "API_KEY", "AMAZON"] as const;
/** Groups of actions offered as one filter value each ("authorization.*"). */
export const ACTION_GROUPS = ["authorization", "app_client", "tenant", "api_key", "ledger", "auth"] as const;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-12-01.").refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "Not a date.");

export const auditFilterFields = {
  action: z.string().trim().min(1).max(100).regex(/^[a-z_]+(\.[a-z_]+|\.\*)?$/, "Not an audit action."),
  actor: z.enum(ACTOR_TYPES),
  tenant: z.string().trim().pipe(idSchema),
  authorization: z.string().trim().pipe(idSchema),
  from: day,
  to: day,
  before: z.string().regex(/^\d{1,18}$/, "Not an entry id."),
};

export const auditFiltersSchema = z.object({
  action: auditFilterFields.action.optional(),
  actor: auditFilterFields.actor.optional(),
  tenant: auditFilterFields.tenant.optional(),
  authorization: auditFilterFields.authorization.optional(),
  from: auditFilterFields.from.optional(),
  to: auditFilterFields.to.optional(),
  before: auditFilterFields.before.optional(),
});

export type AuditFilters = z.output<typeof auditFiltersSchema>;
type Params = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v === "" ? undefined : v;
}

/** Lenient: each field that does not parse is dropped. */
export function parseAuditFilters(params: Params): AuditFilters {
  const out: AuditFilters = {};
  for (const key of Object.keys(auditFilterFields) as (keyof typeof auditFilterFields)[]) {
    const parsed = auditFilterFields[key].safeParse(first(params[key]));
    if (parsed.success) (out as Record<string, string>)[key] = parsed.data;
  }
  return out;
}

/** Strict: throws the ZodError (→ 422 invalid_input) on any bad field. Empty fields count as absent. */
export function parseAuditFiltersStrict(params: URLSearchParams): AuditFilters {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(auditFilterFields)) {
    const value = params.get(key);
    if (value) raw[key] = value;
  }
  return auditFiltersSchema.parse(raw);
}

export function auditQuery(filters: AuditFilters, changes: Partial<Record<keyof AuditFilters, string | undefined>> = {}): string {
  const next: Record<string, string | undefined> = { ...filters, ...changes };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(next)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}
