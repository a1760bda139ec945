"use server";

import { manualSecretInput, setManualSecret } from "@/lib/app-client/secrets/set-manual-secret";
import { adminAction } from "@/lib/auth/action-guards";
import { AppError } from "@/lib/errors";
import { APP_CLIENT_PAGE } from "./app-client-page";

/** Stores a client secret pasted from the Developer Console once Amazon accepted it. */
export const setManualSecretAction = adminAction(
  manualSecretInput,
  async (input, { actor }) => {
    const outcome = await setManualSecret(input, actor);
    if (!outcome.ok) throw new AppError(outcome.code === "amazon_unavailable" ? "amazon_unavailable" : "invalid_input", outcome.message);
    return { message: `Verified with Amazon and stored as version ${outcome.version}.`, fingerprint: outcome.fingerprint };
  },
  { revalidate: APP_CLIENT_PAGE },
);
