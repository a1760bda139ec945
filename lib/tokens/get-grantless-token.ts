// The grantless-token API route's entry point: the token is the app client's own (lib/app-client).
export { GRANTLESS_SCOPES } from "@/lib/amazon/lwa";
export { getGrantlessToken } from "@/lib/app-client/get-grantless-token";
