// Where a production Latchkey may send webhooks: https only, to public addresses only (no SSRF into its own
// network), however the host is spelled or what its name resolves to. Development allows local receivers.
import { describe, expect, it } from "vitest";
import { assertDeliverableUrl, isNonPublicAddress } from "@/lib/webhooks/endpoint-url";

const production = (resolve: (host: string) => Promise<string[]> = async () => ["93.184.215.14"]) => ({ allowLocal: false, resolve });

async function refusal(url: string, options = production()): Promise<string> {
  try {
    await assertDeliverableUrl(url, options);
  } catch (error) {
    return (error as { code: string }).code;
  }
  return "accepted";
}

describe("webhook endpoint URLs", () => {
  it("accepts an https URL whose host resolves to public addresses only", async () => {
    expect((await assertDeliverableUrl("https://hooks.example.com/latchkey?x=1", production())).toString()).toBe("https://hooks.example.com/latchkey?x=1");
    expect(await refusal("https://[2606:4700::6810:84e5]/hook")).toBe("accepted");
  });

  it("refuses http, credentials, fragments and other schemes in production", async () => {
    for (const url of ["http://hooks.example.com/x", "https://user:pw@hooks.example.com/x", "https://hooks.example.com/x#frag", "ftp://hooks.example.com/x", "javascript:alert(1)", "not a url"]) {
      expect(await refusal(url), url).toBe("invalid_input");
    }
  });

  it("refuses loopback, private, link-local, CGNAT, metadata and mapped addresses, literal or resolved", async () => {
    for (const host of ["127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "[::1]", "[fe80::1]", "[fd00::1]", "[::ffff:127.0.0.1]", "localhost", "metadata.google.internal", "printer.local"]) {
      expect(await refusal(`https://${host}/hook`), host).toBe("invalid_input");
    }
    // A public name that resolves (also) to a private address: refused.
    expect(await refusal("https://rebind.example.com/hook", production(async () => ["93.184.215.14", "10.0.0.5"]))).toBe("invalid_input");
    expect(await refusal("https://gone.example.com/hook", production(async () => Promise.reject(new Error("ENOTFOUND"))))).toBe("invalid_input");
  });

  it("allows local receivers over http in development and tests", async () => {
    expect((await assertDeliverableUrl("http://127.0.0.1:4321/hooks", { allowLocal: true })).host).toBe("127.0.0.1:4321");
    expect(await refusal("ftp://127.0.0.1/x", { allowLocal: true, resolve: async () => [] })).toBe("invalid_input");
  });

  it("classifies addresses", () => {
    expect(isNonPublicAddress("8.8.8.8")).toBe(false);
    expect(isNonPublicAddress("2001:4860:4860::8888")).toBe(false);
    expect(isNonPublicAddress("::ffff:8.8.8.8")).toBe(false);
    expect(isNonPublicAddress("::ffff:192.168.0.1")).toBe(true);
    expect(isNonPublicAddress("not-an-ip")).toBe(true);
  });
});
