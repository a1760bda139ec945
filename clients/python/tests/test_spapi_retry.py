import time

import pytest

from fake_server import Answer, Fake, amazon_error
from latchkey import RestrictedResource, RetryPolicy, SpApiCallError

PARTICIPATIONS = dict(method="GET", path="/sellers/v1/marketplaceParticipations", operation="getMarketplaceParticipations")


def call(client, **overrides):  # type: ignore[no-untyped-def]
    return client.spapi_fetch("auth-1", **{**PARTICIPATIONS, **overrides})


def test_a_success_returns_the_parsed_body_with_amazons_request_id_and_rate(fake: Fake) -> None:
    fake.spapi(Answer(200, {"payload": [{"marketplace": {"id": "ATVPDKIKX0DER"}}]}, {"x-amzn-requestid": "amzn-1", "x-amzn-ratelimit-limit": "0.016"}))
    response = call(fake.client(), query={"MarketplaceIds": ["A", "B"], "Empty": None, "Flag": True})
    assert (response.status, response.request_id, response.rate_limit, response.attempts) == (200, "amzn-1", 0.016, 1)
    assert response.data["payload"][0]["marketplace"]["id"] == "ATVPDKIKX0DER"
    [request] = fake.spapi_requests()
    assert request.path == "/spapi/na/sellers/v1/marketplaceParticipations?MarketplaceIds=A%2CB&Flag=true"
    assert request.headers["x-amz-access-token"] == "Atza|token-1"


def test_401_refreshes_once_naming_the_rejected_token_and_replays_once(fake: Fake) -> None:
    client = fake.client()
    fake.spapi(amazon_error(401, "Unauthorized"), Answer(200, {"payload": []}))
    assert call(client).attempts == 2
    assert [s.body for s in fake.requests("/access-token")] == [None, {"rejectedToken": "Atza|token-1"}]
    assert [s.headers["x-amz-access-token"] for s in fake.spapi_requests()] == ["Atza|token-1", "Atza|token-2"]

    fake.spapi(amazon_error(403, "Unauthorized"), amazon_error(401, "Unauthorized"))
    with pytest.raises(SpApiCallError) as error:
        call(client)
    assert (error.value.kind, error.value.status, error.value.amazon_code, error.value.attempts, error.value.request_id) == ("unauthorized", 401, "Unauthorized", 2, "req-Unauthorized")
    assert "Atza" not in str(error.value)
    assert len(fake.requests("/access-token")) == 3


def test_other_403s_are_classified_and_never_retried(fake: Fake) -> None:
    client = fake.client()
    fake.spapi(amazon_error(403, "AccessDenied"), amazon_error(403, "MissingAuthenticationToken"), amazon_error(400, "InvalidInput"))
    kinds = []
    for _ in range(3):
        with pytest.raises(SpApiCallError) as error:
            call(client)
        kinds.append((error.value.kind, error.value.attempts))
    assert kinds == [("forbidden", 1), ("missing_token", 1), ("rejected", 1)]
    assert len(fake.spapi_requests()) == 3


def test_429_backs_off_with_jitter_but_never_faster_than_the_rate_limit(fake: Fake) -> None:
    client = fake.client()
    fake.spapi(amazon_error(429, "QuotaExceeded", {"x-amzn-ratelimit-limit": "0.5"}), amazon_error(429, "QuotaExceeded"), Answer(200, {}))
    assert call(client).attempts == 3
    # random() = 0.5: half of 0.25 s, raised to 1/0.5 = 2 s by the rate; then half of 0.5 s.
    assert fake.sleeps == [2.0, 0.25]

    fake.sleeps.clear()
    fake.spapi(*[amazon_error(429, "QuotaExceeded")] * 5)
    with pytest.raises(SpApiCallError) as error:
        call(client)
    assert (error.value.kind, error.value.attempts) == ("throttled", 5)
    assert fake.sleeps == [0.125, 0.25, 0.5, 1.0]


def test_5xx_is_retried_for_idempotent_methods_only(fake: Fake) -> None:
    client = fake.client(retry=RetryPolicy(base_delay=0.01))
    fake.spapi(amazon_error(503, "ServiceUnavailable"), amazon_error(500, "InternalFailure"), amazon_error(503, "ServiceUnavailable"))
    with pytest.raises(SpApiCallError) as get_error:
        call(client)
    assert (get_error.value.kind, get_error.value.attempts) == ("unavailable", 3)

    fake.spapi(amazon_error(503, "ServiceUnavailable"))
    with pytest.raises(SpApiCallError) as post_error:
        call(client, method="POST", path="/feeds/2021-06-30/feeds", operation="createFeed", body={"feedType": "X"})
    assert (post_error.value.kind, post_error.value.attempts) == ("unavailable", 1)
    assert fake.spapi_requests()[-1].body == {"feedType": "X"}

    fake.spapi(amazon_error(503, "ServiceUnavailable"), Answer(202, {"feedId": "1"}))
    assert call(client, method="POST", path="/feeds/2021-06-30/feeds", operation="createFeed", body={}, idempotent=True).attempts == 2


def test_a_restricted_call_uses_a_fresh_rdt_and_with_rdt_discards_it(fake: Fake) -> None:
    client = fake.client()
    fake.spapi(Answer(200, {"payload": {"AmazonOrderId": "1"}}))
    resources = [RestrictedResource("GET", "/orders/v0/orders/1", ["buyerInfo"])]
    client.spapi_fetch("auth-1", "GET", "/orders/v0/orders/1", operation="getOrder", rdt=resources)
    assert fake.spapi_requests()[0].headers["x-amz-access-token"].startswith("Atz.sprdt|")
    assert fake.requests("/restricted-data-token")[0].body == {"restrictedResources": [{"method": "GET", "path": "/orders/v0/orders/1", "dataElements": ["buyerInfo"]}]}
    assert fake.requests("/access-token") == []

    with client.with_rdt("auth-1", resources) as rdt:
        assert rdt.restricted_data_token.startswith("Atz.sprdt|")
        assert "Atz" not in repr(rdt)
    with pytest.raises(RuntimeError, match="discarded"):
        rdt.restricted_data_token


def test_every_attempt_is_reported_as_an_outcome_and_reporting_never_raises(fake: Fake) -> None:
    errors = []
    client = fake.client(on_report_error=errors.append)
    fake.spapi(amazon_error(429, "QuotaExceeded"), Answer(200, {}))
    call(client)
    client.flush()
    assert [(o["authorizationId"], o["operation"], o["status"]) for o in fake.outcomes()] == [("auth-1", "getMarketplaceParticipations", 429), ("auth-1", "getMarketplaceParticipations", 200)]
    assert fake.outcomes()[0]["at"] == "2026-11-22T10:00:00.000Z"

    fake.outcomes_answer = lambda seen: Answer(503, {"error": {"code": "amazon_unavailable", "message": "later"}})
    fake.spapi(Answer(200, {}))
    call(client)
    client.flush()  # kept for the next flush, not raised
    assert [e.code for e in errors] == ["amazon_unavailable"]
    fake.outcomes_answer = lambda seen: Answer(202, {"accepted": 1})
    client.close()
    assert len(fake.outcomes()) == 4  # the failed batch (1) was sent again with the rest


def test_outcomes_are_posted_in_the_background_once_a_batch_is_full(fake: Fake) -> None:
    client = fake.client(outcome_batch_size=2)
    fake.spapi(Answer(200, {}), Answer(200, {}))
    call(client)
    call(client)
    deadline = time.monotonic() + 5
    while not fake.outcomes() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [o["status"] for o in fake.outcomes()] == [200, 200]
    client.close()
