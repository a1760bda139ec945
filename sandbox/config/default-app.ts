import type { AppInput } from "../apps/app-input";

/**
 * The app every fresh sandbox knows, so `npm run dev` works with zero configuration. These are
 * sandbox-only test credentials (like a payment provider's test keys), documented in sandbox/README.md.
 */
export const DEFAULT_APP = {
  applicationId: "amzn1.sp.solution.latchkey-sandbox",
  clientId: "amzn1.application-oa2-client.latchkeysandbox",
  clientSecret: "amzn1.oa2-cs.v1.latchkey-sandbox-secret-0001",
  appName: "Latchkey Sandbox App",
  redirectUris: ["http://localhost:3000/api/oauth/callback"],
  loginUri: "http://localhost:3000/appstore/login",
  published: false,
  notificationQueueEnrolled: true,
} as const satisfies AppInput;

export function defaultAppInput(): AppInput {
  return { ...DEFAULT_APP, redirectUris: [...DEFAULT_APP.redirectUris] };
}
