import { describe, expect, it, vi } from "vitest";

describe("process-local values", () => {
  it("are made once per process, even when the module is loaded again (a hot reload, a second server bundle)", async () => {
    const create = vi.fn(() => ({ opened: Date.now() }));
    const first = (await import("@/lib/runtime/process-local")).processLocal("workflowRunner", create);
    vi.resetModules();
    const again = (await import("@/lib/runtime/process-local")).processLocal("workflowRunner", create);
    expect(again).toBe(first);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it("each say what they hold", async () => {
    const { PROCESS_LOCAL } = await import("@/lib/runtime/process-local");
    for (const [name, description] of Object.entries(PROCESS_LOCAL)) expect(description.length, name).toBeGreaterThan(10);
  });
});
