import { describe, expect, it } from "vitest";
import { compilePathMatcher } from "@/lib/amazon/catalog/path-matcher";

const route = (method: string, path: string) => ({ method, path });

describe("compilePathMatcher", () => {
  const match = compilePathMatcher([route("GET", "/items/{id}"), route("GET", "/items/latest"), route("GET", "/a/{x}/c"), route("GET", "/a/b/d"), route("POST", "/items/{id}")]);

  it("prefers a literal segment to a placeholder, whatever the order they were given in", () => {
    expect(match("GET", "/items/latest")?.path).toBe("/items/latest");
    expect(match("GET", "/items/42")?.path).toBe("/items/{id}");
  });

  it("falls back to a placeholder when the literal branch leads nowhere", () => {
    expect(match("GET", "/a/b/c")?.path).toBe("/a/{x}/c");
    expect(match("GET", "/a/b/d")?.path).toBe("/a/b/d");
  });

  it("matches the method case-insensitively and ignores query strings and trailing slashes", () => {
    expect(match("post", "/items/42/?x=1")).toEqual(route("POST", "/items/{id}"));
    expect(match("DELETE", "/items/42")).toBeUndefined();
  });

  it("refuses two operations for one method and template", () => {
    expect(() => compilePathMatcher([route("GET", "/x/{a}"), route("GET", "/x/{b}")])).toThrow(/two operations/);
  });
});
