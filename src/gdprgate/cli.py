"""The ``gdprgate`` command: a thin layer over the library.

Library errors become exit code 2 and one clear line on stderr.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TextIO, TypeVar

import click
from pydantic import ValidationError

from gdprgate.config import Settings
from gdprgate.detect.evaluation.datasets import FORMATS
from gdprgate.errors import GdprgateError

F = TypeVar("F", bound=Callable[..., Any])


def _clear_errors(command: F) -> F:
    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except GdprgateError as exc:
            click.echo(f"gdprgate: {exc}", err=True)
            sys.exit(2)
        except UnicodeDecodeError:
            click.echo("gdprgate: the input is not valid UTF-8", err=True)
            sys.exit(2)
        except ValidationError as exc:
            fields = ", ".join(".".join(map(str, e["loc"])) for e in exc.errors())
            click.echo(f"gdprgate: invalid setting(s): {fields}", err=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


def _configure_logging(level: str) -> None:
    # Only gdprgate's own loggers follow the chosen level: third-party debug
    # output (HTTP clients, model runtimes) is not reviewed for payloads.
    logging.basicConfig(
        level=logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
        stream=sys.stderr,
    )
    logging.getLogger("gdprgate").setLevel(level)


@click.group()
@click.version_option(package_name="gdprgate")
def main() -> None:
    """gdprgate: keep personal data away from your language model."""


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8080, show_default=True, type=int)
@click.option(
    "--upstream",
    default=None,
    help="OpenAI-compatible base URL (…/v1). Default: the built-in model.",
)
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where the store, key file and logs live (GDPRGATE_DATA_DIR).",
)
@_clear_errors
def serve(host: str, port: int, upstream: str | None, data_dir: Path | None) -> None:
    """Run the gateway (settings: GDPRGATE_* variables, see the README).

    \b
    Example:
      gdprgate serve --upstream http://127.0.0.1:8000/v1
    """
    import uvicorn

    from gdprgate.gateway.runtime import build_app

    overrides: dict[str, Any] = {}
    if upstream is not None:
        overrides["upstream_url"] = upstream
    if data_dir is not None:
        overrides["data_dir"] = data_dir
    settings = Settings(**overrides)
    _configure_logging(settings.log_level)
    app = build_app(settings)
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level=settings.log_level.lower(),
        access_log=False,
        timeout_graceful_shutdown=5,
    )


@main.command()
@click.argument(
    "source", metavar="[FILE|-]", type=click.File("r", encoding="utf-8"), default="-"
)
@click.option(
    "--lang",
    type=click.Choice(["en", "de", "fr", "es", "it", "nl", "pl", "pt"]),
    default=None,
    help="Language of the text (guessed when left out).",
)
@click.option("--json", "as_json", is_flag=True, help="Print findings as JSON.")
@_clear_errors
def scan(source: TextIO, lang: str | None, as_json: bool) -> None:
    """Print the personal data found in FILE (or standard input).

    Offsets are Python string indices (code points), end exclusive. The
    table shows the values found; --json shows offsets and types only.
    Settings come from GDPRGATE_* variables (see the README).

    \b
    Example:
      echo "Mail anna.schmidt@example.org" | gdprgate scan --json
    """
    from gdprgate.detect import build_detector
    from gdprgate.gateway.runtime import detector_config

    text = source.read()
    detector = build_detector(detector_config(Settings()))
    findings = detector.analyze(text, language=lang)
    if as_json:
        rows = [
            {
                "start": f.start,
                "end": f.end,
                "entity": f.entity,
                "score": round(f.score, 4),
                "source": f.source,
            }
            for f in findings
        ]
        click.echo(json.dumps(rows, ensure_ascii=False))
        return
    for f in findings:
        value = text[f.start : f.end]
        click.echo(f"{f.start}\t{f.end}\t{f.entity}\t{f.score:.2f}\t{value}")


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
    "--split", default="test", show_default=True, help="train, dev, test or all."
)
@click.option("--lang", default=None, help="Language code; default: from file name.")
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
@click.option("--json", "as_json", is_flag=True, help="Print the reports as JSON.")
@_clear_errors
def eval_(
    dataset_path: Path,
    fmt: str,
    split: str,
    lang: str | None,
    limit: int | None,
    top_errors: int,
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

    from gdprgate.detect import build_detector
    from gdprgate.detect.evaluation import (
        evaluate,
        load_datasets,
        render_errors,
        render_report,
        report_dict,
    )
    from gdprgate.gateway.runtime import detector_config

    datasets = load_datasets(dataset_path, fmt, split, lang, limit)
    # No cache: repeated sentences must cost their real time.
    detector = build_detector(replace(detector_config(Settings()), cache_size=0))
    detector.warm_up()

    reports = []
    for dataset in datasets:
        with click.progressbar(
            length=len(dataset.samples), label=dataset.name, file=sys.stderr
        ) as bar:
            reports.append(evaluate(dataset, detector.analyze, bar.update))

    if as_json:
        click.echo(json.dumps([report_dict(r) for r in reports], ensure_ascii=False))
        return
    for report in reports:
        click.echo(render_report(report))
        if top_errors:
            click.echo(render_errors(report, top_errors))
