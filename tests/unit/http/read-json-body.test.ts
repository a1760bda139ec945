// The one JSON body parser: limit while reading, 400 for what is not JSON (or not UTF-8), the schema's
// ZodError (→ 422) for the rest, and an optional meaning for an empty body.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readJsonBody } from "@/lib/http/read-json-body";

const schema = z.object({ n: z.number() });
const post = (body: BodyInit | undefined, headers: Record<string, string> = {}) => new Request("http://localhost/x", { method: "POST", body, headers });

describe("readJsonBody", () => {
  it("parses JSON through the schema", async () => {
    expect(await readJsonBody(post('{"n": 1}'), schema)).toEqual({ n: 1 });
    await expect(readJsonBody(post('{"n": "one"}'), schema)).rejects.toBeInstanceOf(z.ZodError);
  });

  it("answers what is not JSON, or not UTF-8, with bad_request", async () => {
    for (const body of ["{", "", "nul", new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d])]) {
      await expect(readJsonBody(post(body), schema)).rejects.toMatchObject({ code: "bad_request" });
    }
  });

  it("gives an empty body the meaning the route chose", async () => {
    expect(await readJsonBody(post(undefined), z.object({ n: z.number().optional() }), { whenEmpty: {} })).toEqual({});
    expect(await readJsonBody(post("  "), z.object({}), { whenEmpty: {} })).toEqual({});
  });

  it("refuses a body over the limit, declared or streamed, with payload_too_large", async () => {
    await expect(readJsonBody(post('{"n": 1}', { "content-length": "2000" }), schema, { limitBytes: 1000 })).rejects.toMatchObject({ code: "payload_too_large", status: 413 });
    await expect(readJsonBody(post(`{"n": 1, "pad": "${"x".repeat(1000)}"}`), schema, { limitBytes: 1000 })).rejects.toMatchObject({ code: "payload_too_large" });
    expect(await readJsonBody(post(`{"n": 1, "pad": "${"x".repeat(900)}"}`), schema, { limitBytes: 1000 })).toEqual({ n: 1 });
  });
});
