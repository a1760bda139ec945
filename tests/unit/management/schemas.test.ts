// The management API's input bounds and the connect-link allowlist, as an integrator meets them.
import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "@/lib/env";
import { createConnectLinkBody, createTenantBody, listTenantsQuery, metadataSchema } from "@/lib/management/schemas";

describe("tenant metadata", () => {
  it("accepts a flat object of strings, numbers and booleans up to 50 keys and 8 KB", () => {
    expect(metadataSchema.parse({ plan: "pro", seats: 5, trial: false })).toEqual({ plan: "pro", seats: 5, trial: false });
    expect(metadataSchema.safeParse(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i]))).success).toBe(true);
  });

  it("refuses more keys, more bytes, nesting, null and non-finite numbers", () => {
    expect(metadataSchema.safeParse(Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i]))).success).toBe(false);
    expect(metadataSchema.safeParse(Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, "x".repeat(1000)]))).success).toBe(false);
    expect(metadataSchema.safeParse({ a: { b: 1 } }).success).toBe(false);
    expect(metadataSchema.safeParse({ a: [1] }).success).toBe(false);
    expect(metadataSchema.safeParse({ a: null }).success).toBe(false);
    expect(metadataSchema.safeParse({ a: Infinity }).success).toBe(false);
    expect(metadataSchema.safeParse({ "": 1 }).success).toBe(false);
  });
});

describe("management inputs", () => {
  it("normalizes the contact email and refuses unknown fields", () => {
    expect(createTenantBody.parse({ name: " Acme ", kind: "SELLER", contactEmail: "Ops@Acme.TEST" })).toMatchObject({ name: "Acme", contactEmail: "ops@acme.test" });
    expect(createTenantBody.safeParse({ name: "Acme", kind: "SELLER", contactEmail: "a@b.test", quarantinedAt: null }).success).toBe(false);
  });

  it("bounds page sizes", () => {
    expect(listTenantsQuery.parse({}).limit).toBe(50);
    expect(listTenantsQuery.safeParse({ limit: "200" }).success).toBe(true);
    expect(listTenantsQuery.safeParse({ limit: "201" }).success).toBe(false);
    expect(listTenantsQuery.safeParse({ limit: "1.5" }).success).toBe(false);
  });

  it("wants exactly one of tenantId and externalId, and a marketplace of the link's region", () => {
    const base = { region: "EU", flow: "connect" };
    expect(createConnectLinkBody.safeParse({ ...base, tenantId: "t1" }).success).toBe(true);
    expect(createConnectLinkBody.safeParse(base).success).toBe(false);
    expect(createConnectLinkBody.safeParse({ ...base, tenantId: "t1", externalId: "e1" }).success).toBe(false);
    expect(createConnectLinkBody.safeParse({ ...base, tenantId: "t1", marketplaceId: "A1PA6795UKMFR9" }).success).toBe(true);
    expect(createConnectLinkBody.safeParse({ ...base, tenantId: "t1", marketplaceId: "ATVPDKIKX0DER" }).success).toBe(false);
    expect(createConnectLinkBody.safeParse({ ...base, tenantId: "t1", returnUrl: "ftp://host.test/x" }).success).toBe(false);
  });
});

describe("CONNECT_LINK_RETURN_ORIGINS", () => {
  it("is a list of origins; empty allows no returnUrl", () => {
    expect(parseEnv({}).CONNECT_LINK_RETURN_ORIGINS).toEqual([]);
    expect(parseEnv({ CONNECT_LINK_RETURN_ORIGINS: "https://app.example.com, http://127.0.0.1:4300/" }).CONNECT_LINK_RETURN_ORIGINS).toEqual(["https://app.example.com", "http://127.0.0.1:4300"]);
  });

  it("refuses an entry with a path or another scheme, naming the variable", () => {
    expect(() => parseEnv({ CONNECT_LINK_RETURN_ORIGINS: "https://app.example.com/callback" })).toThrow(/CONNECT_LINK_RETURN_ORIGINS/);
    expect(() => parseEnv({ CONNECT_LINK_RETURN_ORIGINS: "javascript:alert(1)" })).toThrow(ConfigError);
    expect(() => parseEnv({ CONNECT_LINK_RETURN_ORIGINS: "not a url" })).toThrow(ConfigError);
  });
});
