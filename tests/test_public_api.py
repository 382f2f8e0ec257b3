"""The names gdprgate exports are exactly the intended public API."""

from __future__ import annotations

import gdprgate


def test_top_level_exports_are_locked() -> None:
    assert sorted(gdprgate.__all__) == sorted(
        [
            "AuditEntry",
            "AuditLog",
            "Database",
            "Detector",
            "DetectorConfig",
            "Finding",
            "GdprgateError",
            "Settings",
            "Vault",
            "__version__",
            "build_detector",
        ]
    )
    for name in gdprgate.__all__:
        assert getattr(gdprgate, name) is not None
