import "server-only";
// The client's IP as the proxy in front of Latchkey (or Next's own server) reports it: the first
// X-Forwarded-For entry, else X-Real-IP. Only an IP-shaped value is used; anything else counts as unknown.
const IP_SHAPE = /^[0-9A-Fa-f:.]{2,45}$/;

export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const candidate = forwarded || headers.get("x-real-ip")?.trim();
  return candidate && IP_SHAPE.test(candidate) ? candidate : null;
}
