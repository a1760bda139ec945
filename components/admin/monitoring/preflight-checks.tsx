import { Badge } from "@/components/ui/badge";
import type { PreflightResult } from "@/lib/preflight/run-preflight";
import { formatDateTime } from "@/lib/utils/format";

const VARIANT = { pass: "success", warn: "warning", fail: "destructive", skipped: "secondary" } as const;
const LABEL = { pass: "Passed", warn: "Check this", fail: "Failed", skipped: "Not needed" } as const;

export function PreflightChecks({ result }: { result: PreflightResult }) {
  return (
    <div className="space-y-3" data-testid="preflight-result">
      <p className="text-sm font-medium">
        {result.passed ? "Preflight passed: this authorization can be enabled for jobs." : "Preflight failed: fix the checks below before enabling jobs."}
        {result.passed && result.checks.some((c) => c.status === "warn") ? " One check below needs a look, but does not block jobs." : ""}{" "}
        <span className="font-normal text-muted-foreground">
          ({result.trigger === "connection" ? "run when the account was connected, " : ""}
          {formatDateTime(new Date(result.at))})
        </span>
      </p>
      <ul className="space-y-2">
        {result.checks.map((c) => (
          <li key={c.id} className="flex gap-3 text-sm">
            <Badge variant={VARIANT[c.status]} className="h-fit shrink-0">
              {LABEL[c.status]}
            </Badge>
            <div>
              <p className="font-medium">{c.label}</p>
              <p className="text-muted-foreground">{c.detail}</p>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
