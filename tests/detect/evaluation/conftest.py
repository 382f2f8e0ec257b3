"""Fixtures of the evaluation tests: small invented files in each format."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    """The folder of the synthetic dataset files."""
    return FIXTURES
