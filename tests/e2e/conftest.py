"""``gdprgate serve`` as a real child process, reached over real HTTP."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from gdprgate.gateway.builtin import free_port


@contextmanager
def gdprgate_serve(
    data_dir: Path,
    log_path: Path,
    upstream: str | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 240.0,
) -> Iterator[str]:
    """Start ``gdprgate serve``; yield its base URL once it answers."""
    with serve_process(data_dir, log_path, upstream, env, timeout) as (url, _):
        yield url


@contextmanager
def serve_process(
    data_dir: Path,
    log_path: Path,
    upstream: str | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 240.0,
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Like :func:`gdprgate_serve`, and yield the child process too."""
    port = free_port()
    command = [sys.executable, "-m", "gdprgate", "serve", "--port", str(port)]
    command += ["--data-dir", str(data_dir)]
    if upstream is not None:
        command += ["--upstream", upstream]
    child_env = {**os.environ, "GDPRGATE_LOG_LEVEL": "DEBUG", **(env or {})}
    with log_path.open("ab") as log:
        process = subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, env=child_env
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(process, url, timeout, log_path)
        yield url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def bootstrap_key(data_dir: Path) -> str:
    """The first API key ``gdprgate serve`` created in ``data_dir``."""
    return (data_dir / "bootstrap.key").read_text(encoding="ascii").strip()


def _wait_until_healthy(
    process: subprocess.Popen[bytes], url: str, timeout: float, log_path: Path
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log_path.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"gdprgate serve exited:\n{tail}")
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError("gdprgate serve did not become healthy in time")
