import { describeAuditDetails, VISIBLE_DETAIL_LINES, type DetailLine } from "@/lib/audit/describe-audit-details";
import { countOf } from "@/lib/utils/plural";

function Lines({ lines }: { lines: DetailLine[] }) {
  return (
    <>
      {lines.map((line, index) => (
        <div key={`${line.label}-${index}`} className="grid grid-cols-[minmax(5rem,auto)_1fr] gap-x-2">
          <dt className="text-muted-foreground">{line.label}</dt>
          <dd className="text-foreground [overflow-wrap:anywhere]">{line.value}</dd>
        </div>
      ))}
    </>
  );
}

/** An audit entry's details as readable key/value lines: the first few, then "Show all" for the rest (no script needed). */
export function AuditDetails({ details }: { details: unknown }) {
  const lines = describeAuditDetails(details);
  if (lines.length === 0) return <span className="text-muted-foreground">—</span>;
  const visible = lines.slice(0, VISIBLE_DETAIL_LINES);
  const hidden = lines.slice(VISIBLE_DETAIL_LINES);
  return (
    <div className="space-y-1 text-xs" data-testid="audit-details">
      <dl className="space-y-0.5">
        <Lines lines={visible} />
      </dl>
      {hidden.length > 0 && (
        <details className="group">
          <summary className="cursor-pointer rounded-sm font-medium text-primary hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring">
            <span className="group-open:hidden">Show all ({countOf(hidden.length, "more line")})</span>
            <span className="hidden group-open:inline">Show fewer</span>
          </summary>
          <dl className="mt-0.5 space-y-0.5">
            <Lines lines={hidden} />
          </dl>
        </details>
      )}
    </div>
  );
}
