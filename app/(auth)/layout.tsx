import type { ReactNode } from "react";
import { SiteHeader } from "@/components/brand/site-header";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main className="mx-auto flex w-full max-w-md flex-col px-4 py-10 sm:py-16">{children}</main>
    </>
  );
}
