import { afterEach, describe, expect, it } from "vitest";
import { childLogger, createLogger, setLogger } from "@/lib/log/logger";
import { clearRegisteredSecrets, registerSecret } from "@/lib/log/redact";

const CANARY = "Atzr|IwEBICanaryRefreshToken-0123456789_abcdef+ghij/klm==";
const CANARY_TAIL = "0123456789_abcdef";
const VAULT_PLAINTEXT = "opaque-vault-plaintext-with-no-known-shape";

function capture(level: "trace" | "info" = "info") {
  const lines: string[] = [];
  const logger = createLogger({ level, destination: { write: (line: string) => void lines.push(line) } });
  return { logger, lines, text: () => lines.join("") };
}

afterEach(() => {
  clearRegisteredSecrets();
  setLogger(undefined);
});

describe("logger", () => {
  it("writes JSON lines with the service name and level label", () => {
    const { logger, lines } = capture();
    logger.info({ tenantId: "t1" }, "hello");
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({ service: "latchkey", level: "info", tenantId: "t1", msg: "hello" });
    expect(typeof entry.time).toBe("string");
  });

  it("never writes a canary token, however it is passed", () => {
    const { logger, text, lines } = capture("trace");
    const error = new Error(`LWA refused ${CANARY}`);
    logger.info(CANARY);
    logger.info(`message with ${CANARY} inside`);
    logger.info("interpolated %s and %s", CANARY, "ok");
    logger.info("interpolated object %o / %j", { note: CANARY }, { token: CANARY });
    logger.info({ nested: { deeper: [{ note: `see ${CANARY}` }] } }, "object");
    logger.info({ refreshToken: "opaque-named-value-1", headers: { authorization: "Bearer opaque-named-value-2" } }, "named");
    logger.error(error);
    logger.error(error, "with message %s", CANARY);
    logger.error({ err: error }, "as err");
    logger.warn({ err: new Error("outer", { cause: new Error(CANARY) }) }, "cause");
    logger.child({ token: CANARY, note: CANARY }).info("child");
    logger.info({ [CANARY]: "key" }, "secret as a key");
    expect(lines).toHaveLength(12);
    expect(text()).not.toContain(CANARY_TAIL);
    expect(text()).not.toContain("opaque-named-value");
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it("never writes a value the vault registered", () => {
    const { logger, text } = capture();
    registerSecret(VAULT_PLAINTEXT);
    logger.info(`decrypted ${VAULT_PLAINTEXT}`);
    logger.info("value %s", VAULT_PLAINTEXT);
    logger.info({ some: { field: VAULT_PLAINTEXT } }, "obj");
    logger.error(new Error(`failed on ${VAULT_PLAINTEXT}`));
    expect(text()).not.toContain(VAULT_PLAINTEXT);
    expect(text()).toContain("[REDACTED]");
  });

  it("keeps errors readable: type, message, stack and code under err", () => {
    const { logger, lines } = capture();
    logger.error(Object.assign(new Error(`boom ${CANARY}`), { code: "E_BOOM" }));
    const entry = JSON.parse(lines[0]!) as { msg: string; err: { type: string; message: string; stack: string; code: string } };
    expect(entry.msg).toBe("boom Atzr|[REDACTED]");
    expect(entry.err).toMatchObject({ type: "Error", message: "boom Atzr|[REDACTED]", code: "E_BOOM" });
    expect(entry.err.stack).toContain("boom Atzr|[REDACTED]");
  });

  it("childLogger binds redacted fields to every line of the process logger", () => {
    const { logger, text } = capture();
    setLogger(logger);
    childLogger({ requestId: "req_1", apiKey: "lk_live_0123456789abcdefghijkl" }).info("bound");
    const entry = JSON.parse(text()) as Record<string, unknown>;
    expect(entry).toMatchObject({ requestId: "req_1", apiKey: "[REDACTED]", msg: "bound" });
  });

  it("respects the level", () => {
    const lines: string[] = [];
    const logger = createLogger({ level: "warn", destination: { write: (line: string) => void lines.push(line) } });
    logger.info("hidden");
    logger.warn("shown");
    expect(lines).toHaveLength(1);
  });
});
