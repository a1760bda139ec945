import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { FailedWorkflowRun } from "@/lib/workflows/failed-runs";
import { formatDateTime } from "@/lib/utils/format";

/** Workflow runs that used every attempt (in-process runner): what failed, for whom, and why. Hidden when none. */
export function FailedWorkflowRuns({ count, runs }: { count: number; runs: FailedWorkflowRun[] }) {
  if (count === 0) return null;
  return (
    <Card data-testid="failed-workflow-runs">
      <CardHeader>
        <CardTitle className="text-base">Workflow runs that failed for good ({count})</CardTitle>
        <p className="text-sm text-muted-foreground">
          Each was tried 4 times (the first attempt and 3 retries with backoff) and then stopped. What it would have done (an email, a check) did not happen: fix the cause named below;
          the daily scans catch up on renewals and inactivity, an event&apos;s email does not come back by itself. Kept 30 days.
        </p>
      </CardHeader>
      <CardContent>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Workflow</TableHead>
              <TableHead>Event</TableHead>
              <TableHead>Authorization</TableHead>
              <TableHead>Last error</TableHead>
              <TableHead>Stopped</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {runs.map((run) => (
              <TableRow key={run.id}>
                <TableCell className="font-mono text-xs">{run.functionId ?? "hand-off to Inngest"}</TableCell>
                <TableCell className="font-mono text-xs">{run.eventName}</TableCell>
                <TableCell>
                  {run.authorizationId ? (
                    <Link className="underline" href={`/admin/health?preflight=${encodeURIComponent(run.authorizationId)}`}>
                      {run.authorizationId}
                    </Link>
                  ) : (
                    "—"
                  )}
                </TableCell>
                <TableCell className="text-sm">{run.lastError ?? "—"}</TableCell>
                <TableCell className="text-sm">{run.finishedAt ? formatDateTime(run.finishedAt) : "—"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
