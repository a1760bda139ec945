"use client";

import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/auth/action-guards";
import { FormError, type Issue } from "./form-error";

/**
 * FormError in the partner's language: a known error code reads as the catalog's `errors.<code>`, a field
 * issue as `errors.fields.<field>`; anything the catalog does not know is shown as the server wrote it.
 * `overrides` give a page its own words for a code (a connect link's "not found" is an expired link).
 */
export function PartnerFormError<T>({ result, id, overrides }: { result: ActionResult<T> | null; id?: string; overrides?: Partial<Record<string, string>> }) {
  const t = useTranslations();
  type Key = Parameters<typeof t.has>[0];
  const known = (key: string): key is Key => t.has(key as Key);
  const translate = (key: string, fallback: string) => (known(key) ? t(key) : fallback);
  return (
    <FormError
      result={result}
      id={id}
      checkFormLabel={t("common.pleaseCheckForm")}
      messageFor={(code, message) => overrides?.[code] ?? translate(`errors.${code}`, message)}
      issueFor={(issue: Issue) => translate(`errors.fields.${issue.path}`, issue.message)}
    />
  );
}
