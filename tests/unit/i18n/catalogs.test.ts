// Every language has exactly the messages English has, each with the same ICU arguments and rich-text tags,
// and every message parses as ICU. A key added in English only, or a translation that lost `{central}`, fails here.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The arguments (with their type: plain, plural, select…) and tags a message uses, sorted. */
function signature(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.argument) found.add(`${el.value}`);
      else if (el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) found.add(`${el.value}:${TYPE[el.type]}`);
      else if (el.type === TYPE.plural || el.type === TYPE.select) {
        found.add(`${el.value}:${el.type === TYPE.plural ? "plural" : "select"}`);
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (el.type === TYPE.tag) {
        found.add(`<${el.value}>`);
        walk(el.children);
      }
    }
  };
  walk(parse(message, { ignoreTag: false }));
  return [...found].sort();
}

/** The option names of every select (not plural: languages have their own plural categories). */
function selectOptions(message: string): string[] {
  const found: string[] = [];
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.select) found.push(`${el.value}{${Object.keys(el.options).sort().join(",")}}`);
      if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) walk(option.value);
      if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(parse(message, { ignoreTag: false }));
  return found.sort();
}

const english = flatten(MESSAGES.en as Tree);

describe("the message catalogs", () => {
  it("has one catalog file per supported language, and nothing else", () => {
    const files = readdirSync(join(process.cwd(), "messages")).filter((f) => f.endsWith(".json"));
    expect(files.map((f) => f.replace(/\.json$/, "")).sort()).toEqual([...LOCALES].sort());
  });

  it("English is not empty and parses as ICU", () => {
    expect(english.size).toBeGreaterThan(200);
    for (const [key, message] of english) expect(() => signature(message), key).not.toThrow();
  });

  for (const locale of LOCALES.filter((l) => l !== "en")) {
    describe(locale, () => {
      const catalog = flatten(JSON.parse(readFileSync(join(process.cwd(), "messages", `${locale}.json`), "utf8")) as Tree);

      it("has every key English has, and no other", () => {
        const missing = [...english.keys()].filter((key) => !catalog.has(key));
        const extra = [...catalog.keys()].filter((key) => !english.has(key));
        expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      });

      it("uses the same ICU arguments, tags and select options as English in every message", () => {
        const differing = [...english].flatMap(([key, message]) => {
          const translated = catalog.get(key);
          if (translated === undefined) return [];
          const [a, b] = [signature(message), signature(translated)];
          const [sa, sb] = [selectOptions(message), selectOptions(translated)];
          return JSON.stringify(a) === JSON.stringify(b) && JSON.stringify(sa) === JSON.stringify(sb) ? [] : [`${key}: ${a.join(" ")} ≠ ${b.join(" ")}`];
        });
        expect(differing).toEqual([]);
      });

      it("is translated, not copied: most messages differ from English", () => {
        const same = [...english].filter(([key, message]) => catalog.get(key) === message && /[a-z]{4,}/.test(message.replace(/\{[^}]*\}/g, "")));
        expect(same.length / english.size).toBeLessThan(0.1);
      });
    });
  }
});
