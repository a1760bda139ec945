import "server-only";
import type { ServerEnv } from "@/lib/env";

export type WorkflowMode = "inngest" | "in-process";

export interface InngestConnection {
  mode: WorkflowMode;
  isDev: boolean;
  baseUrl?: string;
  eventKey?: string;
  signingKey?: string;
}

type WorkflowEnv = Pick<ServerEnv, "INNGEST_BASE_URL" | "INNGEST_DEV" | "INNGEST_EVENT_KEY" | "INNGEST_SIGNING_KEY">;

function devFlag(value: string | undefined): { on: boolean; url?: string } {
  if (!value) return { on: false };
  if (/^https?:\/\//.test(value)) return { on: true, url: value };
  return { on: ["1", "true"].includes(value.toLowerCase()) };
}

/**
 * Inngest is used when it is configured: a dev server (INNGEST_DEV), a self-hosted or explicit server
 * (INNGEST_BASE_URL), or Inngest Cloud (INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY). Otherwise the workflows
 * run in-process: events dispatched inline, crons on an in-process schedule.
 */
export function inngestConnection(env: WorkflowEnv): InngestConnection {
  const dev = devFlag(env.INNGEST_DEV);
  const baseUrl = env.INNGEST_BASE_URL ?? dev.url;
  const cloud = Boolean(env.INNGEST_EVENT_KEY && env.INNGEST_SIGNING_KEY);
  const mode: WorkflowMode = dev.on || baseUrl || cloud ? "inngest" : "in-process";
  return { mode, isDev: dev.on, baseUrl, eventKey: env.INNGEST_EVENT_KEY, signingKey: env.INNGEST_SIGNING_KEY };
}

/** One line for the boot summary. */
export function describeWorkflowMode(env: WorkflowEnv): string {
  const connection = inngestConnection(env);
  if (connection.mode === "in-process") {
    return "in-process (no Inngest configured): durable outbox in the database, retried 3 times, resumed after a restart; crons claimed once across instances";
  }
  if (connection.isDev) return `Inngest dev server${connection.baseUrl ? ` at ${connection.baseUrl}` : ""}, functions served at /api/inngest`;
  return `Inngest${connection.baseUrl ? ` at ${connection.baseUrl}` : " Cloud"}, functions served at /api/inngest`;
}
