"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createDestination, createDestinationInput, deleteDestination } from "@/lib/app-client/destinations";
import { startSecretRotation } from "@/lib/app-client/rotation/start-secret-rotation";
import { manualSecretInput, setManualSecret } from "@/lib/app-client/secrets/set-manual-secret";
import { appStatusInput, billingInput, setAppStatus, setBilling } from "@/lib/app-client/update-app-client";
import { adminAction, type ActionResult } from "@/lib/auth/action-guards";
import { rewrapDataKeys } from "@/lib/vault";

const PAGE = "/admin/app-client";

/** Every app-client action: admins only (everyone else gets not_found), then revalidate the page on success. */
async function revalidated<T>(result: ActionResult<T>): Promise<ActionResult<T>> {
  if (result.ok) revalidatePath(PAGE);
  return result;
}

const rotateNow = adminAction(z.object({}), async (_input, { user, requestId }) => {
  const rotation = await startSecretRotation({ actor: { type: "ADMIN", id: user.id }, reason: "manual", requestId });
  return { status: rotation.status, error: rotation.error };
});

export type RotateNowState = ActionResult<{ status: string; error: string | null }> | null;

export async function rotateNowAction(_previous: RotateNowState, form: FormData): Promise<RotateNowState> {
  return revalidated(await rotateNow(form));
}

const pasteSecret = adminAction(manualSecretInput, (input, { user, requestId }) => setManualSecret(input, { userId: user.id, requestId }));

export type ManualSecretState = ActionResult<{ message: string; fingerprint?: string }> | null;

export async function setManualSecretAction(_previous: ManualSecretState, form: FormData): Promise<ManualSecretState> {
  const result = await revalidated(await pasteSecret(form));
  if (!result.ok) return result;
  const outcome = result.data;
  return outcome.ok
    ? { ok: true, data: { message: `Verified with Amazon and stored as version ${outcome.version}.`, fingerprint: outcome.fingerprint } }
    : { ok: false, error: { code: outcome.code === "amazon_unavailable" ? "amazon_unavailable" : "invalid_input", message: outcome.message } };
}

const changeStatus = adminAction(appStatusInput, (input, { user, requestId }) => setAppStatus(input, { userId: user.id, requestId }));

export type AppStatusState = ActionResult<{ status: "DRAFT" | "PUBLISHED" }> | null;

export async function setAppStatusAction(_previous: AppStatusState, form: FormData): Promise<AppStatusState> {
  return revalidated(await changeStatus(form));
}

const changeBilling = adminAction(billingInput, async (input, { user, requestId }) => {
  await setBilling(input, { userId: user.id, requestId });
  return { saved: true };
});

export type BillingState = ActionResult<{ saved: boolean }> | null;

export async function setBillingAction(_previous: BillingState, form: FormData): Promise<BillingState> {
  return revalidated(await changeBilling(form));
}

const addDestination = adminAction(createDestinationInput, (input, { user, requestId }) => createDestination(input, { userId: user.id, requestId }));

export type DestinationState = ActionResult<{ destinationId: string; name: string }> | null;

export async function createDestinationAction(_previous: DestinationState, form: FormData): Promise<DestinationState> {
  const result = await revalidated(await addDestination(form));
  return result.ok ? { ok: true, data: { destinationId: result.data.destinationId, name: result.data.name } } : result;
}

const removeDestination = adminAction(z.object({ destinationId: z.string().min(1) }), async ({ destinationId }, { user, requestId }) => {
  await deleteDestination(destinationId, { userId: user.id, requestId });
  return { deleted: destinationId };
});

export type DeleteDestinationState = ActionResult<{ deleted: string }> | null;

export async function deleteDestinationAction(_previous: DeleteDestinationState, form: FormData): Promise<DeleteDestinationState> {
  return revalidated(await removeDestination(form));
}

const rewrap = adminAction(z.object({}), async () => {
  const result = await rewrapDataKeys();
  return { activeKeyId: result.activeKeyId, total: result.total, rewrapped: result.rewrapped, alreadyCurrent: result.alreadyCurrent, failed: result.failed };
});

export type RewrapState = ActionResult<{ activeKeyId: string; total: number; rewrapped: number; alreadyCurrent: number; failed: number }> | null;

export async function rewrapDataKeysAction(_previous: RewrapState, form: FormData): Promise<RewrapState> {
  return revalidated(await rewrap(form));
}
