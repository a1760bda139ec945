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

