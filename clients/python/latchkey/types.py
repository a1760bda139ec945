"""The client's public value types. Tokens never show in a repr, so logging one of these leaks nothing."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Dict, Mapping, Optional, Sequence

#: The scopes Latchkey issues grantless (client_credentials) tokens for.
GRANTLESS_SCOPES = ("sellingpartnerapi::notifications", "sellingpartnerapi::client_credential:rotation")


@dataclass(frozen=True)
class AccessToken:
    access_token: str = field(repr=False)
    expires_at: datetime
    #: ``NA``, ``EU`` or ``FE``.
    region: str
    #: The seller id, or the vendor group id; None when Amazon never told Latchkey.
    selling_partner_id: Optional[str]


@dataclass(frozen=True)
class GrantlessToken:
    access_token: str = field(repr=False)
    expires_at: datetime
    scope: str


@dataclass(frozen=True)
class RestrictedResource:
    """One restricted operation an RDT should cover (Amazon's ``restrictedResources`` entry)."""

    method: str
    #: The operation's path with real ids, e.g. ``/orders/v0/orders/902-3159896-1390916``.
    path: str
    #: Orders getOrder/getOrders/getOrderItems only: ``buyerInfo``, ``shippingAddress``.
    data_elements: Optional[Sequence[str]] = None

    def to_json(self) -> Dict[str, Any]:
        entry: Dict[str, Any] = {"method": self.method, "path": self.path}
        if self.data_elements:
            entry["dataElements"] = list(self.data_elements)
        return entry


_DISCARDED = "This Restricted Data Token was discarded when the with_rdt block ended; request a new one."


class RestrictedDataToken:
    """What ``with_rdt`` yields. Reading ``restricted_data_token`` after the block ended raises."""

    def __init__(self, token: str, expires_at: datetime, region: str) -> None:
        self._token: Optional[str] = token
        self.expires_at = expires_at
        self.region = region

    @property
    def restricted_data_token(self) -> str:
        if self._token is None:
            raise RuntimeError(_DISCARDED)
        return self._token

    def discard(self) -> None:
        self._token = None

    def __repr__(self) -> str:
        return f"RestrictedDataToken(restricted_data_token='[REDACTED]', expires_at={self.expires_at!r}, region={self.region!r})"


@dataclass(frozen=True)
class SpApiResponse:
    status: int
    #: The parsed JSON body (None when empty; the raw text when it is not JSON).
    data: Any
    #: Header names in lower case.
    headers: Mapping[str, str]
    request_id: Optional[str]
    #: ``x-amzn-RateLimit-Limit`` (requests per second), when Amazon sent it.
    rate_limit: Optional[float]
    #: How many HTTP attempts the call took (1 = no retry).
    attempts: int


#: One SP-API attempt's outcome as posted to ``POST /api/v1/outcomes``: authorizationId, operation, status
#: (0 = no answer), latencyMs, at (ISO time the attempt started).
CallOutcome = Dict[str, Any]
