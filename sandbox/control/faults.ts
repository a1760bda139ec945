import type { ServerResponse } from "node:http";
import { z } from "zod";
import { newUuid } from "../ids";

const FIXED_ROUTES = ["lwa", "lwa:refresh_token", "lwa:authorization_code", "lwa:client_credentials", "spapi", "consent"] as const;

export const faultInputSchema = z
  .object({
    route: z.union([z.enum(FIXED_ROUTES), z.string().regex(/^spapi:[A-Za-z][A-Za-z0-9]*$/, "spapi:<operationId>")]),
    kind: z.enum(["5xx", "429", "latency", "timeout", "invalid_grant", "malformed"]),
    status: z.number().int().min(400).max(599).optional(),
    delayMs: z.number().int().min(0).max(10 * 60 * 1000).optional(),
    count: z.number().int().min(1).optional(),
    probability: z.number().min(0).max(1).optional(),
  })
  .superRefine((fault, context) => {
    if (fault.kind === "invalid_grant" && fault.route === "consent") {
      context.addIssue({ code: "custom", path: ["kind"], message: "invalid_grant applies to lwa and spapi routes only" });
    }
    if (fault.kind === "malformed" && fault.route === "consent") {
      context.addIssue({ code: "custom", path: ["kind"], message: "malformed applies to lwa and spapi routes only" });
    }
    if (fault.kind === "5xx" && fault.status !== undefined && fault.status < 500) {
      context.addIssue({ code: "custom", path: ["status"], message: "a 5xx fault needs a status from 500 to 599" });
    }
  });
export type FaultInput = z.infer<typeof faultInputSchema>;

export interface Fault extends FaultInput {
  id: string;
  createdAt: number;
  /** Requests this fault has affected so far. */
  hits: number;
}

/** Injected failures, memory only. Faults match by route group (`lwa`) or exact key (`lwa:refresh_token`). */
export class FaultRegistry {
  private faults: Fault[] = [];
  /** Requests held open by "timeout" faults, by fault id; kept after a count-limited fault is used up. */
  private readonly held = new Map<string, Set<ServerResponse>>();

  constructor(private readonly random: () => number = Math.random) {}

  add(input: FaultInput, now: number): Fault {
    const fault: Fault = { ...input, id: newUuid(), createdAt: now, hits: 0 };
    this.faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((fault) => fault.id !== id);
    this.release(id);
    return this.faults.length !== before;
  }

  clear(): void {
    this.faults = [];
    for (const id of [...this.held.keys()]) this.release(id);
  }

  /**
   * The faults that affect this request, in creation order. `keys` are the request's route keys, most
   * specific last (e.g. ["lwa", "lwa:refresh_token"]). Probability is rolled and counts are used up here.
   * Latency faults add up; the first failing fault ends the list.
   */
  take(keys: readonly string[]): Fault[] {
    const affecting: Fault[] = [];
    for (const fault of this.faults) {
      if (!keys.includes(fault.route)) continue;
      if (fault.probability !== undefined && this.random() >= fault.probability) continue;
      fault.hits += 1;
      affecting.push({ ...fault });
      if (fault.kind !== "latency") break;
    }
    this.faults = this.faults.filter((fault) => fault.count === undefined || fault.hits < fault.count);
    return affecting;
  }

  /** Keeps a request open without answering until the fault is deleted or the sandbox closes. */
  hold(faultId: string, res: ServerResponse): void {
    const set = this.held.get(faultId) ?? new Set<ServerResponse>();
    set.add(res);
    this.held.set(faultId, set);
    res.on("close", () => set.delete(res));
  }

  private release(faultId: string): void {
    const set = this.held.get(faultId);
    if (!set) return;
    for (const res of set) res.socket?.destroy();
    this.held.delete(faultId);
  }
}
