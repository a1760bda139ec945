// The whole transition table, walked from every status: what is allowed, what is already done, what is
// refused, and what each transition records, announces, evicts and shows the partner.
import { describe, expect, it } from "vitest";
import { LATCHKEY_EVENTS } from "@/lib/workflows/events";
import { isAuditAction } from "@/lib/audit/event-registry";
import { AUTHORIZATION_STATUSES, decideTransition, partnerSeesTransition, TRANSITION_NAMES, TRANSITIONS, type TransitionName } from "@/lib/authorizations/transition-table";
import type { AuthorizationStatus } from "@/lib/generated/prisma/client";

type Row = Record<AuthorizationStatus, "apply" | "already_done" | "refused">;

// Written out by hand, status by status, so a change to the table has to be made here too.
const EXPECTED: Record<TransitionName, Row> = {
  connect: { PENDING: "apply", ACTIVE: "apply", REAUTH_REQUIRED: "apply", QUARANTINED: "apply", REVOKED: "apply", IDENTITY_CONFLICT: "apply" },
  reauthorize: { PENDING: "refused", ACTIVE: "apply", REAUTH_REQUIRED: "apply", QUARANTINED: "apply", REVOKED: "apply", IDENTITY_CONFLICT: "refused" },
  selfAuthorize: { PENDING: "apply", ACTIVE: "apply", REAUTH_REQUIRED: "apply", QUARANTINED: "apply", REVOKED: "apply", IDENTITY_CONFLICT: "apply" },
  revoke: { PENDING: "apply", ACTIVE: "apply", REAUTH_REQUIRED: "apply", QUARANTINED: "apply", REVOKED: "already_done", IDENTITY_CONFLICT: "apply" },
  quarantine: { PENDING: "refused", ACTIVE: "apply", REAUTH_REQUIRED: "apply", QUARANTINED: "already_done", REVOKED: "refused", IDENTITY_CONFLICT: "refused" },
  liftQuarantine: { PENDING: "refused", ACTIVE: "already_done", REAUTH_REQUIRED: "refused", QUARANTINED: "apply", REVOKED: "refused", IDENTITY_CONFLICT: "refused" },
  flagRenewalOverdue: { PENDING: "refused", ACTIVE: "apply", REAUTH_REQUIRED: "already_done", QUARANTINED: "refused", REVOKED: "refused", IDENTITY_CONFLICT: "refused" },
  requestReauthorization: { PENDING: "refused", ACTIVE: "apply", REAUTH_REQUIRED: "apply", QUARANTINED: "apply", REVOKED: "refused", IDENTITY_CONFLICT: "refused" },
  markInactive: { PENDING: "refused", ACTIVE: "apply", REAUTH_REQUIRED: "refused", QUARANTINED: "refused", REVOKED: "refused", IDENTITY_CONFLICT: "refused" },
  clearInactive: { PENDING: "refused", ACTIVE: "apply", REAUTH_REQUIRED: "refused", QUARANTINED: "refused", REVOKED: "refused", IDENTITY_CONFLICT: "refused" },
  holdForReview: { PENDING: "apply", ACTIVE: "apply", REAUTH_REQUIRED: "apply", QUARANTINED: "apply", REVOKED: "apply", IDENTITY_CONFLICT: "apply" },
  confirmIdentity: { PENDING: "refused", ACTIVE: "already_done", REAUTH_REQUIRED: "refused", QUARANTINED: "refused", REVOKED: "refused", IDENTITY_CONFLICT: "apply" },
};

describe("the authorization transition table", () => {
  it("covers every status of the schema", () => {
    expect([...AUTHORIZATION_STATUSES].sort()).toEqual(["ACTIVE", "IDENTITY_CONFLICT", "PENDING", "QUARANTINED", "REAUTH_REQUIRED", "REVOKED"]);
  });

  it("lists every transition once", () => {
    expect([...TRANSITION_NAMES].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const name of Object.keys(EXPECTED) as TransitionName[]) {
    for (const status of AUTHORIZATION_STATUSES) {
      it(`${name} from ${status}: ${EXPECTED[name][status]}`, () => {
        expect(decideTransition(name, status)).toBe(EXPECTED[name][status]);
      });
    }
  }

  it("leads each status change where it says, and never out of REVOKED except by a new consent", () => {
    const into = Object.fromEntries(TRANSITION_NAMES.map((name) => [name, TRANSITIONS[name].to]));
    expect(into).toEqual({
      connect: "ACTIVE",
      reauthorize: "ACTIVE",
      selfAuthorize: "ACTIVE",
      revoke: "REVOKED",
      quarantine: "QUARANTINED",
      liftQuarantine: "ACTIVE",
      flagRenewalOverdue: "REAUTH_REQUIRED",
      requestReauthorization: null,
      markInactive: null,
      clearInactive: null,
      holdForReview: "IDENTITY_CONFLICT",
      confirmIdentity: "ACTIVE",
    });
    const outOfRevoked = TRANSITION_NAMES.filter((name) => decideTransition(name, "REVOKED") === "apply");
    expect(outOfRevoked.sort()).toEqual(["connect", "holdForReview", "reauthorize", "selfAuthorize"]);
  });

  it("records a registered audit action and announces only known workflow events", () => {
    const eventNames: string[] = LATCHKEY_EVENTS.map((event) => event.name);
    for (const name of TRANSITION_NAMES) {
      const spec = TRANSITIONS[name];
      expect(isAuditAction(spec.audit), name).toBe(true);
      if (spec.event) expect(eventNames, name).toContain(spec.event);
      expect(spec.refusal.length, name).toBeGreaterThan(0);
    }
    expect(Object.fromEntries(TRANSITION_NAMES.filter((name) => TRANSITIONS[name].event).map((name) => [name, TRANSITIONS[name].event]))).toEqual({
      connect: "latchkey/authorization.created",
      reauthorize: "latchkey/authorization.reauthorized",
      revoke: "latchkey/authorization.revoked",
      quarantine: "latchkey/authorization.quarantined",
      requestReauthorization: "latchkey/authorization.reauthorization-requested",
    });
  });

  it("evicts the access tokens whenever the refresh token changes or goes, and the status memo on every status change", () => {
    for (const name of TRANSITION_NAMES) {
      const spec = TRANSITIONS[name];
      if (spec.to !== null) expect(spec.evicts, name).toContain("status");
    }
    const tokenEvicting = TRANSITION_NAMES.filter((name) => (TRANSITIONS[name].evicts as readonly string[]).includes("access_tokens"));
    expect(tokenEvicting.sort()).toEqual(["connect", "holdForReview", "reauthorize", "revoke", "selfAuthorize"]);
  });

  it("shows the partner every transition of their connection in their history", () => {
    for (const name of TRANSITION_NAMES) expect(partnerSeesTransition(name), name).toBe(true);
  });
});
