"use server";

import { quarantineAuthorization } from "@/lib/lifecycle/admin-controls";
import { lifecycleAction } from "./lifecycle-action";

/** Pause token issuance for one authorization. */
export const quarantineAuthorizationAction = lifecycleAction(quarantineAuthorization);
