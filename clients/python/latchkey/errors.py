"""The two errors the client raises: LatchkeyError (Latchkey refused or could not be reached) and
SpApiCallError (Amazon refused the call, after the retry policy ran). Neither ever carries a token."""

from typing import Literal, Optional


class LatchkeyError(Exception):
    """Latchkey answered ``{"error": {"code", "message", "requestId"}}``, or could not be reached.

    ``code`` is Latchkey's stable code (``authorization_revoked``, ``not_found``, ``rate_limited``, ...), or
    ``network_error`` (status 0) / ``unexpected_response`` from the client itself.
    """

    def __init__(self, code: str, status: int, message: str, request_id: Optional[str] = None, retry_after: Optional[float] = None) -> None:
        super().__init__(message)
        self.code = code
        #: HTTP status; 0 when Latchkey did not answer.
        self.status = status
        self.message = message
        self.request_id = request_id
        #: Seconds, from ``Retry-After`` on 429 and 503 answers.
        self.retry_after = retry_after

    @property
    def retryable(self) -> bool:
        """Worth trying again later (throttled, Amazon or Latchkey unavailable); the rest needs a person."""
        return self.status == 0 or self.status == 429 or self.code == "amazon_unavailable" or self.status >= 500

    def __repr__(self) -> str:
        return f"LatchkeyError(code={self.code!r}, status={self.status}, request_id={self.request_id!r})"


#: How an SP-API call finally failed; see SpApiCallError.
SpApiFailureKind = Literal["unauthorized", "missing_token", "forbidden", "throttled", "unavailable", "rejected"]


class SpApiCallError(Exception):
    """How an SP-API call failed after the retry policy ran.

    - ``unauthorized``: 401, or 403 ``Unauthorized``, still there after one token refresh and replay.
    - ``missing_token``: 403 ``MissingAuthenticationToken``.
    - ``forbidden``: any other 403 (role, scope, vendor linkage): not retried.
    - ``throttled``: 429 on every attempt.
    - ``unavailable``: 5xx or no answer on every attempt (or once, for a method that is not replayed).
    - ``rejected``: another 4xx: not retried.
    """

    def __init__(
        self,
        kind: SpApiFailureKind,
        status: int,
        amazon_code: Optional[str],
        operation: str,
        authorization_id: str,
        request_id: Optional[str],
        attempts: int,
        message: str,
    ) -> None:
        super().__init__(message)
        self.kind = kind
        #: The last attempt's HTTP status; 0 when there was no answer.
        self.status = status
        #: Amazon's error code from ``{"errors": [{"code"}]}``, e.g. ``Unauthorized``, ``QuotaExceeded``.
        self.amazon_code = amazon_code
        self.operation = operation
        self.authorization_id = authorization_id
        #: ``x-amzn-RequestId``, for Amazon support.
        self.request_id = request_id
        self.attempts = attempts
