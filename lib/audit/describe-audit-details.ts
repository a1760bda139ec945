// An audit entry's details as lines a person reads ("Checks: token ok · marketplaces failed") instead of raw
// JSON. Keys become words, booleans yes/no, lists and nested records short comma-separated text; nothing is
// dropped (the page shows the first lines and puts the rest behind a "show all" disclosure).
export interface DetailLine {
  label: string;
  value: string;
}

/** How many lines the audit table shows before "Show all". */
export const VISIBLE_DETAIL_LINES = 3;

/** camelCase / snake_case / kebab-case key → "Sentence case words" (ids and acronyms kept readable). */
export function detailLabel(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase()
    .replace(/\bid\b/g, "ID")
    .replace(/\bids\b/g, "IDs")
    .replace(/\b(url|api|lwa|rdt|http|ip)\b/g, (word) => word.toUpperCase());
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function scalar(value: unknown): string {
  if (value === true) return "yes";
  if (value === false) return "no";
  if (value === null || value === undefined) return "—";
  return String(value);
}

/** One record on one line: a check-like record ({ id, ok, ... }) reads "token ok", others "key: value". */
function record(value: Record<string, unknown>): string {
  const entries = Object.entries(value).filter(([, v]) => v !== null && v !== undefined && v !== "");
  const name = typeof value.id === "string" ? value.id : typeof value.name === "string" ? value.name : undefined;
  const rest = entries.filter(([k]) => k !== "id" && k !== "name" && !(name && k === "ok"));
  const verdict = name && typeof value.ok === "boolean" ? (value.ok ? "ok" : "failed") : undefined;
  const parts = rest.map(([k, v]) => `${detailLabel(k).toLowerCase()} ${describeValue(v)}`);
  return [name, verdict, parts.length ? (name ? `(${parts.join(", ")})` : parts.join(", ")) : undefined].filter(Boolean).join(" ");
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.map((item) => (item && typeof item === "object" ? record(item as Record<string, unknown>) : scalar(item))).join(" · ");
  if (value && typeof value === "object") return record(value as Record<string, unknown>) || "—";
  return scalar(value);
}

/** The details of one audit entry as labelled lines, empty values left out. */
export function describeAuditDetails(details: unknown): DetailLine[] {
  if (!details || typeof details !== "object" || Array.isArray(details)) return details === null || details === undefined ? [] : [{ label: "Details", value: describeValue(details) }];
  return Object.entries(details as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([key, value]) => (key === "ok" && typeof value === "boolean" ? { label: "Outcome", value: value ? "succeeded" : "failed" } : { label: detailLabel(key), value: describeValue(value) }));
}
