// The sandbox's control API, as the bench uses it.

export async function sandboxControl<T = unknown>(sandboxUrl: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${sandboxUrl}/_sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox ${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** LWA `refresh_token` grants the sandbox has answered so far. */
export async function lwaRefreshCalls(sandboxUrl: string): Promise<number> {
  const stats = await sandboxControl<{ lwa: { byGrantType: Record<string, number> } }>(sandboxUrl, "GET", "/stats");
  return stats.lwa.byGrantType.refresh_token ?? 0;
}

export interface SandboxSeller {
  sellingPartnerId: string;
  refreshToken: string;
}

/** Creates NA seller accounts in the sandbox and self-authorizes each once: a real refresh token per account. */
export async function createSandboxSellers(sandboxUrl: string, prefix: string, count: number): Promise<SandboxSeller[]> {
  const sellers: SandboxSeller[] = [];
  for (let i = 1; i <= count; i++) {
    const sellingPartnerId = `${prefix}${String(i).padStart(4, "0")}`;
    await sandboxControl(sandboxUrl, "POST", "/accounts", { sellingPartnerId, name: `Bench seller ${sellingPartnerId}`, type: "seller", region: "NA", marketplaces: ["ATVPDKIKX0DER"] });
    const { refreshToken } = await sandboxControl<{ refreshToken: string }>(sandboxUrl, "POST", "/self-authorize", { sellingPartnerId });
    sellers.push({ sellingPartnerId, refreshToken });
  }
  return sellers;
}
