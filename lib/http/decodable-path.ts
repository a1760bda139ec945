/**
 * Whether every segment of a request path percent-decodes to valid UTF-8 (no stray `%`, no encoded lone
 * surrogate). Next.js throws, and answers a bare 500, when it decodes such a path into route params, so
 * the proxy refuses it first.
 */
export function isDecodablePath(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}
