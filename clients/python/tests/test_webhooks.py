import hashlib
import hmac

import pytest

from latchkey import verify_webhook_signature

SECRET = "whsec-0123456789abcdef0123456789abcdef"
NOW = 1_796_000_000
BODY = '{"type":"alert.fired","alert":{"id":"alert-1","title":"401 spike \u2713"}}'


def sign(body: str, t: int, secret: str = SECRET) -> str:
    return hmac.new(secret.encode(), f"{t}.{body}".encode(), hashlib.sha256).hexdigest()


def test_accepts_a_matching_signature_for_text_or_bytes() -> None:
    header = f"t={NOW},v1={sign(BODY, NOW)}"
    assert verify_webhook_signature(BODY, header, SECRET, now=NOW + 10) == (True, None, NOW)
    assert verify_webhook_signature(BODY.encode("utf-8"), header, SECRET, now=NOW).valid


def test_refuses_a_changed_body_another_secret_and_missing_or_malformed_headers() -> None:
    header = f"t={NOW},v1={sign(BODY, NOW)}"
    assert verify_webhook_signature(BODY + " ", header, SECRET, now=NOW).reason == "signature_mismatch"
    assert verify_webhook_signature(BODY, header, SECRET + "x", now=NOW).reason == "signature_mismatch"
    assert verify_webhook_signature(BODY, None, SECRET, now=NOW).reason == "missing_header"
    assert verify_webhook_signature(BODY, "v1=abc", SECRET, now=NOW).reason == "malformed_header"
    assert verify_webhook_signature(BODY, f"t={NOW}", SECRET, now=NOW).reason == "malformed_header"
    with pytest.raises(ValueError):
        verify_webhook_signature(BODY, header, "")


def test_refuses_a_timestamp_outside_the_tolerance_either_way() -> None:
    header = f"t={NOW},v1={sign(BODY, NOW)}"
    assert verify_webhook_signature(BODY, header, SECRET, now=NOW + 300).valid
    assert verify_webhook_signature(BODY, header, SECRET, now=NOW + 301).reason == "timestamp_out_of_tolerance"
    assert verify_webhook_signature(BODY, header, SECRET, now=NOW - 301).reason == "timestamp_out_of_tolerance"
    assert verify_webhook_signature(BODY, header, SECRET, tolerance_seconds=3600, now=NOW + 3000).valid
    # An old signature under a fresh t does not match: t is part of what is signed.
    assert verify_webhook_signature(BODY, f"t={NOW + 1000},v1={sign(BODY, NOW)}", SECRET, now=NOW + 1000).reason == "signature_mismatch"


def test_accepts_any_one_of_several_v1_signatures_in_either_case() -> None:
    header = f"t={NOW}, v1={sign(BODY, NOW, 'old-secret')}, v1={sign(BODY, NOW).upper()}"
    assert verify_webhook_signature(BODY, header, SECRET, now=NOW).valid
    assert verify_webhook_signature(BODY, header, "old-secret", now=NOW).valid
    assert not verify_webhook_signature(BODY, header, "third-secret", now=NOW).valid
