"""``gdprgate audit``: verify the chain, export entries, sign checkpoints."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import click

from gdprgate.cli import main
from gdprgate.cli._common import (
    DATA_DIR_OPTION,
    clear_errors,
    open_audit,
    open_output,
    settings_for,
)


@main.group("audit")
def audit_group() -> None:
    """The audit trail: hash-chained, with signed checkpoints.

    \b
    Example:
      gdprgate audit verify
    """


def _moment(
    _ctx: click.Context, param: click.Parameter, value: str | None
) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        msg = "give an ISO 8601 date or time, e.g. 2026-01-31 or 2026-01-31T08:00Z"
        raise click.BadParameter(msg, param=param) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@audit_group.command()
@DATA_DIR_OPTION
@click.option(
    "--public-key",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="Verify checkpoints with this public key (from 'audit public-key') "
    "instead of the signing key.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@clear_errors
def verify(data_dir: Path | None, public_key: Path | None, as_json: bool) -> None:
    """Check every entry, link and checkpoint; exit 1 on any problem.

    \b
    Example:
      gdprgate audit verify --json
    """
    from gdprgate.audit import Verifier, verify_chain

    verifier = None
    if public_key is not None:
        verifier = Verifier.from_text(public_key.read_text(encoding="ascii"))
    with open_audit(settings_for(data_dir), create_key=False) as log:
        report = verify_chain(log, verifier)
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        _print_report(report)
    sys.exit(0 if report.ok else 1)


def _print_report(report: object) -> None:
    from gdprgate.audit import Report

    assert isinstance(report, Report)
    span = (
        "empty"
        if report.first_seq is None
        else f"positions {report.first_seq}-{report.last_seq}"
    )
    click.echo(
        f"{report.entries} entries ({span}), head {report.head_seq}, "
        f"pruned through {report.pruned_seq}, {report.checkpoints} checkpoints, "
        f"last signed {report.last_checkpoint or '-'}"
    )
    if not report.checkpoints_checked:
        click.echo("  checkpoints not checked: no signing key or --public-key")
    for problem in report.problems:
        click.echo(f"  {problem.kind} at {problem.seq}: {problem.message}")
    if report.more_problems:
        click.echo("  (more problems not shown)")
    click.echo("chain verifies" if report.ok else "chain does NOT verify")


@audit_group.command()
@DATA_DIR_OPTION
@click.option("--since", callback=_moment, help="First moment (ISO 8601, UTC).")
@click.option("--until", callback=_moment, help="End moment, exclusive (ISO 8601).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv"]),
    default="jsonl",
    show_default=True,
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=None,
    help="Write to this file (default: stdout).",
)
@clear_errors
def export(
    data_dir: Path | None,
    since: datetime | None,
    until: datetime | None,
    fmt: str,
    output: Path | None,
) -> None:
    """Export entries with their positions and hashes, for reviewers.

    \b
    Example:
      gdprgate audit export --since 2026-01-01 --until 2026-02-01 --format csv
    """
    from gdprgate.audit.export import records, render

    handle = open_output(output) if output is not None else None
    with open_audit(settings_for(data_dir), create_key=False) as log:
        lines = render(records(log, since=since, until=until), fmt)
        if handle is None:
            for line in lines:
                click.echo(line, nl=False)
            return
        with handle:
            handle.writelines(lines)


@audit_group.command()
@DATA_DIR_OPTION
@clear_errors
def checkpoint(data_dir: Path | None) -> None:
    """Sign a checkpoint at the chain's head now.

    \b
    Example:
      gdprgate audit checkpoint
    """
    with open_audit(settings_for(data_dir)) as log:
        made = log.checkpoint()
    if made is None:
        click.echo("nothing new to sign")
    else:
        click.echo(f"signed checkpoint at position {made.seq}")


@audit_group.command("public-key")
@DATA_DIR_OPTION
@clear_errors
def public_key(data_dir: Path | None) -> None:
    """Print the checkpoint public key, for reviewers' 'verify --public-key'.

    \b
    Example:
      gdprgate audit public-key > audit-public.key
    """
    from gdprgate.audit import load_signer

    settings = settings_for(data_dir)
    click.echo(load_signer(settings.signing_key_path).public_text)
