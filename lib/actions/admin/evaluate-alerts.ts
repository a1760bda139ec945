"use server";

import { z } from "zod";
import { evaluateAlerts } from "@/lib/alerts/evaluate-alerts";
import { adminAction } from "@/lib/auth/action-guards";

export interface EvaluationCounts {
  fired: number;
  resolved: number;
  open: number;
}

/** Runs every alert rule now (the schedule does the same every few minutes). */
export const evaluateAlertsNowAction = adminAction(
  z.object({}),
  async (): Promise<EvaluationCounts> => {
    const result = await evaluateAlerts();
    return { fired: result.fired.length, resolved: result.resolved.length, open: result.open };
  },
  { revalidate: "/admin/alerts" },
);
