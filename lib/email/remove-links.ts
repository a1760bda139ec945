// The stored copy of a sensitive email (a magic link) must not hold the live link when it went out through
// a real provider: the outbox table would otherwise be a store of working sign-in links.

export const LINK_REMOVED = "[link removed]";

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Replaces each of `links` (raw, HTML-escaped and URL-encoded forms) with "[link removed]". With `true`
 * instead of a list, every http(s) URL goes.
 */
export function removeLinks(content: string, links: readonly string[] | true): string {
  if (links === true) return content.replace(/https?:\/\/[^\s"'<>)\]]+/gi, LINK_REMOVED);
  const forms = new Set<string>();
  for (const link of links) {
    if (link.length === 0) continue;
    forms.add(link);
    forms.add(escapeHtml(link));
    forms.add(link.replace(/&/g, "&amp;"));
    forms.add(link.replace(/&/g, "&#38;"));
    forms.add(encodeURIComponent(link));
  }
  if (forms.size === 0) return content;
  // Longest first, so a form that contains another is replaced whole.
  const pattern = new RegExp([...forms].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|"), "g");
  return content.replace(pattern, LINK_REMOVED);
}
