// What an admin submits on /admin/ledger: a proposal to add an operation of the catalog to the roles
// ledger, to change an entry's roles, partner kinds or reason, or to remove one; and a decision on one.
import { z } from "zod";
import { idSchema } from "@/lib/http/ids";
import { isRoleName, type RoleName } from "@/lib/roles/roles";
import { repeatedField } from "@/lib/utils/form-fields";

const optionalText = (max: number) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), z.string().trim().max(max, `At most ${max} characters.`).optional());

const operationFields = {
  api: z.string().trim().min(1, "Pick an operation from the catalog.").max(100),
  operationId: z.string().trim().min(1, "Pick an operation from the catalog.").max(100),
};

const entryFields = {
  roles: repeatedField(
    z
      .array(z.string().refine(isRoleName, "Not one of Amazon's SP-API roles."))
      .min(1, "Pick at least one role that justifies the call.")
      .transform((roles) => [...new Set(roles)] as RoleName[]),
  ),
  partnerKinds: repeatedField(z.array(z.enum(["SELLER", "VENDOR"])).min(1, "Pick sellers, vendors or both.").transform((kinds) => [...new Set(kinds)])),
  reason: z.string().trim().min(10, "Say in a partner's words why the app calls it (at least 10 characters).").max(500, "At most 500 characters."),
  note: optionalText(500),
};

export const proposeLedgerChangeInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("ADD"), ...operationFields, ...entryFields }),
  z.object({ kind: z.literal("CHANGE"), ...operationFields, ...entryFields }),
  z.object({ kind: z.literal("REMOVE"), ...operationFields, note: z.string().trim().min(3, "Say why it is removed.").max(500, "At most 500 characters.") }),
]);

export type ProposeLedgerChangeInput = z.output<typeof proposeLedgerChangeInput>;

export const decideLedgerProposalInput = z.object({
  proposalId: idSchema,
  decision: z.enum(["approve", "reject"]),
  note: optionalText(500),
});

export type DecideLedgerProposalInput = z.output<typeof decideLedgerProposalInput>;
