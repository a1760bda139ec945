"use client";

import { useActionState, useState } from "react";
import { selfAuthorizeAction } from "@/lib/actions/admin/self-authorize-tenant";
import { FormError } from "@/components/connect/form-error";
import { REGION_CODES, REGION_NAMES } from "@/lib/amazon/regions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

const selectClass = "flex h-9 w-full rounded-md border border-input bg-card px-3 text-sm shadow-sm";

export function SelfAuthorizeForm({ tenants, defaultTenantId }: { tenants: { id: string; name: string; kind: string }[]; defaultTenantId?: string }) {
  const [result, action, pending] = useActionState(selfAuthorizeAction, null);
  const [tenantId, setTenantId] = useState(defaultTenantId ?? tenants[0]?.id ?? "new");
  return (
    <form action={action} className="space-y-5" autoComplete="off">
      <FormError result={result} />
      <div className="space-y-2">
        <Label htmlFor="tenantId">Tenant</Label>
        <select id="tenantId" name="tenantId" value={tenantId} onChange={(e) => setTenantId(e.target.value)} className={selectClass}>
          {tenants.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} ({t.kind === "SELLER" ? "seller" : "vendor"})
            </option>
          ))}
          <option value="new">New tenant…</option>
        </select>
      </div>
      {tenantId === "new" && (
        <div className="grid gap-4 rounded-lg border p-4 sm:grid-cols-3">
          <div className="space-y-2">
            <Label htmlFor="newTenantName">Business name</Label>
            <Input id="newTenantName" name="newTenantName" required />
          </div>
          <div className="space-y-2">
            <Label htmlFor="newTenantKind">Type</Label>
            <select id="newTenantKind" name="newTenantKind" className={selectClass}>
              <option value="SELLER">Seller</option>
              <option value="VENDOR">Vendor</option>
            </select>
          </div>
          <div className="space-y-2">
            <Label htmlFor="newTenantEmail">Contact email</Label>
            <Input id="newTenantEmail" name="newTenantEmail" type="email" required />
          </div>
        </div>
      )}
      <div className="space-y-2">
        <Label htmlFor="region">Region</Label>
        <select id="region" name="region" className={selectClass} defaultValue="NA">
          {REGION_CODES.map((region) => (
            <option key={region} value={region}>
              {REGION_NAMES[region]}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-2">
        <Label htmlFor="refreshToken">Refresh token</Label>
        <Input id="refreshToken" name="refreshToken" type="password" required autoComplete="off" spellCheck={false} placeholder="Atzr|…" />
        <p className="text-sm text-muted-foreground">
          From Seller Central (Apps and Services → Develop Apps) or Vendor Central (Integration → API Integration): choose “Authorize app” and copy the token. It is verified with
          Amazon before it is stored, and never shown again.
        </p>
      </div>
      <div className="space-y-2">
        <Label htmlFor="sellingPartnerId">Selling partner or vendor group ID (optional)</Label>
        <Input id="sellingPartnerId" name="sellingPartnerId" spellCheck={false} />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Verifying with Amazon…" : "Verify and store"}
      </Button>
    </form>
  );
}
