import "server-only";
// An endpoint's signing secret: 32 random bytes, shown once as `whsec_<base64url>`, sealed with the vault's
// system data key under a context naming the endpoint (a ciphertext copied to another row does not open).
import { randomBytes } from "node:crypto";

export function generateEndpointSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

export function endpointSecretContext(endpointId: string): string {
  return `webhook-endpoint:${endpointId}`;
}
