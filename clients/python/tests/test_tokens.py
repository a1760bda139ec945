import re
import threading

import pytest

from fake_server import Answer, Fake, unused_port
from latchkey import LATCHKEY_ENDPOINTS, LATCHKEY_NESTED_FIELDS, LatchkeyClient, LatchkeyError, RestrictedResource, endpoint_path


def test_access_token_is_asked_once_and_served_from_memory_until_shortly_before_expiry(fake: Fake) -> None:
    client = fake.client()
    first = client.access_token("auth-1")
    assert (first.access_token, first.region, first.selling_partner_id) == ("Atza|token-1", "NA", "A2SELLER")
    assert first.expires_at.timestamp() == fake.clock + 3600
    assert "Atza" not in repr(first)

    threads = [threading.Thread(target=client.access_token, args=("auth-1",)) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    [request] = fake.requests("/access-token")
    assert (request.method, request.path) == ("POST", "/api/v1/authorizations/auth-1/access-token")
    assert request.headers["authorization"] == "Bearer lk_live_test"
    assert re.search(r"\(Language=Python; Platform=", request.headers["user-agent"])

    fake.clock += 3600 - 61  # still outside the 60 s margin
    assert client.access_token("auth-1").access_token == "Atza|token-1"
    fake.clock += 2  # inside it: ask again
    assert client.access_token("auth-1").access_token == "Atza|token-2"
    assert client.access_token("auth-2").access_token == "Atza|token-3"


def test_latchkey_refusals_become_latchkey_error_with_the_stable_code(fake: Fake) -> None:
    client = fake.client()
    fake.access_token_answer = lambda seen: Answer(409, {"error": {"code": "authorization_revoked", "message": "This Amazon authorization was revoked.", "requestId": "req-1"}})
    with pytest.raises(LatchkeyError) as revoked:
        client.access_token("auth-1")
    assert (revoked.value.code, revoked.value.status, revoked.value.request_id, revoked.value.retryable) == ("authorization_revoked", 409, "req-1", False)

    fake.access_token_answer = lambda seen: Answer(429, {"error": {"code": "rate_limited", "message": "slow down"}}, {"retry-after": "7", "x-request-id": "req-2"})
    with pytest.raises(LatchkeyError) as throttled:
        client.access_token("auth-1")
    assert (throttled.value.code, throttled.value.status, throttled.value.retry_after, throttled.value.request_id, throttled.value.retryable) == ("rate_limited", 429, 7.0, "req-2", True)

    fake.access_token_answer = lambda seen: Answer(502, b"<html>Bad gateway</html>")
    with pytest.raises(LatchkeyError) as proxy:
        client.access_token("auth-1")
    assert (proxy.value.code, proxy.value.status) == ("unexpected_response", 502)

    fake.access_token_answer = lambda seen: Answer(200, {"accessToken": "Atza|secret", "expiresAt": "2026-11-22T11:00:00.000Z"})
    with pytest.raises(LatchkeyError) as incomplete:
        client.access_token("auth-1")
    assert incomplete.value.code == "unexpected_response" and "Atza|secret" not in str(incomplete.value)
    assert len(fake.requests("/access-token")) == 4  # no failure was cached


def test_an_unreachable_latchkey_is_network_error_with_status_0() -> None:
    host, port = unused_port()
    client = LatchkeyClient(f"http://{host}:{port}", "lk_live_test", timeout=2)
    with pytest.raises(LatchkeyError) as error:
        client.access_token("auth-1")
    assert (error.value.code, error.value.status, error.value.retryable) == ("network_error", 0, True)


def test_grantless_tokens_are_cached_per_scope(fake: Fake) -> None:
    client = fake.client()
    notifications = client.grantless_token("sellingpartnerapi::notifications")
    assert client.grantless_token("sellingpartnerapi::notifications") is notifications
    rotation = client.grantless_token("sellingpartnerapi::client_credential:rotation")
    assert (notifications.scope, rotation.scope) == ("sellingpartnerapi::notifications", "sellingpartnerapi::client_credential:rotation")
    assert [s.body for s in fake.requests("/grantless-tokens")] == [{"scope": "sellingpartnerapi::notifications"}, {"scope": "sellingpartnerapi::client_credential:rotation"}]


def test_the_endpoint_table_covers_every_request_and_every_field_the_client_sends(fake: Fake) -> None:
    client = fake.client()
    fake.spapi(Answer(401, {"errors": [{"code": "Unauthorized"}]}), Answer(200, {"payload": []}), Answer(200, {"payload": {}}))
    client.spapi_fetch("auth-1", "GET", "/sellers/v1/marketplaceParticipations", operation="getMarketplaceParticipations")
    order = RestrictedResource("GET", "/orders/v0/orders/1", ["buyerInfo"])
    client.spapi_fetch("auth-1", "GET", "/orders/v0/orders/1", operation="getOrder", rdt=[order])
    with client.with_rdt("auth-1", [RestrictedResource("GET", "/orders/v0/orders/1/address")], target_application="amzn1.sp.solution.other"):
        pass
    client.grantless_token("sellingpartnerapi::notifications")
    client.flush()

    def template(seen_path: str, method: str) -> str:
        for endpoint in LATCHKEY_ENDPOINTS.values():
            if endpoint.method == method and re.fullmatch(re.sub(r"\{\w+\}", "[^/]+", endpoint.path), seen_path):
                return endpoint.path
        raise AssertionError(f"{method} {seen_path} is not in LATCHKEY_ENDPOINTS")

    latchkey_requests = [s for s in fake.seen if s.path.startswith("/api/")]
    assert {template(s.path, s.method) for s in latchkey_requests} == {e.path for e in LATCHKEY_ENDPOINTS.values()}
    for seen in latchkey_requests:
        endpoint = next(e for e in LATCHKEY_ENDPOINTS.values() if e.path == template(seen.path, seen.method))
        assert set(seen.body or {}) <= set(endpoint.request_fields), seen.path
        for resource in (seen.body or {}).get("restrictedResources", []):
            assert set(resource) <= set(LATCHKEY_NESTED_FIELDS["restricted_resource"])
        for outcome in (seen.body or {}).get("outcomes", []):
            assert set(outcome) == set(LATCHKEY_NESTED_FIELDS["outcome"])
    assert any((s.body or {}).get("rejectedToken") for s in latchkey_requests)
    assert endpoint_path("access_token", {"authorizationId": "a/b c"}) == "/api/v1/authorizations/a%2Fb%20c/access-token"
    with pytest.raises(TypeError):
        endpoint_path("restricted_data_token")
