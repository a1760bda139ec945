// Resolves a method + concrete path (/orders/v0/orders/123-456/address) to the operation whose path
// template (/orders/v0/orders/{orderId}/address) it names. Templates are compiled once into a segment
// tree; a literal segment is tried before a placeholder at every level, so the most specific template
// wins (/fba/outbound/2020-07-01/fulfillmentOrders/preview before …/fulfillmentOrders/{id}).
interface Node<T> {
  literals: Map<string, Node<T>>;
  param: Node<T> | undefined;
  byMethod: Map<string, T>;
}

export interface Routed {
  method: string;
  path: string;
}

export type PathMatcher<T> = (method: string, path: string) => T | undefined;

const isPlaceholder = (segment: string) => /^\{[^{}/]+\}$/.test(segment);

function newNode<T>(): Node<T> {
  return { literals: new Map(), param: undefined, byMethod: new Map() };
}

/** Splits a path into its segments, without query string, fragment or empty segments. */
function segmentsOf(path: string): string[] {
  const [withoutQuery = ""] = path.split(/[?#]/, 1);
  return withoutQuery.split("/").filter(Boolean);
}

function find<T>(node: Node<T>, segments: readonly string[], index: number, method: string): T | undefined {
  const segment = segments[index];
  if (segment === undefined) return node.byMethod.get(method);
  const literal = node.literals.get(segment);
  const viaLiteral = literal && find(literal, segments, index + 1, method);
  if (viaLiteral) return viaLiteral;
  return node.param && find(node.param, segments, index + 1, method);
}

/** A matcher over the given templates; two items with the same method and template are a mistake. */
export function compilePathMatcher<T extends Routed>(items: readonly T[]): PathMatcher<T> {
  const root = newNode<T>();
  for (const item of items) {
    let node = root;
    for (const segment of segmentsOf(item.path)) {
      if (isPlaceholder(segment)) {
        node.param ??= newNode();
        node = node.param;
      } else {
        const next = node.literals.get(segment) ?? newNode<T>();
        node.literals.set(segment, next);
        node = next;
      }
    }
    if (node.byMethod.has(item.method)) throw new Error(`two operations for ${item.method} ${item.path}`);
    node.byMethod.set(item.method, item);
  }
  return (method, path) => find(root, segmentsOf(path), 0, method.toUpperCase());
}
