"""The one HTTP primitive both Latchkey and SP-API requests go through (urllib, standard library only).
Any HTTP answer, 2xx or not, is an HttpResponse; no answer at all (refused, reset, timeout) raises OSError."""

import http.client
import urllib.error
import urllib.request
from email.message import Message
from typing import Callable, Dict, Mapping, NamedTuple, Optional


class HttpResponse(NamedTuple):
    status: int
    #: Header names in lower case.
    headers: Dict[str, str]
    body: bytes


#: ``send(method, url, headers, body, timeout_seconds)``; injectable for tests and custom transports.
Transport = Callable[[str, str, Mapping[str, str], Optional[bytes], float], HttpResponse]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    # A redirect is answered as it is: neither Latchkey nor SP-API redirects, and following one would carry
    # the API key or a token to another host.
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def _headers(message: Message) -> Dict[str, str]:
    return {name.lower(): value for name, value in message.items()}


def urllib_transport(method: str, url: str, headers: Mapping[str, str], body: Optional[bytes], timeout: float) -> HttpResponse:
    request = urllib.request.Request(url, data=body, method=method, headers=dict(headers))
    try:
        with _opener.open(request, timeout=timeout) as response:
            return HttpResponse(response.status, _headers(response.headers), response.read())
    except urllib.error.HTTPError as error:
        with error:
            return HttpResponse(error.code, _headers(error.headers), error.read())
    except urllib.error.URLError as error:
        reason = error.reason
        raise reason if isinstance(reason, OSError) else ConnectionError(str(reason)) from error
    except http.client.HTTPException as error:  # a garbled or cut-off answer: as good as none
        raise ConnectionError(f"{type(error).__name__}: {error}") from error
