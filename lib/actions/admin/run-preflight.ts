"use server";

import { z } from "zod";
import { adminAction } from "@/lib/auth/action-guards";
import { runPreflight } from "@/lib/preflight/run-preflight";

/** Runs the preflight of one authorization (token, roles, vendor group, billing) and records it. */
export const runPreflightAction = adminAction(
  z.object({ authorizationId: z.string().min(1).max(64) }),
  ({ authorizationId }, { user, requestId }) => runPreflight({ authorizationId, actorType: "ADMIN", actorId: user.id, requestId }),
  { revalidate: ({ authorizationId }) => ["/admin/health", `/admin/authorizations/${authorizationId}`] },
);
