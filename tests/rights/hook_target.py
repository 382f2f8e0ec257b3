"""A Python deletion hook for the tests: records what it was told."""

from __future__ import annotations

from typing import Any

RECEIVED: list[dict[str, Any]] = []


def erase(notice: dict[str, Any]) -> bool:
    RECEIVED.append(notice)
    return True


def refuse(notice: dict[str, Any]) -> bool:
    return False
