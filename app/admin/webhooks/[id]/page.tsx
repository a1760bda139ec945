import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteWebhookEndpointButton, RedeliverWebhookButton, SendTestWebhookButton, ToggleWebhookEndpointButton } from "@/components/admin/webhooks/webhook-endpoint-actions";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireAdmin } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/utils/format";
import { listEndpointDeliveries } from "@/lib/webhooks/endpoint-deliveries";
import { endpointView, findWebhookEndpointOrThrow } from "@/lib/webhooks/manage-endpoints";

export const metadata: Metadata = { title: "Webhook endpoint" };

const STATUS_BADGE = {
  succeeded: { label: "Delivered", variant: "success" },
  pending: { label: "Retrying", variant: "warning" },
  sending: { label: "Sending", variant: "secondary" },
  failed: { label: "Failed", variant: "destructive" },
} as const;

export default async function WebhookEndpointPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdmin(`/admin/webhooks/${id}`);
  const admin = { tenantIds: [] };
  const row = await findWebhookEndpointOrThrow(id, admin).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const endpoint = endpointView(row);
  const { deliveries } = await listEndpointDeliveries(endpoint.id, admin, { limit: 100 });
  return (
    <div className="space-y-8">
      <div>
        <Link href="/admin/webhooks" className="text-sm text-muted-foreground hover:underline">
          ← Webhooks
        </Link>
        <h1 className="mt-2 break-all text-2xl font-semibold tracking-tight">{endpoint.url}</h1>
        <p className="mt-2 text-muted-foreground">
          {endpoint.description ? `${endpoint.description} · ` : ""}
          {endpoint.eventTypes.length ? endpoint.eventTypes.join(", ") : "All events"} · {endpoint.enabled ? "Enabled" : "Disabled"}
        </p>
      </div>
      <div className="flex flex-wrap items-start gap-3">
        <SendTestWebhookButton endpointId={endpoint.id} />
        <ToggleWebhookEndpointButton endpointId={endpoint.id} enabled={endpoint.enabled} />
        <DeleteWebhookEndpointButton endpointId={endpoint.id} />
      </div>
      <section aria-labelledby="deliveries-heading" className="space-y-3">
        <h2 id="deliveries-heading" className="text-lg font-semibold">
          Deliveries
        </h2>
        <Table aria-labelledby="deliveries-heading">
          <TableHeader>
            <TableRow>
              <TableHead>Event</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Attempts</TableHead>
              <TableHead>Response</TableHead>
              <TableHead>Latency</TableHead>
              <TableHead>Created</TableHead>
              <TableHead />
            </TableRow>
          </TableHeader>
          <TableBody>
            {deliveries.map((delivery) => {
              const badge = STATUS_BADGE[delivery.status];
              return (
                <TableRow key={delivery.id} data-testid="webhook-delivery">
                  <TableCell>
                    <p className="font-mono text-xs">{delivery.eventType}</p>
                    <p className="text-xs text-muted-foreground">
                      #{delivery.sequence} · {delivery.eventId}
                      {delivery.redeliveryOf ? " · sent again" : ""}
                    </p>
                  </TableCell>
                  <TableCell>
                    <Badge variant={badge.variant}>{badge.label}</Badge>
                    {delivery.error && <p className="mt-1 max-w-xs text-xs text-muted-foreground">{delivery.error}</p>}
                    {delivery.status === "pending" && delivery.nextAttemptAt && <p className="text-xs text-muted-foreground">Next try {formatDateTime(new Date(delivery.nextAttemptAt))}</p>}
                  </TableCell>
                  <TableCell>{delivery.attempts}</TableCell>
                  <TableCell>{delivery.responseStatus ?? "—"}</TableCell>
                  <TableCell>{delivery.latencyMs === null ? "—" : `${delivery.latencyMs} ms`}</TableCell>
                  <TableCell className="text-muted-foreground">{formatDateTime(new Date(delivery.createdAt))}</TableCell>
                  <TableCell className="text-right">
                    {delivery.status !== "sending" && delivery.status !== "pending" && <RedeliverWebhookButton endpointId={endpoint.id} deliveryId={delivery.id} />}
                  </TableCell>
                </TableRow>
              );
            })}
            {deliveries.length === 0 && (
              <TableRow>
                <TableCell colSpan={7} className="py-8 text-center text-muted-foreground">
                  Nothing delivered yet. Send a test event to check the endpoint.
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </section>
    </div>
  );
}
