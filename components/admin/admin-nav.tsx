"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils/cn";

const LINKS = [
  { href: "/admin", label: "Tenants" },
  { href: "/admin/monitoring", label: "Monitoring" },
  { href: "/admin/alerts", label: "Alerts" },
  { href: "/admin/health", label: "Health" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/ledger", label: "Ledger" },
  { href: "/admin/app-client", label: "App client" },
  { href: "/admin/api-keys", label: "API keys" },
  { href: "/admin/webhooks", label: "Webhooks" },
  { href: "/admin/self-authorize", label: "Self-authorize" },
  { href: "/admin/outbox", label: "Outbox" },
] as const;

function isActive(pathname: string, href: string): boolean {
  if (href === "/admin") return pathname === "/admin" || pathname.startsWith("/admin/tenants") || pathname.startsWith("/admin/authorizations");
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** The admin sections, one row under the header; it scrolls sideways on a phone instead of hiding links. */
export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin" className="border-b bg-card/60">
      <div className="mx-auto flex max-w-5xl gap-1 overflow-x-auto px-2 text-sm sm:px-4">
        {LINKS.map((link) => {
          const active = isActive(pathname, link.href);
          return (
            <Link
              key={link.href}
              href={link.href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "shrink-0 whitespace-nowrap border-b-2 px-3 py-2.5 font-medium transition-colors",
                active ? "border-primary text-foreground" : "border-transparent text-muted-foreground hover:text-foreground",
              )}
            >
              {link.label}
            </Link>
          );
        })}
      </div>
    </nav>
  );
}
