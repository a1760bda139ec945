"""The management API against the fake Latchkey: the requests the client sends (method, path, query, body,
Idempotency-Key), pages walked to the end by the generators, and the error envelope as LatchkeyError."""

from typing import Any, Dict
from urllib.parse import parse_qsl, urlsplit

import pytest

from fake_server import Answer, Fake, Seen
from latchkey import LatchkeyError


def tenant(tenant_id: str, **extra: Any) -> Dict[str, Any]:
    base = {"id": tenant_id, "externalId": f"ext-{tenant_id}", "name": f"Tenant {tenant_id}", "kind": "SELLER", "contactEmail": f"{tenant_id}@example.com", "metadata": {}, "marketplaceIds": []}
    base.update(extra)
    return base


def query(seen: Seen) -> Dict[str, str]:
    return dict(parse_qsl(urlsplit(seen.path).query))


def test_create_tenant_sends_only_the_fields_given_and_the_idempotency_key(fake: Fake) -> None:
    fake.management_answer = lambda seen: Answer(201, tenant("t1", **seen.body))
    client = fake.client()
    created = client.create_tenant(name="Acme", kind="SELLER", contact_email="ops@acme.test", external_id="acme-1", idempotency_key="create-acme-1")
    assert (created["id"], created["name"], created["externalId"]) == ("t1", "Acme", "acme-1")
    first = fake.seen[0]
    assert (first.method, first.path) == ("POST", "/api/v1/tenants")
    assert first.headers["idempotency-key"] == "create-acme-1"
    assert first.headers["authorization"] == "Bearer lk_live_test"
    assert first.body == {"name": "Acme", "kind": "SELLER", "contactEmail": "ops@acme.test", "externalId": "acme-1"}
    client.create_tenant(name="NoKey", kind="VENDOR", contact_email="v@acme.test")
    assert "idempotency-key" not in fake.seen[1].headers


def test_get_find_and_update_a_tenant_at_url_encoded_paths(fake: Fake) -> None:
    fake.management_answer = lambda seen: Answer(200, tenant("t/1", **(seen.body if seen.method == "PATCH" else {})))
    client = fake.client()
    client.get_tenant("t/1")
    client.get_tenant_by_external_id("shop 7")
    updated = client.update_tenant("t/1", name="Renamed", metadata=None)
    assert [f"{s.method} {s.path}" for s in fake.seen] == ["GET /api/v1/tenants/t%2F1", "GET /api/v1/tenants/by-external-id/shop%207", "PATCH /api/v1/tenants/t%2F1"]
    assert fake.seen[2].body == {"name": "Renamed", "metadata": None}
    assert updated["name"] == "Renamed"


def test_lists_send_filters_and_the_generators_follow_next_cursor(fake: Fake) -> None:
    pages = {"": {"data": [tenant("a"), tenant("b")], "nextCursor": "c1"}, "c1": {"data": [tenant("c")], "nextCursor": "c2"}, "c2": {"data": [], "nextCursor": None}}
    fake.management_answer = lambda seen: Answer(200, pages[query(seen).get("cursor", "")])
    client = fake.client()
    first = client.list_tenants(kind="VENDOR", limit=2)
    assert first.next_cursor == "c1" and [t["id"] for t in first.data] == ["a", "b"]
    assert query(fake.seen[0]) == {"kind": "VENDOR", "limit": "2"}
    assert [t["id"] for t in client.iter_tenants(contact_email="x@example.com", limit=2)] == ["a", "b", "c"]
    assert [query(s) for s in fake.seen[1:]] == [
        {"contactEmail": "x@example.com", "limit": "2"},
        {"contactEmail": "x@example.com", "limit": "2", "cursor": "c1"},
        {"contactEmail": "x@example.com", "limit": "2", "cursor": "c2"},
    ]


