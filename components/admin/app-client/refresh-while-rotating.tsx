"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** While a rotation waits for Amazon's notification, reloads the page's data every few seconds. */
export function RefreshWhileRotating({ active }: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 3000);
    return () => clearInterval(timer);
  }, [active, router]);
  return null;
}
