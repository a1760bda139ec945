import { describe, expect, it } from "vitest";
import { localesFromAcceptLanguage, matchLocale, resolveLocale } from "@/lib/i18n/resolve-locale";

const GERMANY = "A1PA6795UKMFR9";
const JAPAN = "A1VC38T7YXB528";
const US = "ATVPDKIKX0DER";
const NETHERLANDS = "A1805IZSGTT6HS";

describe("which language a partner is addressed in", () => {
  it("the saved preference wins over everything else", () => {
    expect(resolveLocale({ saved: "ja", cookie: "fr", acceptLanguage: "de-DE,de;q=0.9", marketplaceIds: [GERMANY] })).toBe("ja");
  });

  it("then the switcher's cookie, when nothing is saved", () => {
    expect(resolveLocale({ saved: null, cookie: "fr", acceptLanguage: "de-DE", marketplaceIds: [JAPAN] })).toBe("fr");
  });

  it("then the browser's Accept-Language, by preference order and quality", () => {
    expect(resolveLocale({ acceptLanguage: "nl-NL, it;q=0.8, de;q=0.9", marketplaceIds: [JAPAN] })).toBe("de");
  });

  it("then the marketplaces the partner sells in, skipping those whose language is not offered", () => {
    expect(resolveLocale({ acceptLanguage: "nl-NL,nl;q=0.9", marketplaceIds: [NETHERLANDS, JAPAN, GERMANY] })).toBe("ja");
    expect(resolveLocale({ marketplaceIds: [GERMANY] })).toBe("de");
  });

  it("else English", () => {
    expect(resolveLocale({})).toBe("en");
    expect(resolveLocale({ acceptLanguage: "nl", marketplaceIds: [NETHERLANDS] })).toBe("en");
    expect(resolveLocale({ marketplaceIds: [US] })).toBe("en");
  });

  it("ignores a saved value or cookie that is not a supported language", () => {
    expect(resolveLocale({ saved: "klingon", cookie: "xx", acceptLanguage: "es-MX" })).toBe("es");
  });

  it("maps regional and script variants: de-AT to German, zh-Hans and zh-SG to Simplified Chinese, not Traditional", () => {
    expect(matchLocale("de-AT")).toBe("de");
    expect(matchLocale("zh")).toBe("zh-CN");
    expect(matchLocale("zh-Hans-SG")).toBe("zh-CN");
    expect(matchLocale("zh-TW")).toBeUndefined();
    expect(matchLocale("ja-JP")).toBe("ja");
  });

  it("drops languages the browser refuses (q=0) and wildcards", () => {
    expect(localesFromAcceptLanguage("fr;q=0, *;q=0.5, it;q=0.1")).toEqual(["it"]);
    expect(localesFromAcceptLanguage(undefined)).toEqual([]);
  });
});
