"""One SP-API call under Latchkey's retry policy (the seeds' rules, as the TypeScript client has them):

- 401, or 403 ``Unauthorized`` (Amazon's answer to a bad token): drop the token, get a fresh one from
  Latchkey, replay once; the same answer again fails loudly (``unauthorized``).
- any other 403: no retry, classified (``missing_token`` | ``forbidden``).
- 429: exponential backoff with full jitter, at least 1/rate seconds (``x-amzn-RateLimit-Limit``), bounded.
- 5xx or no answer: bounded jittered retries, idempotent requests only.
Every attempt's outcome goes to the reporter."""

import json
from datetime import datetime, timezone
from typing import Any, Callable, Dict, List, Mapping, NamedTuple, NoReturn, Optional, Sequence, Tuple, Union
from urllib.parse import urlencode

from ._http import HttpResponse, Transport
from .errors import SpApiCallError, SpApiFailureKind
from .retry import RetryPolicy, backoff_delay, throttled_delay
from .types import CallOutcome, SpApiResponse

#: Amazon's production SP-API hosts per region. Override them to reach the sandbox or a mock.
DEFAULT_SPAPI_ENDPOINTS: Dict[str, str] = {
    "NA": "https://sellingpartnerapi-na.amazon.com",
    "EU": "https://sellingpartnerapi-eu.amazon.com",
    "FE": "https://sellingpartnerapi-fe.amazon.com",
}

QueryValue = Union[str, int, float, bool, Sequence[str], None]


class Credentials(NamedTuple):
    """Where the token for an attempt comes from: the cached access token, or an RDT made for this call."""

    #: Returns (token, region).
    current: Callable[[], Tuple[str, str]]
    #: Amazon rejected the given token: forget it so ``current()`` fetches a fresh one.
    renew: Callable[[str], None]


class CallContext(NamedTuple):
    transport: Transport
    endpoints: Mapping[str, str]
    user_agent: str
    policy: RetryPolicy
    timeout: float
    now: Callable[[], float]
    sleep: Callable[[float], None]
    random: Callable[[], float]
    record: Callable[[CallOutcome], None]


def spapi_url(base: str, path: str, query: Optional[Mapping[str, QueryValue]] = None) -> str:
    url = base.rstrip("/") + (path if path.startswith("/") else "/" + path)
    pairs: List[Tuple[str, str]] = []
    for key, value in (query or {}).items():
        if value is None:
            continue
        if isinstance(value, bool):
            pairs.append((key, "true" if value else "false"))
        elif isinstance(value, (list, tuple)):
            pairs.append((key, ",".join(str(v) for v in value)))
        else:
            pairs.append((key, str(value)))
    return url + ("?" + urlencode(pairs) if pairs else "")


def _amazon_error(body: bytes) -> Tuple[Optional[str], Optional[str]]:
    try:
        first = json.loads(body.decode("utf-8"))["errors"][0]
        code, message = first.get("code"), first.get("message")
        return (code if isinstance(code, str) else None, message if isinstance(message, str) else None)
    except (ValueError, UnicodeDecodeError, KeyError, IndexError, TypeError, AttributeError):
        return None, None


def _number_header(response: Optional[HttpResponse], name: str) -> Optional[float]:
    try:
        return float(response.headers[name]) if response is not None else None
    except (KeyError, ValueError):
        return None


def _parse_body(body: bytes) -> Any:
    if not body:
        return None
    text = body.decode("utf-8", errors="replace")
    try:
        return json.loads(text)
    except ValueError:
        return text


