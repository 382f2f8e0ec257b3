"""Full-width and other compatibility forms are detected like plain text."""

from __future__ import annotations

import pytest

from gdprgate.detect import DetectorConfig, build_detector
from gdprgate.detect.width import fold_width

PATTERNS = DetectorConfig(rampart=False, spacy=False)


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Karte ４１１１ １１１１ １１１１ １１１１ bitte", "CREDIT_CARD"),
        ("mail ａｎｎｉｋａ＠ｅｘａｍｐｌｅ．ｏｒｇ now", "EMAIL_ADDRESS"),
        ("IBAN ＤＥ８９ ３７０４ ００４４ ０５３２ ０１３０ ００.", "IBAN_CODE"),
        # Non-breaking hyphens (U+2011) and an en dash between the digits.
        ("Call +49\u201130\u2011901820 today", "PHONE_NUMBER"),
        ("Call +49 30\u20139018 2055 today", "PHONE_NUMBER"),
    ],
)
def test_full_width_values_are_found_at_their_own_offsets(
    text: str, entity: str
) -> None:
    [finding] = [
        f for f in build_detector(PATTERNS).analyze(text) if f.entity == entity
    ]
    found = text[finding.start : finding.end]
    assert found == found.strip()
    assert fold_width(found).replace(" ", "").isascii()
    assert len(found) >= 12


def test_folding_keeps_length_and_leaves_ligatures() -> None:
    text = "ＡＢＣ ﬁle é 😀"
    folded = fold_width(text)
    assert len(folded) == len(text)
    assert folded.startswith("ABC ﬁle")
    assert fold_width("plain") == "plain"
    # Joining hyphens and dashes read as "-"; the em dash stays punctuation.
    assert fold_width("a\u2011b\u2013c\u2212d\u2014e") == "a-b-c-d\u2014e"
