import pytest

from fake_server import Answer, Fake
from latchkey import LatchkeyError, RestrictedResource, SpApiCallError

PARTICIPATIONS = dict(method="GET", path="/sellers/v1/marketplaceParticipations", operation="getMarketplaceParticipations")


def test_sends_the_amazon_path_to_the_gateway_with_the_api_key_and_never_asks_for_a_token(fake: Fake) -> None:
    client = fake.client(mode="gateway", gateway_max_wait_ms=2500)
    fake.spapi(Answer(200, {"payload": []}, {"x-amzn-requestid": "amzn-1", "x-latchkey-attempts": "2", "x-amzn-ratelimit-limit": "0.016"}))
    response = client.spapi_fetch("auth/1", query={"MarketplaceIds": ["A", "B"]}, **PARTICIPATIONS)
    assert (response.status, response.request_id, response.attempts, response.rate_limit) == (200, "amzn-1", 2, 0.016)
    [request] = fake.gateway_requests()
    assert request.path == "/api/v1/spapi/auth%2F1/sellers/v1/marketplaceParticipations?MarketplaceIds=A%2CB"
    assert request.headers["authorization"] == "Bearer lk_live_test"
    assert "x-amz-access-token" not in request.headers
    assert request.headers["x-latchkey-max-wait-ms"] == "2500"
    client.close()
    assert fake.requests("/access-token") == [] and fake.requests("/api/v1/outcomes") == []


def test_names_the_data_elements_of_a_restricted_call(fake: Fake) -> None:
    client = fake.client(mode="gateway")
    fake.spapi(Answer(200, {"payload": {}}))
    client.spapi_fetch("auth-1", "GET", "/orders/v0/orders/1", operation="getOrder", rdt=[RestrictedResource("GET", "/orders/v0/orders/1", ["buyerInfo", "shippingAddress"])])
    assert fake.gateway_requests()[0].headers["x-latchkey-data-elements"] == "buyerInfo,shippingAddress"
    assert fake.requests("/restricted-data-token") == []


def test_amazons_refusals_are_sp_api_call_errors_and_latchkeys_are_latchkey_errors(fake: Fake) -> None:
    client = fake.client(mode="gateway")
    fake.spapi(
        Answer(403, {"errors": [{"code": "Unauthorized"}]}, {"x-latchkey-error-kind": "unauthorized", "x-latchkey-attempts": "2", "x-amzn-requestid": "req-403"}),
        Answer(503, {"error": {"code": "amazon_unavailable", "message": "Amazon did not answer.", "requestId": "lk-1"}}),
        Answer(403, {"error": {"code": "operation_not_in_ledger", "message": "Not in the ledger", "requestId": "lk-2"}}),
    )
    with pytest.raises(SpApiCallError) as refused:
        client.spapi_fetch("auth-1", **PARTICIPATIONS)
    assert (refused.value.kind, refused.value.status, refused.value.amazon_code, refused.value.attempts, refused.value.request_id) == ("unauthorized", 403, "Unauthorized", 2, "req-403")
    with pytest.raises(SpApiCallError) as unavailable:
        client.spapi_fetch("auth-1", **PARTICIPATIONS)
    assert (unavailable.value.kind, unavailable.value.status) == ("unavailable", 0)
    with pytest.raises(LatchkeyError) as ledger:
        client.spapi_fetch("auth-1", **PARTICIPATIONS)
    assert (ledger.value.code, ledger.value.status, ledger.value.request_id) == ("operation_not_in_ledger", 403, "lk-2")


def test_waits_out_latchkeys_shared_rate_limit_then_says_throttled(fake: Fake) -> None:
    client = fake.client(mode="gateway")
    full = Answer(429, {"error": {"code": "rate_limited", "message": "No slot", "requestId": "lk-3"}}, {"retry-after": "3"})
    fake.spapi(full, full, Answer(200, {"payload": []}))
    assert client.spapi_fetch("auth-1", **PARTICIPATIONS).status == 200
    assert fake.sleeps == [3.0, 3.0]
    fake.spapi(*[full] * 5)
    with pytest.raises(SpApiCallError) as throttled:
        client.spapi_fetch("auth-1", **PARTICIPATIONS)
    assert (throttled.value.kind, throttled.value.status) == ("throttled", 429)
