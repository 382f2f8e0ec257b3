"""Shared pieces of the command line: error handling and logging."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click
from pydantic import ValidationError

from gdprgate import logs
from gdprgate.errors import GdprgateError
from gdprgate.logs import LogFormat

F = TypeVar("F", bound=Callable[..., Any])


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
