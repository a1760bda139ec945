"""The worker client: access tokens, grantless tokens and RDTs from Latchkey, SP-API calls under the retry
policy, and outcome reporting. Standard library only."""

import platform
import random as _random
import re
import time
from contextlib import contextmanager
from typing import Any, Callable, Generator, List, Mapping, Optional, Sequence, Tuple

from ._http import Transport, urllib_transport
from ._latchkey_api import IssuedRdt, LatchkeyApi
from ._token_cache import TokenCache
from .errors import LatchkeyError
from .gateway import GatewayContext, gateway_fetch
from .management import ManagementApi, WebhookEndpointsApi
from .outcomes import OutcomeReporter
from .retry import DEFAULT_RETRY_POLICY, RetryPolicy
from .spapi import DEFAULT_SPAPI_ENDPOINTS, CallContext, Credentials, QueryValue, SpApiRequest, spapi_fetch
from .types import AccessToken, CallOutcome, GrantlessToken, RestrictedDataToken, RestrictedResource, SpApiResponse

DEFAULT_USER_AGENT = "LatchkeyPythonClient/0.1"


def build_user_agent(app_agent: Optional[str] = None) -> str:
    """Amazon requires ``Language=`` in the User-Agent: ``OrderSync/2.3`` becomes ``OrderSync/2.3 (Language=Python; Platform=Linux)``."""
    agent = (app_agent or "").strip() or DEFAULT_USER_AGENT
    if not re.search(r"\(Language=", agent, re.IGNORECASE):
        agent = f"{agent} (Language=Python; Platform={platform.system() or 'Unknown'})"
    return agent[:500]


def _no_reporting(outcome: CallOutcome) -> None:
    pass


def _outcome_worth_resending(error: BaseException) -> bool:
    return not isinstance(error, LatchkeyError) or error.retryable


