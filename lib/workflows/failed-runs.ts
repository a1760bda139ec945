import "server-only";
// Workflow runs that failed for good (every attempt used, in-process runner) for the admins' monitoring page.
// Each keeps its last error (our own message, never a payload or a secret) and the event it ran for.
import { db } from "@/lib/db/client";

export interface FailedWorkflowRun {
  id: string;
  /** The function, or null: the event could not be handed to Inngest. */
  functionId: string | null;
  eventName: string;
  attempts: number;
  lastError: string | null;
  finishedAt: Date | null;
  /** The authorization the event is about, when it names one. */
  authorizationId: string | null;
}

/** Failed-for-good runs, newest first, and how many there are (kept 30 days). */
export async function listFailedWorkflowRuns(limit = 20): Promise<{ count: number; runs: FailedWorkflowRun[] }> {
  const [count, rows] = await Promise.all([
    db.workflowJob.count({ where: { status: "FAILED" } }),
    db.workflowJob.findMany({
      where: { status: "FAILED" },
      orderBy: { finishedAt: "desc" },
      take: limit,
      select: { id: true, functionId: true, eventName: true, attempts: true, lastError: true, finishedAt: true, eventData: true },
    }),
  ]);
  const runs = rows.map(({ eventData, ...row }) => {
    const authorizationId = (eventData as { authorizationId?: unknown } | null)?.authorizationId;
    return { ...row, authorizationId: typeof authorizationId === "string" ? authorizationId : null };
  });
  return { count, runs };
}
