"""Initials and a surname after a greeting or a closing
(gdprgate.detect.signoffs)."""

from __future__ import annotations

import pytest

from gdprgate.detect.gate import Lexicon, load_lexicon
from gdprgate.detect.signoffs import SIGNOFF_SOURCE, signed_names


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


CASES = [
    ("Hallo Frau Özdemir, danke. Gruß S. Kühn", ["S. Kühn"]),
    ("Mit freundlichen Grüßen\nK. Weber\nVertrieb", ["K. Weber"]),
    ("Regards,\nJ.-P. Martin", ["J.-P. Martin"]),
    ("Cordialement, A. B. Dupont", ["A. B. Dupont"]),
    ("Saluti, G. Ferraro.", ["G. Ferraro"]),
    # A frequent word or a short abbreviation after initials is no one.
    ("Thanks, A. Team.", []),
    ("Best,\nM. Sc.", []),
    ("Thanks, I. T. Support", []),
]


@pytest.mark.parametrize(("text", "names"), CASES)
def test_initials_and_surname_after_a_closing(
    lexicon: Lexicon, text: str, names: list[str]
) -> None:
    """The initials and the surname, exactly, as one sign-off name."""
    found = signed_names(text, lexicon)
    assert [text[f.start : f.end] for f in found] == names
    assert all(f.source == SIGNOFF_SOURCE for f in found)
