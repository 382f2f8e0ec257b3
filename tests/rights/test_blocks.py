"""Redacting blocked values keeps the other findings on their text."""

from __future__ import annotations

from gdprgate.detect import Finding
from gdprgate.rights.blocks import Block, redact_spans


def test_redacted_spans_move_the_findings_after_them() -> None:
    text = "Ann Lee wrote to bo@example.org and to Kim"
    name = Finding(0, 7, "PERSON", 1.0, "t")
    mail = Finding(17, 31, "EMAIL_ADDRESS", 1.0, "t")
    last = Finding(39, 42, "PERSON", 1.0, "t")
    redacted, kept = redact_spans(text, [name, mail, last], [name])
    assert redacted == "[PERSON] wrote to bo@example.org and to Kim"
    assert [redacted[f.start : f.end] for f in kept] == ["bo@example.org", "Kim"]


def test_nothing_blocked_leaves_text_and_findings_alone() -> None:
    finding = Finding(0, 3, "PERSON", 1.0, "t")
    assert redact_spans("Ann", [finding], []) == ("Ann", [finding])


def test_a_block_without_purposes_covers_every_purpose() -> None:
    assert Block("object", ()).applies_to("research")
    assert Block("restrict", ("support",)).applies_to("support")
    assert not Block("restrict", ("support",)).applies_to("research")
