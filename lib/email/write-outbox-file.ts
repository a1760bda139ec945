import "server-only";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { EmailOutbox } from "@/lib/generated/prisma/client";

/**
 * The file outbox: with EMAIL_OUTBOX_DIR set, outbox-mode emails are also written there as JSON files
 * (one per email), so local tools and end-to-end tests read mail from disk instead of over HTTP.
 */
export async function writeOutboxFile(dir: string, email: Pick<EmailOutbox, "id" | "to" | "subject" | "template" | "html" | "text" | "createdAt">): Promise<void> {
  const absolute = path.resolve(dir);
  await mkdir(absolute, { recursive: true, mode: 0o700 });
  const name = `${email.createdAt.toISOString().replace(/[:.]/g, "-")}-${email.id}.json`;
  const temporary = path.join(absolute, `.${name}.tmp`);
  await writeFile(temporary, JSON.stringify({ id: email.id, to: email.to, subject: email.subject, template: email.template, createdAt: email.createdAt, html: email.html, text: email.text }), { mode: 0o600 });
  await rename(temporary, path.join(absolute, name));
}
