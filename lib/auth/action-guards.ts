import "server-only";
// The server-action counterparts of the route guards: authorize first (an outsider learns nothing, not even
// the input's shape), then zod-parse the input (an object or the submitted FormData), then run. The result
// is always a plain, typed value a client component can render:
//   { ok: true, data } | { ok: false, error: { code, message, details? } }
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { toErrorResponse, type ErrorCode } from "@/lib/errors";
import { authorizeAdmin, authorizeTenant, authorizeUser, type TenantUser } from "./authorize";
import type { CurrentUser } from "./current-user";
import { requestIdFrom } from "./request-id";

export interface ActionError {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

export interface ActionContext {
  user: CurrentUser;
  requestId: string;
}

export interface TenantActionContext {
  user: TenantUser;
  tenantId: string;
  requestId: string;
}

type Schema = z.ZodType;

async function incomingHeaders(): Promise<Headers | null> {
  try {
    return await headers();
  } catch {
    return null;
  }
}

/** FormData as a plain object: one value per field, or an array when a field repeats. */
export function formDataToObject(form: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const out: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key);
    out[key] = values.length === 1 ? (values[0] as FormDataEntryValue) : values;
  }
  return out;
}

function runAction<S extends Schema, C, T>(
  authorize: () => Promise<Omit<C, "requestId">>,
  schema: S,
  fn: (input: z.output<S>, context: C) => Promise<T>,
): (input: z.input<S> | FormData) => Promise<ActionResult<T>> {
  return async (input) => {
    const requestId = requestIdFrom(await incomingHeaders());
    try {
      const context = { ...(await authorize()), requestId } as C;
      const parsed = schema.parse(input instanceof FormData ? formDataToObject(input) : input);
      return { ok: true, data: await fn(parsed, context) };
    } catch (error) {
      unstable_rethrow(error);
      const { body } = toErrorResponse(error, requestId);
      const { code, message, details } = body.error;
      return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
    }
  };
}

/** A server action for any signed-in user. */
export function userAction<S extends Schema, T>(schema: S, fn: (input: z.output<S>, context: ActionContext) => Promise<T>) {
  return runAction<S, ActionContext, T>(async () => ({ user: await authorizeUser() }), schema, fn);
}

/** A server action for admins; everyone else gets `not_found` (or `unauthenticated`). */
export function adminAction<S extends Schema, T>(schema: S, fn: (input: z.output<S>, context: ActionContext) => Promise<T>) {
  return runAction<S, ActionContext, T>(async () => ({ user: await authorizeAdmin() }), schema, fn);
}

/** A server action scoped to the caller's tenant (from the session, never from the input). */
export function tenantAction<S extends Schema, T>(schema: S, fn: (input: z.output<S>, context: TenantActionContext) => Promise<T>) {
  return runAction<S, TenantActionContext, T>(
    async () => {
      const user = await authorizeTenant();
      return { user, tenantId: user.tenantId };
    },
    schema,
    fn,
  );
}
