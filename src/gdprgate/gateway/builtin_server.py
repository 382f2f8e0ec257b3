"""The built-in model server's own process (started by :class:`BuiltinModel`).

    python -m gdprgate.gateway.builtin_server --port N [--threads T] [--ctx C]

It is a module of its own, imported by nothing else, so that running it
with ``-m`` does not load it twice.
"""

from __future__ import annotations

import argparse
import signal
import threading
from types import FrameType

from gdprgate.gateway.builtin import MODEL_NAME, model_path


def serve(port: int, threads: int, ctx: int) -> None:
    """Run the llama.cpp server in this process until SIGTERM or SIGINT."""
    import xllamacpp

    params = xllamacpp.CommonParams()
    params.model.path = str(model_path())
    params.model_alias = {MODEL_NAME}
    params.hostnames = ["127.0.0.1"]
    params.port = port
    params.n_ctx = ctx
    params.n_parallel = 1
    params.cpuparams.n_threads = threads
    params.cpuparams_batch.n_threads = threads

    stop = threading.Event()

    def on_signal(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    server = xllamacpp.Server(params)
    stop.wait()
    del server


def main(argv: list[str] | None = None) -> None:
    """Command line of the child process."""
    parser = argparse.ArgumentParser(description="gdprgate built-in model server")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--ctx", type=int, default=4096)
    args = parser.parse_args(argv)
    serve(args.port, args.threads, args.ctx)


if __name__ == "__main__":
    main()
