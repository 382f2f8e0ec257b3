"""Shared pieces of the command line: error handling and logging."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import Any, TextIO, TypeVar

import click
from pydantic import ValidationError

from gdprgate import logs
from gdprgate.config import Settings
from gdprgate.errors import GdprgateError
from gdprgate.logs import LogFormat

F = TypeVar("F", bound=Callable[..., Any])

# The --lang codes of `scan` and `scrub`: the languages with rules of their
# own, and Danish and Finnish, which the models and patterns read as well.
LANGUAGES = ["en", "de", "fr", "es", "it", "nl", "pl", "pt", "sv", "da", "fi"]


def clear_errors(command: F) -> F:
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


def configure_logging(level: str, log_format: LogFormat = "json") -> None:
    """Log to stderr as JSON (or text), redacted last; see :mod:`gdprgate.logs`."""
    logs.configure_logging(level, log_format)


def settings_for(data_dir: Path | None) -> Settings:
    """The settings, with ``--data-dir`` over ``GDPRGATE_DATA_DIR``."""
    overrides: dict[str, Any] = {"data_dir": data_dir} if data_dir else {}
    return Settings(**overrides)


@contextmanager
def open_audit(settings: Settings, *, create_key: bool = True) -> Iterator[Any]:
    """The migrated store's :class:`AuditLog`, with the checkpoint signing key.

    Without ``create_key``, a missing key file is not created: the log then
    has no signer. (Typed ``Any``: the CLI imports the library lazily.)
    """
    from gdprgate.audit import AuditLog, load_signer
    from gdprgate.errors import StoreError
    from gdprgate.store import Database
    from gdprgate.store.database import SQLITE_FILE

    path = settings.signing_key_path
    signer = load_signer(path) if create_key or path.exists() else None
    if (
        not create_key
        and settings.database_url is None
        and not (settings.data_dir / SQLITE_FILE).exists()
    ):
        # Reading: a missing store is a wrong --data-dir, not an empty trail.
        msg = f"no store in {settings.data_dir}; pass --data-dir or GDPRGATE_DATA_DIR"
        raise StoreError(msg)
    db = Database.for_data_dir(settings.data_dir, settings.database_url)
    try:
        db.upgrade()
        yield AuditLog(db, signer, checkpoint_every=settings.audit_checkpoint_every)
    finally:
        db.close()


DATA_DIR_OPTION = click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where the store and key files live (GDPRGATE_DATA_DIR).",
)


def open_output(path: Path) -> TextIO:
    """``path`` opened for writing, readable by its owner only.

    Missing folders are created; a path that cannot be written is a clear
    one-line error, raised before any work is done by the caller.
    """
    from gdprgate.errors import ConfigError

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.chmod(path, 0o600)
    except OSError as exc:
        msg = f"cannot write {path}: {exc.strerror or type(exc).__name__}"
        raise ConfigError(msg) from exc
    return os.fdopen(descriptor, "w", encoding="utf-8", newline="")
