"""One SP-API call through Latchkey's gateway (``mode="gateway"``): the worker never holds a token. Latchkey
runs the retry policy itself (401 replay, 5xx for idempotent calls, 429 under the shared rate bucket) and
records every attempt's outcome, so this side only turns the answer into the same results and errors as a
direct call, as the TypeScript client does:

- an Amazon error (the gateway names it in ``x-latchkey-error-kind``) → SpApiCallError of that kind;
- ``503 amazon_unavailable`` (Amazon did not answer) → SpApiCallError ``unavailable``;
- ``429 rate_limited`` (the shared bucket had no slot within the wait) → waited out, then SpApiCallError ``throttled``;
- Latchkey did not answer → retried like a transient failure for idempotent calls, then LatchkeyError;
- any other refusal of Latchkey's (``operation_not_in_ledger``, ``authorization_revoked``, …) → LatchkeyError."""

import json
from typing import Any, Callable, Dict, NamedTuple, NoReturn, Optional, Sequence

from ._http import HttpResponse, Transport
from ._paths import ERROR_ENVELOPE, REQUEST_ID_HEADER, RETRY_AFTER_HEADER, gateway_path
from .errors import LatchkeyError, SpApiCallError
from .retry import RetryPolicy, backoff_delay, throttled_delay
from .spapi import SpApiRequest, _parse_body, spapi_url
from .types import RestrictedResource, SpApiResponse

#: The gateway's own request and answer headers (README, "SP-API gateway").
DATA_ELEMENTS_HEADER = "x-latchkey-data-elements"
IDEMPOTENT_HEADER = "x-latchkey-idempotent"
MAX_WAIT_HEADER = "x-latchkey-max-wait-ms"
ERROR_KIND_HEADER = "x-latchkey-error-kind"
ATTEMPTS_HEADER = "x-latchkey-attempts"

_FAILURE_KINDS = ("unauthorized", "missing_token", "forbidden", "throttled", "unavailable", "rejected")


class GatewayContext(NamedTuple):
    base_url: str
    api_key: str
    transport: Transport
    user_agent: str
    policy: RetryPolicy
    timeout: float
    #: Sent as ``x-latchkey-max-wait-ms`` when set.
    max_wait_ms: Optional[int]
    sleep: Callable[[float], None]
    random: Callable[[], float]


def _number(headers: Dict[str, str], name: str) -> Optional[float]:
    try:
        return float(headers[name])
    except (KeyError, ValueError):
        return None


def _latchkey_error(data: Any) -> Optional[Dict[str, Any]]:
    error = data.get(ERROR_ENVELOPE) if isinstance(data, dict) else None
    return error if isinstance(error, dict) and isinstance(error.get("code"), str) else None


def _amazon_code(data: Any) -> Optional[str]:
    errors = data.get("errors") if isinstance(data, dict) else None
    code = errors[0].get("code") if isinstance(errors, list) and errors and isinstance(errors[0], dict) else None
    return code if isinstance(code, str) else None


def _request_headers(request: SpApiRequest, rdt: Optional[Sequence[RestrictedResource]], ctx: GatewayContext, has_body: bool) -> Dict[str, str]:
    headers = dict(request.headers or {})
    headers.update({"authorization": f"Bearer {ctx.api_key}", "user-agent": ctx.user_agent, "accept": "application/json"})
    if has_body:
        headers["content-type"] = "application/json"
    elements = list(dict.fromkeys(element for resource in rdt or () for element in resource.data_elements or ()))
    if elements:
        headers[DATA_ELEMENTS_HEADER] = ",".join(elements)
    if request.idempotent is not None:
        headers[IDEMPOTENT_HEADER] = "true" if request.idempotent else "false"
    if ctx.max_wait_ms is not None:
        headers[MAX_WAIT_HEADER] = str(ctx.max_wait_ms)
    return headers


def gateway_fetch(authorization_id: str, request: SpApiRequest, rdt: Optional[Sequence[RestrictedResource]], ctx: GatewayContext) -> SpApiResponse:
    method = request.method.upper()
    operation = request.operation
    replayable = request.idempotent if request.idempotent is not None else method not in ("POST", "PATCH")
    data = None if request.body is None else json.dumps(request.body).encode("utf-8")
    url = spapi_url(ctx.base_url.rstrip("/") + gateway_path(authorization_id), request.path, request.query)
    headers = _request_headers(request, rdt, ctx, data is not None)
    unanswered = rate_limited = attempts = 0

    def fail(kind: str, status: int, amazon_code: Optional[str], request_id: Optional[str], message: str) -> NoReturn:
        raise SpApiCallError(kind, status, amazon_code, operation, authorization_id, request_id, attempts, f"{operation} for authorization {authorization_id}: {message}")  # type: ignore[arg-type]

    while True:
        try:
            response: HttpResponse = ctx.transport(method, url, headers, data, ctx.timeout)
        except OSError as error:
            unanswered += 1
            if replayable and unanswered < ctx.policy.max_transient_attempts:
                ctx.sleep(backoff_delay(unanswered, ctx.policy, ctx.random))
                continue
            raise LatchkeyError("network_error", 0, f"Latchkey's gateway did not answer {method} {request.path}") from error
        attempts += int(_number(response.headers, ATTEMPTS_HEADER) or 1)
        body = _parse_body(response.body)
        amazon_request_id = response.headers.get("x-amzn-requestid")
        if response.status < 400:
            return SpApiResponse(response.status, body, response.headers, amazon_request_id, _number(response.headers, "x-amzn-ratelimit-limit"), attempts)

        kind = response.headers.get(ERROR_KIND_HEADER)
        if kind in _FAILURE_KINDS:
            code = _amazon_code(body)
            fail(kind, response.status, code, amazon_request_id, f"Amazon refused the call through Latchkey's gateway (HTTP {response.status}{' ' + code if code else ''}, {kind}).")
        refusal = _latchkey_error(body)
        if refusal and refusal["code"] == "amazon_unavailable":
            fail("unavailable", 0, None, None, f"no answer from Amazon through Latchkey's gateway ({refusal.get('message')}).")
        if refusal and refusal["code"] == "rate_limited":
            rate_limited += 1
            if rate_limited >= ctx.policy.max_throttled_attempts:
                fail("throttled", response.status, None, None, f"Latchkey's shared rate limit had no slot on all {rate_limited} attempts.")
            ctx.sleep(max(_number(response.headers, RETRY_AFTER_HEADER) or 0.0, throttled_delay(rate_limited, None, ctx.policy, ctx.random)))
            continue
        code = refusal["code"] if refusal else "unexpected_response"
        message = refusal.get("message") if refusal else f"HTTP {response.status}"
        request_id = refusal.get("requestId") if refusal else response.headers.get(REQUEST_ID_HEADER)
        raise LatchkeyError(code, response.status, f"Latchkey's gateway refused {operation}: {message} ({code}, HTTP {response.status})", request_id, _number(response.headers, RETRY_AFTER_HEADER))
