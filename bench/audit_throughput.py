"""What the audit chain costs: audited requests per second, side by side.

The same gateway (no detection layer, so that the store is what differs)
answers the same requests from a fast scripted upstream three times: with
no audit at all, with the hash-chained audit on SQLite, and with it on
PostgreSQL (127.0.0.1:5432, a scratch database created and dropped here).
Also measured: bare ``AuditLog.append`` calls per second from 8 threads.
Each chain is verified at the end.

    .venv/bin/python bench/audit_throughput.py [--requests 600] [--concurrency 16]
"""

from __future__ import annotations

import argparse
import asyncio
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx
import psycopg
import uvicorn
from psycopg import sql

from gdprgate.audit import AuditEntry, AuditLog, load_signer, verify_chain
from gdprgate.detect import Finding
from gdprgate.gateway import Gateway, Upstream, create_app
from gdprgate.gateway.builtin import free_port
from gdprgate.store import Database
from gdprgate.vault import Keyring, Vault

HERE = Path(__file__).resolve().parent
SERVER = "host=127.0.0.1 port=5432 user=postgres connect_timeout=3"


class NoDetection:
    """A detector that finds nothing: the bench measures the store."""

    def analyze_batch(
        self, texts: Sequence[str], language: str | None = None
    ) -> list[list[Finding]]:
        return [[] for _ in texts]


class NoAudit(AuditLog):
    """The baseline: entries are dropped."""

    def append(self, entry: AuditEntry) -> int:
        return 0


@contextmanager
def postgres_url() -> Iterator[str | None]:
    name = "gdprgate_bench_" + secrets.token_hex(4)
    try:
        with psycopg.connect(SERVER + " dbname=postgres", autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.Error:
        yield None
        return
    try:
        yield f"postgresql://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(SERVER + " dbname=postgres", autocommit=True) as conn:
            drop = "DROP DATABASE IF EXISTS {} WITH (FORCE)"
            conn.execute(sql.SQL(drop).format(sql.Identifier(name)))


@contextmanager
def serve(gateway: Gateway) -> Iterator[str]:
    port = free_port()
    config = uvicorn.Config(
        create_app(gateway), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


async def workload(url: str, requests: int, concurrency: int) -> float:
    """Requests per second for ``requests`` chat calls, ``concurrency`` at once."""
    queue: asyncio.Queue[int] = asyncio.Queue()
    for number in range(requests):
        queue.put_nowait(number)
    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as client:

        async def worker() -> None:
            while not queue.empty():
                number = queue.get_nowait()
                body = {
                    "model": "fast",
                    "messages": [{"role": "user", "content": f"order {number}"}],
                }
                response = await client.post("/v1/chat/completions", json=body)
                response.raise_for_status()

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return requests / (time.perf_counter() - started)


def appends_per_second(log: AuditLog, count: int = 2000) -> float:
    def write(number: int) -> None:
        log.append(
            AuditEntry(
                request_id=f"bench_{number}",
                tenant="default",
                route="/v1/chat/completions",
                status=200,
                outcome="ok",
                latency_ms=1.0,
                entity_counts={"PERSON": 1},
                tokens=["<PERSON_ab12>"],
            )
        )

    started = time.perf_counter()
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(write, range(count)))
    return count / (time.perf_counter() - started)


def measure(
    label: str, url: str | None, upstream: str, work: Path, args: argparse.Namespace
) -> tuple[str, float, float | None, bool | None]:
    db = Database.for_data_dir(work / label, url)
    db.upgrade()
    signer = load_signer(work / "audit-signing.key")
    log: AuditLog = NoAudit(db) if label == "no audit" else AuditLog(db, signer)
    gateway = Gateway(
        detector=NoDetection(),
        vault=Vault(db, Keyring(db, bytes(32))),
        audit=log,
        upstream=Upstream(upstream),
        output_action=None,
    )
    with serve(gateway) as gateway_url:
        asyncio.run(workload(gateway_url, 50, args.concurrency))  # warm up
        rate = asyncio.run(workload(gateway_url, args.requests, args.concurrency))
    appends = None if label == "no audit" else appends_per_second(log)
    verified = None if label == "no audit" else verify_chain(log).ok
    db.close()
    return label, rate, appends, verified


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()

    port = free_port()
    upstream = subprocess.Popen(
        [sys.executable, str(HERE / "fast_upstream.py"), str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    upstream_url = f"http://127.0.0.1:{port}/v1"
    rows = []
    try:
        while True:
            try:
                httpx.get(upstream_url.removesuffix("/v1") + "/v1/models", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        with tempfile.TemporaryDirectory() as tmp, postgres_url() as pg:
            work = Path(tmp)
            rows.append(measure("no audit", None, upstream_url, work, args))
            rows.append(measure("chain, SQLite", None, upstream_url, work, args))
            if pg is not None:
                rows.append(measure("chain, PostgreSQL", pg, upstream_url, work, args))
    finally:
        upstream.terminate()
        upstream.wait()

    base = rows[0][1]
    print(
        f"{args.requests} requests, {args.concurrency} at once, no detection; "
        "appends: 8 threads, 2000 entries"
    )
    print(f"{'store':<20}{'requests/s':>12}{'vs none':>10}{'appends/s':>12}  verifies")
    for label, rate, appends, verified in rows:
        shown = "-" if appends is None else f"{appends:.0f}"
        ok = "-" if verified is None else ("yes" if verified else "NO")
        print(f"{label:<20}{rate:>12.0f}{rate / base:>10.2f}{shown:>12}  {ok}")
    if len(rows) < 3:
        print("PostgreSQL at 127.0.0.1:5432 did not answer: not measured")


if __name__ == "__main__":
    main()
