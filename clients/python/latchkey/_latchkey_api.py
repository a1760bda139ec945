"""The Latchkey endpoints the client calls (_paths.py), all through one request core: the API key, a timeout,
and Latchkey's error envelope turned into LatchkeyError with its stable code."""

import json
from datetime import datetime
from typing import Any, Dict, List, Mapping, NamedTuple, Optional, cast
from urllib.parse import urlencode

from ._http import HttpResponse, Transport
from ._paths import ERROR_ENVELOPE, LATCHKEY_ENDPOINTS, REQUEST_ID_HEADER, RETRY_AFTER_HEADER, endpoint_path
from .errors import LatchkeyError
from .types import AccessToken, GrantlessToken, RestrictedResource

REGIONS = ("NA", "EU", "FE")


class IssuedRdt(NamedTuple):
    restricted_data_token: str
    expires_at: datetime
    region: str


def parse_time(value: str) -> datetime:
    """Latchkey's ISO times (``2026-11-22T11:00:00.000Z``) as aware datetimes; ``fromisoformat`` on 3.9 takes no ``Z``."""
    return datetime.fromisoformat(value[:-1] + "+00:00" if value.endswith("Z") else value)


def _json(body: bytes) -> Any:
    try:
        return json.loads(body.decode("utf-8")) if body else None
    except (ValueError, UnicodeDecodeError):
        return None


def _retry_after(response: HttpResponse) -> Optional[float]:
    try:
        return float(response.headers[RETRY_AFTER_HEADER])
    except (KeyError, ValueError):
        return None


def _error_from(response: HttpResponse, body: Any, what: str) -> LatchkeyError:
    envelope: Any = cast(Dict[str, Any], body).get(ERROR_ENVELOPE) if isinstance(body, dict) else None
    error = cast(Dict[str, Any], envelope) if isinstance(envelope, dict) else {}
    code = error.get("code") if isinstance(error.get("code"), str) else "unexpected_response"
    message = error.get("message") if isinstance(error.get("message"), str) else f"Latchkey answered HTTP {response.status}"
    request_id = error.get("requestId") if isinstance(error.get("requestId"), str) else response.headers.get(REQUEST_ID_HEADER)
    return LatchkeyError(str(code), response.status, f"Latchkey refused {what}: {message} ({code}, HTTP {response.status})", request_id, _retry_after(response))


class LatchkeyApi:
    def __init__(self, base_url: str, api_key: str, transport: Transport, user_agent: str, timeout: float) -> None:
        self._base = base_url.rstrip("/")
        self._api_key = api_key
        self._transport = transport
        self._user_agent = user_agent
        self._timeout = timeout

    def call(
        self,
        name: str,
        params: Mapping[str, str] = {},
        body: Optional[Dict[str, Any]] = None,
        query: Optional[Mapping[str, Any]] = None,
        headers: Optional[Mapping[str, Optional[str]]] = None,
    ) -> Dict[str, Any]:
        """One request to Latchkey; returns the answer's JSON object or raises LatchkeyError. ``None`` query values
        and headers are left out."""
        method = LATCHKEY_ENDPOINTS[name].method
        path = endpoint_path(name, params)
        what = f"{method} {path}"
        pairs = [(key, str(value)) for key, value in (query or {}).items() if value is not None]
        url_path = path + ("?" + urlencode(pairs) if pairs else "")
        headers = {
            **{key: value for key, value in (headers or {}).items() if value is not None},
            "authorization": f"Bearer {self._api_key}",
            "accept": "application/json",
            "user-agent": self._user_agent,
        }
        data = None
        if body is not None:
            headers["content-type"] = "application/json"
            data = json.dumps(body).encode("utf-8")
        try:
            response = self._transport(method, self._base + url_path, headers, data, self._timeout)
        except OSError as error:
            raise LatchkeyError("network_error", 0, f"Latchkey did not answer {what}: {type(error).__name__}") from error
        parsed = _json(response.body)
        if not 200 <= response.status < 300:
            raise _error_from(response, parsed, what)
        if response.status == 204:
            return {}
        if not isinstance(parsed, dict):
            raise LatchkeyError("unexpected_response", response.status, f"Latchkey answered {what} without a JSON object")
        return cast(Dict[str, Any], parsed)

    @staticmethod
    def _field(answer: Dict[str, Any], field: str, name: str) -> str:
        value = answer.get(field)
        if not isinstance(value, str) or not value:
            raise LatchkeyError("unexpected_response", 200, f"Latchkey's answer to {LATCHKEY_ENDPOINTS[name].path} has no {field}")
        return value

    def _region(self, answer: Dict[str, Any], name: str) -> str:
        region = self._field(answer, "region", name)
        if region not in REGIONS:
            raise LatchkeyError("unexpected_response", 200, f"Latchkey's answer to {LATCHKEY_ENDPOINTS[name].path} names an unknown region")
        return region

    def access_token(self, authorization_id: str, rejected_token: Optional[str] = None) -> AccessToken:
        answer = self.call("access_token", {"authorizationId": authorization_id}, {"rejectedToken": rejected_token} if rejected_token else None)
        seller = answer.get("sellingPartnerId")
        return AccessToken(
            self._field(answer, "accessToken", "access_token"),
            parse_time(self._field(answer, "expiresAt", "access_token")),
            self._region(answer, "access_token"),
            seller if isinstance(seller, str) else None,
        )

    def restricted_data_token(self, authorization_id: str, resources: List[RestrictedResource], target_application: Optional[str] = None) -> IssuedRdt:
        body: Dict[str, Any] = {"restrictedResources": [resource.to_json() for resource in resources]}
        if target_application:
            body["targetApplication"] = target_application
        answer = self.call("restricted_data_token", {"authorizationId": authorization_id}, body)
        name = "restricted_data_token"
        return IssuedRdt(self._field(answer, "restrictedDataToken", name), parse_time(self._field(answer, "expiresAt", name)), self._region(answer, name))

    def grantless_token(self, scope: str) -> GrantlessToken:
        answer = self.call("grantless_token", body={"scope": scope})
        return GrantlessToken(self._field(answer, "accessToken", "grantless_token"), parse_time(self._field(answer, "expiresAt", "grantless_token")), scope)

    def post_outcomes(self, outcomes: List[Dict[str, Any]]) -> None:
        self.call("outcomes", body={"outcomes": outcomes})
