"use server";

import { killAuthorization } from "@/lib/authorizations/kill-authorization";
import { lifecycleAction } from "./lifecycle-action";

/** The kill switch: revoke and delete the tokens. */
export const killAuthorizationAction = lifecycleAction(killAuthorization);
