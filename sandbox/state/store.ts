import { parseAppInput, upsertApp, type AppInput } from "../apps/app-input";
import type { Clock } from "../clock";
import { loadStateFile, setAsideStateFile, writeStateFile } from "./persist";
import { buildSeedState } from "./seed";
import type { Account, App, SandboxConfig, StateData } from "./types";

export interface RequestRecord {
  at: number;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  userAgent?: string;
  operation?: string;
}

export interface StoreOptions {
  baseNow: () => number;
  stateFile?: string;
  /** Apps registered at start and after every reset (the default app first). */
  apps: readonly AppInput[];
  defaultApplicationId: string;
  config: SandboxConfig;
  warn: (message: string) => void;
  saveDebounceMs?: number;
}

const MAX_RECENT_REQUESTS = 500;

/** All sandbox state in one object, persisted to a JSON file (debounced) after each change. */
export class SandboxStore {
  data: StateData;
  readonly clock: Clock;
  /** Recent requests (no tokens, no query strings); memory only. */
  readonly recentRequests: RequestRecord[] = [];
  private saveTimer: NodeJS.Timeout | undefined;
  private readonly options: StoreOptions;

  constructor(options: StoreOptions) {
    this.options = options;
    this.clock = { now: () => options.baseNow() + this.data.clockOffsetMs };
    this.data = this.loadOrSeed();
  }

  private loadOrSeed(): StateData {
    const file = this.options.stateFile;
    if (!file) return this.seed();
    const result = loadStateFile(file);
    if (result.kind === "invalid") {
      const kept = setAsideStateFile(file, this.options.baseNow());
      this.options.warn(`Ignoring sandbox state file ${file} (${result.reason}); kept it as ${kept} and started from the seed`);
    }
    if (result.kind !== "loaded") {
      const seeded = this.seed();
      writeStateFile(file, seeded);
      return seeded;
    }
    const data = result.data;
    const now = this.options.baseNow() + data.clockOffsetMs;
    for (const app of this.options.apps) upsertApp(data.apps, parseAppInput(app), now);
    data.defaultApplicationId = this.options.defaultApplicationId;
    return data;
  }

  private seed(): StateData {
    const now = this.options.baseNow();
    const data = buildSeedState({ now, defaultApplicationId: this.options.defaultApplicationId, config: this.options.config });
    for (const app of this.options.apps) upsertApp(data.apps, parseAppInput(app), now);
    return data;
  }

  /** Back to the seed: configured apps with fresh secrets, seeded accounts, no tokens, clock offset 0. */
  reset(): void {
    this.data = this.seed();
    this.recentRequests.length = 0;
    this.changed();
  }

  advanceClock(ms: number): void {
    this.data.clockOffsetMs += ms;
    this.changed();
  }

  recordRequest(record: RequestRecord): void {
    this.recentRequests.push(record);
    if (this.recentRequests.length > MAX_RECENT_REQUESTS) this.recentRequests.splice(0, this.recentRequests.length - MAX_RECENT_REQUESTS);
  }

  findApp(applicationId: string): App | undefined {
    return this.data.apps.find((app) => app.applicationId === applicationId);
  }

  findAppByClientId(clientId: string): App | undefined {
    return this.data.apps.find((app) => app.clientId === clientId);
  }

  /** The app used when a control call names none. */
  defaultApp(): App | undefined {
    return this.findApp(this.data.defaultApplicationId) ?? this.data.apps[0];
  }

  findAccount(sellingPartnerId: string): Account | undefined {
    return this.data.accounts.find((account) => account.sellingPartnerId === sellingPartnerId);
  }

  /** Call after every mutation; the file is written shortly after (debounced). */
  changed(): void {
    if (!this.options.stateFile || this.saveTimer) return;
    this.saveTimer = setTimeout(() => this.flush(), this.options.saveDebounceMs ?? 25);
    this.saveTimer.unref();
  }

  flush(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (!this.options.stateFile) return;
    try {
      writeStateFile(this.options.stateFile, this.data);
    } catch (error) {
      this.options.warn(`Could not write sandbox state: ${error instanceof Error ? error.message : "unknown error"}`);
    }
  }
}
