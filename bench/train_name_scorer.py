"""Fit the weights of gdprgate's name scorer on GermEval 2014 dev.

Runs the detector over every sentence of the dev split, records the word
probabilities Rampart hands to ``decode_parts`` (so the features are the
ones the scorer sees in production) and each word's row of the model's last
hidden layer (its first piece's and the mean of its pieces'), labels each
candidate word with the gold ``PER`` tag, and fits a logistic regression
(numpy, L2, Newton steps). Five-fold cross-validation over sentences
reports precision, recall and F1 of the candidate words for each penalty and
threshold, without the hidden layer (the ``WEIGHTS`` of
:mod:`gdprgate.detect.name_scorer`) and with it (the probe of
:mod:`gdprgate.detect.name_probe`: the hidden units standardised on the
training folds, with a penalty of their own). The chosen ones are fitted on
the whole split and printed, the threshold folded into the bias; with
``--write`` the probe's table is written as JSON (``name_probe.json``).

Words inside ``OTH`` and ``*deriv``/``*part`` spans are left out: the
evaluation does not score them. ``--features`` keeps the recorded numbers
(no text) in a file outside the repository, so a second run skips the
detector.

The shipped table is fitted on the same split the evaluation reads, so the
detector's own dev figures are in-sample. ``--detector-folds`` gives the
fair ones: for each of the five folds it fits the probe (with the chosen
penalties and threshold) on the other four, runs the whole detector with it
over the fold's sentences, and prints the PERSON token precision and recall
of the five folds together beside the in-sample ones (the probe fitted on
every fold, as shipped).

    .venv/bin/python bench/train_name_scorer.py \\
        --dataset ../shared/datasets/germeval2014/NER-de-dev.tsv \\
        --features /tmp/name-features.npz [--write src/gdprgate/detect/name_probe.json]
        [--detector-folds]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

import gdprgate.detect.rampart as rampart
from gdprgate.detect import DetectorConfig
from gdprgate.detect.detector import Detector
from gdprgate.detect.evaluation.datasets import load_datasets
from gdprgate.detect.evaluation.mapping import MAPPINGS
from gdprgate.detect.evaluation.metrics import score_tokens
from gdprgate.detect.finding import Finding
from gdprgate.detect.gate import load_lexicon
from gdprgate.detect.name_probe import Probe, probe_from
from gdprgate.detect.name_scorer import FEATURES, Profile, columns, feature_matrix
from gdprgate.detect.rampart_hidden import with_hidden_output
from gdprgate.detect.rampart_int8 import int8_model
from gdprgate.detect.rampart_spans import ADDRESS_PARTS, _words, word_vectors

FOLDS = 5
PENALTIES = (0.1, 1.0, 3.0)
HIDDEN_PENALTIES = (1.0, 3.0, 10.0, 30.0, 100.0)
THRESHOLDS = (0.25, 0.3, 0.35, 0.4, 0.5)
PIECES = ("first", "mean")
FITTED_ON = "GermEval 2014 dev, bench/train_name_scorer.py"
# A word's recorded numbers: probabilities, first piece's and mean hidden row.
Recorded = tuple[Any, Any, Any]


def raw_hidden_model() -> None:
    """Make the process-wide 8-bit model hand over whole hidden vectors."""
    model = rampart.load_rampart()
    shipped = rampart.model_directory() / "onnx" / "model_q4.onnx"
    graph = int8_model(shipped) or shipped
    made = with_hidden_output(graph)
    assert made is not None, "the graph has no hidden layer to read"
    rampart._loaded[True] = dataclasses.replace(
        model,
        session=rampart._open_session(made[0]),
        outputs=(model.outputs[0], made[1]),
        hidden_projection=None,
    )


def recorded_words(
    path: Path,
) -> list[tuple[str, list[tuple[int, int, Recorded]], list[tuple[int, int, str]]]]:
    """Each dev sentence, the words Rampart scored in it, and its gold spans."""
    raw_hidden_model()
    calls: list[tuple[str, list[tuple[int, int, Recorded]]]] = []
    decode = rampart.decode_parts

    def spy(
        text: str,
        offsets: Any,
        word_ids: Any,
        probs: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        hidden = args[3] if len(args) > 3 else kwargs.pop("hidden", None)
        assert hidden is not None, "the model gave no hidden layer"
        firsts = word_vectors(offsets, word_ids, hidden, "first")
        means = word_vectors(offsets, word_ids, hidden, "mean")
        words = [
            (start, end, (p, first, mean))
            for (start, end, p), first, mean in zip(
                _words(offsets, word_ids, probs), firsts, means, strict=True
            )
        ]
        calls.append((text, words))
        # The scorer decides as in production without the hidden layer.
        return decode(text, offsets, word_ids, probs, *args[:3], None)

    rampart.decode_parts = spy  # type: ignore[assignment]
    detector = Detector(DetectorConfig(cache_size=0))
    sentences = []
    for dataset in load_datasets(path, "germeval", "dev"):
        for sample in dataset.samples:
            calls.clear()
            detector.analyze(sample.text, sample.language)
            words: dict[tuple[int, int], Recorded] = {}
            for piece, piece_words in calls:
                at = sample.text.find(piece)
                for start, end, recorded in piece_words if at >= 0 else ():
                    words.setdefault((start + at, end + at), recorded)
            gold = [(span.start, span.end, span.label) for span in sample.spans]
            ordered = [(s, e, r) for (s, e), r in sorted(words.items())]
            sentences.append((sample.text, ordered, gold))
    rampart.decode_parts = decode  # type: ignore[assignment]
    return sentences


def table(
    sentences: Sequence[
        tuple[str, list[tuple[int, int, Recorded]], list[tuple[int, int, str]]]
    ],
) -> dict[str, Any]:
    """Features, hidden rows, labels, weights (0: unscored) and sentence of
    each candidate."""
    cols = columns(rampart.load_rampart().type_names, ADDRESS_PARTS)
    assert cols is not None
    lexicon = load_lexicon()
    known: dict[tuple[str, str], Profile] = {}
    rows, labels, weights, groups = [], [], [], []
    hidden: dict[str, list[Any]] = {pieces: [] for pieces in PIECES}
    for number, (text, recorded, gold) in enumerate(sentences):
        words = [(start, end, probs) for start, end, (probs, _, _) in recorded]
        candidates, matrix = feature_matrix(text, words, cols, lexicon, known, "de")
        for index, row in zip(candidates, matrix, strict=True):
            start, end, (_, first, mean) = recorded[index]
            if not text[start:end].isalnum():
                continue
            label = next((lab for s, e, lab in gold if s <= start < e), None)
            rows.append(row)
            hidden["first"].append(first)
            hidden["mean"].append(mean)
            labels.append(float(label == "PER"))
            unscored = label is not None and (
                label == "OTH" or label[-4:] in ("eriv", "part")
            )
            weights.append(0.0 if unscored else 1.0)
            groups.append(number)
    return {
        "x": np.array(rows),
        "first": np.array(hidden["first"], dtype=np.float64),
        "mean": np.array(hidden["mean"], dtype=np.float64),
        "y": np.array(labels),
        "w": np.array(weights),
        "groups": np.array(groups),
    }


def fit(x: Any, y: Any, w: Any, ridge: Any) -> Any:
    """Weighted L2 logistic regression by Newton steps; ``ridge``: the
    penalty of each column (the bias's near zero)."""
    beta = np.zeros(x.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-(x @ beta)))
        gradient = x.T @ (w * (p - y)) + ridge * beta
        hessian = (x * (w * p * (1 - p))[:, None]).T @ x + np.diag(ridge)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-6:
            break
    return beta


