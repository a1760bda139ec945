"use server";

import { appStatusInput, setAppStatus } from "@/lib/app-client/update-app-client";
import { adminAction } from "@/lib/auth/action-guards";
import { APP_CLIENT_PAGE } from "./app-client-page";

/** Draft or published: whether consent URLs carry `version=beta`. */
export const setAppStatusAction = adminAction(appStatusInput, (input, { actor }) => setAppStatus(input, actor), { revalidate: APP_CLIENT_PAGE });
