import { Database, KeyRound, LogOut, ShieldCheck } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { purposeKey, roleKey } from "@/lib/i18n/ledger-keys";
import { readLedger } from "@/lib/ledger/read-ledger";
import { ROLES } from "@/lib/roles/roles";

/**
 * What a partner grants, what Latchkey stores and how to stop it: the heart of the consent page, shown
 * the same to a signed-in partner and to one who came through a connect link, in the partner's language.
 */
export async function ConsentSummary({ kind }: { kind: "SELLER" | "VENDOR" }) {
  const [t, ledger] = await Promise.all([getTranslations(), readLedger()]);
  const entries = ledger.forKind(kind);
  const roles = ledger.requestedRoles(kind);
  const grants = (role: keyof typeof ROLES) => {
    const key = roleKey(role);
    return key ? t(`roles.${key}`) : ROLES[role].grants;
  };
  const purpose = (entry: (typeof entries)[number]) => {
    const key = purposeKey(entry.operation);
    return key ? t(`purposes.${key}`) : entry.reason;
  };
  return (
    <>
      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2 text-base">
            <ShieldCheck className="size-5 text-primary" aria-hidden /> {t("consent.askTitle")}
          </CardTitle>
        </CardHeader>
        <CardContent>
          <ul className="space-y-4" aria-label={t("consent.requestedPermissions")}>
            {roles.map((role) => (
              <li key={role} className="rounded-lg border p-4">
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  {ROLES[role].name}
                  {ROLES[role].restricted && <Badge variant="warning">{t("consent.restricted")}</Badge>}
                </p>
                <p className="mt-1 text-sm text-muted-foreground">{grants(role)}</p>
                <ul className="mt-2 space-y-1 text-sm">
                  {entries
                    .filter((entry) => entry.roles.includes(role))
                    .map((entry) => (
                      <li key={entry.operation} className="flex gap-2">
                        <span className="shrink-0 text-muted-foreground">{t("consent.why")}</span>
                        <span>{purpose(entry)}</span>
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
              <Database className="size-5 text-primary" aria-hidden /> {t("consent.storesTitle")}
            </CardTitle>
          </CardHeader>
          <CardContent className="space-y-2 text-sm text-muted-foreground">
            <p>{t("consent.storesToken")}</p>
            <p>{t("consent.storesIds", { kind })}</p>
            <p className="flex items-start gap-2">
              <KeyRound className="mt-0.5 size-4 shrink-0" aria-hidden /> {t("consent.storesNeverShown")}
            </p>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2 text-base">
              <LogOut className="size-5 text-primary" aria-hidden /> {t("consent.stopTitle")}
            </CardTitle>
          </CardHeader>
          <CardContent className="space-y-2 text-sm text-muted-foreground">
            <p>{t("consent.stopDisconnect")}</p>
            <p>{t(`removeApp.${kind}`)}</p>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
