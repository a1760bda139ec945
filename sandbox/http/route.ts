/**
 * Matches a path against a pattern like `/notifications/v1/destinations/{destinationId}`.
 * Returns the decoded path parameters, or undefined when it does not match.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const patternParts = pattern.split("/");
  const pathParts = path.split("/");
  if (patternParts.length !== pathParts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < patternParts.length; i += 1) {
    const expected = patternParts[i] ?? "";
    const actual = pathParts[i] ?? "";
    const param = /^\{(\w+)\}$/.exec(expected);
    if (param?.[1]) {
      if (actual === "") return undefined;
      try {
        params[param[1]] = decodeURIComponent(actual);
      } catch {
        return undefined;
      }
    } else if (expected !== actual) {
      return undefined;
    }
  }
  return params;
}