def test_authorizations_list_iterate_and_get(fake: Fake) -> None:
    def answer(seen: Seen) -> Answer:
        if seen.path == "/api/v1/authorizations/auth-9":
            return Answer(200, {"id": "auth-9", "tenantId": "t1", "status": "ACTIVE", "tenant": {"id": "t1", "name": "T"}})
        if query(seen).get("cursor"):
            return Answer(200, {"data": [{"id": "z2"}], "nextCursor": None})
        return Answer(200, {"data": [{"id": "z1"}], "nextCursor": "next"})

    fake.management_answer = answer
    client = fake.client()
    assert [a["id"] for a in client.iter_authorizations(region="EU", status="ACTIVE")] == ["z1", "z2"]
    assert query(fake.seen[0]) == {"region": "EU", "status": "ACTIVE"}
    assert client.get_authorization("auth-9")["tenant"]["name"] == "T"


def test_create_connect_link_by_external_id(fake: Fake) -> None:
    fake.management_answer = lambda seen: Answer(201, {"id": "cl1", "url": "https://latchkey.test/connect/abc", "expiresAt": "2026-11-22T11:00:00.000Z", "tenantId": "t1", "region": "NA", "flow": "connect"})
    link = fake.client().create_connect_link(external_id="acme-1", region="NA", flow="connect", return_url="https://app.test/done", idempotency_key="link-1")
    assert link["url"] == "https://latchkey.test/connect/abc"
    seen = fake.seen[0]
    assert (seen.method, seen.path, seen.headers["idempotency-key"]) == ("POST", "/api/v1/connect-links", "link-1")
    assert seen.body == {"externalId": "acme-1", "region": "NA", "flow": "connect", "returnUrl": "https://app.test/done"}


def test_the_error_envelope_becomes_latchkey_error_with_its_code(fake: Fake) -> None:
    fake.management_answer = lambda seen: Answer(404, {"error": {"code": "not_found", "message": "No such tenant", "requestId": "req-1"}})
    client = fake.client()
    with pytest.raises(LatchkeyError) as caught:
        client.get_tenant("nope")
    assert (caught.value.code, caught.value.status, caught.value.request_id) == ("not_found", 404, "req-1")
    fake.management_answer = lambda seen: Answer(422, {"error": {"code": "idempotency_key_reused", "message": "Different body", "requestId": "req-2"}})
    with pytest.raises(LatchkeyError) as reused:
        client.create_tenant(name="X", kind="SELLER", contact_email="x@x.test", idempotency_key="k")
    assert (reused.value.code, reused.value.status) == ("idempotency_key_reused", 422)


def test_webhook_endpoints_create_returns_the_secret_then_test_redeliver_deliveries_and_delete(fake: Fake) -> None:
    def answer(seen: Seen) -> Answer:
        path = seen.path.split("?")[0]
        if seen.method == "DELETE":
            return Answer(204)
        if path == "/api/v1/webhook-endpoints":
            return Answer(201, {"endpoint": {"id": "w1", **seen.body}, "secret": "whsec_abc"})
        if path.endswith("/deliveries"):
            return Answer(200, {"deliveries": [{"id": "d1", "status": "failed"}], "nextCursor": "d1"})
        return Answer(201, {"delivery": {"id": "d3" if path.endswith("/redeliver") else "d2", "status": "pending"}})

    fake.management_answer = answer
    client = fake.client()
    created = client.create_webhook_endpoint(url="https://hooks.test/in", event_types=["authorization.status_changed"])
    assert created["secret"] == "whsec_abc" and created["endpoint"]["eventTypes"] == ["authorization.status_changed"]
    assert fake.seen[0].body == {"url": "https://hooks.test/in", "eventTypes": ["authorization.status_changed"]}
    assert client.send_test_webhook("w1")["id"] == "d2"
    assert client.redeliver_webhook("w1", "d/1")["id"] == "d3"
    assert client.list_webhook_deliveries("w1", status="failed", limit=1)["nextCursor"] == "d1"
    assert client.delete_webhook_endpoint("w1") is None
    assert [f"{s.method} {s.path}" for s in fake.seen] == [
        "POST /api/v1/webhook-endpoints",
        "POST /api/v1/webhook-endpoints/w1/test",
        "POST /api/v1/webhook-endpoints/w1/deliveries/d%2F1/redeliver",
        "GET /api/v1/webhook-endpoints/w1/deliveries?status=failed&limit=1",
        "DELETE /api/v1/webhook-endpoints/w1",
    ]
