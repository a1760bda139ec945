import { isDeepStrictEqual } from "node:util";
import type { SandboxExample } from "./operations-file";

/** What an example's request parameters are compared with. */
export interface ExampleRequest {
  /** Decoded path parameters. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body; undefined when there is none or it is not JSON. */
  body: unknown;
}

/** A query value as the examples hold it: repeated parameters comma-joined, like a `csv` array. */
function queryValue(query: URLSearchParams, name: string): string | undefined {
  const values = query.getAll(name);
  return values.length === 0 ? undefined : values.join(",");
}

/** How many parameters the example constrains, or undefined when the request differs from one of them. */
function matchedParameters(example: SandboxExample, request: ExampleRequest): number | undefined {
  let count = 0;
  for (const [name, value] of Object.entries(example.request.path ?? {})) {
    if (request.params[name] !== value) return undefined;
    count += 1;
  }
  for (const [name, value] of Object.entries(example.request.query ?? {})) {
    if (queryValue(request.query, name) !== value) return undefined;
    count += 1;
  }
  if ("body" in example.request) {
    if (!isDeepStrictEqual(request.body, example.request.body)) return undefined;
    count += 1;
  }
  return count;
}

const isSuccess = (example: SandboxExample) => example.status >= 200 && example.status < 300;

/**
 * The example that answers a request: of those whose every parameter equals the request's, the one that
 * constrains the most (the first on a tie); when none matches, the first success example, else the first.
 */
export function chooseExample(examples: readonly SandboxExample[], request: ExampleRequest): SandboxExample | undefined {
  let best: { example: SandboxExample; count: number } | undefined;
  for (const example of examples) {
    const count = matchedParameters(example, request);
    if (count !== undefined && (!best || count > best.count)) best = { example, count };
  }
  return best?.example ?? examples.find(isSuccess) ?? examples[0];
}
