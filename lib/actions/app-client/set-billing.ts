"use server";

import { billingInput, setBilling } from "@/lib/app-client/update-app-client";
import { adminAction } from "@/lib/auth/action-guards";
import { APP_CLIENT_PAGE } from "./app-client-page";

/** The app's billing status and when its charge method expires (the alerts read them). */
export const setBillingAction = adminAction(
  billingInput,
  async (input, { actor }) => {
    await setBilling(input, actor);
    return { saved: true };
  },
  { revalidate: APP_CLIENT_PAGE },
);
