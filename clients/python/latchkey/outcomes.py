"""Buffers SP-API call outcomes and posts them to Latchkey in small batches: when ``batch_size`` are waiting
or every ``interval`` seconds, from a background thread. Reporting never raises into a caller and never
delays a call; when Latchkey is unreachable the outcomes wait (up to a bound) for the next flush."""

import threading
from typing import Callable, List, Optional

from .types import CallOutcome


class OutcomeReporter:
    def __init__(
        self,
        send: Callable[[List[CallOutcome]], None],
        batch_size: int = 100,
        interval: float = 1.0,
        max_buffered: int = 10_000,
        is_retryable: Callable[[BaseException], bool] = lambda error: True,
        on_error: Optional[Callable[[BaseException], None]] = None,
    ) -> None:
        self._send = send
        # Latchkey accepts 1..500 outcomes per request.
        self._batch_size = min(500, max(1, batch_size))
        self._interval = interval
        self._max_buffered = max_buffered
        self._is_retryable = is_retryable
        self._on_error = on_error
        self._buffer: List[CallOutcome] = []
        self._lock = threading.Lock()
        self._sending = threading.Lock()
        self._wake = threading.Event()
        self._closed = False
        self._thread: Optional[threading.Thread] = None

    def record(self, outcome: CallOutcome) -> None:
        with self._lock:
            self._buffer.append(outcome)
            del self._buffer[: max(0, len(self._buffer) - self._max_buffered)]
            full = len(self._buffer) >= self._batch_size
            if self._thread is None and not self._closed:
                self._thread = threading.Thread(target=self._run, name="latchkey-outcomes", daemon=True)
                self._thread.start()
        if full:
            self._wake.set()

    def _run(self) -> None:
        while not self._closed:
            self._wake.wait(self._interval)
            self._wake.clear()
            if not self._closed:
                self.flush()

    def _report(self, error: BaseException) -> None:
        if self._on_error is not None:
            try:
                self._on_error(error)
            except Exception:  # a failing error hook must not break reporting either
                pass

    def flush(self) -> None:
        """Posts everything buffered now; never raises."""
        with self._sending:
            while True:
                with self._lock:
                    batch = self._buffer[: self._batch_size]
                    del self._buffer[: len(batch)]
                if not batch:
                    return
                try:
                    self._send(batch)
                except Exception as error:
                    self._report(error)
                    if self._is_retryable(error):
                        with self._lock:
                            self._buffer[:0] = batch
                            del self._buffer[: max(0, len(self._buffer) - self._max_buffered)]
                        return

    def close(self) -> None:
        """Flushes and stops the background thread."""
        self._closed = True
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=self._interval + 5)
        self.flush()
