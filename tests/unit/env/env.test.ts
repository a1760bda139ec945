import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "@/lib/env";

const key = `k1:${Buffer.alloc(32, 7).toString("base64")}`;

describe("parseEnv", () => {
  it("defaults to embedded PGlite and Amazon's production endpoints", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DATA_DIR).toBe(".data/pglite");
    expect(env.amazon.lwaTokenUrl).toBe("https://api.amazon.com/auth/o2/token");
    expect(env.amazon.spapi.EU).toBe("https://sellingpartnerapi-eu.amazon.com");
    expect(env.amazon.sellerCentralOverride).toBeUndefined();
  });

  it("derives every Amazon URL from the sandbox's, and lets one be overridden", () => {
    const env = parseEnv({ AMAZON_ENDPOINTS: "sandbox", SANDBOX_URL: "http://127.0.0.1:4200", AMAZON_SPAPI_FE_URL: "http://mock.test/fe" });
    expect(env.amazon.lwaTokenUrl).toBe("http://127.0.0.1:4200/auth/o2/token");
    expect(env.amazon.spapi.NA).toBe("http://127.0.0.1:4200/spapi/na");
    expect(env.amazon.spapi.FE).toBe("http://mock.test/fe");
    expect(env.amazon.vendorCentralOverride).toBe("http://127.0.0.1:4200/vendorcentral");
  });

  it("rejects a malformed DATABASE_URL in one line that names the variable but not the value", () => {
    const attempt = () => parseEnv({ DATABASE_URL: "mysql://secret-password@db/x" });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain("DATABASE_URL");
      expect(message).not.toContain("secret-password");
      expect(message.split("\n")).toHaveLength(1);
    }
  });

  it("requires master keys in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/VAULT_MASTER_KEYS is required in production/);
    expect(parseEnv({ NODE_ENV: "production", VAULT_MASTER_KEYS: key }).NODE_ENV).toBe("production");
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", LOG_LEVEL: "" }).LOG_LEVEL).toBe("info");
  });

  it("parses the admin allowlist case-insensitively", () => {
    expect(parseEnv({ ADMIN_EMAILS: " Ops@Example.com, b@x.io ,," }).ADMIN_EMAILS).toEqual(["ops@example.com", "b@x.io"]);
  });
});
