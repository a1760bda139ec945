/** The associated data that binds an encrypted refresh token to its authorization row. */
export function refreshTokenContext(authorizationId: string): string {
  return `authorization:${authorizationId}:refresh_token`;
}
