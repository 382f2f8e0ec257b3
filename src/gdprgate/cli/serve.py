"""``gdprgate serve``: run the gateway."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import click

from gdprgate.cli import main
from gdprgate.cli._common import clear_errors, configure_logging
from gdprgate.config import Settings
from gdprgate.errors import ConfigError


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
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=None,
    help="Gateway processes on the port (GDPRGATE_WORKERS; default 1). "
    "More than one needs --upstream.",
)
@clear_errors
def serve(
    host: str,
    port: int,
    upstream: str | None,
    data_dir: Path | None,
    policy: Path | None,
    workers: int | None,
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
    if workers is not None:
        overrides["workers"] = workers
    settings = Settings(**overrides)
    if settings.workers > 1 and settings.upstream_url is None:
        msg = (
            "more than one worker needs an upstream (--upstream): "
            "the built-in model runs in one process"
        )
        raise ConfigError(msg)
    configure_logging(settings.log_level, settings.log_format)
    # Built here even with several workers: the store is migrated and the
    # first key created once, before any worker starts.
    app = build_app(settings)
    if app.state.bootstrap_key:
        path = settings.data_dir / "bootstrap.key"
        click.echo(
            f"gdprgate: created the first API key (shown once, also in {path}):\n"
            f"  {app.state.bootstrap_key}",
            err=True,
        )
    if settings.workers > 1:
        # Each worker process builds its own gateway from the same settings.
        for name, value in overrides.items():
            os.environ[f"GDPRGATE_{name.upper()}"] = str(value)
        uvicorn.run(
            "gdprgate.gateway.runtime:app_from_environment",
            factory=True,
            workers=settings.workers,
            host=host,
            port=port,
            log_level=settings.log_level.lower(),
            access_log=False,
            log_config=None,
            timeout_graceful_shutdown=5,
        )
        return
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level=settings.log_level.lower(),
        access_log=False,
        # uvicorn's own lines go through gdprgate's formatter and redaction.
        log_config=None,
        timeout_graceful_shutdown=5,
    )
