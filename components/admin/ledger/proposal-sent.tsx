import { CheckCircle2 } from "lucide-react";

export function ProposalSent() {
  return (
    <p className="flex items-center gap-1.5 text-sm text-success" role="status">
      <CheckCircle2 className="size-4" aria-hidden /> Proposed: it waits for a second admin&apos;s approval below.
    </p>
  );
}
