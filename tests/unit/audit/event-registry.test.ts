// The audit event registry: every action has a plain-words label, and admin-only events (preflight runs,
// tests Latchkey or an admin ran, admin operations) stay out of the partner's history.
import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, AUDIT_EVENTS, auditLabel, partnerHistoryWhere, partnerSeesAuditEntry } from "@/lib/audit/event-registry";
import type { AuditEvent } from "@/lib/audit/record-audit-event";

describe("the audit event registry", () => {
  it("gives every action a label in words, never the raw key", () => {
    for (const action of AUDIT_ACTIONS) {
      const label = AUDIT_EVENTS[action].label;
      expect(label, action).toMatch(/^[A-Z]/);
      expect(label, action).not.toContain(action);
      expect(label, action).not.toMatch(/[a-z]_[a-z]/);
      expect(AUDIT_ACTION_LABELS[action]).toBe(label);
    }
  });

  it("does not compile an audit entry whose action the registry lacks (so it cannot lack a label)", () => {
    const actionOf = (event: AuditEvent): string => event.action;
    // @ts-expect-error -- "authorization.unlabelled" is not a registered action: `npx tsc` fails without this line's marker.
    expect(actionOf({ action: "authorization.unlabelled", actorType: "SYSTEM" })).toBe("authorization.unlabelled");
  });

  it("labels the preflight runs that used to show as raw keys", () => {
    expect(auditLabel("authorization.preflight_passed")).toBe("Preflight passed");
    expect(auditLabel("authorization.preflight_failed")).toBe("Preflight failed");
  });

  it("shows an action no longer written as itself rather than nothing", () => {
    expect(auditLabel("authorization.something_old")).toBe("authorization.something_old");
  });

  it("keeps preflight runs, Latchkey's and admins' connection tests and admin refreshes out of the partner's history", () => {
    expect(partnerSeesAuditEntry({ action: "authorization.preflight_passed", actorType: "SYSTEM" })).toBe(false);
    expect(partnerSeesAuditEntry({ action: "authorization.preflight_failed", actorType: "ADMIN" })).toBe(false);
    expect(partnerSeesAuditEntry({ action: "authorization.connectivity_tested", actorType: "SYSTEM" })).toBe(false);
    expect(partnerSeesAuditEntry({ action: "authorization.connectivity_tested", actorType: "ADMIN" })).toBe(false);
    expect(partnerSeesAuditEntry({ action: "authorization.token_refreshed", actorType: "ADMIN" })).toBe(false);
    expect(partnerSeesAuditEntry({ action: "authorization.something_old", actorType: "PARTNER" })).toBe(false);
  });

  it("shows the partner their connection's lifecycle and the tests they ran themselves", () => {
    for (const action of ["authorization.connected", "authorization.reauthorized", "authorization.revoked", "authorization.quarantined", "authorization.renewal_overdue"] as const) {
      expect(partnerSeesAuditEntry({ action, actorType: "SYSTEM" }), action).toBe(true);
    }
    expect(partnerSeesAuditEntry({ action: "authorization.connectivity_tested", actorType: "PARTNER" })).toBe(true);
  });

  it("filters the audit log by the same rule", () => {
    const where = partnerHistoryWhere();
    const [everyone, own] = where.OR ?? [];
    const listed = (clause: typeof everyone) => ((clause?.action as { in: string[] }).in);
    expect(listed(everyone)).toContain("authorization.connected");
    expect(listed(everyone)).not.toContain("authorization.preflight_passed");
    expect(listed(own)).toEqual(["authorization.connectivity_tested"]);
    expect(own?.actorType).toBe("PARTNER");
  });
});
