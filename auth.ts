// Auth.js for the App Router. The config lives in lib/auth/auth-config.ts; it is built on first use and
// then kept, so `next build` needs no secret and every request after the first reuses it.
import NextAuth, { type NextAuthConfig } from "next-auth";
import { buildAuthConfig } from "@/lib/auth/auth-config";

let config: NextAuthConfig | undefined;

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  config ??= buildAuthConfig();
  return config;
});
