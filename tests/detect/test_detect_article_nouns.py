"""German nouns a model read as names are dropped after a neuter article
and an adjective, or an ordinal: "das reine Grausen", "der 3. Kreisklasse";
after any other determiner a surname stands as often ("der starke
Kamara")."""

from __future__ import annotations

import pytest

from gdprgate.detect.article_nouns import without_article_nouns
from gdprgate.detect.finding import Finding
from gdprgate.detect.gate import Lexicon, load_lexicon
from gdprgate.detect.lists import SOURCE as DENY_SOURCE


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _person(text: str, value: str) -> Finding:
    start = text.index(value)
    return Finding(start, start + len(value), "PERSON", 0.9, "rampart")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Das wäre an deutschen Tischen das reine Grausen.", "Grausen"),
        ("Er spielt nun in der 3. Kreisklasse.", "Kreisklasse"),
        ("Die Zeit ist günstig für das parteiinterne Ramadama.", "Ramadama"),
        ("Er sprang sofort ins kalte Hallenwasser.", "Hallenwasser"),
        ("Er mied dieses seltsame Flimmern.", "Flimmern"),
    ],
)
def test_a_noun_after_a_neuter_article_and_an_adjective_is_dropped(
    lexicon: Lexicon, text: str, value: str
) -> None:
    assert without_article_nouns(text, [_person(text, value)], "de", lexicon) == []


@pytest.mark.parametrize(
    ("text", "value", "language"),
    [
        # A masculine or feminine determiner: surnames stand there as
        # often as nouns (the nouns stay masked: fail closed).
        ("Der schnelle Okonkwo lief davon.", "Okonkwo", "de"),
        ("Beim ersten Tor ließ der starke Kamara drei stehen.", "Kamara", "de"),
        ("Die fleißige Marx hat alles erledigt.", "Marx", "de"),
        ("Dem wackeren Rottenbacher blieb nur Platz vier.", "Rottenbacher", "de"),
        ("Einzig der kämpferische Szymanski wehrte sich.", "Szymanski", "de"),
        ("Die schwangere Kaminski wurde entlassen.", "Kaminski", "de"),
        ("Des reichen Hagedorns Villa brannte.", "Hagedorns", "de"),
        ("Die größte Chance vergab er kurz vor der Pause.", "Chance", "de"),
        # Adjectives that stand before people.
        ("Das entschied der junge Kallweit allein.", "Kallweit", "de"),
        ("Es kam der 27-jährige Kallweit.", "Kallweit", "de"),
        ("Es siegte der amtierende Kallweit.", "Kallweit", "de"),
        ("Das Tor schoss der eingewechselte Kallweit.", "Kallweit", "de"),
        ("Es fehlte der verletzte Kallweit.", "Kallweit", "de"),
        ("Es zeigt den heiligen Gervasius.", "Gervasius", "de"),
        # A given name stays.
        ("Es kam die umworbene Laura.", "Laura", "de"),
        # An article alone is also a relative pronoun.
        ("Das ist der Roman, in dem Kallweit ermittelt.", "Kallweit", "de"),
        ("Er sprach mit seiner Talvina.", "Talvina", "de"),
        # A capitalised word between article and value: a role noun.
        ("Das sagte der frühere Trainer Kallweit.", "Kallweit", "de"),
        ("Es sprach der Trainer Kallweit.", "Kallweit", "de"),
        # Two words: a name.
        ("Es kam der schnelle Jorin Kallweit.", "Jorin Kallweit", "de"),
        # Other languages are left alone.
        ("Der schnelle Kallweit", "Kallweit", "en"),
    ],
)  # fmt: skip
def test_people_after_an_article_stay(
    lexicon: Lexicon, text: str, value: str, language: str
) -> None:
    finding = _person(text, value)
    assert without_article_nouns(text, [finding], language, lexicon) == [finding]


def test_deny_listed_terms_and_other_types_stay(lexicon: Lexicon) -> None:
    text = "Die größte Chance vergab er."
    start = text.index("Chance")
    listed = Finding(start, start + 6, "PERSON", 1.0, DENY_SOURCE)
    place = Finding(start, start + 6, "LOCATION", 0.9, "rampart")
    kept = without_article_nouns(text, [listed, place], "de", lexicon)
    assert kept == [listed, place]
