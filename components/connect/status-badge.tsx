import { Badge } from "@/components/ui/badge";
import { STATUS_COPY, type ConnectionStatus } from "@/lib/authorizations/status-copy";

export function StatusBadge({ status }: { status: ConnectionStatus }) {
  const copy = STATUS_COPY[status];
  return (
    <Badge variant={copy.tone} data-testid="connection-status">
      {copy.label}
    </Badge>
  );
}
