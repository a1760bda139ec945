"use server";

import { z } from "zod";
import { adminAction } from "@/lib/auth/action-guards";
import { rewrapDataKeys } from "@/lib/vault";
import { APP_CLIENT_PAGE } from "./app-client-page";

/** Wraps every data key with the active master key (after a master-key rotation). */
export const rewrapDataKeysAction = adminAction(
  z.object({}),
  async () => {
    const result = await rewrapDataKeys();
    return { activeKeyId: result.activeKeyId, total: result.total, rewrapped: result.rewrapped, alreadyCurrent: result.alreadyCurrent, failed: result.failed };
  },
  { revalidate: APP_CLIENT_PAGE },
);