class LatchkeyClient(ManagementApi, WebhookEndpointsApi):
    """Talks to Latchkey with an API key (Admin → API keys) and to SP-API with the tokens Latchkey issues; the
    management API (tenants, authorizations, connect links; scope ``management``) comes from ManagementApi,
    webhook endpoints (scope ``webhooks``) from WebhookEndpointsApi.

    ``mode="gateway"`` sends every ``spapi_fetch`` through Latchkey's SP-API gateway (API key scope
    ``gateway``): Latchkey holds the tokens, makes RDTs, shares rate limits and records outcomes, and the worker
    never sees a token; results and errors are the same as ``mode="direct"`` (the default), where the client
    gets tokens from Latchkey and calls Amazon itself. ``gateway_max_wait_ms`` bounds how long Latchkey may hold
    a request for its rate-limit slot. ``spapi_endpoints`` overrides Amazon's hosts per region (point them at
    the sandbox in tests); ``transport``, ``now``, ``sleep`` and ``random`` are injectable for tests.
    """

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        mode: str = "direct",
        gateway_max_wait_ms: Optional[int] = None,
        user_agent: Optional[str] = None,
        report_outcomes: bool = True,
        spapi_endpoints: Optional[Mapping[str, str]] = None,
        retry: RetryPolicy = DEFAULT_RETRY_POLICY,
        token_renew_margin: float = 60.0,
        timeout: float = 30.0,
        outcome_batch_size: int = 100,
        outcome_interval: float = 1.0,
        on_report_error: Optional[Callable[[BaseException], None]] = None,
        transport: Transport = urllib_transport,
        now: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
        random: Callable[[], float] = _random.random,
    ) -> None:
        if not base_url:
            raise ValueError("LatchkeyClient: base_url is required")
        if not api_key:
            raise ValueError("LatchkeyClient: api_key is required")
        if mode not in ("direct", "gateway"):
            raise ValueError('LatchkeyClient: mode is "direct" or "gateway"')
        self._user_agent = build_user_agent(user_agent)
        self._api = LatchkeyApi(base_url, api_key, transport, self._user_agent, timeout)
        self._tokens: TokenCache[AccessToken] = TokenCache(self._api.access_token, now, token_renew_margin)
        self._grantless: TokenCache[GrantlessToken] = TokenCache(lambda scope, _rejected: self._api.grantless_token(scope), now, token_renew_margin)
        # Through the gateway Latchkey records every attempt itself: reporting them too would count each twice.
        self._gateway = (
            GatewayContext(base_url, api_key, transport, self._user_agent, retry, timeout, gateway_max_wait_ms, sleep, random) if mode == "gateway" else None
        )
        self._reporter = (
            OutcomeReporter(self._api.post_outcomes, outcome_batch_size, outcome_interval, is_retryable=_outcome_worth_resending, on_error=on_report_error)
            if report_outcomes and self._gateway is None
            else None
        )
        self._context = CallContext(
            transport=transport,
            endpoints={**DEFAULT_SPAPI_ENDPOINTS, **(spapi_endpoints or {})},
            user_agent=self._user_agent,
            policy=retry,
            timeout=timeout,
            now=now,
            sleep=sleep,
            random=random,
            record=self._reporter.record if self._reporter else _no_reporting,
        )

    def access_token(self, authorization_id: str) -> AccessToken:
        """The authorization's LWA access token, cached in memory until shortly before it expires."""
        return self._tokens.get(authorization_id)

    def forget_access_token(self, authorization_id: str) -> None:
        """Drops a cached access token (the next call asks Latchkey again)."""
        self._tokens.forget(authorization_id)

    def grantless_token(self, scope: str) -> GrantlessToken:
        """A grantless token for ``scope`` (keys limited to tenants may not), cached like access tokens."""
        return self._grantless.get(scope)

    @contextmanager
    def with_rdt(self, authorization_id: str, restricted_resources: Sequence[RestrictedResource], target_application: Optional[str] = None) -> Generator[RestrictedDataToken, None, None]:
        """A Restricted Data Token for ``restricted_resources``, usable inside the ``with`` block only; never cached."""
        issued = self._api.restricted_data_token(authorization_id, list(restricted_resources), target_application)
        rdt = RestrictedDataToken(issued.restricted_data_token, issued.expires_at, issued.region)
        try:
            yield rdt
        finally:
            rdt.discard()

    def _credentials(self, authorization_id: str, rdt: Optional[Sequence[RestrictedResource]]) -> Credentials:
        if not rdt:

            def current() -> Tuple[str, str]:
                token = self._tokens.get(authorization_id)
                return token.access_token, token.region

            def renew(rejected: str) -> None:
                self._tokens.reject(authorization_id, rejected)

            return Credentials(current, renew)
        # An RDT made for this call only: it lives in this closure until the call returns.
        held: List[IssuedRdt] = []
        resources = list(rdt)

        def current_rdt() -> Tuple[str, str]:
            if not held:
                held.append(self._api.restricted_data_token(authorization_id, resources))
            return held[0].restricted_data_token, held[0].region

        def renew_rdt(rejected: str) -> None:
            held.clear()

        return Credentials(current_rdt, renew_rdt)

    def spapi_fetch(
        self,
        authorization_id: str,
        method: str,
        path: str,
        *,
        operation: str,
        query: Optional[Mapping[str, QueryValue]] = None,
        body: Any = None,
        rdt: Optional[Sequence[RestrictedResource]] = None,
        idempotent: Optional[bool] = None,
        headers: Optional[Mapping[str, str]] = None,
    ) -> SpApiResponse:
        """Calls SP-API under the retry policy (see SpApiRequest): at the authorization's regional endpoint, or
        through Latchkey's gateway in gateway mode.

        ``rdt`` makes the call with a fresh RDT covering those resources instead of the access token (in gateway
        mode Latchkey makes it, with the resources' data elements). Raises SpApiCallError or LatchkeyError.
        """
        request = SpApiRequest(method, path, operation, query, body, idempotent, headers)
        if self._gateway is not None:
            return gateway_fetch(authorization_id, request, rdt, self._gateway)
        return spapi_fetch(authorization_id, request, self._credentials(authorization_id, rdt), self._context)

    def flush(self) -> None:
        """Posts buffered outcomes now; never raises."""
        if self._reporter:
            self._reporter.flush()

    def close(self) -> None:
        """Flushes outcomes and stops the reporting thread."""
        if self._reporter:
            self._reporter.close()

    def __enter__(self) -> "LatchkeyClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
