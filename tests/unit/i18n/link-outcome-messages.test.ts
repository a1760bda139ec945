// The connect link's result page, in the reader's language: its own outcomes, a failed authorization told
// for someone without a Latchkey account, and an unknown code read as an unknown link.
import { describe, expect, it } from "vitest";
import { linkOutcomeMessage } from "@/lib/connect-links/link-outcome-messages";
import { translatorFor } from "@/lib/i18n/translator";

const en = translatorFor("en");
const de = translatorFor("de");
const ja = translatorFor("ja");

describe("connect link outcome messages", () => {
  it("says a spent link was used, in English, German and Japanese", () => {
    expect(linkOutcomeMessage(en, "link_used", 600)).toMatchObject({ tone: "failure", title: "This link was already used" });
    expect(linkOutcomeMessage(de, "link_used", 600).title).toBe("Dieser Link wurde bereits verwendet");
    expect(linkOutcomeMessage(ja, "link_used", 600).title).toBe("このリンクはすでに使用されています");
    expect(linkOutcomeMessage(de, "connected", 600)).toMatchObject({ tone: "success", title: "Ihr Amazon-Konto ist verbunden" });
  });

  it("tells a failed authorization without sending the visitor back to Latchkey, and where to get a new link", () => {
    const failed = linkOutcomeMessage(en, "state_unknown", 600);
    expect(failed.title).toBe("We don't recognise this link");
    expect(failed.body).toBe("This authorization did not start here, or its link was altered. If you need a new link, ask the service that sent you here.");
    expect(failed.body).not.toContain("Latchkey");
    // Failures the portal already tells in words that suit a link visitor keep them.
    expect(linkOutcomeMessage(en, "consent_cancelled", 600).body).toBe(
      "Nothing was connected and nothing was stored. You can start again whenever you are ready. If you need a new link, ask the service that sent you here.",
    );
  });

  it("names both regions of a wrong-region failure in the reader's language", () => {
    const regions = { account: "EU", started: "NA" } as const;
    expect(linkOutcomeMessage(en, "wrong_region", 600, regions).body).toBe(
      "This is a Europe account; the link was for a North America connection. Nothing was stored. If you need a new link, ask the service that sent you here.",
    );
    expect(linkOutcomeMessage(de, "wrong_region", 600, regions).body).toContain("ein Konto in Europa");
    expect(linkOutcomeMessage(de, "wrong_region", 600, regions).body).toContain("eine Verbindung für Nordamerika");
  });

  it("reads an unknown or missing code as an unknown link", () => {
    expect(linkOutcomeMessage(en, "made_up", 600).title).toBe("We don't recognise this link");
    expect(linkOutcomeMessage(de, undefined, 600).title).toBe("Wir erkennen diesen Link nicht");
  });
});
