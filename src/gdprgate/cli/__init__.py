"""The ``gdprgate`` command: a thin layer over the library.

Library errors become exit code 2 and one clear line on stderr.
"""

from __future__ import annotations

import click


@click.group()
@click.version_option(package_name="gdprgate")
def main() -> None:
    """gdprgate: keep personal data away from your language model."""


# The commands register themselves on ``main`` when imported.
from gdprgate.cli import (  # noqa: E402, F401
    audit,
    db,
    evaluate,
    keys,
    policy,
    records,
    retention,
    rights,
    scan,
    scrub,
    serve,
)

__all__ = ["main"]
