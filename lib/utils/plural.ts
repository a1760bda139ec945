// Counted nouns for the admin pages (English): "1 call", "2 calls", "1,204 calls". Intl.PluralRules picks
// the form, so a count never reads "1 calls"; the partner pages use their message catalogs' ICU plurals.
const rules = new Intl.PluralRules("en-US");
const numbers = new Intl.NumberFormat("en-US");

export interface PluralForms {
  one: string;
  other: string;
}

/** The word for `count` alone: plural("call", 1) → "call". A bare string adds "s" for the other form. */
export function pluralWord(count: number, forms: PluralForms | string): string {
  const { one, other } = typeof forms === "string" ? { one: forms, other: `${forms}s` } : forms;
  return rules.select(count) === "one" ? one : other;
}

/** The count and its word: countOf(3, "call") → "3 calls"; countOf(1, { one: "entry", other: "entries" }) → "1 entry". */
export function countOf(count: number, forms: PluralForms | string): string {
  return `${numbers.format(count)} ${pluralWord(count, forms)}`;
}
