import { Label } from "@/components/ui/label";
import { ROLE_NAMES, ROLES } from "@/lib/roles/roles";

export const TEXTAREA_CLASS =
  "flex min-h-16 w-full rounded-md border border-input bg-card px-3 py-2 text-sm shadow-sm placeholder:text-muted-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

export interface EntryDefaults {
  roles: readonly string[];
  partnerKinds: readonly string[];
  reason: string;
}

/** The roles, partner kinds, reason and note of a proposed entry; `idPrefix` keeps several forms' ids apart. */
export function LedgerEntryFields({ idPrefix, defaults, suggestedRoles = [] }: { idPrefix: string; defaults: EntryDefaults; suggestedRoles?: readonly string[] }) {
  return (
    <>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Roles (any one justifies the call)</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {ROLE_NAMES.map((role) => (
            <label key={role} className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="roles" value={role} defaultChecked={defaults.roles.includes(role)} className="mt-1 size-4 accent-primary" />
              <span>
                {ROLES[role].name}
                {suggestedRoles.includes(role) && <span className="text-muted-foreground"> · Amazon maps it</span>}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Asked of</legend>
        <div className="flex gap-4">
          {(["SELLER", "VENDOR"] as const).map((kind) => (
            <label key={kind} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="partnerKinds" value={kind} defaultChecked={defaults.partnerKinds.includes(kind)} className="size-4 accent-primary" />
              {kind === "SELLER" ? "Sellers" : "Vendors"}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="space-y-2">
        <Label htmlFor={`${idPrefix}-reason`}>Reason (shown to partners on the consent page)</Label>
        <textarea id={`${idPrefix}-reason`} name="reason" required minLength={10} maxLength={500} defaultValue={defaults.reason} className={TEXTAREA_CLASS} />
      </div>
      <div className="space-y-2">
        <Label htmlFor={`${idPrefix}-note`}>Note to the reviewer (optional)</Label>
        <textarea id={`${idPrefix}-note`} name="note" maxLength={500} className={TEXTAREA_CLASS} />
      </div>
    </>
  );
}
