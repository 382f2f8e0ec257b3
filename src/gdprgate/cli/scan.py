"""``gdprgate scan``: print the personal data found in a text."""

from __future__ import annotations

import json
from typing import TextIO

import click

from gdprgate.cli import main
from gdprgate.cli._common import clear_errors
from gdprgate.config import Settings


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
@clear_errors
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
