import type { ReactNode } from "react";
import { Logo } from "./logo";

export function SiteHeader({ children }: { children?: ReactNode }) {
  return (
    <header className="border-b bg-card/80 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-5xl items-center justify-between px-4 sm:px-6">
        <Logo />
        <nav className="flex items-center gap-2 text-sm">{children}</nav>
      </div>
    </header>
  );
}
