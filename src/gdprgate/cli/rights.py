"""``gdprgate rights``: data-subject requests (access, erasure, restriction,
objection, portability), from receipt to answer."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, TextIO

import click

from gdprgate.cli import main
from gdprgate.cli._common import clear_errors, open_output
from gdprgate.config import Settings
from gdprgate.errors import ConfigError, RightsError

_DATA_DIR = click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where the store lives (GDPRGATE_DATA_DIR).",
)
_POLICY = click.option(
    "--policy",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="Policy file (default: GDPRGATE_POLICY, else the built-in policy).",
)
_JSON = click.option("--json", "as_json", is_flag=True, help="Print JSON.")
# Option name -> identifier kind of Rights.open.
_IDENTIFIERS = {
    "email": "e-mail address",
    "phone": "phone number",
    "name": "name",
    "national_id": "national identification number",
    "iban": "IBAN",
    "value": "value of any type the vault holds",
}


@contextmanager
def _rights(data_dir: Path | None, policy: Path | None) -> Iterator[Any]:
    """A :class:`Rights` over the migrated store and the policy in force."""
    from gdprgate.audit import AuditLog, PayloadStore, load_signer
    from gdprgate.datasets.for_rights import SubjectIndexForRights
    from gdprgate.policy import default_policy, load_policy
    from gdprgate.rights import Rights
    from gdprgate.store import Database
    from gdprgate.vault import Keyring, load_master_key

    overrides: dict[str, Any] = {"data_dir": data_dir} if data_dir else {}
    settings = Settings(**overrides)
    path = policy or settings.policy
    in_force = default_policy() if path is None else load_policy(path)
    db = Database.for_data_dir(settings.data_dir, settings.database_url)
    try:
        db.upgrade()
        keyring = Keyring(db, load_master_key(settings.data_dir, settings.master_key))
        # Receipts join the signed chain when the checkpoint key is at hand.
        key = settings.signing_key_path
        audit = AuditLog(db, load_signer(key) if key.exists() else None)
        yield Rights(
            db,
            keyring,
            audit,
            lambda: in_force,
            payloads=PayloadStore(db),
            datasets=SubjectIndexForRights(db),
        )
    finally:
        db.close()


def _line(request: Any, today: date) -> str:
    flag = "  OVERDUE" if request.overdue(today) else ""
    return (
        f"{request.id}  {request.kind:<8} {request.status:<17} "
        f"received {request.received_on}  due {request.deadline}{flag}"
    )


@main.group("rights")
def rights_group() -> None:
    """Data-subject requests: access, erase, restrict, object, export.

    \b
    Example:
      gdprgate rights open --kind access --subject customer-1001
      gdprgate rights run rr_0123456789abcdef -o answer.html --format html
    """


@rights_group.command("open")
@click.option(
    "--kind",
    type=click.Choice(["access", "erase", "restrict", "object", "export"]),
    required=True,
    help="Art. 15 access, 17 erase, 18 restrict, 21 object, 20 export.",
)
@click.option("--tenant", default="default", show_default=True, help="Tenant id.")
@click.option("--subject", default=None, help="The id sent as X-Gdprgate-Subject.")
@click.option("--email", default=None, help="An e-mail address of the person.")
@click.option("--phone", default=None, help="A phone number of the person.")
@click.option("--name", default=None, help="The person's name.")
@click.option("--national-id", default=None, help="A national id number.")
@click.option("--iban", default=None, help="An IBAN of the person.")
@click.option("--value", default=None, help="A value of any type the vault holds.")
@click.option(
    "--purpose",
    "purposes",
    multiple=True,
    help="Restrict/object: the purpose concerned (repeat; none: every purpose).",
)
@click.option(
    "--received",
    default=None,
    help="Date the request was received (default: today), e.g. 2026-01-31.",
)
@_DATA_DIR
@_POLICY
@_JSON
@clear_errors
def open_request(
    kind: str,
    tenant: str,
    subject: str | None,
    purposes: tuple[str, ...],
    received: str | None,
    data_dir: Path | None,
    policy: Path | None,
    as_json: bool,
    **values: str | None,
) -> None:
    """Register a request; only keyed hashes of the identifiers are kept.

    \b
    Example:
      gdprgate rights open --kind erase --subject customer-1001
    """
    identifiers = [(k, v) for k, v in values.items() if k in _IDENTIFIERS and v]
    try:
        received_on = None if received is None else date.fromisoformat(received)
    except ValueError:
        raise ConfigError("--received must be a date such as 2026-01-31") from None
    with _rights(data_dir, policy) as rights:
        request = rights.open(
            kind=kind,
            tenant=tenant,
            subject_id=subject,
            identifiers=identifiers,
            purposes=purposes,
            received_on=received_on,
        )
        today = rights.register.today()
    if as_json:
        click.echo(json.dumps(request.to_dict(today), indent=2))
    else:
        click.echo(_line(request, today))


@rights_group.command("list")
@click.option("--overdue", is_flag=True, help="Only requests past their deadline.")
@_DATA_DIR
@_JSON
@clear_errors
def list_requests(overdue: bool, data_dir: Path | None, as_json: bool) -> None:
    """List requests with their deadlines.

    \b
    Example:
      gdprgate rights list --overdue
    """
    with _rights(data_dir, None) as rights:
        found = rights.register.list(overdue=overdue)
        today = rights.register.today()
    if as_json:
        click.echo(json.dumps([r.to_dict(today) for r in found], indent=2))
        return
    for request in found:
        click.echo(_line(request, today))
    if not found:
        click.echo("no requests" + (" overdue" if overdue else ""))


@rights_group.command("show")
@click.argument("request_id")
@_DATA_DIR
@clear_errors
def show_request(request_id: str, data_dir: Path | None) -> None:
    """Print one request with its history and hook statuses (JSON).

    \b
    Example:
      gdprgate rights show rr_0123456789abcdef
    """
    with _rights(data_dir, None) as rights:
        request = rights.register.get(request_id)
        click.echo(json.dumps(request.to_dict(rights.register.today()), indent=2))


@rights_group.command("extend")
@click.argument("request_id")
@click.option("--months", type=click.IntRange(1, 2), default=2, show_default=True)
@click.option("--reason", required=True, help="Why more time is needed.")
@_DATA_DIR
@clear_errors
def extend_request(
    request_id: str, months: int, reason: str, data_dir: Path | None
) -> None:
    """Extend the deadline by 1 or 2 months (Art. 12(3)).

    \b
    Example:
      gdprgate rights extend rr_0123456789abcdef --reason "many systems"
    """
    with _rights(data_dir, None) as rights:
        request = rights.register.extend(request_id, months, reason)
        click.echo(_line(request, rights.register.today()))


@rights_group.command("run")
@click.argument("request_id")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "html"]),
    default="json",
    show_default=True,
    help="Access reports only: JSON or a readable HTML page.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the answer here (it holds the person's values).",
)
@_DATA_DIR
@_POLICY
@clear_errors
def run_request(
    request_id: str,
    fmt: str,
    output: Path | None,
    data_dir: Path | None,
    policy: Path | None,
) -> None:
    """Carry out a request: report, export, erase, or block.

    \b
    Example:
      gdprgate rights run rr_0123456789abcdef -o access.html --format html
    """
    from gdprgate.rights import access_html

    # The answer holds the person's data: the file is opened (owner-only)
    # before the request is carried out, so a wrong path fails first and
    # never leaves a closed request without its answer.
    handle = _private_output(output) if output is not None else None
    try:
        with _rights(data_dir, policy) as rights:
            kind = rights.register.get(request_id).kind
            answer = rights.execute(request_id)
    except BaseException:
        if handle is not None and output is not None:
            handle.close()
            output.unlink(missing_ok=True)
        raise
    text = (
        access_html(answer)
        if kind == "access" and fmt == "html"
        else json.dumps(answer, indent=2, ensure_ascii=False) + "\n"
    )
    if handle is None:
        click.echo(text, nl=False)
        return
    with handle:
        handle.write(text)
    click.echo(f"gdprgate: wrote {output}", err=True)


def _private_output(path: Path) -> TextIO:
    """``path`` opened for writing, owner-only, before anything is done."""
    try:
        return open_output(path)
    except ConfigError as exc:
        raise RightsError(f"{exc}; nothing was carried out") from exc


@rights_group.command("lift")
@click.argument("request_id")
@_DATA_DIR
@clear_errors
def lift_request(request_id: str, data_dir: Path | None) -> None:
    """Lift a restriction or objection.

    \b
    Example:
      gdprgate rights lift rr_0123456789abcdef
    """
    with _rights(data_dir, None) as rights:
        request = rights.lift(request_id)
        click.echo(_line(request, rights.register.today()))


@rights_group.command("hooks")
@click.argument("request_id")
@_DATA_DIR
@_POLICY
@clear_errors
def retry_hooks(request_id: str, data_dir: Path | None, policy: Path | None) -> None:
    """Call again the deletion hooks of an erasure that have not confirmed.

    \b
    Exits 3 while a hook has still not confirmed.

    \b
    Example:
      gdprgate rights hooks rr_0123456789abcdef
    """
    with _rights(data_dir, policy) as rights:
        statuses = rights.retry_hooks(request_id)
    for hook, status in sorted(statuses.items()):
        click.echo(f"{hook}: {status}")
    if any(status != "confirmed" for status in statuses.values()):
        # Scripts that retry until every hook confirmed can tell.
        sys.exit(3)
