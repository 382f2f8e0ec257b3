"""What the gateway adds: the same workload direct and through it, one run.

A fast scripted upstream (its own process) answers at once, so the
difference between going direct and going through ``gdprgate serve`` is the
gateway's own cost: detection, vault, output check, restoration, HTTP.

Workload: prompts of about 1 KB holding fictional names, e-mails, phone
numbers and IBANs, all different (no cache hits), sent by CONCURRENCY
clients at once, non-streamed and streamed. The gateway runs with every
detection layer and with validated patterns only, each as one process and
as two worker processes (``serve --workers 2``). Also measured: one client
alone (latency, and time to the first streamed token), and turn 1 versus
turn 20 of a conversation. Peak RSS adds up the gateway's processes.

    .venv/bin/python bench/gateway_overhead.py [--requests 320] [--concurrency 32]
        [--single 200] [--only 'patterns only' ...]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from gdprgate.gateway.builtin import free_port

HERE = Path(__file__).resolve().parent
GIVEN = ["Annika", "Jorinde", "Mathis", "Liesel", "Tomasz", "Ilse", "Pieter", "Chiara"]
FAMILY = ["Vesterholm", "Kaltenbach", "Moravec", "Lindqvist", "Ostrowski", "Baumer"]
FILLER = (
    "I would like to change the delivery address for my last order and ask "
    "whether the invoice can be sent again, since the first one never arrived. "
)


def prompt(number: int) -> str:
    """About 1 KB of text with four personal values, unique per number."""
    name = f"{GIVEN[number % len(GIVEN)]} {FAMILY[number % len(FAMILY)]}"
    email = f"{name.split()[0].lower()}.{number}@example.org"
    phone = f"+49 30 {900000 + number}"
    body = f"Hello, my name is {name} and you can reach me at {email} or {phone}. "
    body += FILLER * 5
    body += f"Please refund order {number} to DE89 3704 0044 0532 0130 00. Thanks!"
    return body


@dataclass
class Run:
    """Timings of one workload against one target."""

    latencies: list[float] = field(default_factory=list)
    first_chunk: list[float] = field(default_factory=list)
    wall: float = 0.0
    count: int = 0

    def pct(self, values: list[float], p: float) -> float:
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000


async def one(client: httpx.AsyncClient, number: int, stream: bool, run: Run) -> None:
    body = {
        "model": "fast",
        "messages": [{"role": "user", "content": prompt(number)}],
        "stream": stream,
    }
    started = time.perf_counter()
    if not stream:
        response = await client.post("/v1/chat/completions", json=body)
        response.raise_for_status()
    else:
        async with client.stream("POST", "/v1/chat/completions", json=body) as response:
            response.raise_for_status()
            first = None
            async for line in response.aiter_lines():
                if first is None and _has_content(line):
                    first = time.perf_counter() - started
            if first is not None:
                run.first_chunk.append(first)
    run.latencies.append(time.perf_counter() - started)
    run.count += 1


def _has_content(line: str) -> bool:
    if not line.startswith("data: {"):
        return False
    choices = json.loads(line[6:]).get("choices") or [{}]
    return bool(choices[0].get("delta", {}).get("content"))


async def workload(
    url: str, total: int, concurrency: int, stream: bool, offset: int, key: str = ""
) -> Run:
    run = Run()
    queue = list(range(offset, offset + total))
    limits = httpx.Limits(max_connections=concurrency)
    headers = {"authorization": f"Bearer {key}"} if key else {}
    async with httpx.AsyncClient(
        base_url=url, timeout=120, limits=limits, headers=headers
    ) as client:

        async def worker() -> None:
            while queue:
                await one(client, queue.pop(), stream, run)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        run.wall = time.perf_counter() - started
    return run


async def conversation(url: str, key: str, first: int = 10_000) -> tuple[float, float]:
    """Seconds for turn 1 and turn 20 of one growing conversation."""
    messages: list[dict[str, str]] = []
    times = []
    headers = {"authorization": f"Bearer {key}"}
    async with httpx.AsyncClient(base_url=url, timeout=120, headers=headers) as client:
        for turn in range(20):
            messages.append({"role": "user", "content": prompt(first + turn)})
            started = time.perf_counter()
            response = await client.post(
                "/v1/chat/completions", json={"model": "fast", "messages": messages}
            )
            times.append(time.perf_counter() - started)
            messages.append(response.json()["choices"][0]["message"])
    return times[0], times[-1]


def conversations(url: str, key: str, number: int) -> tuple[float, float]:
    """Median seconds of turn 1 and of turn 20 over five conversations."""
    runs = [
        asyncio.run(conversation(url, key, 10_000 * (number * 10 + n + 1)))
        for n in range(5)
    ]
    firsts, lasts = sorted(r[0] for r in runs), sorted(r[1] for r in runs)
    return firsts[2], lasts[2]


def start(
    command: list[str], url: str, env: dict[str, str] | None = None
) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        command,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/v1/models", timeout=1).status_code in {200, 401}:
                return process
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit(f"{command[1]} did not start")


def peak_rss_mb(process: subprocess.Popen[bytes]) -> float:
    """Peak resident memory of the process and its worker processes."""
    total = 0.0
    pending = [process.pid]
    while pending:
        pid = pending.pop()
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            for task in Path(f"/proc/{pid}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                total += int(line.split()[1]) / 1024
    return total or float("nan")


def measure(
    url: str, args: argparse.Namespace, offset: int, key: str = ""
) -> dict[str, Run]:
    # A short warm-up so connection setup and lazy loading are not measured.
    asyncio.run(workload(url, 8, 4, False, offset + 900_000, key))
    return {
        "single": asyncio.run(workload(url, args.single, 1, False, offset, key)),
        "single stream": asyncio.run(
            workload(url, args.single, 1, True, offset + 3000, key)
        ),
        "plain": asyncio.run(
            workload(url, args.requests, args.concurrency, False, offset + 1000, key)
        ),
        "stream": asyncio.run(
            workload(url, args.requests, args.concurrency, True, offset + 2000, key)
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=320)
    parser.add_argument("--concurrency", type=int, default=32)
    # One client alone: 200 requests keep its median steady on a shared
    # machine (40 moved it by a millisecond between runs).
    parser.add_argument("--single", type=int, default=200)
    parser.add_argument(
        "--only",
        action="append",
        metavar="TARGET",
        help="measure only this gateway target (e.g. 'patterns only'); repeatable",
    )
    args = parser.parse_args()

    upstream_port = free_port()
    upstream_url = f"http://127.0.0.1:{upstream_port}"
    upstream = start(
        [sys.executable, str(HERE / "fast_upstream.py"), str(upstream_port)],
        upstream_url,
    )
    results: dict[str, dict[str, Run]] = {}
    memory: dict[str, float] = {}
    turns: dict[str, tuple[float, float]] = {}
    try:
        results["direct"] = measure(upstream_url, args, 0)
        patterns = {
            "GDPRGATE_DETECT_RAMPART": "false",
            "GDPRGATE_DETECT_SPACY": "false",
        }
        configs: dict[str, dict[str, str]] = {
            "all layers": {},
            "patterns only": patterns,
            "all layers, 2 workers": {"GDPRGATE_WORKERS": "2"},
            "patterns only, 2 workers": {**patterns, "GDPRGATE_WORKERS": "2"},
        }
        for number, (name, env) in enumerate(configs.items(), start=1):
            if args.only and name not in args.only:
                continue
            port = free_port()
            url = f"http://127.0.0.1:{port}"
            data_dir = tempfile.mkdtemp(prefix="gdprgate-overhead-")
            command = [
                sys.executable, "-m", "gdprgate", "serve", "--port", str(port),
                "--upstream", upstream_url + "/v1", "--data-dir", data_dir,
            ]  # fmt: skip
            gateway = start(command, url, {"GDPRGATE_LOG_LEVEL": "WARNING", **env})
            try:
                key = (Path(data_dir) / "bootstrap.key").read_text().strip()
                results[name] = measure(url, args, number * 100_000, key)
                turns[name] = conversations(url, key, number)
                memory[name] = peak_rss_mb(gateway)
            finally:
                gateway.terminate()
                gateway.wait(timeout=30)
    finally:
        upstream.terminate()
        upstream.wait(timeout=30)
    report(results, memory, turns, args)


def report(
    results: dict[str, dict[str, Run]],
    memory: dict[str, float],
    turns: dict[str, tuple[float, float]],
    args: argparse.Namespace,
) -> None:
    direct = results["direct"]
    print(f"\n~1 KB prompts with 4 personal values each, {os.cpu_count()} CPU cores")
    print(
        f"{args.concurrency} concurrent clients x {args.requests} requests; "
        f"1 client x {args.single}\n"
    )
    head = (
        "| target | 1 client added p50 | 1 client added TTFT p50 | added p50 "
        "| added p99 | added TTFT p50 | req/s | req/s vs direct | turn 20 / turn 1 "
        "| peak RSS MB |"
    )
    print(head)
    print("|---" * (head.count("|") - 1) + "|")
    d_single = direct["single"].pct(direct["single"].latencies, 50)
    d_first = direct["single stream"].pct(direct["single stream"].first_chunk, 50)
    d50 = direct["plain"].pct(direct["plain"].latencies, 50)
    d99 = direct["plain"].pct(direct["plain"].latencies, 99)
    dttft = direct["stream"].pct(direct["stream"].first_chunk, 50)
    drps = direct["plain"].count / direct["plain"].wall
    print(
        f"| direct | {d_single:.1f} ms (abs) | {d_first:.1f} ms (abs) "
        f"| {d50:.1f} ms (abs) "
        f"| {d99:.1f} ms (abs) | {dttft:.1f} ms (abs) | {drps:.0f} | 1.00 | - | - |"
    )
    for name, runs in results.items():
        if name == "direct":
            continue
        single = runs["single"].pct(runs["single"].latencies, 50) - d_single
        first_chunk = runs["single stream"]
        single_ttft = first_chunk.pct(first_chunk.first_chunk, 50) - d_first
        p50 = runs["plain"].pct(runs["plain"].latencies, 50) - d50
        p99 = runs["plain"].pct(runs["plain"].latencies, 99) - d99
        ttft = runs["stream"].pct(runs["stream"].first_chunk, 50) - dttft
        rps = runs["plain"].count / runs["plain"].wall
        first, last = turns[name]
        print(
            f"| {name} | {single:.1f} ms | {single_ttft:.1f} ms | {p50:.1f} ms "
            f"| {p99:.1f} ms "
            f"| {ttft:.1f} ms | {rps:.0f} | {rps / drps:.2f} | {last / first:.2f} "
            f"| {memory[name]:.0f} |"
        )
    print(
        "\n'added' = gateway percentile minus direct percentile of the same workload;"
        " TTFT = time to the first content chunk of a streamed answer."
    )


if __name__ == "__main__":
    main()
