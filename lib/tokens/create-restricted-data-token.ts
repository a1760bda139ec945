import "server-only";
import { SpApiError } from "@/lib/amazon/spapi";
import { requestRestrictedDataToken, restrictedResourcesInput } from "@/lib/amazon/tokens-api";
import { AppError } from "@/lib/errors";
import { getAccessToken, type TokenRequestOptions } from "./get-access-token";
import { LATCHKEY_OPERATIONS, monitorCall } from "@/lib/monitoring/record-latchkey-call";

/**
 * A Restricted Data Token for the given restricted resources, made with the partner's access token.
 * It is returned to the caller and never stored.
 */
export async function createRestrictedDataToken(authorizationId: string, input: unknown, options: TokenRequestOptions = {}) {
  const resources = restrictedResourcesInput.parse(input);
  const token = await getAccessToken(authorizationId, options);
  try {
    const data = await monitorCall(authorizationId, LATCHKEY_OPERATIONS.createRestrictedDataToken, () =>
      requestRestrictedDataToken({ region: token.authorization.region, accessToken: token.accessToken, resources }),
    );
    return { restrictedDataToken: data.restrictedDataToken, expiresAt: new Date(Date.now() + data.expiresIn * 1000), authorization: token.authorization };
  } catch (error) {
    if (!(error instanceof SpApiError)) throw error;
    if (error.unexpected) throw new AppError("amazon_unexpected_response", "Amazon answered the Restricted Data Token request in a shape Latchkey does not recognise; no token was issued.", { cause: error });
    if (error.transient) throw new AppError(error.status === 429 ? "rate_limited" : "amazon_unavailable", undefined, { cause: error, details: { amazonCode: error.code } });
    if (error.status === 400) throw new AppError("invalid_input", "Amazon rejected these restricted resources.", { cause: error, details: { amazonCode: error.code } });
    throw new AppError("forbidden", "Amazon refused a Restricted Data Token for these resources (the app may lack the restricted role).", { cause: error, details: { amazonCode: error.code } });
  }
}
