import "server-only";
// The server-action counterparts of the route guards. Each returns the `(previousState, formData)` function
// that `useActionState` (or a form's `action`) calls: authorize first (an outsider learns nothing, not even
// the input's shape), then zod-parse the submitted form, then run, then refresh the pages it changed. The
// result is always a plain, typed value a client component can render:
//   { ok: true, data } | { ok: false, error: { code, message, details? } }
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { toErrorResponse, type ErrorCode } from "@/lib/errors";
import type { Actor } from "./actor";
import { authorizeAdmin, authorizeTenant, authorizeUser, type TenantUser } from "./authorize";
import type { CurrentUser } from "./current-user";
import { requestIdFrom } from "@/lib/http/request-id";

export interface ActionError {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

/** What a form shows before its first submission (null) and after each one. */
export type ActionState<T> = ActionResult<T> | null;

export type ServerAction<T, I = FormData> = (previous: ActionState<T>, input: I) => Promise<ActionResult<T>>;

export interface ActionContext {
  user: CurrentUser;
  /** The signed-in user as the audit log records them. */
  actor: Actor;
  requestId: string;
}

export interface TenantActionContext extends ActionContext {
  user: TenantUser;
  tenantId: string;
}

/** A page to refresh once the action succeeded: its path, or a layout's (which refreshes every page under it). */
export type RevalidateTarget = string | { layout: string };

type Targets = RevalidateTarget | readonly RevalidateTarget[];

export interface ActionOptions<S extends Schema, T> {
  revalidate?: Targets | ((input: z.output<S>, data: T) => Targets);
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

function revalidate(targets: Targets): void {
  for (const target of [targets].flat()) {
    if (typeof target === "string") revalidatePath(target);
    else revalidatePath(target.layout, "layout");
  }
}

function serverAction<S extends Schema, C extends ActionContext, T>(
  authorize: () => Promise<Omit<C, "requestId" | "actor">>,
  schema: S,
  fn: (input: z.output<S>, context: C) => Promise<T>,
  options: ActionOptions<S, T>,
): ServerAction<T, FormData | z.input<S>> {
  return async (_previous, input) => {
    const requestId = requestIdFrom(await incomingHeaders());
    try {
      const authorized = await authorize();
      const context = { ...authorized, actor: { userId: authorized.user.id, requestId }, requestId } as C;
      const parsed = schema.parse(input instanceof FormData ? formDataToObject(input) : input);
      const data = await fn(parsed, context);
      const targets = typeof options.revalidate === "function" ? options.revalidate(parsed, data) : options.revalidate;
      if (targets !== undefined) revalidate(targets);
      return { ok: true, data };
    } catch (error) {
      unstable_rethrow(error);
      const { body } = toErrorResponse(error, requestId);
      const { code, message, details } = body.error;
      return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
    }
  };
}

/** A server action for any signed-in user. */
export function userAction<S extends Schema, T>(schema: S, fn: (input: z.output<S>, context: ActionContext) => Promise<T>, options: ActionOptions<S, T> = {}) {
  return serverAction<S, ActionContext, T>(async () => ({ user: await authorizeUser() }), schema, fn, options);
}

/** A server action for admins; everyone else gets `not_found` (or `unauthenticated`). */
export function adminAction<S extends Schema, T>(schema: S, fn: (input: z.output<S>, context: ActionContext) => Promise<T>, options: ActionOptions<S, T> = {}) {
  return serverAction<S, ActionContext, T>(async () => ({ user: await authorizeAdmin() }), schema, fn, options);
}

/** A server action scoped to the caller's tenant (from the session, never from the input). */
export function tenantAction<S extends Schema, T>(schema: S, fn: (input: z.output<S>, context: TenantActionContext) => Promise<T>, options: ActionOptions<S, T> = {}) {
  return serverAction<S, TenantActionContext, T>(
    async () => {
      const user = await authorizeTenant();
      return { user, tenantId: user.tenantId };
    },
    schema,
    fn,
    options,
  );
}

/**
 * A server action without a signed-in user, for callers that prove who they are inside `fn` (a connect
 * link's browser session cookie): it parses the form, runs, and answers errors like the other guards.
 */
export function sessionlessAction<S extends Schema, T>(schema: S, fn: (input: z.output<S>, context: { requestId: string }) => Promise<T>): ServerAction<T, FormData | z.input<S>> {
  return async (_previous, input) => {
    const requestId = requestIdFrom(await incomingHeaders());
    try {
      const parsed = schema.parse(input instanceof FormData ? formDataToObject(input) : input);
      return { ok: true, data: await fn(parsed, { requestId }) };
    } catch (error) {
      unstable_rethrow(error);
      const { body } = toErrorResponse(error, requestId);
      return { ok: false, error: { code: body.error.code, message: body.error.message } };
    }
  };
}
