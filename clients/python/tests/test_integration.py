"""Against a real Latchkey and the Amazon sandbox (see conftest.py's latchkey_stack)."""

import json
import urllib.request
from typing import Any, Dict, Iterator

import pytest

from latchkey import LatchkeyClient, LatchkeyError, RestrictedResource, SpApiCallError, verify_webhook_signature

pytestmark = pytest.mark.integration

ORDER_ID = "902-3159896-1390916"


@pytest.fixture(scope="module")
def client(latchkey_stack: Dict[str, Any]) -> Iterator[LatchkeyClient]:
    errors = []
    with LatchkeyClient(latchkey_stack["latchkeyUrl"], latchkey_stack["apiKey"], user_agent="LatchkeyPythonTest/1.0", spapi_endpoints=latchkey_stack["spapiEndpoints"], on_report_error=errors.append) as latchkey:
        yield latchkey
    assert errors == []


def sandbox_control(stack: Dict[str, Any], method: str, path: str, body: Any = None) -> Any:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"{stack['sandboxUrl']}/_sandbox{path}", data=data, method=method, headers={"content-type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def test_gets_a_token_and_calls_get_marketplace_participations_through_the_sandbox(client: LatchkeyClient, latchkey_stack: Dict[str, Any]) -> None:
    token = client.access_token(latchkey_stack["authorizationId"])
    assert token.access_token.startswith("Atza|")
    assert (token.region, token.selling_partner_id) == ("NA", latchkey_stack["sellingPartnerId"])

    response = client.spapi_fetch(latchkey_stack["authorizationId"], "GET", "/sellers/v1/marketplaceParticipations", operation="getMarketplaceParticipations")
    assert response.status == 200
    assert "ATVPDKIKX0DER" in [p["marketplace"]["id"] for p in response.data["payload"]]
    assert response.request_id
    assert client.access_token(latchkey_stack["authorizationId"]) is token  # served from the cache

    stats = sandbox_control(latchkey_stack, "GET", "/stats")
    assert any(agent.startswith("LatchkeyPythonTest/1.0 (Language=Python; Platform=") for agent in stats["spapi"]["userAgents"])
    client.flush()  # Latchkey accepts the outcomes (a refusal would reach on_report_error)


def test_a_restricted_call_gets_its_own_rdt(client: LatchkeyClient, latchkey_stack: Dict[str, Any]) -> None:
    resources = [RestrictedResource("GET", f"/orders/v0/orders/{ORDER_ID}", ["buyerInfo"])]
    order = client.spapi_fetch(latchkey_stack["authorizationId"], "GET", f"/orders/v0/orders/{ORDER_ID}", operation="getOrder", rdt=resources)
    assert order.data["payload"]["AmazonOrderId"] == ORDER_ID
    with client.with_rdt(latchkey_stack["authorizationId"], resources) as rdt:
        assert rdt.restricted_data_token.startswith("Atz.sprdt|")


def test_gets_a_grantless_token(client: LatchkeyClient) -> None:
    token = client.grantless_token("sellingpartnerapi::notifications")
    assert token.access_token.startswith("Atza|") and token.scope == "sellingpartnerapi::notifications"
    assert client.grantless_token("sellingpartnerapi::notifications") is token


def test_gateway_mode_calls_sp_api_with_the_api_key_alone(latchkey_stack: Dict[str, Any]) -> None:
    with LatchkeyClient(latchkey_stack["latchkeyUrl"], latchkey_stack["apiKey"], mode="gateway", user_agent="LatchkeyPythonGateway/1.0") as gateway:
        markets = gateway.spapi_fetch(latchkey_stack["authorizationId"], "GET", "/sellers/v1/marketplaceParticipations", operation="getMarketplaceParticipations")
        assert markets.status == 200
        assert "ATVPDKIKX0DER" in [p["marketplace"]["id"] for p in markets.data["payload"]]
        order = gateway.spapi_fetch(latchkey_stack["authorizationId"], "GET", f"/orders/v0/orders/{ORDER_ID}", operation="getOrder", rdt=[RestrictedResource("GET", f"/orders/v0/orders/{ORDER_ID}", ["buyerInfo"])])
        assert order.data["payload"]["BuyerInfo"]["BuyerName"] == "Sandbox Buyer"
        assert "Atz" not in json.dumps(order.data)
        with pytest.raises(LatchkeyError) as unlisted:
            gateway.spapi_fetch(latchkey_stack["authorizationId"], "GET", "/fba/inventory/v1/summaries", operation="getInventorySummaries", query={"granularityType": "Marketplace", "granularityId": "ATVPDKIKX0DER", "marketplaceIds": ["ATVPDKIKX0DER"]})
        assert (unlisted.value.code, unlisted.value.status) == ("operation_not_in_ledger", 403)
    with LatchkeyClient(latchkey_stack["latchkeyUrl"], latchkey_stack["limitedApiKey"], mode="gateway") as outsider:
        with pytest.raises(LatchkeyError) as foreign:
            outsider.spapi_fetch(latchkey_stack["authorizationId"], "GET", "/sellers/v1/marketplaceParticipations", operation="getMarketplaceParticipations")
        assert (foreign.value.code, foreign.value.status) == ("not_found", 404)


def test_a_key_limited_to_another_tenant_gets_not_found(latchkey_stack: Dict[str, Any]) -> None:
    outsider = LatchkeyClient(latchkey_stack["latchkeyUrl"], latchkey_stack["limitedApiKey"], report_outcomes=False)
    with pytest.raises(LatchkeyError) as error:
        outsider.access_token(latchkey_stack["authorizationId"])
    assert (error.value.code, error.value.status) == ("not_found", 404)
    assert error.value.request_id
    with pytest.raises(LatchkeyError) as grantless:
        outsider.grantless_token("sellingpartnerapi::notifications")
    assert grantless.value.code == "not_found"


def test_verifies_a_signature_latchkeys_own_signing_code_made(latchkey_stack: Dict[str, Any]) -> None:
    signed = latchkey_stack["signedWebhook"]
    assert verify_webhook_signature(signed["payload"], signed["header"], signed["secret"]).valid
    assert verify_webhook_signature(signed["payload"].encode("utf-8"), signed["header"], signed["secret"]).valid
    assert verify_webhook_signature(signed["payload"] + " ", signed["header"], signed["secret"]).reason == "signature_mismatch"


def test_once_the_seller_revokes_the_call_fails_loudly_after_one_refresh(client: LatchkeyClient, latchkey_stack: Dict[str, Any]) -> None:
    sandbox_control(latchkey_stack, "POST", "/revoke", {"sellingPartnerId": latchkey_stack["sellingPartnerId"]})
    # Amazon refuses the cached token; the client hands it back as rejected, Latchkey refreshes, LWA answers
    # invalid_grant, and the authorization is revoked: the caller hears exactly that.
    with pytest.raises(LatchkeyError) as error:
        client.spapi_fetch(latchkey_stack["authorizationId"], "GET", "/sellers/v1/marketplaceParticipations", operation="getMarketplaceParticipations")
    assert (error.value.code, error.value.status) == ("authorization_revoked", 409)
    assert "Atza|" not in str(error.value)
    with pytest.raises((LatchkeyError, SpApiCallError)):
        client.access_token(latchkey_stack["authorizationId"])



def test_management_creates_a_tenant_once_per_idempotency_key_then_finds_updates_and_lists_it(client: LatchkeyClient) -> None:
    fields = dict(name="Python Outdoor", kind="SELLER", contact_email="Ops@Python.test", external_id="py-acme-1", metadata={"plan": "pro"}, idempotency_key="py-create-1")
    created = client.create_tenant(**fields)  # type: ignore[arg-type]
    assert (created["name"], created["contactEmail"], created["externalId"], created["metadata"]) == ("Python Outdoor", "ops@python.test", "py-acme-1", {"plan": "pro"})
    assert client.create_tenant(**fields)["id"] == created["id"]  # type: ignore[arg-type]
    with pytest.raises(LatchkeyError) as reused:
        client.create_tenant(**{**fields, "name": "Someone Else"})  # type: ignore[arg-type]
    assert (reused.value.code, reused.value.status) == ("idempotency_key_reused", 422)

    assert client.get_tenant(created["id"])["name"] == "Python Outdoor"
    assert client.get_tenant_by_external_id("py-acme-1")["id"] == created["id"]
    assert client.update_tenant(created["id"], name="Python Outdoor Ltd", metadata=None)["metadata"] == {}
    for n in (1, 2, 3):
        client.create_tenant(name=f"Py Vendor {n}", kind="VENDOR", contact_email=f"pv{n}@python.test")
    first = client.list_tenants(kind="VENDOR", limit=2)
    assert len(first.data) == 2 and first.next_cursor
    assert sorted(t["name"] for t in client.iter_tenants(kind="VENDOR", limit=2)) == ["Py Vendor 1", "Py Vendor 2", "Py Vendor 3"]


def test_management_lists_and_reads_authorizations_and_makes_a_connect_link(client: LatchkeyClient, latchkey_stack: Dict[str, Any]) -> None:
    listed = [a["id"] for a in client.iter_authorizations(tenant_id=latchkey_stack["tenantId"], limit=1)]
    assert listed == [latchkey_stack["authorizationId"]]
    detail = client.get_authorization(latchkey_stack["authorizationId"])
    assert (detail["tenantId"], detail["sellingPartnerId"]) == (latchkey_stack["tenantId"], latchkey_stack["sellingPartnerId"])
    assert "Atza|" not in json.dumps(detail)

    client.create_tenant(name="Py Linked", kind="SELLER", contact_email="linked@python.test", external_id="py-linked-1")
    link = client.create_connect_link(external_id="py-linked-1", region="EU", flow="connect", idempotency_key="py-link-1")
    assert (link["region"], link["flow"]) == ("EU", "connect") and link["url"].startswith("http")
    assert client.create_connect_link(external_id="py-linked-1", region="EU", flow="connect", idempotency_key="py-link-1")["id"] == link["id"]


def test_management_a_key_limited_to_another_tenant_gets_not_found(latchkey_stack: Dict[str, Any]) -> None:
    limited = LatchkeyClient(latchkey_stack["latchkeyUrl"], latchkey_stack["limitedApiKey"], report_outcomes=False)
    assert limited.get_tenant(latchkey_stack["otherTenantId"])["id"] == latchkey_stack["otherTenantId"]
    calls = [
        lambda: limited.get_tenant(latchkey_stack["tenantId"]),
        lambda: limited.get_authorization(latchkey_stack["authorizationId"]),
        lambda: limited.update_tenant(latchkey_stack["tenantId"], name="Hijacked"),
        lambda: limited.create_connect_link(tenant_id=latchkey_stack["tenantId"], region="NA", flow="reauthorize"),
    ]
    for call in calls:
        with pytest.raises(LatchkeyError) as caught:
            call()
        assert (caught.value.code, caught.value.status) == ("not_found", 404)
    assert [a["tenantId"] for a in limited.iter_authorizations()] == [latchkey_stack["otherTenantId"]]
    assert [t["id"] for t in limited.iter_tenants()] == [latchkey_stack["otherTenantId"]]
