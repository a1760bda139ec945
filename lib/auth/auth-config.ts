import "server-only";
// Auth.js, configured for Latchkey: email magic links (15 minutes, one use) through lib/email, database
// sessions over our Prisma client, our own pages, same-origin redirects only, and an audit entry per
// sign-in. Built lazily (on the first request) so a production build needs no AUTH_SECRET.
import type { NextAuthConfig } from "next-auth";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { readServerEnv } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { createAuthAdapter, type LatchkeyAdapterUser } from "./adapter";
import { getAuthSecret } from "./auth-secret";
import { sanitizeCallbackUrl } from "./callback-url";
import type { CurrentUser } from "./current-user";
import { AUTH_PAGES } from "./pages";
import { roleForEmail } from "./roles";
import { MAGIC_LINK_MAX_AGE_SECONDS, sendMagicLink } from "./send-magic-link";
import { syncUserRole } from "./sync-user-role";

export const EMAIL_PROVIDER_ID = "email";

const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const SESSION_UPDATE_AGE_SECONDS = 24 * 60 * 60;

// Sign-in failures a visitor causes (an old or used link, a missing CSRF token, an unknown /api/auth path,
// a bad callback URL or check cookie) are one warn line, not server errors with stacks: anyone can cause them.
const EXPECTED_AUTH_ERRORS = new Set(["Verification", "AccessDenied", "CredentialsSignin", "MissingCSRF", "UnknownAction", "InvalidCallbackUrl", "InvalidCheck"]);

function hasStoredRole(user: unknown): user is LatchkeyAdapterUser {
  return typeof user === "object" && user !== null && "role" in user && (user.role === "ADMIN" || user.role === "PARTNER");
}

export function buildAuthConfig(): NextAuthConfig {
  return {
    secret: getAuthSecret(),
    trustHost: true,
    adapter: createAuthAdapter({ roleForEmail: (email) => roleForEmail(email, readServerEnv().ADMIN_EMAILS) }),
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: SESSION_UPDATE_AGE_SECONDS },
    pages: AUTH_PAGES,
    providers: [
      {
        id: EMAIL_PROVIDER_ID,
        type: "email",
        name: "Email",
        maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
        from: readServerEnv().EMAIL_FROM,
        sendVerificationRequest: ({ identifier, url }) => sendMagicLink({ email: identifier, url }),
      },
    ],
    callbacks: {
      // Always onto APP_URL (a sign-in asked for on another host name for this server still ends there).
      redirect({ url, baseUrl }) {
        return `${new URL(readServerEnv().APP_URL).origin}${sanitizeCallbackUrl(url, { origin: baseUrl })}`;
      },
      async session({ session, user }) {
        const role = await syncUserRole({ id: user.id, email: user.email, storedRole: hasStoredRole(user) ? user.role : undefined });
        const current: CurrentUser = {
          id: user.id,
          email: user.email,
          role,
          tenantId: hasStoredRole(user) ? user.tenantId : null,
        };
        // Only what the app needs travels in the session payload (and /api/auth/session).
        return { expires: session.expires, user: current } as unknown as typeof session;
      },
    },
    events: {
      async signIn({ user, isNewUser }) {
        if (!user.id || !user.email) return;
        try {
          const role = await syncUserRole({ id: user.id, email: user.email, storedRole: hasStoredRole(user) ? user.role : undefined });
          await recordAuditEvent({
            action: "auth.signed_in",
            actorType: role,
            actorId: user.id,
            tenantId: hasStoredRole(user) ? user.tenantId : null,
            details: { method: "email", newUser: Boolean(isNewUser) },
          });
        } catch (error) {
          // The session is already made; a failed audit write is logged loudly rather than undoing it.
          logger.error({ err: error, userId: user.id }, "could not record auth.signed_in");
        }
      },
    },
    logger: {
      error(error) {
        const type = "type" in error && typeof error.type === "string" ? error.type : error.name;
        if (EXPECTED_AUTH_ERRORS.has(type)) logger.warn({ authError: type }, `sign-in refused: ${type}`);
        else logger.error({ err: error }, `auth error: ${type}`);
      },
      warn(code) {
        logger.warn({ authWarning: code }, `auth warning: ${code}`);
      },
      debug(message) {
        logger.debug({ auth: true }, message);
      },
    },
  };
}
