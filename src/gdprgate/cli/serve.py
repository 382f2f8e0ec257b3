"""``gdprgate serve``: run the gateway."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from gdprgate.cli import main
from gdprgate.cli._common import clear_errors, configure_logging
from gdprgate.config import Settings


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
@clear_errors
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
    configure_logging(settings.log_level, settings.log_format)
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
        # uvicorn's own lines go through gdprgate's formatter and redaction.
        log_config=None,
        timeout_graceful_shutdown=5,
    )
