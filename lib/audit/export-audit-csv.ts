import "server-only";
import { auditLabel } from "./event-registry";
import { logger } from "@/lib/log";
import type { AuditFilters } from "./audit-filters";
import { csvRow } from "./csv";
import { hasMoreThan, iterateAuditEvents } from "./list-audit-events";

/** An export holds at most this many entries; narrow the date range for more. */
export const MAX_EXPORT_ROWS = 100_000;

export const AUDIT_CSV_HEADER = ["id", "at", "action", "description", "actor_type", "actor_id", "actor_email", "tenant_id", "tenant_name", "authorization_id", "request_id", "details"] as const;

/**
 * The matching audit entries as a streamed CSV (read in batches, never the whole table in memory), and
 * whether the export stopped at MAX_EXPORT_ROWS. Details are redacted JSON.
 */
export async function exportAuditCsv(filters: AuditFilters, limit = MAX_EXPORT_ROWS): Promise<{ stream: ReadableStream<Uint8Array>; truncated: boolean }> {
  const truncated = await hasMoreThan(filters, limit);
  const encoder = new TextEncoder();
  const batches = iterateAuditEvents(filters, { limit });
  let headerSent = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvRow(AUDIT_CSV_HEADER)));
        return;
      }
      try {
        const next = await batches.next();
        if (next.done) {
          controller.close();
          return;
        }
        const text = next.value
          .map((e) => csvRow([e.id, e.at, e.action, auditLabel(e.action), e.actorType, e.actorId, e.actorEmail, e.tenantId, e.tenantName, e.authorizationId, e.requestId, JSON.stringify(e.details ?? {})]))
          .join("");
        controller.enqueue(encoder.encode(text));
      } catch (error) {
        logger.error({ err: error }, "audit CSV export failed mid-stream");
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  return { stream, truncated };
}
