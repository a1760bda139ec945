import { matchPath } from "../../http/route";
import type { Operation } from "../operation";

const isParameter = (segment: string) => /^\{\w+\}$/.test(segment);

/**
 * Negative when template `a` is more specific than `b`: at the first segment where one has a literal and the
 * other a `{parameter}`, the literal wins (`/items/inventory` before `/items/{sellerSku}`).
 */
export function compareSpecificity(a: string, b: string): number {
  const left = a.split("/");
  const right = b.split("/");
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    const difference = Number(isParameter(left[i] ?? "")) - Number(isParameter(right[i] ?? ""));
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The operation whose method and template match the request; the most specific template wins. */
export function findMostSpecific(operations: readonly Operation[], method: string, path: string): { operation: Operation; params: Record<string, string> } | undefined {
  let best: { operation: Operation; params: Record<string, string> } | undefined;
  for (const operation of operations) {
    if (operation.method !== method) continue;
    const params = matchPath(operation.path, path);
    if (params && (!best || compareSpecificity(operation.path, best.operation.path) < 0)) best = { operation, params };
  }
  return best;
}
