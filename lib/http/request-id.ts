import { randomUUID } from "node:crypto";

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's x-request-id when it looks like one (so logs can be joined up), else a fresh UUID. */
export function requestIdFrom(headers: Headers | null | undefined): string {
  const given = headers?.get("x-request-id");
  return given && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}
