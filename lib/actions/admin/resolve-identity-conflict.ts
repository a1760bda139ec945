"use server";
// An admin resolves an identity conflict from the authorization detail page: keep the claim under review
// (the other tenant's connection is revoked) or the connection that held the account (the claim is revoked).
import { z } from "zod";
import { adminAction, type ActionResult } from "@/lib/auth/action-guards";
import { resolveIdentityConflict } from "@/lib/authorizations/resolve-identity-conflict";
import { idSchema } from "@/lib/http/ids";

const input = z.object({ conflictId: idSchema, keep: z.enum(["claim", "holder"]) });

export type ResolveIdentityConflictResult = ActionResult<{ changed: boolean }> | null;

export const resolveIdentityConflictAction = adminAction(
  input,
  ({ conflictId, keep }, { user, requestId }) => resolveIdentityConflict({ conflictId, keep, actor: { userId: user.id, requestId } }),
  { revalidate: { layout: "/admin" } },
);
