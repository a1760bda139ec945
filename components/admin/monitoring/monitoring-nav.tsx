// Links between the three on-call pages (the admin header does not list them yet).
import Link from "next/link";
import { cn } from "@/lib/utils/cn";

const PAGES = [
  { href: "/admin/monitoring", label: "Monitoring" },
  { href: "/admin/health", label: "Health" },
  { href: "/admin/alerts", label: "Alerts" },
] as const;

export function MonitoringNav({ current }: { current: (typeof PAGES)[number]["href"] }) {
  return (
    <nav aria-label="On-call pages" className="flex gap-4 border-b text-sm">
      {PAGES.map((p) => (
        <Link
          key={p.href}
          href={p.href}
          aria-current={p.href === current ? "page" : undefined}
          className={cn("-mb-px border-b-2 px-1 pb-2", p.href === current ? "border-primary font-medium" : "border-transparent text-muted-foreground hover:text-foreground")}
        >
          {p.label}
        </Link>
      ))}
    </nav>
  );
}
