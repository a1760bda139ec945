"use client";

import { useEffect, useState } from "react";
import { cn } from "@/lib/utils/cn";

function describe(ms: number): string {
  if (ms <= 0) return "expired";
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `${days} d ${hours} h left`;
  return `${hours} h ${minutes % 60} min left`;
}

/** A live countdown to a secret's expiry; amber inside the rotation threshold, red when expired. */
export function ExpiryCountdown({ expiresAt, warnDays, renderedAt }: { expiresAt: string | null; warnDays: number; renderedAt: number }) {
  // Starts from the server's time, so the first client render matches the HTML.
  const [now, setNow] = useState(renderedAt);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  if (!expiresAt) return <span className="text-muted-foreground">unknown</span>;
  const left = Date.parse(expiresAt) - now;
  return (
    <span data-testid="secret-countdown" className={cn("font-medium", left <= 0 ? "text-destructive" : left < warnDays * 86_400_000 ? "text-[oklch(0.45_0.12_75)]" : "text-success")}>
      {describe(left)}
    </span>
  );
}
