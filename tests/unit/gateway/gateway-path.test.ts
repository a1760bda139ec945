import { describe, expect, it } from "vitest";
import { gatewayParamsOf, isGatewayMethod } from "@/lib/gateway/gateway-path";

// proxy.ts answers exactly the requests the route app/api/v1/spapi/[authorizationId]/[...path] would get.
describe("which requests are the gateway's (proxy.ts)", () => {
  it("takes the authorization and the Amazon path's segments as Next would pass them, decoded", () => {
    expect(gatewayParamsOf("/api/v1/spapi/cmauth123/sellers/v1/marketplaceParticipations")).toEqual({ authorizationId: "cmauth123", path: ["sellers", "v1", "marketplaceParticipations"] });
    expect(gatewayParamsOf("/api/v1/spapi/cm%41b/orders/v0/orders/902-3159896-1390916%2Fx")).toEqual({ authorizationId: "cmAb", path: ["orders", "v0", "orders", "902-3159896-1390916/x"] });
  });

  it("leaves to Next's router what the catch-all would not match (no Amazon path) and what is not the gateway", () => {
    for (const pathname of ["/api/v1/spapi/cmauth123", "/api/v1/spapi/cmauth123/", "/api/v1/spapi/", "/api/v1/spapi", "/api/v1/ping", "/api/v1/spapix/a/b", "/connect"]) {
      expect(gatewayParamsOf(pathname), pathname).toBeNull();
    }
  });

  it("forwards the route's five methods only", () => {
    expect(["GET", "POST", "PUT", "PATCH", "DELETE"].every(isGatewayMethod)).toBe(true);
    expect(["HEAD", "OPTIONS", "get", "TRACE"].some(isGatewayMethod)).toBe(false);
  });
});
