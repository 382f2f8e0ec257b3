"""Every setting is documented in the README."""

from __future__ import annotations

from pathlib import Path

import pytest

from gdprgate.config import Settings

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_setting_is_in_the_readme_settings_table() -> None:
    text = README.read_text(encoding="utf-8")
    missing = [
        f"GDPRGATE_{name.upper()}"
        for name in Settings.model_fields
        if f"`GDPRGATE_{name.upper()}`" not in text
    ]
    assert missing == []


def test_settings_are_read_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("GDPRGATE_MAX_BODY_BYTES", "1234")
    monkeypatch.setenv("GDPRGATE_UPSTREAM_URL", "http://127.0.0.1:9/v1/")
    settings = Settings()
    assert settings.max_body_bytes == 1234
    assert settings.upstream_url == "http://127.0.0.1:9/v1"