class SpApiRequest(NamedTuple):
    method: str
    #: The SP-API path, e.g. ``/sellers/v1/marketplaceParticipations``.
    path: str
    #: The operation's name (e.g. ``getOrders``), used in outcome metrics and error messages.
    operation: str
    #: Lists are sent comma-separated, as SP-API expects (``MarketplaceIds=A,B``); None values are left out.
    query: Optional[Mapping[str, QueryValue]] = None
    #: Sent as JSON.
    body: Any = None
    #: Whether a 5xx or a lost answer may be replayed. Default: not for POST and PATCH (they could create
    #: something twice). Throttling (429) is always retried: Amazon did nothing.
    idempotent: Optional[bool] = None
    #: Extra request headers (never ``x-amz-access-token``, which the client sets).
    headers: Optional[Mapping[str, str]] = None


def spapi_fetch(authorization_id: str, request: SpApiRequest, credentials: Credentials, ctx: CallContext) -> SpApiResponse:
    method = request.method.upper()
    operation = request.operation
    replayable = request.idempotent if request.idempotent is not None else method not in ("POST", "PATCH")
    renewed = False
    throttled = transient = attempts = 0
    data = None if request.body is None else json.dumps(request.body).encode("utf-8")

    def fail(kind: SpApiFailureKind, status: int, response: Optional[HttpResponse], message: str) -> NoReturn:
        code, _ = _amazon_error(response.body) if response is not None else (None, None)
        request_id = response.headers.get("x-amzn-requestid") if response is not None else None
        raise SpApiCallError(kind, status, code, operation, authorization_id, request_id, attempts, f"{operation} for authorization {authorization_id}: {message}")

    while True:
        token, region = credentials.current()
        attempts += 1
        started = ctx.now()
        response: Optional[HttpResponse] = None
        request_headers = dict(request.headers or {})
        request_headers.update({"x-amz-access-token": token, "user-agent": ctx.user_agent, "accept": "application/json"})
        if data is not None:
            request_headers["content-type"] = "application/json"
        try:
            response = ctx.transport(method, spapi_url(ctx.endpoints[region], request.path, request.query), request_headers, data, ctx.timeout)
        except OSError:
            response = None
        status = response.status if response is not None else 0
        at = datetime.fromtimestamp(started, timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        ctx.record({"authorizationId": authorization_id, "operation": operation, "status": status, "latencyMs": max(0, round((ctx.now() - started) * 1000)), "at": at})

        if response is not None and 200 <= status < 300:
            return SpApiResponse(status, _parse_body(response.body), response.headers, response.headers.get("x-amzn-requestid"), _number_header(response, "x-amzn-ratelimit-limit"), attempts)
        code, message = _amazon_error(response.body) if response is not None else (None, None)
        said = f"HTTP {status}" + (f" {code}" if code else "") + (f' "{message}"' if message else "")

        if status == 401 or (status == 403 and code == "Unauthorized"):
            if renewed:
                fail("unauthorized", status, response, f"Amazon refused a freshly issued token too ({said}) after one refresh and replay; the authorization is probably revoked or lacks this role. Not retrying.")
            renewed = True
            credentials.renew(token)
            continue
        if status == 403:
            fail("missing_token" if code == "MissingAuthenticationToken" else "forbidden", status, response, f"Amazon refused the call ({said}); not retried.")
        if status == 429:
            throttled += 1
            if throttled >= ctx.policy.max_throttled_attempts:
                fail("throttled", status, response, f"throttled on all {throttled} attempts ({said}).")
            ctx.sleep(throttled_delay(throttled, _number_header(response, "x-amzn-ratelimit-limit"), ctx.policy, ctx.random))
            continue
        if status == 0 or status >= 500:
            transient += 1
            what = "no answer from Amazon" if status == 0 else said
            if not replayable:
                fail("unavailable", status, response, f"{what}; a {method} is not replayed (pass idempotent=True if it is safe).")
            if transient >= ctx.policy.max_transient_attempts:
                fail("unavailable", status, response, f"{what} on all {transient} attempts.")
            ctx.sleep(backoff_delay(transient, ctx.policy, ctx.random))
            continue
        fail("rejected", status, response, f"Amazon rejected the call ({said}); not retried.")
