"use server";

import { z } from "zod";
import { startSecretRotation } from "@/lib/app-client/rotation/start-secret-rotation";
import { adminAction } from "@/lib/auth/action-guards";
import { APP_CLIENT_PAGE } from "./app-client-page";

/** "Rotate now": asks Amazon for a new client secret (it arrives later, as a notification). */
export const rotateNowAction = adminAction(
  z.object({}),
  async (_input, { actor }) => {
    const rotation = await startSecretRotation({ actor, reason: "manual" });
    return { status: rotation.status, error: rotation.error };
  },
  { revalidate: APP_CLIENT_PAGE },
);
