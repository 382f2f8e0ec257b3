"""``gdprgate records``, ``gdprgate map`` and ``gdprgate evidence``: the Art. 30
record of processing, the data-flow map and the evidence bundle."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import click

from gdprgate.cli import main
from gdprgate.cli._common import clear_errors, open_output
from gdprgate.errors import ConfigError

F = TypeVar("F", bound=Callable[..., Any])


def _inputs(command: F) -> F:
    """The options every record command shares: policy, store and period."""
    options = [
        click.option(
            "--policy",
            type=click.Path(dir_okay=False, exists=True, path_type=Path),
            default=None,
            help="Policy file (default: GDPRGATE_POLICY, else the built-in policy).",
        ),
        click.option(
            "--data-dir",
            type=click.Path(file_okay=False, path_type=Path),
            default=None,
            help="Where the store lives (GDPRGATE_DATA_DIR).",
        ),
        click.option(
            "--since",
            default=None,
            help="Traffic from: a date (2026-01-01) or a duration back (90d).",
        ),
        click.option(
            "--until", default=None, help="Traffic until: a date (default: now)."
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _registers(db: Any) -> Any:
    """The record's registers from the store: rights requests, scrubbed data
    sets and stored interactions. (Typed ``Any``: imported lazily.)"""
    from gdprgate.audit import PayloadStore
    from gdprgate.datasets import DatasetRegisters
    from gdprgate.rights import RightsRegister
    from gdprgate.rights.registers import RegistersWithRights

    class StoreRegisters(RegistersWithRights):
        def __init__(self) -> None:
            super().__init__(RightsRegister(db))
            self._datasets = DatasetRegisters(db)

        def datasets(self) -> Any:
            return self._datasets.datasets()

        def stored_payloads(self) -> bool:
            return bool(PayloadStore(db).count())

    return StoreRegisters()


@contextmanager
def _record(
    policy: Path | None, data_dir: Path | None, since: str | None, until: str | None
) -> Iterator[tuple[dict[str, Any], Any, str | None]]:
    from gdprgate.audit import AuditLog, load_signer
    from gdprgate.config import Settings
    from gdprgate.policy import KeyStore
    from gdprgate.records import compile_record, read_policy
    from gdprgate.store import Database

    overrides: dict[str, Any] = {"data_dir": data_dir} if data_dir else {}
    settings = Settings(**overrides)
    in_force = read_policy(policy or settings.policy)
    db = Database.for_data_dir(settings.data_dir, settings.database_url)
    try:
        db.upgrade()
        # With the checkpoint key at hand, verification checks signatures;
        # it is never created here.
        key = settings.signing_key_path
        audit = AuditLog(db, load_signer(key) if key.exists() else None)
        record, _ = compile_record(
            in_force,
            audit,
            _moment(since, "--since"),
            _moment(until, "--until"),
            registers=_registers(db),
            principals=KeyStore(db).list(),
        )
        yield record, audit, in_force.sha256
    finally:
        db.close()


def _moment(text: str | None, option: str) -> datetime | None:
    """A date or date-time (UTC when no zone), or a duration back from now."""
    from gdprgate.policy import parse_duration

    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        try:
            return datetime.now(UTC) - parse_duration(text)
        except ValueError:
            msg = f"{option} must be a date (2026-01-01) or a duration (90d)"
            raise ConfigError(msg) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


_OUTPUT = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write here (owner-only) instead of to standard output.",
)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    with open_output(output) as handle:
        handle.write(text)
    click.echo(f"gdprgate: wrote {output}", err=True)


@main.command("records")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "html", "json"]),
    default="md",
    show_default=True,
)
@_OUTPUT
@_inputs
@clear_errors
def records(
    fmt: str,
    output: Path | None,
    policy: Path | None,
    data_dir: Path | None,
    since: str | None,
    until: str | None,
) -> None:
    """Print the record of processing (Art. 30) from the policy and the audited
    traffic, with its gaps flagged. Exit 0 even when gaps are found; the
    JSON form lists them under "gaps" for scripts.

    \b
    Example:
      gdprgate records --since 90d --format html -o record.html
    """
    from gdprgate.records import build_map, dot_available, to_mermaid, to_svg
    from gdprgate.records.render import to_html, to_json, to_markdown

    with _record(policy, data_dir, since, until) as (record, _, _):
        flow = build_map(record)
        if fmt == "json":
            text = to_json(record)
        elif fmt == "md":
            text = to_markdown(record, to_mermaid(flow))
        else:
            svg = to_svg(flow) if dot_available() else None
            text = to_html(record, svg=svg, mermaid=to_mermaid(flow))
    _write(text, output)
    if record["gaps"]:
        click.echo(f"gdprgate: {len(record['gaps'])} gap(s) flagged", err=True)


@main.command("map")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["mermaid", "svg", "dot"]),
    default="mermaid",
    show_default=True,
)
@_OUTPUT
@_inputs
@clear_errors
def flow_map(
    fmt: str,
    output: Path | None,
    policy: Path | None,
    data_dir: Path | None,
    since: str | None,
    until: str | None,
) -> None:
    """Draw the data-flow map: clients per tenant and purpose, the gateway,
    the vault, each model, the audit store and the registers, with the data
    categories on each arrow. SVG needs Graphviz's dot; without it the map
    is written as Mermaid, and a line says how to install Graphviz.

    \b
    Example:
      gdprgate map --format svg -o map.svg
    """
    from gdprgate.records import (
        DOT_MISSING,
        build_map,
        dot_available,
        to_dot,
        to_mermaid,
        to_svg,
    )

    with _record(policy, data_dir, since, until) as (record, _, _):
        flow = build_map(record)
    if fmt == "svg" and not dot_available():
        click.echo(f"gdprgate: {DOT_MISSING}; writing Mermaid instead", err=True)
        if output is not None:
            output = output.with_suffix(".mmd")
        fmt = "mermaid"
    renderers = {"mermaid": to_mermaid, "dot": to_dot, "svg": to_svg}
    _write(renderers[fmt](flow), output)


@main.command("evidence")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("evidence.zip"),
    show_default=True,
)
@_inputs
@clear_errors
def evidence(
    output: Path,
    policy: Path | None,
    data_dir: Path | None,
    since: str | None,
    until: str | None,
) -> None:
    """Collect the evidence for an auditor in one zip: the record (JSON,
    Markdown, HTML), the map, the audit verification, retention in force,
    the rights-request register and the SHA-256 of the policy, with a
    manifest of every file's SHA-256.

    \b
    Example:
      gdprgate evidence --since 1y -o bundle.zip
    """
    from gdprgate.records import DOT_MISSING, write_bundle

    with _record(policy, data_dir, since, until) as (record, audit, digest):
        report = write_bundle(record, audit, digest, output)
    click.echo(f"gdprgate: wrote {output}: {', '.join(report.files)}", err=True)
    if report.audit_status == "broken":
        click.echo(
            "gdprgate: the audit chain does NOT verify; see audit_verification.json "
            "(exit status 3)",
            err=True,
        )
    if not report.svg:
        click.echo(f"gdprgate: {DOT_MISSING}; the map is included as Mermaid", err=True)
    if report.audit_status == "broken":
        sys.exit(3)
