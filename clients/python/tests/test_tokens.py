import re
import threading
from urllib.parse import parse_qsl

import pytest

from fake_server import Answer, Fake, Seen, unused_port
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
    tenant = {"id": "t1", "externalId": "e1", "name": "T", "kind": "SELLER", "contactEmail": "t@example.com", "metadata": {}, "marketplaceIds": []}

    def management(seen: Seen) -> Answer:
        path = seen.path.split("?")[0]
        if path in ("/api/v1/tenants", "/api/v1/authorizations") and seen.method == "GET":
            return Answer(200, {"data": [], "nextCursor": None})
        if path == "/api/v1/connect-links":
            return Answer(201, {"id": "cl1", "url": "https://latchkey.test/c/1", "expiresAt": "x", "tenantId": "t1", "region": "NA", "flow": "connect"})
        if path.startswith("/api/v1/authorizations/"):
            return Answer(200, {"id": "a1", "tenantId": "t1", "tenant": {}})
        if path == "/api/v1/webhook-endpoints":
            return Answer(200, {"endpoints": []}) if seen.method == "GET" else Answer(201, {"endpoint": {"id": "w1"}, "secret": "whsec"})
        if path.endswith("/deliveries"):
            return Answer(200, {"deliveries": [], "nextCursor": None})
        if path.endswith("/test") or path.endswith("/redeliver"):
            return Answer(201, {"delivery": {"id": "d2"}})
        if path.startswith("/api/v1/webhook-endpoints/"):
            return Answer(204) if seen.method == "DELETE" else Answer(200, {"endpoint": {"id": "w1"}})
        return Answer(200, tenant)

    fake.management_answer = management
    client.create_tenant(name="T", kind="SELLER", contact_email="t@example.com", external_id="e1", metadata={"plan": "pro"}, marketplace_ids=["ATVPDKIKX0DER"], idempotency_key="k1")
    client.list_tenants(kind="SELLER", external_id="e1", contact_email="t@example.com", limit=5, cursor="c")
    client.get_tenant("t1")
    client.get_tenant_by_external_id("e1")
    client.update_tenant("t1", name="U", contact_email="u@example.com", external_id=None, metadata=None, marketplace_ids=[])
    client.list_authorizations(tenant_id="t1", external_id="e1", selling_partner_id="A1", region="NA", status="ACTIVE", limit=5, cursor="c")
    client.get_authorization("a1")
    client.list_webhook_endpoints()
    client.create_webhook_endpoint(url="https://hooks.test/in", description="d", event_types=["authorization.status_changed"], tenant_id="t1", enabled=True)
    client.get_webhook_endpoint("w1")
    client.update_webhook_endpoint("w1", url="https://hooks.test/in2", description=None, event_types=[], enabled=False)
    client.list_webhook_deliveries("w1", status="failed", limit=10, cursor="d0")
    client.send_test_webhook("w1")
    client.redeliver_webhook("w1", "d1")
    client.delete_webhook_endpoint("w1")
    client.create_connect_link(tenant_id="t1", region="NA", flow="connect", return_url="https://app.test/", marketplace_id="ATVPDKIKX0DER", idempotency_key="k2")

    def template(seen_path: str, method: str) -> str:
        for endpoint in LATCHKEY_ENDPOINTS.values():
            if endpoint.method == method and re.fullmatch(re.sub(r"\{\w+\}", "[^/]+", endpoint.path), seen_path):
                return endpoint.path
        raise AssertionError(f"{method} {seen_path} is not in LATCHKEY_ENDPOINTS")

    latchkey_requests = [s for s in fake.seen if s.path.startswith("/api/")]
    assert {(s.method, template(s.path.split("?")[0], s.method)) for s in latchkey_requests} == {(e.method, e.path) for e in LATCHKEY_ENDPOINTS.values()}
    standard_headers = {"authorization", "accept", "content-type", "user-agent", "content-length", "host", "connection", "accept-encoding"}
    for seen in latchkey_requests:
        path, _, query = seen.path.partition("?")
        endpoint = next(e for e in LATCHKEY_ENDPOINTS.values() if e.method == seen.method and e.path == template(path, seen.method))
        assert set(seen.body or {}) <= set(endpoint.request_fields), seen.path
        assert {key for key, _ in parse_qsl(query)} <= set(endpoint.query_fields), seen.path
        assert set(seen.headers) - standard_headers <= set(endpoint.headers), seen.path
        for resource in (seen.body or {}).get("restrictedResources", []):
            assert set(resource) <= set(LATCHKEY_NESTED_FIELDS["restricted_resource"])
        for outcome in (seen.body or {}).get("outcomes", []):
            assert set(outcome) == set(LATCHKEY_NESTED_FIELDS["outcome"])
    assert any((s.body or {}).get("rejectedToken") for s in latchkey_requests)
    assert endpoint_path("access_token", {"authorizationId": "a/b c"}) == "/api/v1/authorizations/a%2Fb%20c/access-token"
    with pytest.raises(TypeError):
        endpoint_path("restricted_data_token")
