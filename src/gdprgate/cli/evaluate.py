"""``gdprgate eval``: measure detection on an annotated data set."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from gdprgate.cli import main
from gdprgate.cli._common import clear_errors
from gdprgate.config import Settings
from gdprgate.detect.evaluation.datasets import FORMATS
from gdprgate.detect.language import SUPPORTED_LANGUAGES, normalize_language
from gdprgate.errors import ConfigError

SPLITS = ("train", "dev", "test", "all")

if TYPE_CHECKING:
    from gdprgate.detect.finding import Finding
    from gdprgate.detect.pool import DetectorPool


@main.command("eval")
@click.option(
    "--dataset",
    "dataset_path",
    required=True,
    type=click.Path(exists=True, path_type=Path),
    help="A dataset file, or a folder whose files of the split are read.",
)
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(FORMATS),
    help="The dataset's format.",
)
@click.option(
    "--split",
    type=click.Choice(SPLITS),
    default="test",
    show_default=True,
    help="The split to score.",
)
@click.option(
    "--lang",
    default=None,
    help="Language code; default: from file name. 'auto': the detector "
    "guesses each sample's language, as the gateway does.",
)
@click.option(
    "--limit", type=click.IntRange(min=1), default=None, help="Samples per file."
)
@click.option(
    "--errors",
    "top_errors",
    type=click.IntRange(min=0),
    default=0,
    help="Print the N most frequent error forms per type (dataset text: "
    "terminal only).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1, max=64),
    default=1,
    show_default=True,
    help="Processes that analyse side by side; above 1 the samples go in "
    "batches and only the total time is measured.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the reports as JSON.")
@clear_errors
def eval_(
    dataset_path: Path,
    fmt: str,
    split: str,
    lang: str | None,
    limit: int | None,
    top_errors: int,
    workers: int,
    as_json: bool,
) -> None:
    """Score detection on a labelled dataset: P, R, F1, F2 per entity.

    Token-level scores per entity and overall, TAB's entity recall of direct
    and quasi identifiers, and error kinds; see docs/evaluation.md. The
    detector follows the GDPRGATE_DETECT_* settings.

    \b
    Example:
      gdprgate eval --dataset datasets/uner_pud/English-PUD --format uner
    """
    from dataclasses import replace

    from gdprgate.detect.evaluation import (
        evaluate,
        load_datasets,
        render_errors,
        render_report,
        report_dict,
        run_batch,
        score_run,
    )
    from gdprgate.detect.pool import DetectorPool
    from gdprgate.gateway.runtime import detector_config

    lang = _known_language(lang)
    guess = lang == "auto"
    datasets = load_datasets(dataset_path, fmt, split, None if guess else lang, limit)
    # No cache: repeated sentences must cost their real time.
    config = replace(detector_config(Settings()), cache_size=0)
    reports = []
    with DetectorPool(config, workers) as pool:
        for dataset in datasets:
            if workers > 1:
                batch = _guessing_batch(pool) if guess else pool.analyze_batch
                run = run_batch(batch, dataset.samples)
                reports.append(score_run(dataset, run))
                continue
            with click.progressbar(
                length=len(dataset.samples), label=dataset.name, file=sys.stderr
            ) as bar:
                analyze = _guessing_one(pool) if guess else pool.analyze_one
                reports.append(evaluate(dataset, analyze, bar.update))

    if as_json:
        click.echo(json.dumps([report_dict(r) for r in reports], ensure_ascii=False))
        return
    for report in reports:
        click.echo(render_report(report))
        if top_errors:
            click.echo(render_errors(report, top_errors))


def _known_language(lang: str | None) -> str | None:
    """``lang`` as a supported code (``EN``, ``en-GB`` become ``en``), or
    ``auto``; an unknown code would silently score without its lexicons."""
    if lang is None:
        return None
    code = normalize_language(lang)
    if code != "auto" and code not in SUPPORTED_LANGUAGES:
        known = ", ".join(SUPPORTED_LANGUAGES)
        msg = f"--lang {lang!r} is not supported; use auto or one of {known}"
        raise ConfigError(msg)
    return code


def _guessing_one(pool: DetectorPool) -> Callable[[str, str], Sequence[Finding]]:
    """``pool.analyze_one`` that ignores the dataset's language."""
    return lambda text, _language: pool.analyze_one(text, None)


def _guessing_batch(
    pool: DetectorPool,
) -> Callable[[Sequence[str], str], list[list[Finding]]]:
    """``pool.analyze_batch`` that ignores the dataset's language."""
    return lambda texts, _language: pool.analyze_batch(texts, None)
