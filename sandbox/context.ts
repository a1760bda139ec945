import type { FaultRegistry } from "./control/faults";
import type { NotificationDeliverer } from "./notifications/deliver";
import type { RateLimiter } from "./spapi/token-bucket";
import type { SandboxStore } from "./state/store";

/** Everything a request handler may use; one per running sandbox. */
export interface SandboxContext {
  store: SandboxStore;
  faults: FaultRegistry;
  rateLimiter: RateLimiter;
  notifications: NotificationDeliverer;
  /** The sandbox's own base URL as browsers and the app reach it (no trailing slash). */
  publicUrl(): string;
  /** Aborted when the sandbox closes; long waits (latency faults) listen to it. */
  closing: AbortSignal;
  warn(message: string): void;
}

export function now(ctx: SandboxContext): number {
  return ctx.store.clock.now();
}
