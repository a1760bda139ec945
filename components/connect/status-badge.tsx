import { Badge } from "@/components/ui/badge";
import { STATUS_COPY, type ConnectionStatus } from "@/lib/authorizations/status-copy";

/** `label`: the status in the reader's language (partner pages); the admin pages show the English one. */
export function StatusBadge({ status, label }: { status: ConnectionStatus; label?: string }) {
  const copy = STATUS_COPY[status];
  return (
    <Badge variant={copy.tone} data-testid="connection-status">
      {label ?? copy.label}
    </Badge>
  );
}
