"use server";

import { createDestination, createDestinationInput } from "@/lib/app-client/destinations";
import { adminAction } from "@/lib/auth/action-guards";
import { APP_CLIENT_PAGE } from "./app-client-page";

/** Registers an SQS queue with Amazon as a notification destination. */
export const createDestinationAction = adminAction(
  createDestinationInput,
  async (input, { actor }) => {
    const destination = await createDestination(input, actor);
    return { destinationId: destination.destinationId, name: destination.name };
  },
  { revalidate: APP_CLIENT_PAGE },
);