def standardiser(hidden: Any) -> tuple[Any, Any]:
    """The mean and scale of each hidden unit over ``hidden``'s rows."""
    return hidden.mean(axis=0), hidden.std(axis=0) + 1e-6


def design(data: dict[str, Any], rows: Any, pieces: str | None, norm: Any) -> Any:
    """The scorer's features of ``rows``, with the standardised hidden
    units of ``pieces`` appended (none: ``None``)."""
    x = data["x"][rows]
    if pieces is None:
        return x
    mean, scale = norm
    return np.hstack([x, (data[pieces][rows] - mean) / scale])


def ridge_of(width: int, penalty: float, hidden_penalty: float) -> Any:
    """Per-column penalties: the features', then the hidden units'."""
    ridge = np.full(width, hidden_penalty)
    ridge[: len(FEATURES)] = penalty
    ridge[0] = 1e-6
    return ridge


def held_out(
    data: dict[str, Any], pieces: str | None, penalty: float, hidden_penalty: float
) -> Any:
    """Each candidate's probability from a fit on the other four folds."""
    folds = data["groups"] % FOLDS
    result = np.zeros(len(data["y"]))
    for fold in range(FOLDS):
        train, test = folds != fold, folds == fold
        norm = standardiser(data[pieces][train]) if pieces else None
        x = design(data, train, pieces, norm)
        ridge = ridge_of(x.shape[1], penalty, hidden_penalty)
        beta = fit(x, data["y"][train], data["w"][train], ridge)
        result[test] = 1 / (1 + np.exp(-(design(data, test, pieces, norm) @ beta)))
    return result


