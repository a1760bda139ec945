// A failed authorization's page (lib/oauth/failure-copy.ts) in the reader's language, its placeholders filled in.
import type { Region } from "@/lib/amazon/regions";
import type { Messages } from "./messages";
import type { translatorFor } from "./translator";

export type Translate = ReturnType<typeof translatorFor>;

/** The failures the catalog explains: every lib/oauth CallbackFailure (checked where pages pass one in). */
export type FailureKey = { [K in keyof Messages["failure"]]: Messages["failure"][K] extends { title: string } ? K : never }[keyof Messages["failure"]];

/** What a failure's text may name: how long a started authorization lasts, and the regions involved. */
export function failureArguments(t: Translate, stateTtlSeconds: number, regions?: { account: Region; started: Region }) {
  const ttl = stateTtlSeconds % 60 === 0 ? t("failure.minutes", { count: stateTtlSeconds / 60 }) : t("failure.seconds", { count: stateTtlSeconds });
  return {
    ttl,
    account: t("failure.regionArticle", { region: regions?.account ?? "none" }),
    started: t("failure.startedArticle", { region: regions?.started ?? "none" }),
    accountRegion: t("failure.accountRegion", { region: regions?.account ?? "none" }),
  };
}

export function translatedFailure(t: Translate, failure: FailureKey, stateTtlSeconds: number, regions?: { account: Region; started: Region }): { title: string; body: string } {
  return { title: t(`failure.${failure}.title`), body: t(`failure.${failure}.body`, failureArguments(t, stateTtlSeconds, regions)) };
}
