// The durable in-process runner (issue 13 §1) on the test database (PGlite, or PostgreSQL with DATABASE_URL):
// the outbox row commits with the change, failures are retried with backoff, a crash's leftovers run once
// at the next boot, two runners on one database run each row once and respect the per-authorization key,
// and a cron occurrence is claimed by one runner only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyTransition } from "@/lib/authorizations/state-machine";
import { db } from "@/lib/db/client";
import { enqueueWorkflowEvent } from "@/lib/workflows/outbox";
import { listFailedWorkflowRuns } from "@/lib/workflows/failed-runs";
import { MAX_FUNCTION_ATTEMPTS, provideWorkflowDefinitions, WorkflowRunner } from "@/lib/workflows/in-process-runner";
import type { WorkflowDefinition, WorkflowStep } from "@/lib/workflows/workflow-definition";
import { PER_AUTHORIZATION } from "@/lib/workflows/workflow-definition";
import { DAY, emailsToTenant, seedAuthorization, setUpWorkflowDatabase } from "./support";

setUpWorkflowDatabase();

// Test functions, triggered by real Latchkey events; what they did is recorded here.
const calls: { fn: string; key?: string; start: number; end: number }[] = [];
const behaviour: { failuresLeft: number; sideEffects: number; slowMs: number } = { failuresLeft: 0, sideEffects: 0, slowMs: 0 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const testDefinitions: WorkflowDefinition[] = [
  {
    id: "test-flaky",
    name: "fails `failuresLeft` times, after a step that must run once",
    trigger: { event: "latchkey/app-client.billing-updated" },
    run: async (_event: unknown, step: WorkflowStep) => {
      await step.run("side-effect", async () => ++behaviour.sideEffects);
      if (behaviour.failuresLeft > 0) {
        behaviour.failuresLeft--;
        throw new Error("flaky on purpose");
      }
      return "done";
    },
  },
  {
    id: "test-per-authorization",
    name: "slow, one authorization at a time",
    concurrencyKey: PER_AUTHORIZATION,
    trigger: { event: "latchkey/authorization.lifecycle-check" },
    run: async (event: { data: unknown }) => {
      const start = Date.now();
      await sleep(behaviour.slowMs);
      calls.push({ fn: "test-per-authorization", key: (event.data as { authorizationId: string }).authorizationId, start, end: Date.now() });
    },
  },
  {
    id: "test-cron",
    name: "every five minutes",
    trigger: { cron: "*/5 * * * *" },
    run: async (now: Date) => {
      calls.push({ fn: "test-cron", key: now.toISOString(), start: Date.now(), end: Date.now() });
    },
  },
];

let realDefinitions: (() => Promise<WorkflowDefinition[]>) | undefined;
beforeAll(async () => {
  realDefinitions = async () => (await import("@/inngest/functions")).workflowDefinitions();
});
afterAll(() => {
  if (realDefinitions) provideWorkflowDefinitions(realDefinitions);
});
const useTestDefinitions = () => provideWorkflowDefinitions(async () => testDefinitions);

/** A runner on a clock the test moves, with fixed backoff (10 s, 20 s, 30 s…), talking to no Inngest. */
function runnerAt(clock: { now: number }, instanceId: string, leaseMs = 30_000) {
  return new WorkflowRunner({ instanceId, now: () => new Date(clock.now), leaseMs, backoffMs: (attempt) => attempt * 10_000, inngest: false });
}

async function enqueue(events: Parameters<typeof enqueueWorkflowEvent>[1][]): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const ids: string[] = [];
    for (const event of events) ids.push(await enqueueWorkflowEvent(tx, event));
    return ids;
  });
}

const billing = { name: "latchkey/app-client.billing-updated" as const, data: { appClientId: "app-1" } };
const check = (authorizationId: string) => ({ name: "latchkey/authorization.lifecycle-check" as const, data: { authorizationId, now: new Date().toISOString() } });

