import type { Metadata } from "next";
import { CreateApiKeyForm } from "@/components/admin/create-api-key-form";
import { RevokeApiKeyButton } from "@/components/admin/revoke-api-key-button";
import { Badge } from "@/components/ui/badge";
import { listApiKeys } from "@/lib/api-keys/manage-api-keys";
import { API_KEY_SCOPE_LABELS, API_KEY_SCOPES } from "@/lib/api-keys/scopes";
import { requireAdmin } from "@/lib/auth/session";
import { getTenantChoices } from "@/lib/tenants/list-tenants";
import { formatDateTime } from "@/lib/utils/format";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  await requireAdmin("/admin/api-keys");
  const keys = await listApiKeys();
  const tenants = await getTenantChoices(keys.flatMap((key) => key.tenantIds));
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
      <CreateApiKeyForm />
      <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Key</TableHead>
              <TableHead>Tenants</TableHead>
              <TableHead>Scopes</TableHead>
              <TableHead>Limit</TableHead>
              <TableHead>Last used</TableHead>
              <TableHead />
            </TableRow>
          </TableHeader>
          <TableBody>
            {keys.map((key) => (
              <TableRow key={key.id}>
                <TableCell>
                  <p className="font-medium">{key.name}</p>
                  <p className="font-mono text-xs text-muted-foreground">{key.prefix}_…</p>
                </TableCell>
                <TableCell>{key.tenantIds.length ? key.tenantIds.map((id) => tenantName.get(id) ?? id).join(", ") : "All tenants"}</TableCell>
                <TableCell>
                  <ul className="space-y-0.5 text-sm">
                    {API_KEY_SCOPES.filter((scope) => key.scopes.includes(scope)).map((scope) => (
                      <li key={scope}>{API_KEY_SCOPE_LABELS[scope].label}</li>
                    ))}
                  </ul>
                </TableCell>
                <TableCell>{key.rateLimitPerMinute}/min</TableCell>
                <TableCell className="text-muted-foreground">{formatDateTime(key.lastUsedAt)}</TableCell>
                <TableCell className="text-right">
                  {key.revokedAt ? (
                    <Badge variant="destructive">Revoked</Badge>
                  ) : (
                    <RevokeApiKeyButton apiKeyId={key.id} />
                  )}
                </TableCell>
              </TableRow>
            ))}
            {keys.length === 0 && (
              <TableRow>
                <TableCell colSpan={6} className="py-8 text-center text-muted-foreground">
                  No API keys yet.
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
    </div>
  );
}
