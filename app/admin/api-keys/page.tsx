import type { Metadata } from "next";
import { revokeApiKeyAction } from "@/app/admin/actions";
import { CreateApiKeyForm } from "@/components/admin/create-api-key-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { listApiKeys } from "@/lib/api-keys/manage-api-keys";
import { requireAdmin } from "@/lib/auth/session";
import { listTenantChoices } from "@/lib/tenants/list-tenants";
import { formatDateTime } from "@/lib/utils/format";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  await requireAdmin("/admin/api-keys");
  const [keys, tenants] = await Promise.all([listApiKeys(), listTenantChoices()]);
  const tenantName = new Map(tenants.map((t) => [t.id, t.name]));
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">API keys</h1>
        <p className="mt-2 text-muted-foreground">
          Internal services use a key to ask Latchkey for access tokens and Restricted Data Tokens (<code className="font-mono text-sm">Authorization: Bearer lk_live_…</code>). Keys are stored
          hashed and shown once.
        </p>
      </div>
      <CreateApiKeyForm tenants={tenants} />
      <div className="overflow-x-auto rounded-xl border bg-card">
        <table className="w-full text-sm">
          <thead className="border-b bg-muted/50 text-left text-muted-foreground">
            <tr>
              <th className="px-4 py-2 font-medium">Key</th>
              <th className="px-4 py-2 font-medium">Scope</th>
              <th className="px-4 py-2 font-medium">Limit</th>
              <th className="px-4 py-2 font-medium">Last used</th>
              <th className="px-4 py-2 font-medium" />
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id} className="border-b last:border-0">
                <td className="px-4 py-3">
                  <p className="font-medium">{key.name}</p>
                  <p className="font-mono text-xs text-muted-foreground">{key.prefix}_…</p>
                </td>
                <td className="px-4 py-3">{key.tenantIds.length ? key.tenantIds.map((id) => tenantName.get(id) ?? id).join(", ") : "All tenants"}</td>
                <td className="px-4 py-3">{key.rateLimitPerMinute}/min</td>
                <td className="px-4 py-3 text-muted-foreground">{formatDateTime(key.lastUsedAt)}</td>
                <td className="px-4 py-3 text-right">
                  {key.revokedAt ? (
                    <Badge variant="destructive">Revoked</Badge>
                  ) : (
                    <form action={revokeApiKeyAction}>
                      <input type="hidden" name="apiKeyId" value={key.id} />
                      <Button type="submit" size="sm" variant="outline">
                        Revoke
                      </Button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
            {keys.length === 0 && (
              <tr>
                <td colSpan={5} className="px-4 py-8 text-center text-muted-foreground">
                  No API keys yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
