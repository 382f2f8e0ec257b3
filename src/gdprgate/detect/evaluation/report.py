"""Reports as JSON-ready dictionaries and as text tables.

Neither form holds dataset text, except the surface forms
:func:`render_errors` prints, which are meant for a terminal only.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from gdprgate.detect.evaluation.error_kinds import GOLD_KINDS, PREDICTED_KINDS
from gdprgate.detect.evaluation.harness import DatasetReport
from gdprgate.detect.evaluation.metrics import Counts
from gdprgate.detect.evaluation.tab_measures import Recall, TabScores

OVERALL = "ALL"


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def counts_dict(counts: Counts) -> dict[str, Any]:
    """Counts and the scores derived from them."""
    return {
        "tp": counts.tp,
        "fp": counts.fp,
        "fn": counts.fn,
        "precision": _round(counts.precision),
        "recall": _round(counts.recall),
        "f1": _round(counts.f_score(1)),
        "f2": _round(counts.f_score(2)),
    }


def _recall_dict(recall: Recall) -> dict[str, Any]:
    found, total = recall.found, recall.total
    return {"found": found, "total": total, "recall": _round(recall.value)}


def tab_dict(tab: TabScores) -> dict[str, Any]:
    """TAB's measures."""
    return {
        "direct_recall": _recall_dict(tab.recall["DIRECT"]),
        "quasi_recall": _recall_dict(tab.recall["QUASI"]),
        "token_precision": {
            "tp": tab.precision.tp,
            "fp": tab.precision.fp,
            "precision": _round(tab.precision.precision),
        },
        "recall_by_type": {
            key: _recall_dict(value) for key, value in sorted(tab.by_type.items())
        },
    }


def report_dict(report: DatasetReport) -> dict[str, Any]:
    """Everything in ``report`` except surface forms."""
    token_level = {
        label: counts_dict(counts)
        for label, counts in sorted(report.tokens.by_label.items())
    }
    token_level[OVERALL] = counts_dict(report.tokens.overall)
    return {
        "dataset": report.dataset,
        "format": report.format,
        "split": report.split,
        "samples": report.samples,
        "median_ms": round(report.median_ms, 3),
        "samples_per_second": round(report.samples_per_second, 2),
        "token_level": token_level,
        "tab": tab_dict(report.tab) if report.tab is not None else None,
        "error_kinds": {
            "gold": {k: dict(v) for k, v in sorted(report.errors.gold.items())},
            "predicted": {
                k: dict(v) for k, v in sorted(report.errors.predicted.items())
            },
            "confusions": {
                f"{gold}->{found}": n
                for (gold, found), n in report.errors.confusions.most_common()
            },
        },
        "dropped_entities": dict(report.dropped.most_common()),
    }


def _number(value: float | None) -> str:
    return "    -" if value is None else f"{value:.3f}"


def _score_row(label: str, counts: Counts) -> str:
    return (
        f"{label:<16}{counts.tp + counts.fn:>8}{counts.tp + counts.fp:>8}  "
        f"{_number(counts.precision)}  {_number(counts.recall)}  "
        f"{_number(counts.f_score(1))}  {_number(counts.f_score(2))}"
    )


def render_report(report: DatasetReport) -> str:
    """The report as a text table and a few lines."""
    split = report.split or "-"
    timing = (
        f"{report.median_ms:.1f} ms/sample median, "
        if report.median_ms or not report.samples
        else "in batches, "
    )
    lines = [
        f"== {report.dataset}  (format {report.format}, split {split}, "
        f"{report.samples} samples, {timing}"
        f"{report.samples_per_second:.1f} samples/s)",
        "token level (word tokens; ALL = personal data of any type)",
        f"{'entity':<16}{'gold':>8}{'found':>8}  {'P':>5}  {'R':>5}  "
        f"{'F1':>5}  {'F2':>5}",
    ]
    for label, counts in sorted(report.tokens.by_label.items()):
        lines.append(_score_row(label, counts))
    lines.append(_score_row(OVERALL, report.tokens.overall))
    if report.tab is not None:
        lines.extend(_tab_lines(report.tab))
    lines.extend(_kind_lines(report))
    if report.dropped:
        dropped = ", ".join(f"{k} {v}" for k, v in report.dropped.most_common())
        lines.append(f"findings not scored (entity not in the mapping): {dropped}")
    return "\n".join(lines)


def _recall_text(recall: Recall) -> str:
    return f"{_number(recall.value)} ({recall.found}/{recall.total})"


def _tab_lines(tab: TabScores) -> list[str]:
    precision = tab.precision
    lines = [
        "TAB measures (entity found = every mention masked; any finding masks)",
        f"  DIRECT recall {_recall_text(tab.recall['DIRECT'])}   "
        f"QUASI recall {_recall_text(tab.recall['QUASI'])}   "
        f"token precision {_number(precision.precision)} "
        f"({precision.tp}/{precision.tp + precision.fp})",
    ]
    for key, recall in sorted(tab.by_type.items()):
        lines.append(f"    {key:<20} recall {_recall_text(recall)}")
    return lines


def _kind_lines(report: DatasetReport) -> list[str]:
    lines = ["error kinds (spans): annotated | found"]
    labels = sorted(set(report.errors.gold) | set(report.errors.predicted))
    for label in labels:
        gold = report.errors.gold.get(label, Counter())
        found = report.errors.predicted.get(label, Counter())
        annotated = " ".join(f"{k} {gold.get(k, 0)}" for k in GOLD_KINDS)
        predicted = " ".join(f"{k} {found.get(k, 0)}" for k in PREDICTED_KINDS)
        lines.append(f"  {label:<14} {annotated} | {predicted}")
    if report.errors.confusions:
        confused = ", ".join(
            f"{gold} as {found} {n}"
            for (gold, found), n in report.errors.confusions.most_common()
        )
        lines.append(f"  annotated spans found as another type: {confused}")
    return lines


def render_errors(report: DatasetReport, top: int) -> str:
    """The ``top`` most frequent missed, spurious and mis-bounded forms.

    This prints dataset text: show it on a terminal, never store it.
    """
    lines = [f"-- top {top} error forms in {report.dataset} (terminal only)"]
    wanted = [
        ("gold", "missed", "missed"),
        ("gold", "wrong_type", "found as another type"),
        ("gold", "boundary", "other bounds"),
        ("predicted", "spurious", "false positive"),
        ("predicted", "wrong_type", "wrong type on"),
    ]
    labels = sorted({label for _, label, _ in report.errors.forms})
    for label in labels:
        for side, kind, title in wanted:
            forms = report.errors.forms.get((side, label, kind))
            if not forms:
                continue
            shown = "; ".join(f"{form!r} {n}" for form, n in forms.most_common(top))
            lines.append(f"  {label} {title}: {shown}")
    return "\n".join(lines)
