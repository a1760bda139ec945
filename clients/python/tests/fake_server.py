"""A scripted fake of Latchkey and SP-API on one real local HTTP server, plus a fake clock and sleep."""

import json
import threading
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, List, NamedTuple, Optional, Tuple

from latchkey import LatchkeyClient

START = datetime(2026, 11, 22, 10, 0, tzinfo=timezone.utc).timestamp()


class Seen(NamedTuple):
    method: str
    path: str
    headers: Dict[str, str]
    body: Any


class Answer(NamedTuple):
    status: int
    body: Any = None
    headers: Dict[str, str] = {}


def amazon_error(status: int, code: str, headers: Optional[Dict[str, str]] = None) -> Answer:
    return Answer(status, {"errors": [{"code": code, "message": f"{code} message"}]}, {"x-amzn-requestid": f"req-{code}", **(headers or {})})


def iso(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


Responder = Callable[[Seen], Answer]


class Fake:
    def __init__(self) -> None:
        self.seen: List[Seen] = []
        self.spapi_script: List[Answer] = []
        self.sleeps: List[float] = []
        self.clock = START
        self.token_lifetime = 3600.0
        self.serial = 0
        self.access_token_answer: Optional[Responder] = None
        self.outcomes_answer: Responder = lambda seen: Answer(202, {"accepted": 1})
        #: Answers every other Latchkey call (management API, connect links) when set.
        self.management_answer: Optional[Responder] = None
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def handle_any(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                raw = self.rfile.read(length) if length else b""
                seen = Seen(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, json.loads(raw) if raw else None)
                with fake.lock:
                    fake.seen.append(seen)
                answer = fake.answer(seen)
                payload = answer.body if isinstance(answer.body, bytes) else json.dumps(answer.body).encode() if answer.body is not None else b""
                self.send_response(answer.status)
                self.send_header("content-type", "application/json")
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.send_header("content-length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = handle_any

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def answer(self, seen: Seen) -> Answer:
        with self.lock:
            if seen.path.endswith("/access-token"):
                if self.access_token_answer:
                    return self.access_token_answer(seen)
                self.serial += 1
                return Answer(200, {"accessToken": f"Atza|token-{self.serial}", "tokenType": "bearer", "expiresAt": iso(self.clock + self.token_lifetime), "authorizationId": seen.path.split("/")[4], "region": "NA", "sellingPartnerId": "A2SELLER"})
            if seen.path.endswith("/restricted-data-token"):
                self.serial += 1
                return Answer(200, {"restrictedDataToken": f"Atz.sprdt|rdt-{self.serial}", "expiresAt": iso(self.clock + 3600), "region": "NA"})
            if seen.path == "/api/v1/grantless-tokens":
                self.serial += 1
                return Answer(200, {"accessToken": f"Atza|grantless-{self.serial}", "tokenType": "bearer", "expiresAt": iso(self.clock + self.token_lifetime), "scope": seen.body["scope"]})
            if seen.path == "/api/v1/outcomes":
                return self.outcomes_answer(seen)
            if seen.path.startswith("/spapi/") or seen.path.startswith("/api/v1/spapi/"):
                if not self.spapi_script:
                    return Answer(599, {"errors": [{"code": "Unscripted"}]})
                return self.spapi_script.pop(0)
            if seen.path.startswith("/api/v1/") and self.management_answer:
                return self.management_answer(seen)
            return Answer(404, {"error": {"code": "not_found", "message": "no route"}})

    def spapi(self, *answers: Answer) -> None:
        self.spapi_script.extend(answers)

    def client(self, **options: Any) -> LatchkeyClient:
        def sleep(seconds: float) -> None:
            self.sleeps.append(seconds)
            self.clock += seconds

        defaults: Dict[str, Any] = dict(
            now=lambda: self.clock,
            sleep=sleep,
            random=lambda: 0.5,
            spapi_endpoints={"NA": f"{self.url}/spapi/na", "EU": f"{self.url}/spapi/eu", "FE": f"{self.url}/spapi/fe"},
            outcome_interval=3600,
        )
        defaults.update(options)
        return LatchkeyClient(self.url + "/", "lk_live_test", **defaults)

    def requests(self, suffix: str) -> List[Seen]:
        return [s for s in self.seen if s.path.split("?")[0].endswith(suffix)]

    def spapi_requests(self) -> List[Seen]:
        return [s for s in self.seen if s.path.startswith("/spapi/")]

    def gateway_requests(self) -> List[Seen]:
        return [s for s in self.seen if s.path.startswith("/api/v1/spapi/")]

    def outcomes(self) -> List[Dict[str, Any]]:
        return [o for s in self.requests("/api/v1/outcomes") for o in s.body["outcomes"]]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def unused_port() -> Tuple[str, int]:
    """An address nothing listens on (bound, then closed)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return "127.0.0.1", sock.getsockname()[1]
