import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fingerprint } from "@/lib/vault";

describe("fingerprint", () => {
  it("is 12 hex characters, stable, and distinct for distinct secrets", () => {
    const token = "Atzr|IwEBIA-example-refresh-token";
    expect(fingerprint(token)).toMatch(/^[0-9a-f]{12}$/);
    expect(fingerprint(token)).toBe(fingerprint(token));
    expect(fingerprint(token)).not.toBe(fingerprint(`${token}x`));
  });

  it("is the SHA-256 prefix, so it survives master-key rotation and operators can check it by hand", () => {
    const secret = "amzn1.oa2-cs.v1.example";
    expect(fingerprint(secret)).toBe(createHash("sha256").update(secret).digest("hex").slice(0, 12));
    // A fixed vector: a change of algorithm would silently change every stored fingerprint.
    expect(fingerprint("abc")).toBe("ba7816bf8f01");
  });

  it("does not contain the secret", () => {
    expect(fingerprint("abcdefabcdef")).not.toBe("abcdefabcdef");
  });
});