def scores(data: dict[str, Any], probability: Any, threshold: float) -> Any:
    """Precision, recall and F1 of the scored candidates at ``threshold``."""
    scored, y = data["w"] > 0, data["y"]
    said = (probability >= threshold) & scored
    tp = float((said & (y == 1)).sum())
    precision = tp / max(float(said.sum()), 1.0)
    recall = tp / max(float(((y == 1) & scored).sum()), 1.0)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    return precision, recall, f1


def cross_validate(data: dict[str, Any], penalty: float) -> None:
    """Print the held-out scores of every variant, penalty and threshold."""
    variants: list[tuple[str | None, float]] = [
        (None, p) for p in PENALTIES if p != penalty
    ]
    variants.append((None, penalty))
    variants += [(pieces, hp) for pieces in PIECES for hp in HIDDEN_PENALTIES]
    for pieces, value in variants:
        base, hidden_penalty = (value, 0.0) if pieces is None else (penalty, value)
        probability = held_out(data, pieces, base, hidden_penalty)
        for threshold in THRESHOLDS:
            precision, recall, f1 = scores(data, probability, threshold)
            name = "features" if pieces is None else f"+hidden({pieces})"
            print(
                f"{name:<15} penalty {base:<4} hidden {hidden_penalty:<6} "
                f"threshold {threshold:<5} P {precision:.3f} R {recall:.3f} "
                f"F1 {f1:.3f}"
            )


def load_or_record(dataset: Path, features: Path | None) -> dict[str, Any]:
    """The candidate table, from ``features`` when it is there."""
    if features is not None and features.is_file():
        with np.load(features) as stored:
            return {key: stored[key] for key in stored.files}
    data = table(recorded_words(dataset))
    if features is not None:
        np.savez_compressed(features, **data)
    return data


def _numbers(values: Any, per_line: int = 6) -> str:
    """A JSON list of rounded numbers, ``per_line`` to a line."""
    items = [json.dumps(round(float(value), 5)) for value in values]
    lines = [
        ", ".join(items[at : at + per_line]) for at in range(0, len(items), per_line)
    ]
    return "[\n    " + ",\n    ".join(lines) + "\n  ]"


def probe_json(
    beta: Any, norm: tuple[Any, Any], pieces: str, languages: Sequence[str]
) -> str:
    """The probe's table (see :mod:`gdprgate.detect.name_probe`) as JSON."""
    features = ",\n".join(
        f"    {json.dumps(name)}: {round(float(value), 5)}"
        for name, value in zip(FEATURES, beta, strict=False)
    )
    parts = [
        f'  "fitted_on": {json.dumps(FITTED_ON)}',
        f'  "languages": {json.dumps(sorted(languages))}',
        f'  "pieces": {json.dumps(pieces)}',
        f'  "hidden_size": {len(norm[0])}',
        '  "features": {\n' + features + "\n  }",
        f'  "hidden_mean": {_numbers(norm[0])}',
        f'  "hidden_scale": {_numbers(norm[1])}',
        f'  "hidden_weights": {_numbers(beta[len(FEATURES) :])}',
    ]
    return "{\n" + ",\n".join(parts) + "\n}\n"


