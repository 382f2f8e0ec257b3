"""Findings are replaced by vault tokens, consistently across texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from gdprgate.detect import Finding
from gdprgate.protect import Pseudonymizer, apply_tokens
from gdprgate.store import Database
from gdprgate.vault import Keyring, Vault, load_master_key
from tests.support.canary import EMAIL, PERSON


@pytest.fixture
def pseudonymizer(data_dir: Path) -> Pseudonymizer:
    db = Database.for_data_dir(data_dir)
    db.upgrade()
    return Pseudonymizer(Vault(db, Keyring(db, load_master_key(data_dir))))


def spans(text: str, *items: tuple[str, str]) -> list[Finding]:
    found = []
    for value, entity in items:
        start = text.index(value)
        found.append(Finding(start, start + len(value), entity, 0.9, "test"))
    return found


def test_same_value_in_two_texts_gets_one_token(pseudonymizer: Pseudonymizer) -> None:
    texts = [f"Hi {PERSON}!", f"Mail {EMAIL} for {PERSON}."]
    findings = [
        spans(texts[0], (PERSON, "PERSON")),
        spans(texts[1], (EMAIL, "EMAIL_ADDRESS"), (PERSON, "PERSON")),
    ]
    result = pseudonymizer.protect("acme", texts, findings)
    person_token = result.texts[0][3:-1]
    assert result.texts[1].endswith(f"for {person_token}.")
    assert PERSON not in "".join(result.texts)
    assert EMAIL not in "".join(result.texts)
    assert result.restore_map[person_token] == PERSON
    assert result.entity_counts == {"PERSON": 2, "EMAIL_ADDRESS": 1}
    assert len(result.tokens) == 2


def test_text_between_adjacent_findings_is_kept() -> None:
    text = "AB, CD"
    findings = [Finding(0, 2, "X", 1, "t"), Finding(4, 6, "X", 1, "t")]
    assert apply_tokens(text, findings, ["<X_1111>", "<X_2222>"]) == (
        "<X_1111>, <X_2222>"
    )


def test_overlapping_findings_are_refused() -> None:
    findings = [Finding(0, 4, "X", 1, "t"), Finding(2, 6, "X", 1, "t")]
    with pytest.raises(ValueError, match="overlap"):
        apply_tokens("abcdefgh", findings, ["<X_1111>", "<X_2222>"])
