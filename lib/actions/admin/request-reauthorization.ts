"use server";

import { requestReauthorization } from "@/lib/authorizations/request-reauthorization";
import { lifecycleAction } from "./lifecycle-action";

/** Email the partner a signed link to authorize again. */
export const requestReauthorizationAction = lifecycleAction(requestReauthorization);
