import { Database, KeyRound, LogOut, ShieldCheck } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { REMOVE_APP_INSTRUCTIONS } from "@/lib/authorizations/status-copy";
import { ledgerFor, ROLES, requestedRoles } from "@/lib/roles/ledger";

/**
 * What a partner grants, what Latchkey stores and how to stop it: the heart of the consent page, shown
 * the same to a signed-in partner and to one who came through a connect link.
 */
export function ConsentSummary({ kind }: { kind: "SELLER" | "VENDOR" }) {
  const entries = ledgerFor(kind);
  const roles = requestedRoles(kind);
  return (
    <>
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2 text-base">
              <ShieldCheck className="size-5 text-primary" aria-hidden /> What we ask Amazon for
            </CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="space-y-4" aria-label="Requested permissions">
              {roles.map((role) => (
                <li key={role} className="rounded-lg border p-4">
                  <p className="flex flex-wrap items-center gap-2 font-medium">
                    {ROLES[role].name}
                    {ROLES[role].restricted && <Badge variant="warning">Restricted</Badge>}
                  </p>
                  <p className="mt-1 text-sm text-muted-foreground">{ROLES[role].grants}</p>
                  <ul className="mt-2 space-y-1 text-sm">
                    {entries
                      .filter((entry) => entry.roles.includes(role))
                      .map((entry) => (
                        <li key={entry.operation} className="flex gap-2">
                          <span className="text-muted-foreground">Why:</span> {entry.purpose}
                        </li>
                      ))}
                  </ul>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>

        <div className="grid gap-4 sm:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle className="flex items-center gap-2 text-base">
                <Database className="size-5 text-primary" aria-hidden /> What Latchkey stores
              </CardTitle>
            </CardHeader>
            <CardContent className="space-y-2 text-sm text-muted-foreground">
              <p>The authorization token Amazon issues for your account, encrypted with a key unique to your business.</p>
              <p>Your {kind === "SELLER" ? "selling partner ID" : "vendor group ID"}, the marketplaces you sell in, and the results of connection tests.</p>
              <p className="flex items-start gap-2">
                <KeyRound className="mt-0.5 size-4 shrink-0" aria-hidden /> Tokens are never shown to anyone, including our staff.
              </p>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle className="flex items-center gap-2 text-base">
                <LogOut className="size-5 text-primary" aria-hidden /> How to stop it
              </CardTitle>
            </CardHeader>
            <CardContent className="space-y-2 text-sm text-muted-foreground">
              <p>Disconnect at any time from your connections page: we delete the token immediately.</p>
              <p>{REMOVE_APP_INSTRUCTIONS[kind]}</p>
            </CardContent>
          </Card>
        </div>
    </>
  );
}
