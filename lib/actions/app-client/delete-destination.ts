"use server";

import { z } from "zod";
import { deleteDestination } from "@/lib/app-client/destinations";
import { adminAction } from "@/lib/auth/action-guards";
import { APP_CLIENT_PAGE } from "./app-client-page";

/** Removes a notification destination at Amazon. */
export const deleteDestinationAction = adminAction(
  z.object({ destinationId: z.string().min(1) }),
  async ({ destinationId }, { actor }) => {
    await deleteDestination(destinationId, actor);
    return { deleted: destinationId };
  },
  { revalidate: APP_CLIENT_PAGE },
);