def fitted_probe(
    data: dict[str, Any], rows: Any, args: argparse.Namespace
) -> tuple[Any, tuple[Any, Any]]:
    """The probe's weights (threshold folded into the bias) and its
    standardiser, fitted on the candidates ``rows``."""
    norm = standardiser(data[args.pieces][rows])
    x = design(data, rows, args.pieces, norm)
    ridge = ridge_of(x.shape[1], args.penalty, args.hidden_penalty)
    probe = fit(x, data["y"][rows], data["w"][rows], ridge)
    probe[0] -= math.log(args.hidden_threshold / (1 - args.hidden_threshold))
    return probe, norm


def detect_with(probe: Probe, texts: Sequence[str]) -> list[list[Finding]]:
    """The whole detector's findings for German ``texts``, its name scorer
    using ``probe``."""
    setattr(rampart, "load_probe", lambda: probe)  # noqa: B010
    rampart._loaded.clear()
    detector = Detector(DetectorConfig(cache_size=0))
    return [detector.analyze(text, "de") for text in texts]


def detector_folds(
    data: dict[str, Any], dataset: Path, args: argparse.Namespace
) -> None:
    """Print the detector's GermEval PERSON precision and recall, in-sample
    and with each fold's probe fitted on the other folds."""
    [loaded] = load_datasets(dataset, "germeval", "dev")
    samples = loaded.samples
    fold_of = [number % FOLDS for number in range(len(samples))]
    candidate_fold = data["groups"] % FOLDS
    mapping = MAPPINGS["germeval"]
    for name, held in (("in-sample", False), ("out-of-fold", True)):
        found: list[list[Finding]] = [[] for _ in samples]
        for fold in range(FOLDS):
            rows = candidate_fold != fold if held else candidate_fold >= 0
            beta, norm = fitted_probe(data, rows, args)
            table = json.loads(probe_json(beta, norm, args.pieces, args.languages))
            numbers = [n for n in range(len(samples)) if fold_of[n] == fold]
            fold_found = detect_with(
                probe_from(table, FEATURES), [samples[n].text for n in numbers]
            )
            for number, findings in zip(numbers, fold_found, strict=True):
                found[number] = findings
        counts = score_tokens(samples, found, mapping).by_label["PERSON"]
        precision = counts.tp / max(counts.tp + counts.fp, 1)
        recall = counts.tp / max(counts.tp + counts.fn, 1)
        print(f"detector PERSON {name:<12} P {precision:.3f} R {recall:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", type=Path, required=True)
    parser.add_argument("--features", type=Path, help="recorded numbers (no text)")
    parser.add_argument("--penalty", type=float, default=1.0)
    parser.add_argument("--threshold", type=float, default=0.3)
    parser.add_argument("--pieces", choices=PIECES, default="mean")
    parser.add_argument("--hidden-penalty", type=float, default=30.0)
    parser.add_argument("--hidden-threshold", type=float, default=0.25)
    parser.add_argument(
        "--languages", nargs="*", default=["de", "es", "fr", "nl", "pt", "sv"]
    )
    parser.add_argument("--no-cv", action="store_true", help="only fit and print")
    parser.add_argument("--write", type=Path, help="write the probe's JSON table")
    parser.add_argument(
        "--detector-folds",
        action="store_true",
        help="the whole detector's PERSON scores, in-sample and out-of-fold",
    )
    args = parser.parse_args()

    data = load_or_record(args.dataset, args.features)
    if not args.no_cv:
        cross_validate(data, args.penalty)

    every = np.ones(len(data["y"]), dtype=bool)
    beta = fit(
        data["x"], data["y"], data["w"], ridge_of(len(FEATURES), args.penalty, 0.0)
    )
    beta[0] -= math.log(args.threshold / (1 - args.threshold))
    print("WEIGHTS: dict[str, float] = {")
    for name, value in zip(FEATURES, beta, strict=True):
        print(f'    "{name}": {value:.4f},')
    print("}")

    probe, norm = fitted_probe(data, every, args)
    written = probe_json(probe, norm, args.pieces, args.languages)
    if args.write is not None:
        args.write.write_text(written, "utf-8")
        print(f"probe table written to {args.write}")
    if args.detector_folds:
        detector_folds(data, args.dataset, args)


if __name__ == "__main__":
    main()
