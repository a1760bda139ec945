import "server-only";
import { db } from "@/lib/db/client";

export async function listTenantChoices() {
  return db.tenant.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, kind: true }, take: 500 });
}
