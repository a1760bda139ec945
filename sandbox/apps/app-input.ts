import { z } from "zod";
import { newClientSecret, newUuid } from "../ids";
import type { App } from "../state/types";

export const CLIENT_SECRET_LIFETIME_MS = 180 * 24 * 60 * 60 * 1000;

const expirySchema = z.union([z.number(), z.iso.datetime({ offset: true }).transform((value) => Date.parse(value))]);

/** What a test or the env gives to register (or update) an app. Only `applicationId` is needed for an update. */
export const appInputSchema = z.object({
  applicationId: z.string().min(1),
  clientId: z.string().min(1).optional(),
  appName: z.string().min(1).optional(),
  /** A single secret; it expires 180 days after registration. */
  clientSecret: z.string().min(1).optional(),
  /** Full control over the secrets (oldest first, last = current). */
  clientSecrets: z.array(z.object({ value: z.string().min(1), expiresAt: expirySchema })).min(1).optional(),
  redirectUris: z.array(z.url()).min(1).optional(),
  loginUri: z.url().nullable().optional(),
  published: z.boolean().optional(),
  notificationQueueEnrolled: z.boolean().optional(),
});
export type AppInput = z.input<typeof appInputSchema>;
type ParsedAppInput = z.output<typeof appInputSchema>;

export class AppInputError extends Error {}

export function parseAppInput(input: unknown): ParsedAppInput {
  const result = appInputSchema.safeParse(input);
  if (!result.success) throw new AppInputError(z.prettifyError(result.error));
  return result.data;
}

function secretsFrom(input: ParsedAppInput, now: number): App["clientSecrets"] | undefined {
  if (input.clientSecrets) {
    return input.clientSecrets.map((secret) => ({ value: secret.value, createdAt: now, expiresAt: secret.expiresAt }));
  }
  if (input.clientSecret) return [{ value: input.clientSecret, createdAt: now, expiresAt: now + CLIENT_SECRET_LIFETIME_MS }];
  return undefined;
}

function createApp(input: ParsedAppInput, now: number): App {
  if (!input.redirectUris) throw new AppInputError("redirectUris: at least one redirect URI is required for a new app");
  return {
    applicationId: input.applicationId,
    clientId: input.clientId ?? `amzn1.application-oa2-client.${newUuid().replaceAll("-", "")}`,
    appName: input.appName ?? "Sandbox App",
    clientSecrets: secretsFrom(input, now) ?? [{ value: newClientSecret(), createdAt: now, expiresAt: now + CLIENT_SECRET_LIFETIME_MS }],
    redirectUris: input.redirectUris,
    ...(input.loginUri ? { loginUri: input.loginUri } : {}),
    published: input.published ?? false,
    notificationQueueEnrolled: input.notificationQueueEnrolled ?? true,
    subscriptionId: newUuid(),
  };
}

function updateApp(existing: App, input: ParsedAppInput, now: number): App {
  let clientSecrets = existing.clientSecrets;
  if (input.clientSecrets) {
    clientSecrets = secretsFrom(input, now) ?? clientSecrets;
  } else if (input.clientSecret && !existing.clientSecrets.some((secret) => secret.value === input.clientSecret)) {
    clientSecrets = [...existing.clientSecrets, { value: input.clientSecret, createdAt: now, expiresAt: now + CLIENT_SECRET_LIFETIME_MS }];
  }
  const updated: App = {
    ...existing,
    clientId: input.clientId ?? existing.clientId,
    appName: input.appName ?? existing.appName,
    clientSecrets,
    redirectUris: input.redirectUris ?? existing.redirectUris,
    published: input.published ?? existing.published,
    notificationQueueEnrolled: input.notificationQueueEnrolled ?? existing.notificationQueueEnrolled,
  };
  if (input.loginUri) updated.loginUri = input.loginUri;
  if (input.loginUri === null) delete updated.loginUri;
  return updated;
}

/** Registers a new app or updates the one with the same applicationId. `now` dates new secrets. */
export function upsertApp(apps: App[], input: ParsedAppInput, now: number): { app: App; created: boolean } {
  const index = apps.findIndex((app) => app.applicationId === input.applicationId);
  const clash = apps.find((app) => app.clientId === input.clientId && app.applicationId !== input.applicationId);
  if (clash) throw new AppInputError(`clientId is already used by ${clash.applicationId}`);
  if (index === -1) {
    const app = createApp(input, now);
    apps.push(app);
    return { app, created: true };
  }
  const app = updateApp(apps[index] as App, input, now);
  apps[index] = app;
  return { app, created: false };
}
