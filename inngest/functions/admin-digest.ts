import "server-only";
import { sendAdminDigest } from "@/lib/lifecycle/admin-digest";
import { onCron } from "../workflow";

/** Daily: one email to each admin listing what needs attention (nothing is sent on a quiet day). */
export const adminDigest = onCron({ id: "admin-digest", name: "Admin alert digest", cron: "TZ=UTC 0 8 * * *" }, async (now, step) => step.run("send-admin-digest", () => sendAdminDigest(now)));
