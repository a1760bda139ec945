import { describe, expect, it } from "vitest";
import { countOf, pluralWord } from "@/lib/utils/plural";

describe("countOf", () => {
  it("says 1 call, never 1 calls, and groups thousands", () => {
    expect(countOf(1, "SP-API call")).toBe("1 SP-API call");
    expect(countOf(0, "SP-API call")).toBe("0 SP-API calls");
    expect(countOf(2, "SP-API call")).toBe("2 SP-API calls");
    expect(countOf(1204, "event")).toBe("1,204 events");
  });

  it("uses the irregular form it is given", () => {
    expect(countOf(1, { one: "token refresh", other: "token refreshes" })).toBe("1 token refresh");
    expect(countOf(3, { one: "token refresh", other: "token refreshes" })).toBe("3 token refreshes");
    expect(pluralWord(1, { one: "entry", other: "entries" })).toBe("entry");
  });
});
