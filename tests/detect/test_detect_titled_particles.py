"""A title, a capitalised particle and a surname
(gdprgate.detect.particle_names)."""

from __future__ import annotations

import pytest

from gdprgate.detect.gate import Lexicon, load_lexicon
from gdprgate.detect.particle_names import particle_names


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


CASES = [
    ("it", "Gentile sig. Di Stefano, la informiamo", ["sig. Di Stefano"]),
    ("fr", "Bonjour Mme Le Goff, merci", ["Mme Le Goff"]),
    ("en", "Dear Mr De Souza,", ["Mr De Souza"]),
    ("es", "El Sr. De la Fuente llamó", ["Sr. De la Fuente"]),
    ("de", "Herr Von der Heydt kam", ["Herr Von der Heydt"]),
    # No title right before the particle: a place, a restaurant, a word.
    ("fr", "Il habite La Rochelle", []),
    ("it", "Cena Da Mario stasera", []),
    ("pt", "Vou Da Praia amanhã", []),
]


@pytest.mark.parametrize(("language", "text", "names"), CASES)
def test_title_capitalised_particle_surname(
    lexicon: Lexicon, language: str, text: str, names: list[str]
) -> None:
    """Title, particles and surname as one name; no title, no name."""
    found = particle_names(
        text, language, lexicon, lambda w: w.lower() in lexicon.given
    )
    assert [text[f.start : f.end] for f in found] == names
