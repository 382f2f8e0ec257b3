"""``gdprgate keys``: create, list and revoke API keys."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from gdprgate.cli import main
from gdprgate.cli._common import clear_errors
from gdprgate.config import Settings

_DATA_DIR = click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where the store lives (GDPRGATE_DATA_DIR).",
)


@contextmanager
def _key_store(data_dir: Path | None) -> Iterator[Any]:
    """A :class:`KeyStore` over the migrated store the settings name."""
    from gdprgate.policy import KeyStore
    from gdprgate.store import Database

    overrides: dict[str, Any] = {"data_dir": data_dir} if data_dir else {}
    settings = Settings(**overrides)
    db = Database.for_data_dir(settings.data_dir, settings.database_url)
    try:
        db.upgrade()
        yield KeyStore(db)
    finally:
        db.close()


def _policy_in_force(path: Path | None) -> Any:
    """The policy of --policy, else of GDPRGATE_POLICY, else the built-in one."""
    from gdprgate.policy import default_policy, load_policy

    path = path or getattr(Settings(), "policy", None)
    return default_policy() if path is None else load_policy(path)


def _expiry(duration: str | None) -> datetime | None:
    from gdprgate.policy import parse_duration

    if duration is None:
        return None
    try:
        return datetime.now(UTC) + parse_duration(duration)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--expires") from None


@main.group("keys")
def keys_group() -> None:
    """Create, list and revoke API keys; only their digests are stored.

    \b
    Example:
      gdprgate keys create --tenant default --role client --purpose default
    """


@keys_group.command("create")
@click.option("--tenant", default="default", show_default=True, help="Tenant id.")
@click.option(
    "--role",
    "roles",
    multiple=True,
    required=True,
    help="client, reidentify, auditor, dpo or admin; repeat for several.",
)
@click.option(
    "--purpose",
    "purposes",
    multiple=True,
    help="A purpose of the policy; repeat for several. Default for client and "
    "reidentify keys: the policy's first purpose.",
)
@click.option("--default-purpose", default=None, help="Default: the first purpose.")
@click.option("--name", default=None, help="A label for the key (who holds it).")
@click.option("--expires", default=None, metavar="DURATION", help="e.g. 90d, 1y.")
@click.option(
    "--rpm", type=click.IntRange(min=1), default=None, help="Requests per minute."
)
@click.option(
    "--tpm", type=click.IntRange(min=1), default=None, help="Tokens per minute."
)
@click.option(
    "--policy",
    "policy_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Policy file to check against (GDPRGATE_POLICY; default: built-in).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the key as JSON.")
@_DATA_DIR
@clear_errors
def keys_create(
    tenant: str,
    roles: tuple[str, ...],
    purposes: tuple[str, ...],
    default_purpose: str | None,
    name: str | None,
    expires: str | None,
    rpm: int | None,
    tpm: int | None,
    policy_path: Path | None,
    as_json: bool,
    data_dir: Path | None,
) -> None:
    """Create a key and print it once: it cannot be shown again.

    \b
    Example:
      gdprgate keys create --role client --role reidentify --expires 90d --rpm 60
    """
    policy = _policy_in_force(policy_path)
    if not purposes and {"client", "reidentify"} & set(roles):
        purposes = (policy.purposes[0].id,)
    expires_at = _expiry(expires)
    with _key_store(data_dir) as store:
        principal, secret = store.create(
            tenant=tenant,
            roles=roles,
            purposes=purposes,
            name=name,
            default_purpose=default_purpose,
            expires_at=expires_at,
            policy=policy,
            requests_per_minute=rpm,
            tokens_per_minute=tpm,
        )
    if as_json:
        now = datetime.now(UTC)
        click.echo(json.dumps({**principal.to_dict(now), "key": secret}))
        return
    click.echo(secret)
    click.echo(
        f"created key {principal.key_id} (tenant {principal.tenant}; roles "
        f"{', '.join(sorted(principal.roles))}; purposes "
        f"{', '.join(principal.purposes) or 'none'}): store it now, it is not "
        "shown again",
        err=True,
    )


@keys_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the keys as JSON.")
@_DATA_DIR
@clear_errors
def keys_list(as_json: bool, data_dir: Path | None) -> None:
    """List every key (never a secret): id, status, tenant, roles, purposes.

    \b
    Example:
      gdprgate keys list --json
    """
    with _key_store(data_dir) as store:
        principals = store.list()
    now = datetime.now(UTC)
    rows = [p.to_dict(now) for p in principals]
    if as_json:
        click.echo(json.dumps(rows))
        return
    for row in rows:
        fields = [
            row["key_id"],
            row["status"],
            row["tenant"],
            ",".join(row["roles"]),
            ",".join(row["purposes"]) or "-",
            row["expires_at"] or "never",
            row["name"] or "",
        ]
        click.echo("\t".join(fields))


@keys_group.command("revoke")
@click.argument("key_id")
@_DATA_DIR
@clear_errors
def keys_revoke(key_id: str, data_dir: Path | None) -> None:
    """Revoke the key KEY_ID at once (see `gdprgate keys list`).

    \b
    Example:
      gdprgate keys revoke 3f9c2a7d41b08e65
    """
    from gdprgate.errors import ConfigError

    with _key_store(data_dir) as store:
        found = store.revoke(key_id)
    if not found:
        raise ConfigError("no key has this id: see gdprgate keys list")
    click.echo(f"revoked {key_id}")
