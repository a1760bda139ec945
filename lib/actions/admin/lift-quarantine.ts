"use server";

import { liftQuarantine } from "@/lib/authorizations/lift-quarantine";
import { lifecycleAction } from "./lifecycle-action";

/** Lift the pause: tokens are issued again. */
export const liftQuarantineAction = lifecycleAction(liftQuarantine);
