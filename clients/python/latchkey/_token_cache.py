"""Tokens per key (an authorization id, or a grantless scope), in memory, until shortly before they expire.
Concurrent callers for one key share one request to Latchkey (single flight within this process)."""

import threading
from typing import Callable, Dict, Generic, Optional, TypeVar

from .types import AccessToken, GrantlessToken

T = TypeVar("T", AccessToken, GrantlessToken)


class TokenCache(Generic[T]):
    def __init__(self, load: Callable[[str, Optional[str]], T], now: Callable[[], float], margin_seconds: float) -> None:
        self._load = load
        self._now = now
        self._margin = margin_seconds
        self._tokens: Dict[str, T] = {}
        self._rejected: Dict[str, str] = {}
        self._locks: Dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def _fresh(self, key: str) -> Optional[T]:
        token = self._tokens.get(key)
        if token is not None and token.expires_at.timestamp() - self._margin > self._now():
            return token
        return None

    def get(self, key: str) -> T:
        cached = self._fresh(key)
        if cached is not None:
            return cached
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            # Another thread may have loaded it while this one waited.
            cached = self._fresh(key)
            if cached is not None:
                return cached
            with self._guard:
                hint = self._rejected.pop(key, None)
            self._tokens.pop(key, None)
            token = self._load(key, hint)
            self._tokens[key] = token
            return token

    def forget(self, key: str) -> None:
        """Drops the cached token so the next ``get`` asks Latchkey again."""
        self._tokens.pop(key, None)

    def reject(self, key: str, token: str) -> None:
        """Amazon rejected ``token``: forget it, and tell Latchkey on the next request so it replaces it."""
        with self._guard:
            self.forget(key)
            self._rejected[key] = token
