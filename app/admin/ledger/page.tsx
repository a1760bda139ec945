import type { Metadata } from "next";
import { LedgerEntryActions } from "@/components/admin/ledger/ledger-entry-actions";
import { LedgerProposalDecision } from "@/components/admin/ledger/ledger-proposal-decision";
import { ProposeLedgerEntryForm } from "@/components/admin/ledger/propose-ledger-entry-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireAdmin } from "@/lib/auth/session";
import { getLedgerPage } from "@/lib/ledger/get-ledger-page";
import { formatDateTime } from "@/lib/utils/format";

export const metadata: Metadata = { title: "Roles ledger" };

const KIND_LABELS = { ADD: "Add", CHANGE: "Change", REMOVE: "Remove" } as const;

function partners(kinds: readonly string[]): string {
  return kinds.map((kind) => (kind === "SELLER" ? "sellers" : "vendors")).join(", ") || "—";
}

function Operation({ operationId, api, method, path, restricted, inCatalog }: { operationId: string; api: string; method: string | null; path: string | null; restricted: boolean; inCatalog: boolean }) {
  return (
    <div>
      <p className="font-mono text-sm font-medium">
        {operationId} {restricted && <Badge variant="warning">Restricted</Badge>}
      </p>
      <p className="font-mono text-xs text-muted-foreground">{inCatalog ? `${api} · ${method} ${path}` : `${api} · not in the catalog: the gateway cannot call it`}</p>
    </div>
  );
}

export default async function LedgerPage() {
  const admin = await requireAdmin("/admin/ledger");
  const page = await getLedgerPage();
  const pendingOperations = new Set(page.pending.map((p) => `${p.api}.${p.operationId}`));

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Roles ledger</h1>
        <p className="mt-2 text-muted-foreground">
          Every SP-API operation Latchkey and its workers may call, the roles that justify it, and why. The gateway refuses anything not listed here, and the consent page shows partners these
          reasons. A change is a proposal until a second admin approves it.
        </p>
      </div>

      <Card>
        <CardHeader>
          <CardTitle className="text-base">Waiting for review</CardTitle>
          <CardDescription>Changes another admin proposed are yours to approve or reject; your own wait for someone else.</CardDescription>
        </CardHeader>
        <CardContent>
          {page.pending.length === 0 ? (
            <p className="text-sm text-muted-foreground">No change is waiting for review.</p>
          ) : (
            <ul className="space-y-4" aria-label="Pending ledger changes">
              {page.pending.map((proposal) => (
                <li key={proposal.id} className="grid gap-4 rounded-lg border p-4 md:grid-cols-[1fr_16rem]" data-testid="ledger-proposal">
                  <div className="space-y-2 text-sm">
                    <p className="flex flex-wrap items-center gap-2">
                      <Badge variant={proposal.kind === "REMOVE" ? "destructive" : "secondary"}>{KIND_LABELS[proposal.kind]}</Badge>
                      <span className="text-muted-foreground">
                        proposed by {proposal.proposedByEmail} on {formatDateTime(proposal.proposedAt)}
                      </span>
                    </p>
                    <Operation {...proposal} />
                    {proposal.kind !== "REMOVE" && (
                      <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1">
                        <dt className="text-muted-foreground">Roles</dt>
                        <dd>
                          {proposal.roles.join(", ")}
                          {proposal.current && <span className="block text-xs text-muted-foreground">now: {proposal.current.roles.join(", ")}</span>}
                        </dd>
                        <dt className="text-muted-foreground">Asked of</dt>
                        <dd>
                          {partners(proposal.partnerKinds)}
                          {proposal.current && <span className="block text-xs text-muted-foreground">now: {partners(proposal.current.partnerKinds)}</span>}
                        </dd>
                        <dt className="text-muted-foreground">Reason</dt>
                        <dd>
                          {proposal.reason}
                          {proposal.current && <span className="block text-xs text-muted-foreground">now: {proposal.current.reason}</span>}
                        </dd>
                      </dl>
                    )}
                    {proposal.note && <p className="text-muted-foreground">Note: {proposal.note}</p>}
                  </div>
                  <LedgerProposalDecision proposalId={proposal.id} ownProposal={proposal.proposedById === admin.id} />
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle className="text-base">Active entries</CardTitle>
        </CardHeader>
        <CardContent>
          <Table containerClassName="rounded-lg" aria-label="Active ledger entries">
            <TableHeader>
              <TableRow>
                <TableHead>Operation</TableHead>
                <TableHead>Roles (any one)</TableHead>
                <TableHead>Reason</TableHead>
                <TableHead>Approved</TableHead>
                <TableHead className="w-56" />
              </TableRow>
            </TableHeader>
            <TableBody>
              {page.entries.map((entry) => (
                <TableRow key={entry.id} data-testid="ledger-entry">
                  <TableCell className="align-top">
                    <Operation {...entry} />
                    <p className="mt-1 text-xs text-muted-foreground">Asked of {partners(entry.partnerKinds)}</p>
                  </TableCell>
                  <TableCell className="align-top text-sm">{entry.roles.join(", ")}</TableCell>
                  <TableCell className="max-w-64 whitespace-normal align-top text-sm">{entry.reason}</TableCell>
                  <TableCell className="align-top text-sm">
                    {entry.approvedByEmail ? (
                      <>
                        {entry.approvedByEmail}
                        <span className="block text-xs text-muted-foreground">
                          {formatDateTime(entry.approvedAt)}
                          {entry.proposedByEmail && ` · proposed by ${entry.proposedByEmail}`}
                        </span>
                      </>
                    ) : (
                      <span className="text-muted-foreground">Initial ledger, shipped with Latchkey</span>
                    )}
                  </TableCell>
                  <TableCell className="align-top">
                    <LedgerEntryActions api={entry.api} operationId={entry.operationId} entry={{ roles: entry.roles, partnerKinds: entry.partnerKinds, reason: entry.reason }} pendingChange={pendingOperations.has(`${entry.api}.${entry.operationId}`)} />
                  </TableCell>
                </TableRow>
              ))}
              {page.entries.length === 0 && (
                <TableRow>
                  <TableCell colSpan={5} className="py-8 text-center text-muted-foreground">
                    The ledger is empty: the gateway refuses every operation.
                  </TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle className="text-base">Propose adding an operation</CardTitle>
          <CardDescription>Pick it from the catalog Amazon&apos;s models describe; the roles Amazon maps it to are ticked for you.</CardDescription>
        </CardHeader>
        <CardContent>
          <ProposeLedgerEntryForm catalog={page.catalog.filter((op) => !pendingOperations.has(`${op.api}.${op.operationId}`))} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle className="text-base">Recent decisions</CardTitle>
        </CardHeader>
        <CardContent>
          {page.decided.length === 0 ? (
            <p className="text-sm text-muted-foreground">No change has been decided yet.</p>
          ) : (
            <ul className="divide-y text-sm" aria-label="Recent ledger decisions">
              {page.decided.map((proposal) => (
                <li key={proposal.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                  <span>
                    <Badge variant={proposal.status === "APPROVED" ? "success" : "outline"}>{proposal.status === "APPROVED" ? "Approved" : "Rejected"}</Badge>{" "}
                    {KIND_LABELS[proposal.kind]} <span className="font-mono">{proposal.operationId}</span> ({proposal.api})
                  </span>
                  <span className="text-muted-foreground">
                    proposed by {proposal.proposedByEmail}, {proposal.status === "APPROVED" ? "approved" : "rejected"} by {proposal.decidedByEmail} on {formatDateTime(proposal.decidedAt)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
