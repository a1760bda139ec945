"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { evaluateAlerts } from "@/lib/alerts/evaluate-alerts";
import { adminAction, type ActionResult } from "@/lib/auth/action-guards";

export interface EvaluationCounts {
  fired: number;
  resolved: number;
  open: number;
}

const runNow = adminAction(z.object({}), async (): Promise<EvaluationCounts> => {
  const result = await evaluateAlerts();
  revalidatePath("/admin/alerts");
  return { fired: result.fired.length, resolved: result.resolved.length, open: result.open };
});

/** Runs every alert rule now (the schedule does the same every few minutes). */
export async function evaluateAlertsNowAction(_previous: ActionResult<EvaluationCounts> | null, form: FormData): Promise<ActionResult<EvaluationCounts>> {
  void form;
  return runNow({});
}
