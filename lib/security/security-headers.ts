// The headers every page answer carries, built per request in proxy.ts (the nonce is new each time):
// - Content-Security-Policy: scripts only from this origin and with this request's nonce ('strict-dynamic'
//   lets Next's own nonced bundles load the chunks they need); Next puts the nonce on its scripts itself.
//   Styles allow inline ones: the charts (recharts), Radix and the emails shown in the outboxes set style
//   attributes and <style> elements, and CSS cannot run code. No plugins, no <base> elsewhere, never framed.
// - Strict-Transport-Security when APP_URL is https (a browser then never speaks plain http to this host).
export interface PageSecurityOptions {
  nonce: string;
  /** React in development needs eval for its error overlays and stacks (never in production). */
  development: boolean;
  /** APP_URL is https: also upgrade any http subresource. */
  https: boolean;
  /**
   * The page's bundled code needs eval: only the API reference at /docs/api (its viewer, Scalar, evaluates
   * code at run time). Script sources stay nonce + 'strict-dynamic'; every other page keeps eval off.
   */
  allowEval?: boolean;
}

/** A fresh, unguessable nonce for one request. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** Pages whose policy allows eval (see PageSecurityOptions.allowEval). */
export const EVAL_PAGES: readonly string[] = ["/docs/api"];

export function contentSecurityPolicy({ nonce, development, https, allowEval = false }: PageSecurityOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development || allowEval ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";
