"""``gdprgate retention``: enforce the policy's retention periods now."""

from __future__ import annotations

import json
from pathlib import Path

import click

from gdprgate.cli import main
from gdprgate.cli._common import DATA_DIR_OPTION, clear_errors, open_audit, settings_for


@main.group("retention")
def retention_group() -> None:
    """Storage limitation: delete what the policy no longer allows to keep.

    \b
    Example:
      gdprgate retention run --json
    """


@retention_group.command()
@DATA_DIR_OPTION
@click.option(
    "--policy",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="Policy file (GDPRGATE_POLICY); default: the built-in policy.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@clear_errors
def run(data_dir: Path | None, policy: Path | None, as_json: bool) -> None:
    """Delete expired payloads, vault values and audit segments; audit the sweep.

    \b
    Example:
      gdprgate retention run --policy gdprgate.yaml
    """
    from gdprgate.policy import default_policy, load_policy
    from gdprgate.retention import Retention

    settings = settings_for(data_dir)
    path = policy or settings.policy
    in_force = default_policy() if path is None else load_policy(path)
    with open_audit(settings) as log:
        result = Retention(log.db, lambda: in_force, log).run()
    if as_json:
        click.echo(json.dumps(result.to_dict()))
        return
    click.echo(
        f"removed {result.payloads} payloads, {result.vault} vault values, "
        f"{result.audit} audit entries"
        + (f" ({result.audit_note})" if result.audit_note else "")
    )
