"""``gdprgate db``: bring the store's schema up to date."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from gdprgate.cli import main
from gdprgate.cli._common import clear_errors
from gdprgate.config import Settings


@main.group("db")
def db_group() -> None:
    """The store: SQLite in the data dir, or GDPRGATE_DATABASE_URL.

    \b
    Example:
      gdprgate db upgrade
    """


@db_group.command()
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where the SQLite store lives (GDPRGATE_DATA_DIR).",
)
@clear_errors
def upgrade(data_dir: Path | None) -> None:
    """Apply every migration the store lacks (safe to run again).

    \b
    Example:
      GDPRGATE_DATABASE_URL=postgresql://gdprgate@db.internal/gdprgate \\
        gdprgate db upgrade
    """
    from gdprgate.store import Database

    overrides: dict[str, Any] = {"data_dir": data_dir} if data_dir else {}
    settings = Settings(**overrides)
    database = Database.for_data_dir(settings.data_dir, settings.database_url)
    try:
        before = database.current_revision()
        database.upgrade()
        after = database.current_revision()
    finally:
        database.close()
    if before == after:
        click.echo(f"store already at revision {after} ({database.dialect})")
    else:
        click.echo(f"store upgraded from {before or 'empty'} to {after}")
