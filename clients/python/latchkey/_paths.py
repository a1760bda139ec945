"""Every Latchkey path the client calls and every field it sends or reads, in one table, so a check against
Latchkey's OpenAPI document can walk it. The client builds its requests and reads its answers from here."""

from typing import Dict, Mapping, NamedTuple, Tuple
from urllib.parse import quote


class Endpoint(NamedTuple):
    method: str
    #: The path template; ``{name}`` segments are filled in (URL-encoded) by :func:`endpoint_path`.
    path: str
    #: Top-level JSON body fields the client may send.
    request_fields: Tuple[str, ...]
    #: Top-level JSON fields the client reads from a success answer.
    response_fields: Tuple[str, ...]
    #: Query parameters the client may send (list calls).
    query_fields: Tuple[str, ...] = ()
    #: Request headers the client may send besides authorization/accept/content-type/user-agent.
    headers: Tuple[str, ...] = ()


_TENANT_FIELDS = ("id", "externalId", "name", "kind", "contactEmail", "metadata", "marketplaceIds", "quarantinedAt", "createdAt", "updatedAt")
_TENANT_WRITE_FIELDS = ("name", "contactEmail", "externalId", "metadata", "marketplaceIds")
_PAGE_FIELDS = ("data", "nextCursor")
_AUTHORIZATION_FIELDS = ("id", "tenantId", "tenantExternalId", "region", "sellingPartnerId", "status", "createdAt")


LATCHKEY_ENDPOINTS: Dict[str, Endpoint] = {
    "access_token": Endpoint(
        "POST",
        "/api/v1/authorizations/{authorizationId}/access-token",
        ("rejectedToken",),
        ("accessToken", "expiresAt", "region", "sellingPartnerId"),
    ),
    "restricted_data_token": Endpoint(
        "POST",
        "/api/v1/authorizations/{authorizationId}/restricted-data-token",
        ("restrictedResources", "targetApplication"),
        ("restrictedDataToken", "expiresAt", "region"),
    ),
    "grantless_token": Endpoint("POST", "/api/v1/grantless-tokens", ("scope",), ("accessToken", "expiresAt", "scope")),
    "outcomes": Endpoint("POST", "/api/v1/outcomes", ("outcomes",), ()),
    # --- management API (scope ``management``) ---
    "create_tenant": Endpoint("POST", "/api/v1/tenants", _TENANT_WRITE_FIELDS + ("kind",), _TENANT_FIELDS, headers=("idempotency-key",)),
    "list_tenants": Endpoint("GET", "/api/v1/tenants", (), _PAGE_FIELDS, query_fields=("limit", "cursor", "kind", "externalId", "contactEmail")),
    "get_tenant": Endpoint("GET", "/api/v1/tenants/{id}", (), _TENANT_FIELDS),
    "update_tenant": Endpoint("PATCH", "/api/v1/tenants/{id}", _TENANT_WRITE_FIELDS, _TENANT_FIELDS),
    "get_tenant_by_external_id": Endpoint("GET", "/api/v1/tenants/by-external-id/{externalId}", (), _TENANT_FIELDS),
    "list_authorizations": Endpoint(
        "GET", "/api/v1/authorizations", (), _PAGE_FIELDS, query_fields=("limit", "cursor", "tenantId", "externalId", "sellingPartnerId", "region", "status")
    ),
    "get_authorization": Endpoint("GET", "/api/v1/authorizations/{id}", (), _AUTHORIZATION_FIELDS + ("tenant",)),
    "create_connect_link": Endpoint(
        "POST",
        "/api/v1/connect-links",
        ("tenantId", "externalId", "region", "flow", "returnUrl", "marketplaceId"),
        ("id", "url", "expiresAt", "tenantId", "region", "flow"),
        headers=("idempotency-key",),
    ),
    # --- webhook endpoints (scope ``webhooks``) ---
    "list_webhook_endpoints": Endpoint("GET", "/api/v1/webhook-endpoints", (), ("endpoints",)),
    "create_webhook_endpoint": Endpoint("POST", "/api/v1/webhook-endpoints", ("url", "description", "eventTypes", "tenantId", "enabled"), ("endpoint", "secret")),
    "get_webhook_endpoint": Endpoint("GET", "/api/v1/webhook-endpoints/{id}", (), ("endpoint",)),
    "update_webhook_endpoint": Endpoint("PATCH", "/api/v1/webhook-endpoints/{id}", ("url", "description", "eventTypes", "enabled"), ("endpoint",)),
    "delete_webhook_endpoint": Endpoint("DELETE", "/api/v1/webhook-endpoints/{id}", (), ()),
    "list_webhook_deliveries": Endpoint("GET", "/api/v1/webhook-endpoints/{id}/deliveries", (), ("deliveries", "nextCursor"), query_fields=("status", "limit", "cursor")),
    "send_test_webhook": Endpoint("POST", "/api/v1/webhook-endpoints/{id}/test", (), ("delivery",)),
    "redeliver_webhook": Endpoint("POST", "/api/v1/webhook-endpoints/{id}/deliveries/{deliveryId}/redeliver", (), ("delivery",)),
}

#: Fields of the nested objects the client sends: one restricted resource, one outcome.
LATCHKEY_NESTED_FIELDS: Dict[str, Tuple[str, ...]] = {
    "restricted_resource": ("method", "path", "dataElements"),
    "outcome": ("authorizationId", "operation", "status", "latencyMs", "at"),
}

#: Latchkey's error envelope ``{"error": {"code", "message", "requestId"}}`` and the headers the client reads.
ERROR_ENVELOPE = "error"
ERROR_FIELDS: Tuple[str, ...] = ("code", "message", "requestId")
REQUEST_ID_HEADER = "x-request-id"
RETRY_AFTER_HEADER = "retry-after"


def endpoint_path(name: str, params: Mapping[str, str] = {}) -> str:
    """``endpoint_path("access_token", {"authorizationId": "a/b"})`` → ``/api/v1/authorizations/a%2Fb/access-token``."""
    path = LATCHKEY_ENDPOINTS[name].path
    for key in [part.split("}")[0] for part in path.split("{")[1:]]:
        if key not in params:
            raise TypeError(f"endpoint_path({name}): {key} is required")
        path = path.replace("{" + key + "}", quote(params[key], safe=""))
    return path


#: The SP-API gateway's base path: the Amazon path follows it, with any method Amazon's operation takes.
GATEWAY_PATH = "/api/v1/spapi/{authorizationId}"


def gateway_path(authorization_id: str) -> str:
    """``gateway_path("a/b")`` → ``/api/v1/spapi/a%2Fb``."""
    return GATEWAY_PATH.replace("{authorizationId}", quote(authorization_id, safe=""))