describe("the outbox", () => {
  it("writes a transition's event in its transaction: a rolled-back transition leaves none, a committed one runs it", async () => {
    const { authorization, tenant } = await seedAuthorization({ authorizedAt: new Date(Date.now() - DAY) });
    const quarantine = (alsoWrite?: () => Promise<void>) =>
      applyTransition({
        transition: "quarantine",
        authorizationId: authorization.id,
        actor: { actorType: "SYSTEM" },
        set: { quarantinedAt: new Date() },
        event: ({ tenantId }) => ({ authorizationId: authorization.id, tenantId, quarantinedAt: new Date().toISOString() }),
        ...(alsoWrite ? { alsoWrite } : {}),
      });
    await expect(
      quarantine(async () => {
        throw new Error("the rest of the change failed");
      }),
    ).rejects.toThrow(/the rest of the change failed/);
    expect(await db.workflowJob.count()).toBe(0);
    expect((await db.authorization.findUniqueOrThrow({ where: { id: authorization.id } })).status).toBe("ACTIVE");

    const outcome = await quarantine();
    expect(outcome.changed).toBe(true);
    const jobs = await db.workflowJob.findMany({ orderBy: { createdAt: "asc" } });
    expect(jobs.map((j) => [j.eventName, j.functionId, j.status])).toEqual([
      ["latchkey/authorization.quarantined", null, "SUCCEEDED"],
      ["latchkey/authorization.quarantined", "notify-authorization-quarantined", "SUCCEEDED"],
    ]);
    expect(jobs[1]!.concurrencyKey).toBe(`authorizationId:${authorization.id}`);
    // The function really ran: the partner got the "paused" email.
    expect((await emailsToTenant(tenant.id)).length).toBe(1);
  });

  it("leaves no row when the transaction that wrote the event rolls back", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await enqueueWorkflowEvent(tx, billing);
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await db.workflowJob.count({ where: { eventName: billing.name } })).toBe(0);
  });
});

describe("retries", () => {
  it("retries a failing function with backoff until it succeeds, without repeating a completed step", async () => {
    useTestDefinitions();
    await db.workflowJob.deleteMany();
    Object.assign(behaviour, { failuresLeft: 2, sideEffects: 0 });
    const clock = { now: Date.now() + 1000 };
    const runner = runnerAt(clock, "a");
    await runner.runNow(await enqueue([billing]));
    let job = await db.workflowJob.findFirstOrThrow({ where: { functionId: "test-flaky" } });
    expect([job.status, job.attempts, job.lastError]).toEqual(["PENDING", 1, "Error: flaky on purpose"]);
    expect(job.runAt.getTime()).toBe(clock.now + 10_000);

    expect(await runner.drain()).toBe(0); // not due yet
    clock.now += 10_000;
    expect(await runner.drain()).toBe(1);
    job = await db.workflowJob.findUniqueOrThrow({ where: { id: job.id } });
    expect([job.status, job.attempts]).toEqual(["PENDING", 2]);
    expect(job.runAt.getTime()).toBe(clock.now + 20_000);

    clock.now += 20_000;
    expect(await runner.drain()).toBe(1);
    job = await db.workflowJob.findUniqueOrThrow({ where: { id: job.id } });
    expect([job.status, job.attempts, job.lastError]).toEqual(["SUCCEEDED", 3, null]);
    expect(behaviour.sideEffects).toBe(1);
  });

  it("marks a function failed for good after 3 retries and lists it for the admins", async () => {
    useTestDefinitions();
    await db.workflowJob.deleteMany();
    Object.assign(behaviour, { failuresLeft: 100, sideEffects: 0 });
    const clock = { now: Date.now() + 1000 };
    const runner = runnerAt(clock, "a");
    await runner.runNow(await enqueue([billing]));
    for (let i = 0; i < 10; i++) {
      clock.now += 60_000;
      await runner.drain();
    }
    const job = await db.workflowJob.findFirstOrThrow({ where: { functionId: "test-flaky" } });
    expect([job.status, job.attempts]).toEqual(["FAILED", MAX_FUNCTION_ATTEMPTS]);
    expect(behaviour.failuresLeft).toBe(100 - MAX_FUNCTION_ATTEMPTS);
    const failed = await listFailedWorkflowRuns();
    expect(failed.count).toBe(1);
    expect(failed.runs[0]).toMatchObject({ functionId: "test-flaky", attempts: 4, lastError: "Error: flaky on purpose" });
  });
});

