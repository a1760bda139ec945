// A tiny "host app" for the connect-link test: an integrator's product on its own origin that creates a
// tenant and a connect link through Latchkey's management API, sends its user's browser there, and reads
// where Latchkey sends the browser back. Its origin is on CONNECT_LINK_RETURN_ORIGINS (playwright.config.ts).
import { createServer, type Server } from "node:http";

export const HOST_APP_PORT = Number(process.env.E2E_HOST_APP_PORT ?? Number(process.env.E2E_SANDBOX_PORT ?? 4200) + 100);
export const HOST_APP_ORIGIN = `http://127.0.0.1:${HOST_APP_PORT}`;

export interface HostApp {
  close(): Promise<void>;
  /** What the host app received on its return page. */
  returns: { authorizationId: string | null; outcome: string | null }[];
  /** The connect links it created. */
  links: string[];
}

export async function startHostApp(options: { latchkeyUrl: string; apiKey: string; externalId: string }): Promise<HostApp> {
  const returns: HostApp["returns"] = [];
  const links: string[] = [];
  const api = async (method: string, path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${options.latchkeyUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${options.apiKey}`, "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, string> };
  };
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", HOST_APP_ORIGIN);
    void (async () => {
      if (url.pathname === "/onboard") {
        // The host app's own user record becomes a Latchkey tenant (by externalId), then gets a link.
        const created = await api("POST", "/api/v1/tenants", { name: "Host App Customer", kind: "SELLER", contactEmail: "owner@host-app.test", externalId: options.externalId, metadata: { plan: "pro" } }, { "idempotency-key": `tenant-${options.externalId}` });
        if (created.status !== 201) throw new Error(`tenant: ${created.status} ${JSON.stringify(created.body)}`);
        const link = await api("POST", "/api/v1/connect-links", { externalId: options.externalId, region: "NA", flow: "connect", returnUrl: `${HOST_APP_ORIGIN}/amazon/done?ref=host-42` });
        if (link.status !== 201) throw new Error(`link: ${link.status} ${JSON.stringify(link.body)}`);
        links.push(link.body.url!);
        response.writeHead(302, { location: link.body.url }).end();
        return;
      }
      if (url.pathname === "/amazon/done") {
        const answer = { authorizationId: url.searchParams.get("authorizationId"), outcome: url.searchParams.get("outcome") };
        returns.push(answer);
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        response.end(`<!doctype html><title>Host app</title><h1>Back in the host app</h1><p data-testid="outcome">${answer.outcome}</p><p data-testid="ref">${url.searchParams.get("ref")}</p>`);
        return;
      }
      response.writeHead(404).end();
    })().catch((error: unknown) => {
      response.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(HOST_APP_PORT, "127.0.0.1", () => resolve());
  });
  return { returns, links, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
