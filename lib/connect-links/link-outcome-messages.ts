// What the connect link result page says for an outcome code, in the reader's language. A failed
// authorization reads as on the partner portal's error page, told for someone with no Latchkey account:
// where the portal's text sends them back to Latchkey, the link's own text says what happened instead.
import type { Region } from "@/lib/amazon/regions";
import { isCallbackFailure } from "@/lib/oauth/callback-failures";
import { failureArguments, translatedFailure, type Translate } from "@/lib/i18n/failure-messages";
import { MESSAGES, type Messages } from "@/lib/i18n/messages";

type LinkOutcome = { [K in keyof Messages["connectLink"]]: Messages["connectLink"][K] extends { title: string } ? K : never }[keyof Messages["connectLink"]];
type LinkFailureBody = keyof Messages["connectLink"]["failureBody"];

const SUCCESSES: ReadonlySet<string> = new Set<LinkOutcome>(["connected", "reauthorized", "under_review"]);

/** The link's own outcomes: every entry of the catalog's `connectLink` that has a title. */
function isLinkOutcome(outcome: string | undefined): outcome is LinkOutcome {
  const entry: unknown = outcome && Object.hasOwn(MESSAGES.en.connectLink, outcome) ? MESSAGES.en.connectLink[outcome as keyof Messages["connectLink"]] : undefined;
  return typeof entry === "object" && entry !== null && "title" in entry;
}

export interface LinkOutcomeMessage {
  tone: "success" | "failure";
  title: string;
  body: string;
}

/** Unknown codes read as an unknown link. */
export function linkOutcomeMessage(t: Translate, outcome: string | undefined, stateTtlSeconds: number, regions?: { account: Region; started: Region }): LinkOutcomeMessage {
  if (isLinkOutcome(outcome)) {
    return { tone: SUCCESSES.has(outcome) ? "success" : "failure", title: t(`connectLink.${outcome}.title`), body: t(`connectLink.${outcome}.body`) };
  }
  if (isCallbackFailure(outcome)) {
    const portal = translatedFailure(t, outcome, stateTtlSeconds, regions);
    const body = Object.hasOwn(MESSAGES.en.connectLink.failureBody, outcome)
      ? t(`connectLink.failureBody.${outcome as LinkFailureBody}`, failureArguments(t, stateTtlSeconds, regions))
      : portal.body;
    return { tone: "failure", title: portal.title, body: `${body} ${t("connectLink.askForNewLink")}` };
  }
  return linkOutcomeMessage(t, "link_unknown", stateTtlSeconds);
}
