import { describe, expect, it } from "vitest";
import { buildConsentUrl } from "@/lib/amazon/consent-url";

const base = { applicationId: "amzn1.sp.solution.abc", state: "s-123", draft: false };

describe("buildConsentUrl", () => {
  it("sends sellers to their marketplace's Seller Central", () => {
    const url = new URL(buildConsentUrl({ ...base, partnerKind: "SELLER", marketplaceId: "A1PA6795UKMFR9" }));
    expect(url.origin + url.pathname).toBe("https://sellercentral.amazon.de/apps/authorize/consent");
    expect(url.searchParams.get("application_id")).toBe("amzn1.sp.solution.abc");
    expect(url.searchParams.get("state")).toBe("s-123");
    expect(url.searchParams.has("version")).toBe(false);
  });

  it("sends vendors to Vendor Central", () => {
    const url = new URL(buildConsentUrl({ ...base, partnerKind: "VENDOR", marketplaceId: "ATVPDKIKX0DER" }));
    expect(url.host).toBe("vendorcentral.amazon.com");
  });

  it("adds version=beta only for draft apps, and the redirect URI when given", () => {
    const url = new URL(buildConsentUrl({ ...base, draft: true, partnerKind: "SELLER", marketplaceId: "A1VC38T7YXB528", redirectUri: "https://lk.example/cb" }));
    expect(url.host).toBe("sellercentral.amazon.co.jp");
    expect(url.searchParams.get("version")).toBe("beta");
    expect(url.searchParams.get("redirect_uri")).toBe("https://lk.example/cb");
  });

  it("uses the sandbox's layout when the host is overridden", () => {
    const url = buildConsentUrl({ ...base, partnerKind: "SELLER", marketplaceId: "A1F83G8C2ARO7P", sellerCentralOverride: "http://127.0.0.1:4100/sellercentral" });
    expect(url.startsWith("http://127.0.0.1:4100/sellercentral/uk/apps/authorize/consent?")).toBe(true);
  });

  it("refuses an unknown marketplace", () => {
    expect(() => buildConsentUrl({ ...base, partnerKind: "SELLER", marketplaceId: "NOPE" })).toThrow(/unknown marketplace/);
  });
});
