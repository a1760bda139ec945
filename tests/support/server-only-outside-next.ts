// For scripts that load the app's modules with plain Node (tsx) outside a Next.js build: `server-only` throws
// outside a React Server Components build, so it becomes a no-op here, as in vitest. (Not
// --conditions=react-server: that condition also swaps react-dom/server, which the emails need, and
// next/navigation, which the route edge needs.) Import the app's modules dynamically after calling this.
import { register } from "node:module";

export function stubServerOnly(): void {
  const hook = `export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(specifier, context);
}`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}
