"""``gdprgate policy``: write and check policy files."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from gdprgate.cli import main
from gdprgate.cli._common import clear_errors


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
@clear_errors
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
