import "server-only";
// Auth.js' own `POST /api/auth/signin/email` sends a link too (anyone can fetch its CSRF token), so it is
// held to the same sign-in limit as the form: over the limit it answers 429 before Auth.js runs.
import { z } from "zod";
import { AppError, toErrorResponse } from "@/lib/errors";
import { EMAIL_PROVIDER_ID } from "./auth-config";
import { clientIp } from "./client-ip";
import { requestIdFrom } from "@/lib/http/request-id";
import { normalizeEmail } from "./roles";
import { consumeSignInAttempt, SIGN_IN_RATE_LIMITED_MESSAGE } from "./sign-in-rate-limit";

const SIGN_IN_PATH = `/api/auth/signin/${EMAIL_PROVIDER_ID}`;
const emailField = z.string().trim().min(1).max(320);
const jsonBody = z.object({ email: z.unknown() });

/** The address in the body, read the way Auth.js reads it (a form, or JSON). */
async function emailInBody(request: Request): Promise<unknown> {
  const copy = request.clone();
  try {
    if (request.headers.get("content-type")?.includes("application/json")) return jsonBody.safeParse(await copy.json()).data?.email;
    return (await copy.formData()).get("email");
  } catch {
    return undefined;
  }
}

/** A 429 answer when `request` asks for a sign-in link over the limit; null to let Auth.js handle it. */
export async function limitSignInPost(request: Request): Promise<Response | null> {
  if (new URL(request.url).pathname !== SIGN_IN_PATH) return null;
  const email = emailField.safeParse(await emailInBody(request));
  // Auth.js refuses a request without an address itself; nothing is sent, so nothing is counted.
  if (!email.success) return null;
  const attempt = await consumeSignInAttempt({ email: normalizeEmail(email.data), ip: clientIp(request.headers) });
  if (attempt.allowed) return null;
  const { status, body } = toErrorResponse(new AppError("rate_limited", SIGN_IN_RATE_LIMITED_MESSAGE), requestIdFrom(request.headers));
  return Response.json(body, { status, headers: { "retry-after": String(attempt.retryAfterSeconds) } });
}
