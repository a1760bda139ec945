"""The management API (API key scope ``management``): tenants, authorizations and connect links, through the
same request core as the token calls (Latchkey's error envelope → LatchkeyError with its stable code).
Answers are Latchkey's JSON objects as dicts (camelCase keys, ISO times as strings)."""

from typing import Any, Callable, Dict, Iterator, List, Mapping, Optional

from ._latchkey_api import LatchkeyApi
from .errors import LatchkeyError

#: A tenant, an authorization or a connect link as Latchkey answers it.
Resource = Dict[str, Any]

_UNSET: Any = object()


class Page(Dict[str, Any]):
    """One page of a list: ``data`` (a list of dicts) and ``next_cursor`` (``None`` on the last page)."""

    @property
    def data(self) -> List[Resource]:
        return list(self["data"])

    @property
    def next_cursor(self) -> Optional[str]:
        cursor = self.get("nextCursor")
        return cursor if isinstance(cursor, str) else None


def _with_id(answer: Dict[str, Any], path: str) -> Resource:
    if not isinstance(answer.get("id"), str) or not answer["id"]:
        raise LatchkeyError("unexpected_response", 200, f"Latchkey's answer to {path} has no id")
    return answer


def _every_page(fetch: Callable[[Optional[str]], Page]) -> Iterator[Resource]:
    """The items of every page, following ``next_cursor`` from the first page (``fetch(None)``) to the last."""
    cursor: Optional[str] = None
    while True:
        page = fetch(cursor)
        yield from page.data
        cursor = page.next_cursor
        if cursor is None:
            return


def _page(answer: Dict[str, Any], path: str) -> Page:
    if not isinstance(answer.get("data"), list):
        raise LatchkeyError("unexpected_response", 200, f"Latchkey's answer to {path} has no data list")
    return Page(answer)


def _given(**fields: Any) -> Dict[str, Any]:
    """The fields passed (``_UNSET`` left out; ``None`` kept where it means "remove")."""
    return {key: value for key, value in fields.items() if value is not _UNSET}


