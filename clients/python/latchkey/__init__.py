"""Latchkey's worker client for Python: SP-API tokens from Latchkey, SP-API calls under Amazon's retry rules,
outcome reporting, and webhook signature verification. Standard library only."""

from ._paths import GATEWAY_PATH, LATCHKEY_ENDPOINTS, LATCHKEY_NESTED_FIELDS, Endpoint, endpoint_path, gateway_path
from .client import LatchkeyClient, build_user_agent
from .management import ManagementApi, Page, WebhookEndpointsApi
from .errors import LatchkeyError, SpApiCallError, SpApiFailureKind
from .retry import DEFAULT_RETRY_POLICY, RetryPolicy
from .spapi import DEFAULT_SPAPI_ENDPOINTS
from .types import GRANTLESS_SCOPES, AccessToken, GrantlessToken, RestrictedDataToken, RestrictedResource, SpApiResponse
from .webhooks import DEFAULT_WEBHOOK_TOLERANCE_SECONDS, WEBHOOK_SIGNATURE_HEADER, WebhookVerification, verify_webhook_signature

__version__ = "0.1.0"

__all__ = [
    "AccessToken",
    "DEFAULT_RETRY_POLICY",
    "DEFAULT_SPAPI_ENDPOINTS",
    "DEFAULT_WEBHOOK_TOLERANCE_SECONDS",
    "Endpoint",
    "GATEWAY_PATH",
    "GRANTLESS_SCOPES",
    "GrantlessToken",
    "LATCHKEY_ENDPOINTS",
    "LATCHKEY_NESTED_FIELDS",
    "LatchkeyClient",
    "LatchkeyError",
    "ManagementApi",
    "Page",
    "RestrictedDataToken",
    "RestrictedResource",
    "RetryPolicy",
    "SpApiCallError",
    "SpApiFailureKind",
    "SpApiResponse",
    "WEBHOOK_SIGNATURE_HEADER",
    "WebhookEndpointsApi",
    "WebhookVerification",
    "build_user_agent",
    "endpoint_path",
    "gateway_path",
    "verify_webhook_signature",
]
