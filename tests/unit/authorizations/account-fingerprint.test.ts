// What counts as "a different account" for identity conflicts: evidence both sides have that shares nothing.
import { describe, expect, it } from "vitest";
import { accountFingerprint, describeAccountFingerprint, readAccountFingerprint, sameAccount } from "@/lib/authorizations/account-fingerprint";

const store1 = accountFingerprint({ marketplaceIds: ["ATVPDKIKX0DER", "A2EUQ1WTGCTBG2"], storeNames: ["Acme Outdoor"] });

describe("account fingerprints", () => {
  it("is the same account after joining a marketplace or a change of case in the store name", () => {
    expect(sameAccount(store1, accountFingerprint({ marketplaceIds: ["ATVPDKIKX0DER", "A2EUQ1WTGCTBG2", "A1AM78C64UM0Y8"], storeNames: ["acme outdoor "] }))).toBe(true);
  });

  it("is another account when the store names differ or no marketplace is shared", () => {
    expect(sameAccount(store1, accountFingerprint({ marketplaceIds: ["ATVPDKIKX0DER"], storeNames: ["Bolt Parts"] }))).toBe(false);
    expect(sameAccount(store1, accountFingerprint({ marketplaceIds: ["A2Q3Y263D00KWC"], storeNames: ["Acme Outdoor"] }))).toBe(false);
    expect(sameAccount(accountFingerprint({ vendorCodes: ["ACME1"] }), accountFingerprint({ vendorCodes: ["BOLT1"] }))).toBe(false);
  });

  it("treats missing evidence as no evidence", () => {
    expect(sameAccount(store1, accountFingerprint({}))).toBe(true);
    expect(readAccountFingerprint({ nonsense: true })).toBeNull();
  });

  it("reads as one line an admin can compare", () => {
    expect(describeAccountFingerprint(store1)).toBe("Store: Acme Outdoor · Marketplaces: CA, US");
    expect(describeAccountFingerprint(null)).toBe("Not recorded (the connection test did not pass)");
  });
});
