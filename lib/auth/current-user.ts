// The signed-in user as the app sees it: resolved from the database session on every request, with the
// role re-evaluated against ADMIN_EMAILS each time.
import { z } from "zod";

export const currentUserSchema = z.object({
  id: z.string().min(1),
  email: z.string().min(1),
  role: z.enum(["ADMIN", "PARTNER"]),
  tenantId: z.string().min(1).nullable(),
});

export type CurrentUser = z.infer<typeof currentUserSchema>;
