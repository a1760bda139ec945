import { parseAuditFiltersStrict } from "@/lib/audit/audit-filters";
import { exportAuditCsv } from "@/lib/audit/export-audit-csv";
import { withAdmin } from "@/lib/auth/route-guards";

export const dynamic = "force-dynamic";

/** GET /admin/audit/export?action=&actor=&tenant=&authorization=&from=&to= → text/csv (admins only; 404 for everyone else). */
export const GET = withAdmin(async (request) => {
  const filters = parseAuditFiltersStrict(new URL(request.url).searchParams);
  const { stream, truncated } = await exportAuditCsv(filters);
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="latchkey-audit-${stamp}${truncated ? "-partial" : ""}.csv"`,
      "x-latchkey-export-truncated": truncated ? "true" : "false",
    },
  });
});
