import { Badge } from "@/components/ui/badge";
import type { Check, Standing } from "@/lib/health/checks";

const LABELS: Record<Check["status"], string> = { ok: "OK", warn: "Needs attention", fail: "Failing", not_applicable: "Not applicable" };
const VARIANTS = { ok: "success", warn: "warning", fail: "destructive", not_applicable: "secondary" } as const;

export function StandingBadge({ status }: { status: Standing | Check["status"] }) {
  return <Badge variant={VARIANTS[status]}>{LABELS[status]}</Badge>;
}

/** One check: its verdict and, unless it is fine, what to do. */
export function CheckCell({ check }: { check: Check }) {
  return (
    <div className="space-y-1">
      <StandingBadge status={check.status} />
      {check.status !== "ok" && check.status !== "not_applicable" && <p className="max-w-xs text-xs text-muted-foreground">{check.detail}</p>}
    </div>
  );
}
