"use client";

import { Search } from "lucide-react";
import { useActionState, useMemo, useState } from "react";
import { FormError } from "@/components/connect/form-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { proposeLedgerChangeAction } from "@/lib/actions/admin/propose-ledger-change";
import type { ActionState } from "@/lib/auth/action-guards";
import type { CatalogChoice } from "@/lib/ledger/get-ledger-page";
import { isRoleName } from "@/lib/roles/roles";
import { LedgerEntryFields } from "./ledger-entry-fields";
import { ProposalSent } from "./proposal-sent";

const MAX_RESULTS = 12;

function matches(op: CatalogChoice, terms: string[]): boolean {
  const text = `${op.operationId} ${op.api} ${op.apiTitle} ${op.method} ${op.path}`.toLowerCase();
  return terms.every((term) => text.includes(term));
}

/** Pick an operation of the catalog (by operation id, API or path) and propose adding it to the ledger. */
export function ProposeLedgerEntryForm({ catalog }: { catalog: CatalogChoice[] }) {
  const [result, action, pending] = useActionState<ActionState<{ proposalId: string }>, FormData>(proposeLedgerChangeAction, null);
  const [query, setQuery] = useState("");
  const [picked, setPicked] = useState<CatalogChoice | null>(null);
  const found = useMemo(() => {
    const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
    return terms.length ? catalog.filter((op) => matches(op, terms)).slice(0, MAX_RESULTS) : [];
  }, [catalog, query]);

  return (
    <div className="space-y-4">
      <div className="space-y-2">
        <Label htmlFor="catalog-search">Search the SP-API catalog</Label>
        <div className="relative">
          <Search className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-muted-foreground" aria-hidden />
          <Input id="catalog-search" type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="getOrders, ordersV0, /orders/v0/orders…" className="pl-8" autoComplete="off" />
        </div>
        {query.trim() !== "" && (
          <ul aria-label="Catalog operations found" className="divide-y rounded-lg border">
            {found.map((op) => (
              <li key={`${op.api}.${op.operationId}`} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                <span>
                  <span className="font-mono font-medium">{op.operationId}</span> <span className="text-muted-foreground">({op.api})</span>
                  <span className="block font-mono text-xs text-muted-foreground">
                    {op.method} {op.path}
                  </span>
                </span>
                <span className="flex items-center gap-2">
                  {op.restricted && <Badge variant="warning">Restricted</Badge>}
                  {op.deprecated && <Badge variant="secondary">Deprecated</Badge>}
                  {op.inLedger ? (
                    <span className="text-xs text-muted-foreground">In the ledger</span>
                  ) : (
                    <Button type="button" size="sm" variant="outline" onClick={() => setPicked(op)} aria-label={`Pick ${op.operationId} (${op.api})`}>
                      Pick
                    </Button>
                  )}
                </span>
              </li>
            ))}
            {found.length === 0 && <li className="px-3 py-2 text-sm text-muted-foreground">No operation matches.</li>}
          </ul>
        )}
      </div>
      {picked && (
        <form action={action} key={`${picked.api}.${picked.operationId}`} className="space-y-4 rounded-xl border bg-card p-5" aria-label="Propose adding an operation">
          <input type="hidden" name="kind" value="ADD" />
          <input type="hidden" name="api" value={picked.api} />
          <input type="hidden" name="operationId" value={picked.operationId} />
          <p className="text-sm">
            Adding <span className="font-mono font-medium">{picked.operationId}</span> ({picked.apiTitle}, <span className="font-mono">{picked.method} {picked.path}</span>)
            {picked.restricted && " — restricted: the gateway gets a Restricted Data Token for it"}
            {picked.grantless && " — grantless: no partner role is involved"}
          </p>
          <LedgerEntryFields idPrefix="add" defaults={{ roles: picked.amazonRoles.filter(isRoleName), partnerKinds: ["SELLER"], reason: "" }} suggestedRoles={picked.amazonRoles} />
          <FormError result={result} />
          {result?.ok && <ProposalSent />}
          <Button type="submit" disabled={pending}>
            {pending ? "Proposing…" : "Propose adding it"}
          </Button>
        </form>
      )}
    </div>
  );
}
