import "server-only";
// A small Auth.js adapter over our Prisma client (generated to lib/generated/prisma, which
// @auth/prisma-adapter's types do not target). Only what the email provider and database sessions use:
// users, sessions, email "accounts" and verification tokens. Emails are stored lowercased; a verification
// token is deleted as it is used, so a magic link works once; an expired token is refused.
import type { Adapter, AdapterAccount, AdapterSession, AdapterUser, VerificationToken } from "next-auth/adapters";
import { db } from "@/lib/db/client";
import { Prisma, type PrismaClient, type User, type UserRole } from "@/lib/generated/prisma/client";
import { normalizeEmail } from "./roles";

export interface LatchkeyAdapterUser extends AdapterUser {
  role: UserRole;
  tenantId: string | null;
}

export interface LatchkeyAdapterOptions {
  client?: Pick<PrismaClient, "user" | "session" | "account" | "verificationToken">;
  /** The role a new user gets (the ADMIN_EMAILS rule); PARTNER when omitted. */
  roleForEmail?: (email: string) => UserRole;
  /** The clock, for tests. */
  now?: () => Date;
}

function toAdapterUser(user: User): LatchkeyAdapterUser {
  return {
    id: user.id,
    email: user.email,
    emailVerified: user.emailVerified,
    name: user.name,
    image: user.image,
    role: user.role,
    tenantId: user.tenantId,
  };
}

function isNotFound(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
}

export function createAuthAdapter(options: LatchkeyAdapterOptions = {}) {
  const client = options.client ?? db;
  const now = options.now ?? (() => new Date());
  const roleForEmail = options.roleForEmail ?? (() => "PARTNER" as const);

  const adapter = {
    async createUser(user: AdapterUser): Promise<LatchkeyAdapterUser> {
      const email = normalizeEmail(user.email);
      const created = await client.user.create({
        data: { email, emailVerified: user.emailVerified ?? null, name: user.name ?? null, image: user.image ?? null, role: roleForEmail(email) },
      });
      return toAdapterUser(created);
    },

    async getUser(id: string): Promise<LatchkeyAdapterUser | null> {
      const user = await client.user.findUnique({ where: { id } });
      return user ? toAdapterUser(user) : null;
    },

    async getUserByEmail(email: string): Promise<LatchkeyAdapterUser | null> {
      const user = await client.user.findUnique({ where: { email: normalizeEmail(email) } });
      return user ? toAdapterUser(user) : null;
    },

    async getUserByAccount({ provider, providerAccountId }: Pick<AdapterAccount, "provider" | "providerAccountId">): Promise<LatchkeyAdapterUser | null> {
      const account = await client.account.findUnique({
        where: { provider_providerAccountId: { provider, providerAccountId } },
        include: { user: true },
      });
      return account ? toAdapterUser(account.user) : null;
    },

    async updateUser(user: Partial<AdapterUser> & Pick<AdapterUser, "id">): Promise<LatchkeyAdapterUser> {
      const data: Prisma.UserUpdateInput = {};
      if (user.email !== undefined) data.email = normalizeEmail(user.email);
      if (user.emailVerified !== undefined) data.emailVerified = user.emailVerified;
      if (user.name !== undefined) data.name = user.name;
      if (user.image !== undefined) data.image = user.image;
      return toAdapterUser(await client.user.update({ where: { id: user.id }, data }));
    },

    async linkAccount(account: AdapterAccount): Promise<void> {
      await client.account.create({
        data: {
          userId: account.userId,
          type: account.type,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          refresh_token: account.refresh_token ?? null,
          access_token: account.access_token ?? null,
          expires_at: account.expires_at ?? null,
          token_type: account.token_type ?? null,
          scope: account.scope ?? null,
          id_token: account.id_token ?? null,
          session_state: typeof account.session_state === "string" ? account.session_state : null,
        },
      });
    },

    async createSession(session: { sessionToken: string; userId: string; expires: Date }): Promise<AdapterSession> {
      const created = await client.session.create({ data: session });
      return { sessionToken: created.sessionToken, userId: created.userId, expires: created.expires };
    },

    async getSessionAndUser(sessionToken: string): Promise<{ session: AdapterSession; user: LatchkeyAdapterUser } | null> {
      const found = await client.session.findUnique({ where: { sessionToken }, include: { user: true } });
      if (!found) return null;
      const { user, ...session } = found;
      return {
        session: { sessionToken: session.sessionToken, userId: session.userId, expires: session.expires },
        user: toAdapterUser(user),
      };
    },

    async updateSession(session: Partial<AdapterSession> & Pick<AdapterSession, "sessionToken">): Promise<AdapterSession | null> {
      try {
        const updated = await client.session.update({
          where: { sessionToken: session.sessionToken },
          data: { ...(session.expires ? { expires: session.expires } : {}), ...(session.userId ? { userId: session.userId } : {}) },
        });
        return { sessionToken: updated.sessionToken, userId: updated.userId, expires: updated.expires };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },

    async deleteSession(sessionToken: string): Promise<void> {
      await client.session.deleteMany({ where: { sessionToken } });
    },

    async createVerificationToken(token: VerificationToken): Promise<VerificationToken> {
      const identifier = normalizeEmail(token.identifier);
      // Housekeeping: this address's expired links are useless; drop them as a new one is made.
      await client.verificationToken.deleteMany({ where: { identifier, expires: { lt: now() } } });
      const created = await client.verificationToken.create({ data: { identifier, token: token.token, expires: token.expires } });
      return { identifier: created.identifier, token: created.token, expires: created.expires };
    },

    /** Deletes the token as it reads it (one use); null when unknown, already used, or expired. */
    async useVerificationToken({ identifier, token }: { identifier: string; token: string }): Promise<VerificationToken | null> {
      let key: { identifier: string; token: string };
      if (typeof identifier === "string" && identifier !== "") {
        key = { identifier: normalizeEmail(identifier), token };
      } else {
        // Auth.js may omit the identifier when the link does not carry it.
        const found = await client.verificationToken.findFirst({ where: { token } });
        if (!found) return null;
        key = { identifier: found.identifier, token };
      }
      let used: VerificationToken;
      try {
        used = await client.verificationToken.delete({ where: { identifier_token: key } });
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
      if (used.expires.getTime() <= now().getTime()) return null;
      return { identifier: used.identifier, token: used.token, expires: used.expires };
    },
  } satisfies Adapter;

  return adapter;
}

export type AuthAdapter = ReturnType<typeof createAuthAdapter>;
