// The file outbox the end-to-end server writes every email to (EMAIL_OUTBOX_DIR), read from disk.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const E2E_OUTBOX_DIR = ".data/e2e/outbox";

export interface OutboxFile {
  id: string;
  to: string;
  subject: string;
  template: string;
  createdAt: string;
  html: string;
  text: string;
}

/** The newest email to `to` (optionally of one template), waiting up to `timeoutMs` for it to arrive. */
export async function newestEmailTo(to: string, options: { template?: string; after?: Date; timeoutMs?: number } = {}): Promise<OutboxFile> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  const wanted = to.toLowerCase();
  for (;;) {
    const files = existsSync(E2E_OUTBOX_DIR) ? readdirSync(E2E_OUTBOX_DIR).filter((f) => f.endsWith(".json")).sort().reverse() : [];
    for (const file of files) {
      const email = JSON.parse(readFileSync(path.join(E2E_OUTBOX_DIR, file), "utf8")) as OutboxFile;
      if (email.to.toLowerCase() !== wanted) continue;
      if (options.template && email.template !== options.template) continue;
      if (options.after && new Date(email.createdAt) < options.after) continue;
      return email;
    }
    if (Date.now() > deadline) throw new Error(`no email to ${to} arrived in the outbox`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