class ManagementApi:
    _api: LatchkeyApi

    def create_tenant(
        self,
        *,
        name: str,
        kind: str,
        contact_email: str,
        external_id: Optional[str] = None,
        metadata: Optional[Mapping[str, Any]] = None,
        marketplace_ids: Optional[List[str]] = None,
        idempotency_key: Optional[str] = None,
    ) -> Resource:
        """Creates a tenant (``kind`` ``SELLER`` or ``VENDOR``). ``idempotency_key`` is sent as ``Idempotency-Key``:
        a retry with the same key returns the first answer instead of making a second tenant."""
        body: Dict[str, Any] = {"name": name, "kind": kind, "contactEmail": contact_email}
        if external_id is not None:
            body["externalId"] = external_id
        if metadata is not None:
            body["metadata"] = dict(metadata)
        if marketplace_ids is not None:
            body["marketplaceIds"] = list(marketplace_ids)
        return _with_id(self._api.call("create_tenant", body=body, headers={"idempotency-key": idempotency_key}), "/api/v1/tenants")

    def get_tenant(self, tenant_id: str) -> Resource:
        return _with_id(self._api.call("get_tenant", {"id": tenant_id}), "/api/v1/tenants/{id}")

    def get_tenant_by_external_id(self, external_id: str) -> Resource:
        return _with_id(self._api.call("get_tenant_by_external_id", {"externalId": external_id}), "/api/v1/tenants/by-external-id/{externalId}")

    def update_tenant(
        self,
        tenant_id: str,
        *,
        name: Any = _UNSET,
        contact_email: Any = _UNSET,
        external_id: Any = _UNSET,
        metadata: Any = _UNSET,
        marketplace_ids: Any = _UNSET,
    ) -> Resource:
        """Changes only the fields passed; ``external_id=None`` / ``metadata=None`` remove them; ``metadata`` replaces
        the whole object."""
        body = _given(name=name, contactEmail=contact_email, externalId=external_id, metadata=metadata, marketplaceIds=marketplace_ids)
        return _with_id(self._api.call("update_tenant", {"id": tenant_id}, body), "/api/v1/tenants/{id}")

    def list_tenants(
        self,
        *,
        kind: Optional[str] = None,
        external_id: Optional[str] = None,
        contact_email: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> Page:
        """One page of tenants, newest first."""
        query = {"kind": kind, "externalId": external_id, "contactEmail": contact_email, "limit": limit, "cursor": cursor}
        return _page(self._api.call("list_tenants", query=query), "/api/v1/tenants")

    def iter_tenants(self, *, kind: Optional[str] = None, external_id: Optional[str] = None, contact_email: Optional[str] = None, limit: Optional[int] = None) -> Iterator[Resource]:
        """Every tenant matching the filters, page after page (``limit`` is the page size)."""
        return _every_page(lambda cursor: self.list_tenants(kind=kind, external_id=external_id, contact_email=contact_email, limit=limit, cursor=cursor))

    def list_authorizations(
        self,
        *,
        tenant_id: Optional[str] = None,
        external_id: Optional[str] = None,
        selling_partner_id: Optional[str] = None,
        region: Optional[str] = None,
        status: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> Page:
        """One page of authorizations, newest first (never a token)."""
        query = {"tenantId": tenant_id, "externalId": external_id, "sellingPartnerId": selling_partner_id, "region": region, "status": status, "limit": limit, "cursor": cursor}
        return _page(self._api.call("list_authorizations", query=query), "/api/v1/authorizations")

    def iter_authorizations(
        self,
        *,
        tenant_id: Optional[str] = None,
        external_id: Optional[str] = None,
        selling_partner_id: Optional[str] = None,
        region: Optional[str] = None,
        status: Optional[str] = None,
        limit: Optional[int] = None,
    ) -> Iterator[Resource]:
        """Every authorization matching the filters, page after page (``limit`` is the page size)."""
        return _every_page(
            lambda cursor: self.list_authorizations(
                tenant_id=tenant_id, external_id=external_id, selling_partner_id=selling_partner_id, region=region, status=status, limit=limit, cursor=cursor
            )
        )

    def get_authorization(self, authorization_id: str) -> Resource:
        """One authorization with its tenant, token freshness, ledger, recent outcomes and history (never a token)."""
        return _with_id(self._api.call("get_authorization", {"id": authorization_id}), "/api/v1/authorizations/{id}")

    def create_connect_link(
        self,
        *,
        region: str,
        flow: str,
        tenant_id: Optional[str] = None,
        external_id: Optional[str] = None,
        return_url: Optional[str] = None,
        marketplace_id: Optional[str] = None,
        idempotency_key: Optional[str] = None,
    ) -> Resource:
        """A single-use, expiring link (``url``) for a partner to connect (``flow="connect"``) or reauthorize one
        tenant (exactly one of ``tenant_id`` and ``external_id``) in one region."""
        body: Dict[str, Any] = {"region": region, "flow": flow}
        for key, value in (("tenantId", tenant_id), ("externalId", external_id), ("returnUrl", return_url), ("marketplaceId", marketplace_id)):
            if value is not None:
                body[key] = value
        return _with_id(self._api.call("create_connect_link", body=body, headers={"idempotency-key": idempotency_key}), "/api/v1/connect-links")


def _member(answer: Dict[str, Any], name: str, path: str) -> Any:
    value = answer.get(name)
    if not isinstance(value, (dict, list)):
        raise LatchkeyError("unexpected_response", 200, f"Latchkey's answer to {path} has no {name}")
    return value


class WebhookEndpointsApi:
    """Webhook endpoints (API key scope ``webhooks``): register, change and remove receivers, read their
    deliveries, send a test event and redeliver one."""

    _api: LatchkeyApi
    _ONE = "/api/v1/webhook-endpoints/{id}"

    def list_webhook_endpoints(self) -> List[Resource]:
        return list(_member(self._api.call("list_webhook_endpoints"), "endpoints", "/api/v1/webhook-endpoints"))

    def create_webhook_endpoint(
        self, *, url: str, description: Optional[str] = None, event_types: Optional[List[str]] = None, tenant_id: Optional[str] = None, enabled: Optional[bool] = None
    ) -> Dict[str, Any]:
        """Returns ``{"endpoint": ..., "secret": ...}``: the signing secret is in this answer only (keep it for
        :func:`verify_webhook_signature`)."""
        body: Dict[str, Any] = {"url": url}
        for key, value in (("description", description), ("eventTypes", event_types), ("tenantId", tenant_id), ("enabled", enabled)):
            if value is not None:
                body[key] = value
        answer = self._api.call("create_webhook_endpoint", body=body)
        _member(answer, "endpoint", "/api/v1/webhook-endpoints")
        if not isinstance(answer.get("secret"), str):
            raise LatchkeyError("unexpected_response", 201, "Latchkey's answer to /api/v1/webhook-endpoints has no secret")
        return answer

    def get_webhook_endpoint(self, endpoint_id: str) -> Resource:
        return dict(_member(self._api.call("get_webhook_endpoint", {"id": endpoint_id}), "endpoint", self._ONE))

    def update_webhook_endpoint(self, endpoint_id: str, *, url: Any = _UNSET, description: Any = _UNSET, event_types: Any = _UNSET, enabled: Any = _UNSET) -> Resource:
        """Changes only the fields passed (``description=None`` removes it)."""
        body = _given(url=url, description=description, eventTypes=event_types, enabled=enabled)
        return dict(_member(self._api.call("update_webhook_endpoint", {"id": endpoint_id}, body), "endpoint", self._ONE))

    def delete_webhook_endpoint(self, endpoint_id: str) -> None:
        self._api.call("delete_webhook_endpoint", {"id": endpoint_id})

    def list_webhook_deliveries(self, endpoint_id: str, *, status: Optional[str] = None, limit: Optional[int] = None, cursor: Optional[str] = None) -> Dict[str, Any]:
        """``{"deliveries": [...], "nextCursor": ...}``, newest first."""
        answer = self._api.call("list_webhook_deliveries", {"id": endpoint_id}, query={"status": status, "limit": limit, "cursor": cursor})
        _member(answer, "deliveries", self._ONE + "/deliveries")
        return answer

    def send_test_webhook(self, endpoint_id: str) -> Resource:
        """Queues a ``webhook.test`` event to this endpoint; returns the delivery."""
        return dict(_member(self._api.call("send_test_webhook", {"id": endpoint_id}), "delivery", self._ONE + "/test"))

    def redeliver_webhook(self, endpoint_id: str, delivery_id: str) -> Resource:
        return dict(_member(self._api.call("redeliver_webhook", {"id": endpoint_id, "deliveryId": delivery_id}), "delivery", self._ONE + "/deliveries/{deliveryId}/redeliver"))
