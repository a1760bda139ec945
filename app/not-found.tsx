import type { Metadata } from "next";
import Link from "next/link";
import { SiteHeader } from "@/components/brand/site-header";
import { Button } from "@/components/ui/button";

// Every 404 reads the same, the admin side's included: nothing in the title says what was there.
export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main className="mx-auto flex max-w-xl flex-col items-center px-4 py-24 text-center">
        <p className="text-sm font-medium text-primary">404</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">We couldn&apos;t find that page</h1>
        <p className="mt-3 text-muted-foreground">The link may be old, or the page may belong to another account.</p>
        <Button asChild className="mt-8">
          <Link href="/">Back to Latchkey</Link>
        </Button>
      </main>
    </>
  );
}
