import type { Metadata } from "next";
import Link from "next/link";
import { CreateWebhookEndpointForm } from "@/components/admin/webhooks/create-webhook-endpoint-form";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireAdmin } from "@/lib/auth/session";
import { listTenantChoices } from "@/lib/tenants/list-tenants";
import { listWebhookEndpoints } from "@/lib/webhooks/manage-endpoints";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  await requireAdmin("/admin/webhooks");
  const [endpoints, tenants] = await Promise.all([listWebhookEndpoints({ tenantIds: [] }), listTenantChoices()]);
  const tenantName = new Map(tenants.map((t) => [t.id, t.name]));
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Webhooks</h1>
        <p className="mt-2 text-muted-foreground">
          Latchkey POSTs signed JSON to these endpoints when an authorization connects, is revoked, needs renewal, and more. Failed deliveries are retried with backoff; each
          endpoint&apos;s page shows its delivery log.
        </p>
      </div>
      <CreateWebhookEndpointForm tenants={tenants} />
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Endpoint</TableHead>
            <TableHead>Events</TableHead>
            <TableHead>Tenant</TableHead>
            <TableHead>State</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {endpoints.map((endpoint) => (
            <TableRow key={endpoint.id}>
              <TableCell>
                <Link href={`/admin/webhooks/${endpoint.id}`} className="break-all font-medium underline-offset-2 hover:underline">
                  {endpoint.url}
                </Link>
                {endpoint.description && <p className="text-xs text-muted-foreground">{endpoint.description}</p>}
              </TableCell>
              <TableCell className="text-sm">{endpoint.eventTypes.length ? endpoint.eventTypes.join(", ") : "All events"}</TableCell>
              <TableCell>{endpoint.tenantId ? (tenantName.get(endpoint.tenantId) ?? endpoint.tenantId) : "All tenants"}</TableCell>
              <TableCell>{endpoint.enabled ? <Badge variant="success">Enabled</Badge> : <Badge variant="secondary">Disabled</Badge>}</TableCell>
            </TableRow>
          ))}
          {endpoints.length === 0 && (
            <TableRow>
              <TableCell colSpan={4} className="py-8 text-center text-muted-foreground">
                No webhook endpoints yet.
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </div>
  );
}
