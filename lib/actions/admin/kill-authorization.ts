"use server";

import { killAuthorization } from "@/lib/lifecycle/admin-controls";
import { lifecycleAction } from "./lifecycle-action";

/** The kill switch: revoke and delete the tokens. */
export const killAuthorizationAction = lifecycleAction(killAuthorization);
