import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { roleForEmail } from "@/lib/auth/roles";

describe("roleForEmail", () => {
  const admins = parseEnv({ ADMIN_EMAILS: " Ops@Latchkey.test , boss@latchkey.test,," }).ADMIN_EMAILS;

  it("makes exactly the allowlisted addresses admins", () => {
    expect(roleForEmail("ops@latchkey.test", admins)).toBe("ADMIN");
    expect(roleForEmail("boss@latchkey.test", admins)).toBe("ADMIN");
    expect(roleForEmail("seller@shop.test", admins)).toBe("PARTNER");
  });

  it("ignores case and surrounding spaces on both sides", () => {
    expect(roleForEmail("  OPS@latchkey.TEST ", admins)).toBe("ADMIN");
    expect(roleForEmail("Boss@Latchkey.Test", admins)).toBe("ADMIN");
  });

  it("does not match look-alikes: a prefix, a suffix, or another domain", () => {
    expect(roleForEmail("ops@latchkey.test.evil", admins)).toBe("PARTNER");
    expect(roleForEmail("xops@latchkey.test", admins)).toBe("PARTNER");
    expect(roleForEmail("ops@latchkey", admins)).toBe("PARTNER");
  });

  it("makes everyone a partner when the allowlist is empty", () => {
    expect(roleForEmail("ops@latchkey.test", parseEnv({}).ADMIN_EMAILS)).toBe("PARTNER");
  });
});
