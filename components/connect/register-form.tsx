"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { registerTenantAction } from "@/lib/actions/connect/register-tenant";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { fieldErrorProps } from "./form-error";
import { PartnerFormError } from "./partner-form-error";

export interface MarketplaceOption {
  id: string;
  name: string;
  region: string;
}

export function RegisterForm({ defaultEmail, marketplaces, regionNames, next }: { defaultEmail: string; marketplaces: MarketplaceOption[]; regionNames: Record<string, string>; next?: string }) {
  const [result, action, pending] = useActionState(registerTenantAction, null);
  const regions = [...new Set(marketplaces.map((m) => m.region))];
  const t = useTranslations();
  return (
    <form action={action} className="space-y-6">
      {next && <input type="hidden" name="next" value={next} />}
      <PartnerFormError result={result} id="register-error" />
      <div className="space-y-2">
        <Label htmlFor="name">{t("register.businessName")}</Label>
        <Input id="name" name="name" {...fieldErrorProps(result, "name", "register-error")} required minLength={2} maxLength={120} autoComplete="organization" placeholder={t("register.businessNamePlaceholder")} />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("register.howSell")}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {[
            { value: "SELLER", title: t("register.seller"), text: t("register.sellerText") },
            { value: "VENDOR", title: t("register.vendor"), text: t("register.vendorText") },
          ].map((option, index) => (
            <label key={option.value} className="flex cursor-pointer gap-3 rounded-lg border bg-card p-3 has-[:checked]:border-primary has-[:checked]:bg-accent/50">
              <input type="radio" name="kind" value={option.value} defaultChecked={index === 0} className="mt-1 accent-[var(--primary)]" />
              <span>
                <span className="block text-sm font-medium">{option.title}</span>
                <span className="block text-sm text-muted-foreground">{option.text}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="space-y-2">
        <Label htmlFor="contactEmail">{t("register.contactEmail")}</Label>
        <Input id="contactEmail" name="contactEmail" type="email" {...fieldErrorProps(result, "contactEmail", "register-error", "contactEmail-hint")} required defaultValue={defaultEmail} autoComplete="email" />
        <p id="contactEmail-hint" className="text-sm text-muted-foreground">{t("register.contactEmailHelp")}</p>
      </div>
      <fieldset className="space-y-3" aria-describedby={fieldErrorProps(result, "marketplaceIds", "register-error")["aria-describedby"]}>
        <legend className="text-sm font-medium">{t("register.whereSell")}</legend>
        {regions.map((region) => (
          <div key={region}>
            <p className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-muted-foreground">{regionNames[region]}</p>
            <div className="flex flex-wrap gap-2">
              {marketplaces
                .filter((m) => m.region === region)
                .map((m) => (
                  <label key={m.id} className="flex cursor-pointer items-center gap-2 rounded-md border bg-card px-3 py-1.5 text-sm has-[:checked]:border-primary has-[:checked]:bg-accent/50">
                    <input type="checkbox" name="marketplaceIds" value={m.id} className="accent-[var(--primary)]" />
                    {m.name}
                  </label>
                ))}
            </div>
          </div>
        ))}
      </fieldset>
      <Button type="submit" size="lg" className="w-full sm:w-auto" disabled={pending}>
        {pending ? t("common.saving") : t("common.continue")}
      </Button>
    </form>
  );
}
