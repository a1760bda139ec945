"""Fixtures: ``fake`` (a scripted Latchkey + SP-API on a local HTTP server) for the unit tests, and
``latchkey_stack`` for the integration tests: a real Latchkey (its /api/v1 route handlers over HTTP, a fresh
embedded database) and the Amazon sandbox, started by scripts/python-client-fixture.ts in the repository."""

import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, Iterator

import pytest

from fake_server import Fake

REPO_ROOT = Path(os.environ.get("LATCHKEY_REPO_ROOT", Path(__file__).resolve().parents[3]))
FIXTURE_SCRIPT = REPO_ROOT / "scripts" / "python-client-fixture.ts"
TSX = REPO_ROOT / "node_modules" / ".bin" / "tsx"
STARTUP_TIMEOUT_SECONDS = float(os.environ.get("LATCHKEY_FIXTURE_TIMEOUT", "240"))


@pytest.fixture
def fake() -> Iterator[Fake]:
    server = Fake()
    yield server
    server.close()


@pytest.fixture(scope="session")
def latchkey_stack() -> Iterator[Dict[str, Any]]:
    if not FIXTURE_SCRIPT.exists() or not TSX.exists() or shutil.which("node") is None:
        pytest.skip(f"needs the Latchkey repository with node_modules installed at {REPO_ROOT} (npm install)")
    work = Path(tempfile.mkdtemp(prefix="latchkey-python-tests-"))
    out_file = work / "stack.json"
    log_path = work / "fixture.log"
    log = open(log_path, "wb")
    process = subprocess.Popen([str(TSX), str(FIXTURE_SCRIPT), str(out_file)], cwd=REPO_ROOT, stdin=subprocess.PIPE, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
        while not out_file.exists():
            if process.poll() is not None or time.monotonic() > deadline:
                log.flush()
                raise RuntimeError(f"the Latchkey fixture did not start (exit {process.poll()}):\n{log_path.read_text(errors='replace')[-4000:]}")
            time.sleep(0.2)
        yield json.loads(out_file.read_text())
    finally:
        # Closing stdin asks the fixture to shut down cleanly (it closes the embedded database).
        if process.stdin:
            process.stdin.close()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
        shutil.rmtree(work, ignore_errors=True)
