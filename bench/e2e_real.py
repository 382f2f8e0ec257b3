"""Real court judgments through the gateway to the built-in model.

Takes paragraphs of ECHR judgments from the TAB corpus (annotated names,
organisations, places and dates), sends each through ``gdprgate serve`` to
the built-in SmolLM2 model asking for a one-sentence summary, and records
what reached the model through a recording proxy placed between them.

Prints, per entity type, how many annotated mentions that TAB says must be
masked (DIRECT and QUASI identifiers) there were and how many reached the
model unmasked, then the latency the gateway added (the client's
total time minus the time the proxy saw the model take) side by side with
the model's own time.

    .venv/bin/python bench/e2e_real.py [--n 20] [--split test]
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from openai import OpenAI
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.support.servers import serve_in_thread

from gdprgate.gateway.builtin import MODEL_NAME, BuiltinModel, free_port
from gdprgate.vault import TOKEN_RE

DATASET = (
    Path(__file__).resolve().parents[2]
    / "shared/datasets/tab_echr_spia144/entity_tab_144.jsonl"
)
TYPES = ("PERSON", "ORG", "LOC", "DATETIME")
# TAB marks each mention DIRECT or QUASI (must be masked to protect the
# person) or NO_MASK ("the Court", "the Government"): only the first two count.
MASKED = ("DIRECT", "QUASI")
FILLER = {"mr", "mrs", "ms", "dr", "the", "of", "and"}
SYSTEM = "Summarise the user's text in one sentence."


@dataclass
class Paragraph:
    text: str
    mentions: list[tuple[str, int, int]]  # (entity type, start, end) in text


@dataclass
class Proxy:
    """Forwards to the model and records each protected request and its time."""

    target: str
    seen: list[dict[str, Any]] = field(default_factory=list)
    upstream_s: list[float] = field(default_factory=list)

    def app(self) -> Starlette:
        client = httpx.AsyncClient(base_url=self.target, timeout=300)

        async def chat(request: Request) -> Response:
            body = await request.json()
            started = time.perf_counter()
            answer = await client.post("/chat/completions", json=body)
            self.upstream_s.append(time.perf_counter() - started)
            self.seen.append(body)
            return JSONResponse(answer.json(), status_code=answer.status_code)

        async def models(_request: Request) -> Response:
            return JSONResponse((await client.get("/models")).json())

        return Starlette(
            routes=[
                Route("/v1/chat/completions", chat, methods=["POST"]),
                Route("/v1/models", models),
            ]
        )


def load_paragraphs(n: int, split: str) -> list[Paragraph]:
    """The first ``n`` paragraphs (in file order) of ``split`` documents that
    hold at least two annotated mentions of the measured types."""
    chosen: list[Paragraph] = []
    with DATASET.open(encoding="utf-8") as handle:
        for line in handle:
            doc = json.loads(line)
            if doc["metadata"]["provenance"].get("dataset_type") != split:
                continue
            chosen.extend(_paragraphs(doc))
            if len(chosen) >= n:
                break
    return chosen[:n]


def _paragraphs(doc: dict[str, Any]) -> list[Paragraph]:
    text = doc["text"]
    found = []
    start = 0
    for block in text.split("\n\n"):
        end = start + len(block)
        mentions = [
            (e["entity_type"], e["start_offset"] - start, e["end_offset"] - start)
            for e in doc["entities"]
            if e["entity_type"] in TYPES
            and e["identifier_type"] in MASKED
            and start <= e["start_offset"]
            and e["end_offset"] <= end
        ]
        if 200 <= len(block) <= 1200 and len(mentions) >= 2:
            found.append(Paragraph(block, mentions))
        start = end + 2
    return found[:2]  # at most two paragraphs per judgment, for variety


def start_gateway(
    upstream: str, data_dir: Path, log: Path
) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    command = [sys.executable, "-m", "gdprgate", "serve", "--port", str(port),
               "--upstream", upstream, "--data-dir", str(data_dir)]  # fmt: skip
    with log.open("ab") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gateway exited; see {log}")
        try:
            if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                return process, url
        except httpx.TransportError:
            time.sleep(0.2)
    raise SystemExit("gateway did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20)
    parser.add_argument("--split", default="test")
    parser.add_argument("--max-tokens", type=int, default=48)
    args = parser.parse_args()

    paragraphs = load_paragraphs(args.n, args.split)
    work = Path(tempfile.mkdtemp(prefix="gdprgate-bench-"))
    model = BuiltinModel(threads=2, ctx=4096, log_path=work / "model.log")
    proxy = Proxy(model.start())
    try:
        with serve_in_thread(proxy.app()) as proxy_url:
            process, url = start_gateway(
                proxy_url + "/v1", work / "data", work / "gateway.log"
            )
            try:
                key = (work / "data" / "bootstrap.key").read_text().strip()
                totals = run(url, key, paragraphs, args.max_tokens)
            finally:
                process.terminate()
                process.wait(timeout=30)
    finally:
        model.stop()
    report(paragraphs, proxy, totals)


def run(
    url: str, key: str, paragraphs: list[Paragraph], max_tokens: int
) -> list[float]:
    client = OpenAI(base_url=url + "/v1", api_key=key, max_retries=0, timeout=300)
    totals = []
    for paragraph in paragraphs:
        started = time.perf_counter()
        client.chat.completions.create(
            model=MODEL_NAME,
            messages=[
                {"role": "system", "content": SYSTEM},
                {"role": "user", "content": paragraph.text},
            ],
            max_tokens=max_tokens,
            temperature=0,
        )
        totals.append(time.perf_counter() - started)
    return totals


def kept_positions(original: str, sent: str) -> set[int]:
    """Positions of ``original`` that reached the model unchanged."""
    # A token's letters must not align with the letters it replaced.
    opaque = TOKEN_RE.sub("\ue000", sent)
    matcher = difflib.SequenceMatcher(None, original, opaque, autojunk=False)
    kept: set[int] = set()
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        if tag == "equal":
            kept.update(range(i1, i2))
    return kept


def identifying(text: str, start: int, end: int) -> set[int]:
    """Positions of letters and digits in a mention, titles and articles aside."""
    positions = set()
    for word in re.finditer(r"\w+", text[start:end]):
        if word.group().lower() not in FILLER:
            positions.update(range(start + word.start(), start + word.end()))
    return positions


def report(paragraphs: list[Paragraph], proxy: Proxy, totals: list[float]) -> None:
    annotated: Counter[str] = Counter()
    whole: Counter[str] = Counter()
    partly: Counter[str] = Counter()
    for paragraph, body in zip(paragraphs, proxy.seen, strict=True):
        kept = kept_positions(paragraph.text, body["messages"][1]["content"])
        for entity, start, end in paragraph.mentions:
            letters = identifying(paragraph.text, start, end)
            annotated[entity] += 1
            whole[entity] += bool(letters) and letters <= kept
            partly[entity] += bool(letters & kept) and not letters <= kept

    print(f"\n{len(paragraphs)} paragraphs of ECHR judgments (TAB, split=test)\n")
    print("| type     | annotated | unmasked upstream | partly unmasked | masked % |")
    print("|----------|-----------|-------------------|-----------------|----------|")
    for entity in (*TYPES, "ALL"):
        total, bad, part = (
            sum(c.values()) if entity == "ALL" else c[entity]
            for c in (annotated, whole, partly)
        )
        share = 100 * (total - bad - part) / total if total else 0.0
        print(f"| {entity:<8} | {total:>9} | {bad:>17} | {part:>15} | {share:>7.1f}% |")

    added = [t - u for t, u in zip(totals, proxy.upstream_s, strict=True)]
    ratio = [a / u for a, u in zip(added, proxy.upstream_s, strict=True)]
    print("\n| latency (ms)              | median | p90    |")
    print("|---------------------------|--------|--------|")
    for name, values in (
        ("model (upstream)", proxy.upstream_s),
        ("added by gateway", added),
        ("client total", totals),
    ):
        print(f"| {name:<25} | {_ms(values, 50):>6} | {_ms(values, 90):>6} |")
    print(f"\nadded / model time: median {statistics.median(ratio):.2f}")


def _ms(values: list[float], percentile: int) -> str:
    ordered = sorted(values)
    index = min(len(ordered) - 1, round(percentile / 100 * (len(ordered) - 1)))
    return f"{ordered[index] * 1000:.0f}"


if __name__ == "__main__":
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    main()
