"""Fit the weights of gdprgate's name scorer on GermEval 2014 dev.

Runs the detector over every sentence of the dev split, records the word
probabilities Rampart hands to ``decode_parts`` (so the features are the
ones the scorer sees in production), labels each candidate word with the
gold ``PER`` tag, and fits a logistic regression (numpy, L2, Newton steps).
Five-fold cross-validation over sentences reports precision and recall of
the candidate words for each penalty and threshold; the chosen ones are
fitted on the whole split and printed as the ``WEIGHTS`` table of
:mod:`gdprgate.detect.name_scorer`, the threshold folded into the bias.

Words inside ``OTH`` and ``*deriv``/``*part`` spans are left out: the
evaluation does not score them. Nothing is written to disk.

    .venv/bin/python bench/train_name_scorer.py \\
        --dataset ../shared/datasets/germeval2014/NER-de-dev.tsv
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

import gdprgate.detect.rampart as rampart
from gdprgate.detect import DetectorConfig
from gdprgate.detect.detector import Detector
from gdprgate.detect.evaluation.datasets import load_datasets
from gdprgate.detect.gate import load_lexicon
from gdprgate.detect.name_scorer import FEATURES, Profile, columns, feature_matrix
from gdprgate.detect.rampart_spans import ADDRESS_PARTS, _words

FOLDS = 5
PENALTIES = (0.1, 1.0, 3.0)
THRESHOLDS = (0.25, 0.3, 0.35, 0.4, 0.5)


def recorded_words(
    path: Path,
) -> list[tuple[str, list[Any], list[tuple[int, int, str]]]]:
    """Each dev sentence, the words Rampart scored in it, and its gold spans."""
    calls: list[tuple[str, list[Any]]] = []
    decode = rampart.decode_parts

    def spy(text: str, offsets: Any, word_ids: Any, probs: Any, *args: Any) -> Any:
        calls.append((text, _words(offsets, word_ids, probs)))
        return decode(text, offsets, word_ids, probs, *args)

    rampart.decode_parts = spy  # type: ignore[assignment]
    detector = Detector(DetectorConfig(cache_size=0))
    sentences = []
    for dataset in load_datasets(path, "germeval", "dev"):
        for sample in dataset.samples:
            calls.clear()
            detector.analyze(sample.text, sample.language)
            words: dict[tuple[int, int], Any] = {}
            for piece, piece_words in calls:
                at = sample.text.find(piece)
                for start, end, probs in piece_words if at >= 0 else ():
                    words.setdefault((start + at, end + at), probs)
            gold = [(span.start, span.end, span.label) for span in sample.spans]
            ordered = [(s, e, p) for (s, e), p in sorted(words.items())]
            sentences.append((sample.text, ordered, gold))
    rampart.decode_parts = decode  # type: ignore[assignment]
    return sentences


def table(
    sentences: Sequence[tuple[str, list[Any], list[tuple[int, int, str]]]],
) -> Any:
    """Features, labels, weights (0: unscored) and sentence of each candidate."""
    cols = columns(rampart.load_rampart().type_names, ADDRESS_PARTS)
    assert cols is not None
    lexicon = load_lexicon()
    known: dict[tuple[str, str], Profile] = {}
    rows, labels, weights, groups = [], [], [], []
    for number, (text, words, gold) in enumerate(sentences):
        candidates, matrix = feature_matrix(text, words, cols, lexicon, known, "de")
        for index, row in zip(candidates, matrix, strict=True):
            start, end, _ = words[index]
            if not text[start:end].isalnum():
                continue
            label = next((lab for s, e, lab in gold if s <= start < e), None)
            rows.append(row)
            labels.append(float(label == "PER"))
            unscored = label is not None and (
                label == "OTH" or label[-4:] in ("eriv", "part")
            )
            weights.append(0.0 if unscored else 1.0)
            groups.append(number)
    return np.array(rows), np.array(labels), np.array(weights), np.array(groups)


def fit(x: Any, y: Any, w: Any, penalty: float) -> Any:
    """Weighted L2 logistic regression by Newton steps (bias not penalised)."""
    beta = np.zeros(x.shape[1])
    ridge = np.full(x.shape[1], penalty)
    ridge[0] = 1e-6
    for _ in range(50):
        p = 1 / (1 + np.exp(-(x @ beta)))
        gradient = x.T @ (w * (p - y)) + ridge * beta
        hessian = (x * (w * p * (1 - p))[:, None]).T @ x + np.diag(ridge)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-6:
            break
    return beta


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", type=Path, required=True)
    parser.add_argument("--penalty", type=float, default=1.0)
    parser.add_argument("--threshold", type=float, default=0.3)
    args = parser.parse_args()

    x, y, w, groups = table(recorded_words(args.dataset))
    scored = w > 0
    folds = groups % FOLDS
    for penalty in PENALTIES:
        held_out = np.zeros(len(y))
        for fold in range(FOLDS):
            train = folds != fold
            beta = fit(x[train], y[train], w[train], penalty)
            held_out[~train] = 1 / (1 + np.exp(-(x[~train] @ beta)))
        for threshold in THRESHOLDS:
            said = (held_out >= threshold) & scored
            tp = float((said & (y == 1)).sum())
            precision = tp / max(float(said.sum()), 1.0)
            recall = tp / max(float(((y == 1) & scored).sum()), 1.0)
            print(
                f"penalty {penalty:<4} threshold {threshold:<5} "
                f"P {precision:.3f} R {recall:.3f}"
            )

    beta = fit(x, y, w, args.penalty)
    beta[0] -= math.log(args.threshold / (1 - args.threshold))
    print("WEIGHTS: dict[str, float] = {")
    for name, value in zip(FEATURES, beta, strict=True):
        print(f'    "{name}": {value:.4f},')
    print("}")


if __name__ == "__main__":
    main()
