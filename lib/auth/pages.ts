// Where Auth.js sends people: our own pages in app/(auth)/.
export const AUTH_PAGES = {
  signIn: "/sign-in",
  verifyRequest: "/sign-in/check-email",
  error: "/sign-in/error",
} as const;
