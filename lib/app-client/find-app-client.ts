import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { AppClient } from "@/lib/generated/prisma/client";

/** The app client (one per installation). */
export async function getAppClient(): Promise<AppClient> {
  const client = await db.appClient.findFirst({ orderBy: { createdAt: "asc" } });
  if (!client) {
    throw new AppError("config_error", "No Amazon app client is configured yet.", {
      cause: new Error("no AppClient row: set LWA_CLIENT_ID, LWA_CLIENT_SECRET and SPAPI_APPLICATION_ID and restart"),
    });
  }
  return client;
}
