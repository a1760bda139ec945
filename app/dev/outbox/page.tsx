import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SiteHeader } from "@/components/brand/site-header";
import { listOutbox, OUTBOX_PAGE_SIZE } from "@/lib/email/list-outbox";
import { devOutboxEnabled } from "@/lib/email/mode";
import { OutboxList } from "./outbox-list";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Development outbox" };

export default async function DevOutboxPage() {
  if (!devOutboxEnabled()) notFound();
  const emails = await listOutbox({ limit: OUTBOX_PAGE_SIZE });
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
        <h1 className="text-2xl font-semibold tracking-tight">Development outbox</h1>
        <p className="mt-2 text-muted-foreground">
          No email provider is configured, so every email Latchkey sends is kept here instead. Open one to read it and follow its
          links. The latest {OUTBOX_PAGE_SIZE} are shown, newest first.
        </p>
        <div className="mt-6">
          <OutboxList emails={emails} basePath="/dev/outbox" />
        </div>
      </main>
    </>
  );
}
