import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { envelopeKeyRef, isEnvelope, open, seal, type SealingKey } from "@/lib/vault/envelope";
import { VaultError } from "@/lib/vault/vault-error";

const keyA: SealingKey = { id: "a", key: randomBytes(32) };
const keyB: SealingKey = { id: "b", key: randomBytes(32) };
const context = "authorization:auth_1:refresh_token";
const secret = "Atzr|IwEBIExampleRefreshToken-with_all+sorts/of=chars";

function expectDecryptFailure(run: () => unknown): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(VaultError);
  expect((thrown as VaultError).code).toBe("vault_decrypt_failed");
  expect((thrown as VaultError).status).toBe(500);
  expect((thrown as VaultError).message).not.toContain(secret);
}

function flipChar(value: string, index: number): string {
  const chars = value.split("");
  chars[index] = chars[index] === "A" ? "B" : "A";
  return chars.join("");
}

describe("vault envelope", () => {
  it("round-trips text and bytes, with a fresh IV each time", () => {
    const first = seal(keyA, secret, context);
    const second = seal(keyA, secret, context);
    expect(first).not.toBe(second);
    expect(open(keyA, first, context).toString("utf8")).toBe(secret);
    const bytes = randomBytes(32);
    expect(open(keyA, seal(keyA, bytes, "datakey:t1"), "datakey:t1").equals(bytes)).toBe(true);
    expect(open(keyA, seal(keyA, "", context), context).length).toBe(0);
  });

  it("is a self-describing lk1 string naming the sealing key, without the plaintext", () => {
    const envelope = seal(keyA, secret, context);
    expect(envelope).toMatch(/^lk1\.a\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(isEnvelope(envelope)).toBe(true);
    expect(isEnvelope(secret)).toBe(false);
    expect(envelopeKeyRef(envelope)).toBe("a");
    expect(envelope).not.toContain("IwEB");
    expect(envelope).not.toContain(Buffer.from(secret).toString("base64url").slice(0, 12));
  });

  it("refuses another context (a ciphertext copied to another row)", () => {
    const envelope = seal(keyA, secret, context);
    expectDecryptFailure(() => open(keyA, envelope, "authorization:auth_2:refresh_token"));
  });

  it("refuses a tampered envelope, whichever byte is flipped", () => {
    const envelope = seal(keyA, secret, context);
    const [version, ref, iv, body] = envelope.split(".") as [string, string, string, string];
    expectDecryptFailure(() => open(keyA, `${version}.${ref}.${flipChar(iv, 3)}.${body}`, context));
    expectDecryptFailure(() => open(keyA, `${version}.${ref}.${iv}.${flipChar(body, 0)}`, context));
    expectDecryptFailure(() => open(keyA, `${version}.${ref}.${iv}.${flipChar(body, body.length - 3)}`, context));
    expectDecryptFailure(() => open(keyA, `${version}.${ref}.${iv}.${body.slice(0, -4)}`, context));
  });

  it("refuses the wrong key, including a key relabelled with the right id", () => {
    const envelope = seal(keyA, secret, context);
    expectDecryptFailure(() => open(keyB, envelope, context));
    expectDecryptFailure(() => open({ id: "a", key: keyB.key }, envelope, context));
    expectDecryptFailure(() => open(keyB, envelope.replace("lk1.a.", "lk1.b."), context));
  });

  it("refuses malformed input with the same error", () => {
    for (const bad of ["", "plain text", "lk1.a.x.y", "lk2.a.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA", "lk1..AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA"]) {
      expectDecryptFailure(() => open(keyA, bad, context));
    }
  });

  it("rejects misuse loudly: short keys and empty contexts", () => {
    expect(() => seal({ id: "a", key: randomBytes(16) }, secret, context)).toThrow(/32 bytes/);
    expect(() => seal(keyA, secret, "")).toThrow(/context/);
    expect(() => seal({ id: "a.b", key: keyA.key }, secret, context)).toThrow(/key id/);
  });
});
