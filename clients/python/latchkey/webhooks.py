"""Verifies the signature Latchkey puts on what it POSTs to you (alert webhooks, and the notification ingest's
scheme): ``x-latchkey-signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>``.
Several v1 values may be present (a secret being rotated); one matching is enough. Compared in constant time."""

import hashlib
import hmac
import re
import time
from typing import List, NamedTuple, Optional, Tuple, Union

WEBHOOK_SIGNATURE_HEADER = "x-latchkey-signature"
DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300

_TIMESTAMP = re.compile(r"^\d{1,12}$")
_SIGNATURE = re.compile(r"^[0-9a-fA-F]{64}$")


class WebhookVerification(NamedTuple):
    valid: bool
    #: Why not: ``missing_header``, ``malformed_header``, ``timestamp_out_of_tolerance``, ``signature_mismatch``.
    reason: Optional[str] = None
    #: The signed ``t`` (unix seconds), when valid.
    timestamp: Optional[int] = None


def _parse(header: str) -> Optional[Tuple[int, List[bytes]]]:
    timestamp: Optional[int] = None
    signatures: List[bytes] = []
    for part in header.split(","):
        key, _, value = part.strip().partition("=")
        if key == "t" and _TIMESTAMP.match(value):
            timestamp = int(value)
        if key == "v1" and _SIGNATURE.match(value):
            signatures.append(bytes.fromhex(value))
    return (timestamp, signatures) if timestamp is not None and signatures else None


def verify_webhook_signature(
    payload: Union[bytes, str],
    header: Optional[str],
    secret: str,
    tolerance_seconds: float = DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
    now: Optional[float] = None,
) -> WebhookVerification:
    """Checks ``header`` against the raw ``payload`` (verify before parsing it). ``now``: unix seconds, for tests."""
    if not secret:
        raise ValueError("verify_webhook_signature: secret is required")
    if not header:
        return WebhookVerification(False, "missing_header")
    parsed = _parse(header)
    if parsed is None:
        return WebhookVerification(False, "malformed_header")
    timestamp, signatures = parsed
    if abs((time.time() if now is None else now) - timestamp) > tolerance_seconds:
        return WebhookVerification(False, "timestamp_out_of_tolerance")
    body = payload.encode("utf-8") if isinstance(payload, str) else payload
    expected = hmac.new(secret.encode("utf-8"), str(timestamp).encode("ascii") + b"." + body, hashlib.sha256).digest()
    # Every candidate is compared, so the time taken does not say which one matched.
    matched = [hmac.compare_digest(candidate, expected) for candidate in signatures]
    return WebhookVerification(True, timestamp=timestamp) if any(matched) else WebhookVerification(False, "signature_mismatch")
