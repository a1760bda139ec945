import { CircleAlert } from "lucide-react";
import Link from "next/link";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { describeAccountFingerprint } from "@/lib/authorizations/account-fingerprint";
import { describeIdentityConflict, type IdentityConflictView } from "@/lib/authorizations/identity-conflicts";
import { formatDateTime } from "@/lib/utils/format";
import { ResolveIdentityConflictButtons } from "./resolve-identity-conflict-buttons";

/**
 * An open identity conflict as one of its two authorizations' admin rows shows it: what happened in plain
 * words, both fingerprints side by side, and (on the detail page) the buttons that keep one side.
 */
export function IdentityConflictNotice({ conflict, authorizationId, resolvable = false }: { conflict: IdentityConflictView; authorizationId: string; resolvable?: boolean }) {
  const holderLabel = conflict.holder ? `Connected before, by ${conflict.holder.tenantName}` : "Stored before this reauthorization";
  return (
    <Alert variant="destructive" data-testid="identity-conflict">
      <CircleAlert aria-hidden />
      <AlertTitle>Identity conflict · {formatDateTime(conflict.createdAt)}</AlertTitle>
      <AlertDescription className="space-y-2">
        <p>{describeIdentityConflict(conflict, authorizationId)}</p>
        <dl className="grid gap-1 sm:grid-cols-[max-content_1fr] sm:gap-x-3">
          <dt className="font-medium">Claim under review, by {conflict.claim.tenantName}</dt>
          <dd data-testid="claimed-fingerprint">{describeAccountFingerprint(conflict.claim.fingerprint)}</dd>
          <dt className="font-medium">{holderLabel}</dt>
          <dd data-testid="held-fingerprint">{describeAccountFingerprint(conflict.heldFingerprint)}</dd>
        </dl>
        {resolvable ? (
          <ResolveIdentityConflictButtons
            conflictId={conflict.id}
            keepClaimLabel={conflict.holder ? `Keep ${conflict.claim.tenantName}'s, revoke ${conflict.holder.tenantName}'s` : "Keep the new account"}
            keepHolderLabel={conflict.holder ? `Keep ${conflict.holder.tenantName}'s, revoke ${conflict.claim.tenantName}'s` : "Revoke this connection"}
          />
        ) : (
          <Link href={`/admin/authorizations/${conflict.claim.authorizationId}`} className="font-medium underline underline-offset-4">
            Resolve it on the authorization page
          </Link>
        )}
      </AlertDescription>
    </Alert>
  );
}
