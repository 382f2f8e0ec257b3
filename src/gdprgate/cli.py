"""The ``gdprgate`` command: a thin layer over the library.

Library errors become exit code 2 and one clear line on stderr.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
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
@click.option(
    "--policy",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="Policy file (GDPRGATE_POLICY); default: the built-in policy.",
)
@_clear_errors
def serve(
    host: str,
    port: int,
    upstream: str | None,
    data_dir: Path | None,
    policy: Path | None,
) -> None:
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
    if policy is not None:
        overrides["policy"] = policy
    settings = Settings(**overrides)
    _configure_logging(settings.log_level)
    app = build_app(settings)
    if app.state.bootstrap_key:
        path = settings.data_dir / "bootstrap.key"
        click.echo(
            f"gdprgate: created the first API key (shown once, also in {path}):\n"
            f"  {app.state.bootstrap_key}",
            err=True,
        )
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


@main.group("policy")
def policy_group() -> None:
    """Check and write policy files (gdprgate.yaml); see docs/policy.md.

    \b
    Example:
      gdprgate policy init && gdprgate policy check gdprgate.yaml
    """


@policy_group.command("check")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def policy_check(file: Path) -> None:
    """Validate a policy FILE: a summary and exit 0, or one line per problem
    (FILE:LINE: field: problem) and exit 2.

    \b
    Example:
      gdprgate policy check gdprgate.yaml
    """
    from gdprgate.errors import PolicyError
    from gdprgate.policy import load_policy

    try:
        policy = load_policy(file)
    except PolicyError as exc:
        for problem in exc.problems:
            click.echo(problem, err=True)
        sys.exit(2)
    click.echo(
        f"{file}: valid: {len(policy.tenants)} tenant(s), "
        f"{len(policy.purposes)} purpose(s): {', '.join(policy.purpose_ids)}"
    )


@policy_group.command("init")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("gdprgate.yaml"),
    show_default=True,
    help="Where to write the example ('-': standard output). Never overwritten.",
)
@_clear_errors
def policy_init(output: Path) -> None:
    """Write a commented example policy that works as it is.

    \b
    Example:
      gdprgate policy init -o gdprgate.yaml
    """
    from gdprgate.errors import ConfigError
    from gdprgate.policy import EXAMPLE_POLICY

    if str(output) == "-":
        click.echo(EXAMPLE_POLICY, nl=False)
        return
    try:
        with output.open("x", encoding="utf-8") as handle:
            handle.write(EXAMPLE_POLICY)
    except FileExistsError:
        msg = f"{output} exists and is not overwritten: choose another path with -o"
        raise ConfigError(msg) from None
    except OSError as exc:
        raise ConfigError(f"cannot write {output}: {exc.strerror}") from exc
    click.echo(f"wrote {output}; check it with: gdprgate policy check {output}")


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
    "--policy",
    "policy_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Policy file to check against (GDPRGATE_POLICY; default: built-in).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the key as JSON.")
@_DATA_DIR
@_clear_errors
def keys_create(
    tenant: str,
    roles: tuple[str, ...],
    purposes: tuple[str, ...],
    default_purpose: str | None,
    name: str | None,
    expires: str | None,
    policy_path: Path | None,
    as_json: bool,
    data_dir: Path | None,
) -> None:
    """Create a key and print it once: it cannot be shown again.

    \b
    Example:
      gdprgate keys create --role client --role reidentify --expires 90d
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
@_clear_errors
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
@_clear_errors
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
