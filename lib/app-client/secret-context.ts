/** The associated data that binds an encrypted client secret to its row. */
export function clientSecretContext(appClientId: string, version: number): string {
  return `app-client:${appClientId}:secret:${version}`;
}
