// The token cache as lib/tokens' modules and callers have always imported it; it lives in lib/token-cache/
// so that the app client's grantless tokens can use it without lib/app-client importing lib/tokens.
export { forgetMemoryToken, getCachedToken, invalidateIfCurrent } from "@/lib/token-cache/token-cache";
