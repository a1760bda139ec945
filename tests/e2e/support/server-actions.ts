// Server actions invoked directly, the way a script (not the app's own page) would: the action's id from the
// production build's manifest, and the body React's client sends for `action(previousState, formData)`.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

/** The e2e server's build folder (NEXT_DIST_DIR in playwright.config.ts). */
export const E2E_DIST_DIR = ".next-e2e";

interface ManifestEntry {
  filename: string;
  exportedName: string;
}

/** Action ids by exported name, as the running production build knows them. */
export function serverActionIds(projectDir: string): Map<string, { id: string; filename: string }> {
  const manifestFile = path.join(projectDir, E2E_DIST_DIR, "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as { node: Record<string, ManifestEntry> };
  return new Map(Object.entries(manifest.node).map(([id, entry]) => [entry.exportedName, { id, filename: entry.filename }]));
}

/**
 * Calls the action as React's client does for `(null, formData)`: the form is part 1 (its fields prefixed
 * `_1_`), and part "0", the argument list, comes last (the server resolves it against the parts before it).
 * Returns the answer's text (the RSC payload with the action's result).
 */
export async function invokeServerAction(
  request: APIRequestContext,
  options: { url: string; actionId: string; fields: Record<string, string>; origin: string; headers?: Record<string, string> },
): Promise<{ status: number; text: string }> {
  // A FormData, not an object: an object would put its integer-like key "0" first.
  const multipart = new FormData();
  for (const [name, value] of Object.entries(options.fields)) multipart.append(`_1_${name}`, value);
  multipart.append("0", JSON.stringify([null, "$K1"]));
  const response = await request.post(options.url, {
    headers: { "next-action": options.actionId, accept: "text/x-component", origin: options.origin, ...options.headers },
    multipart,
    failOnStatusCode: false,
    maxRedirects: 0,
  });
  return { status: response.status(), text: await response.text() };
}

/** The `code` of the action's `{ ok: false, error }` result, "ok" for a success, or null when it did not answer one. */
export function actionOutcome(text: string): string | null {
  if (/"ok":true/.test(text)) return "ok";
  return /"ok":false,"error":\{"code":"([a-z_]+)"/.exec(text)?.[1] ?? null;
}
