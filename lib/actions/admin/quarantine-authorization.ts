"use server";

import { quarantineAuthorization } from "@/lib/authorizations/quarantine-authorization";
import { lifecycleAction } from "./lifecycle-action";

/** Pause token issuance for one authorization. */
export const quarantineAuthorizationAction = lifecycleAction(quarantineAuthorization);