describe("after a crash", () => {
  it("runs rows that were written but never dispatched, once", async () => {
    useTestDefinitions();
    await db.workflowJob.deleteMany();
    Object.assign(behaviour, { failuresLeft: 0, sideEffects: 0 });
    await enqueue([billing]); // committed, then the process "died" before dispatching
    const clock = { now: Date.now() + 1000 };
    const restarted = runnerAt(clock, "after-restart");
    expect(await restarted.drain()).toBeGreaterThan(0); // the event row, then its function row
    expect(await restarted.drain()).toBe(0);
    expect(behaviour.sideEffects).toBe(1);
    expect(await db.workflowJob.count({ where: { functionId: "test-flaky", status: "SUCCEEDED" } })).toBe(1);
  });

  it("runs a row a crashed runner held: at once after a PGlite boot, or when its lease runs out", async () => {
    useTestDefinitions();
    await db.workflowJob.deleteMany();
    Object.assign(behaviour, { failuresLeft: 0, sideEffects: 0 });
    const clock = { now: Date.now() + 1000 };
    const crashed = runnerAt(clock, "crashed");
    // The crashed runner had fanned the event out and claimed the function row, then died before running it.
    const functionRow = () => db.workflowJob.create({ data: { eventName: billing.name, eventData: billing.data, functionId: "test-flaky" } });
    await functionRow();
    const held = await crashed.claim();
    expect(held?.functionId).toBe("test-flaky");

    const other = runnerAt(clock, "other");
    expect(await other.drain()).toBe(0); // its lease still holds
    clock.now += 31_000;
    expect(await other.drain()).toBe(1);
    expect(behaviour.sideEffects).toBe(1);
    const job = await db.workflowJob.findUniqueOrThrow({ where: { id: held!.id } });
    expect([job.status, job.attempts, job.lockedBy]).toEqual(["SUCCEEDED", 2, null]);

    // The same on a PGlite boot, without waiting: nothing else can hold a row there.
    await functionRow();
    expect((await crashed.claim())?.functionId).toBe("test-flaky");
    const booted = runnerAt(clock, "booted");
    expect(await booted.releaseOrphans()).toBe(1);
    expect(await booted.drain()).toBe(1);
    expect(behaviour.sideEffects).toBe(2);
  });
});

describe("two runners on one database", () => {
  it("run each row once and one authorization's functions one at a time", async () => {
    useTestDefinitions();
    await db.workflowJob.deleteMany();
    calls.length = 0;
    behaviour.slowMs = 30;
    const authorizations = ["authz-a", "authz-b", "authz-c"];
    const events = authorizations.flatMap((id) => [check(id), check(id), check(id)]);
    await enqueue(events);
    const clock = { now: Date.now() + 1000 };
    const [one, two] = [runnerAt(clock, "one"), runnerAt(clock, "two")];
    await Promise.all([one.drain(), two.drain(), one.drain(), two.drain()]);
    // Rows blocked by a key when a runner looked are taken by a later drain.
    for (let i = 0; i < 20 && (await db.workflowJob.count({ where: { status: { not: "SUCCEEDED" } } })); i++) await Promise.all([one.drain(), two.drain()]);
    expect(calls.length).toBe(events.length);
    for (const id of authorizations) {
      const runs = calls.filter((c) => c.key === id).sort((a, b) => a.start - b.start);
      expect(runs.length).toBe(3);
      for (let i = 1; i < runs.length; i++) expect(runs[i]!.start).toBeGreaterThanOrEqual(runs[i - 1]!.end);
    }
    expect(await db.workflowJob.count({ where: { status: "SUCCEEDED" } })).toBe(events.length * 2);
    expect(await db.workflowJob.count()).toBe(events.length * 2);
    behaviour.slowMs = 0;
  });

  it("claim a due cron occurrence once, and its catch-up after boot once", async () => {
    useTestDefinitions();
    await db.workflowJob.deleteMany();
    calls.length = 0;
    const clock = { now: Date.parse("2026-12-01T10:05:20Z") };
    const [one, two] = [runnerAt(clock, "one"), runnerAt(clock, "two")];
    const at = new Date(clock.now);
    await Promise.all([one.fireDueCrons(at), two.fireDueCrons(at), one.fireDueCrons(at)]);
    expect(calls.filter((c) => c.fn === "test-cron").map((c) => c.key)).toEqual(["2026-12-01T10:05:00.000Z"]);
    // Not a due minute: nothing. A boot at 10:08 catches up the 10:05 occurrence only if nobody ran it.
    await one.fireDueCrons(new Date("2026-12-01T10:07:00Z"));
    await Promise.all([one.fireDueCrons(new Date("2026-12-01T10:08:10Z"), "catch-up"), two.fireDueCrons(new Date("2026-12-01T10:08:10Z"), "catch-up")]);
    expect(calls.filter((c) => c.fn === "test-cron").length).toBe(1);
    await Promise.all([one.fireDueCrons(new Date("2026-12-01T10:13:00Z"), "catch-up"), two.fireDueCrons(new Date("2026-12-01T10:13:00Z"), "catch-up")]);
    expect(calls.filter((c) => c.fn === "test-cron").map((c) => c.key)).toEqual(["2026-12-01T10:05:00.000Z", "2026-12-01T10:10:00.000Z"]);
  });
});
