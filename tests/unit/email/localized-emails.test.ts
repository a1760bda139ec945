// Partner emails in the reader's language: subject, body, facts and the frame around them, with the
// numbers and plurals of that language. English stays exactly as it was.
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { PREVIEW_ACCOUNT } from "@/emails/components/account";
import { plainDuration } from "@/emails/components/plain-duration";
import ConnectedEmail, { connectedSubject } from "@/emails/connected";
import InactivityReminderEmail, { inactivityReminderSubject } from "@/emails/inactivity-reminder";
import MagicLinkEmail, { magicLinkSubject } from "@/emails/magic-link";
import RenewalReminderEmail, { renewalReminderSubject } from "@/emails/renewal-reminder";
import { renderEmail } from "@/lib/email/render-email";

const account = { ...PREVIEW_ACCOUNT, region: "EU" as const, regionName: "Europe" };

describe("partner emails in the contact's language", () => {
  it("the welcome email in German: subject, heading, facts and footer", async () => {
    expect(connectedSubject({ account, reauthorized: false, locale: "de" })).toBe("Ihr Seller Central-Konto ist mit Latchkey verbunden");
    const { html, text } = await renderEmail(createElement(ConnectedEmail, { account, reauthorized: false, renewalDue: "1. Dez. 2027", connectionUrl: "https://l.example/c", locale: "de" }));
    expect(html).toContain('lang="de"');
    expect(text).toContain("WILLKOMMEN BEI LATCHKEY");
    expect(text).toContain("Seller Central · Europa");
    expect(text).toContain("Nächste Verlängerung: 1. Dez. 2027");
    expect(text.toLowerCase()).not.toContain("welcome to latchkey");
  });

  it("the renewal reminder in Japanese names Seller Central as Amazon Japan does, with the day count", async () => {
    expect(renewalReminderSubject({ account, daysLeft: 30, locale: "ja" })).toBe("30 日以内にセラーセントラルの連携を更新してください");
    const { text } = await renderEmail(
      createElement(RenewalReminderEmail, { account, daysLeft: 7, dueDate: "2026年12月31日", renewUrl: "https://l.example/r", linkExpiresInDays: 14, preferencesUrl: "https://l.example/p", locale: "ja" }),
    );
    expect(text).toContain("更新期限は7 日後です");
    expect(text).toContain("このボタンは 14 日間有効です");
    expect(text).toContain("メール設定を変更してください");
  });

  it("uses the language's plurals: one day, many days", () => {
    expect(inactivityReminderSubject({ account, unusedDays: 1, locale: "fr" })).toBe("Votre connexion Seller Central n'a pas été utilisée depuis 1 jour");
    expect(inactivityReminderSubject({ account, unusedDays: 45, locale: "fr" })).toBe("Votre connexion Seller Central n'a pas été utilisée depuis 45 jours");
    expect(plainDuration(15 * 60, "it")).toBe("15 minuti");
    expect(plainDuration(3600, "es")).toBe("1 hora");
  });

  it("the sign-in email in Simplified Chinese", async () => {
    expect(magicLinkSubject("zh-CN")).toBe("您的 Latchkey 登录链接");
    const { html, text } = await renderEmail(createElement(MagicLinkEmail, { url: "https://l.example/s", email: "seller@shop.test", expiresInSeconds: 900, locale: "zh-CN" }));
    expect(html).toContain('lang="zh-CN"');
    expect(text).toContain("该链接有效期为 15 分钟，且只能使用一次。");
  });

  it("English without a locale reads as before", async () => {
    expect(renewalReminderSubject({ account, daysLeft: 30 })).toBe("Renew your Seller Central connection in 30 days");
    expect(renewalReminderSubject({ account, daysLeft: 1 })).toBe("Renew your Seller Central connection tomorrow");
    const { text } = await renderEmail(createElement(InactivityReminderEmail, { account, unusedDays: 30, lastUsed: null, connectionUrl: "https://l.example/c", preferencesUrl: "https://l.example/p" }));
    expect(text).toContain("Nothing has used your Seller Central connection for 30 days.");
    expect(text).toContain("Last used: Never");
    expect(text).toContain("Seller Central · Europe");
  });
});
