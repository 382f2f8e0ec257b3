"""``gdprgate scan``: print the personal data found in a text."""

from __future__ import annotations

import json
from typing import BinaryIO

import click

from gdprgate.cli import main
from gdprgate.cli._common import LANGUAGES, clear_errors
from gdprgate.config import Settings


@main.command()
@click.argument("source", metavar="[FILE|-]", type=click.File("rb"), default="-")
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default=None,
    help="Language of the text (guessed when left out).",
)
@click.option("--json", "as_json", is_flag=True, help="Print findings as JSON.")
@clear_errors
def scan(source: BinaryIO, lang: str | None, as_json: bool) -> None:
    """Print the personal data found in FILE (or standard input).

    Offsets are Python string indices (code points), end exclusive, into
    the text exactly as stored: CRLF line ends count two characters. The
    table shows the values found; --json shows offsets and types only.
    Settings come from GDPRGATE_* variables (see the README).

    \b
    Example:
      echo "Mail anna.schmidt@example.org" | gdprgate scan --json
    """
    from gdprgate.detect import build_detector
    from gdprgate.gateway.runtime import detector_config

    # Decoded here, not by a text-mode file: universal newlines would turn
    # CRLF into LF and move every offset after it.
    text = source.read().decode("utf-8")
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
