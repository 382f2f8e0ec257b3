"""Half-masked names grow over the rest of the name
(gdprgate.detect.partial_names), towns keep their suffix
(gdprgate.detect.town_suffixes), names after a chat introduction
(gdprgate.detect.chat_intros) and Portuguese Citizen Card numbers."""

from __future__ import annotations

import pytest

from gdprgate.detect import Detector, Finding
from gdprgate.detect.chat_intros import CHAT_INTRO_SOURCE, chat_intro_names
from gdprgate.detect.gate import Lexicon, load_lexicon
from gdprgate.detect.partial_names import extend_partial_names
from gdprgate.detect.patterns.pt_citizen_card import PtCitizenCardRecognizer
from gdprgate.detect.patterns.username import UsernameRecognizer
from gdprgate.detect.town_suffixes import extend_town_suffixes


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _person(text: str, part: str) -> Finding:
    start = text.index(part)
    return Finding(start, start + len(part), "PERSON", 0.9, "rampart")


# The text, the parts found, and the names they must grow to.
PARTIAL = [
    # Hyphens: the half before or after.
    ("de", "Heute kam Wiesner-Albrecht vorbei.", ["Albrecht"], ["Wiesner-Albrecht"]),
    ("fr", "Le buteur Diallo-Kanté a marqué.", ["-Kanté"], ["Diallo-Kanté"]),
    (
        "en",
        "We met Tamsin Okoro-Blake today.",
        ["Tamsin Okoro"],
        ["Tamsin Okoro-Blake"],
    ),
    # Logins: the whole dotted lower-case token.
    ("en", "Signed for by: r.okafor", ["okafor"], ["r.okafor"]),
    ("en", "owner: mette.h (laptop)", ["mette"], ["mette.h"]),
    ("en", "Write to r.okafor@example.org now", ["okafor"], ["okafor"]),
    # Particles in capitals before a surname in capitals.
    ("nl", "Achternaam: VAN DER LINDT", ["DER LINDT"], ["VAN DER LINDT"]),
    ("de", "Name: VON DER HEIDT, Ute", ["HEIDT"], ["VON DER HEIDT"]),
    # Particles after a title, capitalised or abbreviated.
    ("it", "Ho chiamato il sig. Lo Piano ieri.", ["Piano"], ["Lo Piano"]),
    ("es", "Firmó la Sra. De las Heras.", ["Heras"], ["De las Heras"]),
    ("de", "Der Brief von Herrn v. Dahlberg kam.", ["Dahlberg"], ["v. Dahlberg"]),
    (
        "de",
        "Dr. Hans-Ulrich v. Dahlberg kam.",
        ["Dr. Hans-Ulrich", "Dahlberg"],
        ["Dr. Hans-Ulrich v. Dahlberg"],
    ),
    # A given name that is a place too, before its surname.
    ("fr", "Paris Vaudrey a signé le bail.", ["Paris"], ["Paris Vaudrey"]),
    # Not grown: a lower-case word after the hyphen, a capitalised
    # particle with no title before it, a frequent word after the name.
    ("de", "Anna-Lena kam mit Jonas-los.", ["Anna-Lena"], ["Anna-Lena"]),
    ("it", "Ieri Lo Piano ha chiamato.", ["Piano"], ["Piano"]),
    ("en", "Paris The city of light.", ["Paris"], ["Paris"]),
    ("en", "Ask Paris.\nVaudrey is away.", ["Paris"], ["Paris"]),
    # Compounds of a name and a noun, a name inside a longer name, a
    # preposition between two names.
    ("de", "Die Olympia-Tickets sind teuer.", ["Olympia"], ["Olympia"]),
    ("de", "Ein Tante-Emma-Laden schließt.", ["Emma"], ["Emma"]),
    ("en", "The San Antonio Spurs won.", ["Antonio"], ["Antonio"]),
    ("de", "Eine Flöte von Anna zu Bernd.", ["Anna", "Bernd"], ["Anna", "Bernd"]),
]


@pytest.mark.parametrize(("language", "text", "parts", "names"), PARTIAL)
def test_partial_names_grow_over_the_rest_of_the_name(
    lexicon: Lexicon, language: str, text: str, parts: list[str], names: list[str]
) -> None:
    found = extend_partial_names(text, [_person(text, p) for p in parts], lexicon)
    assert [text[f.start : f.end] for f in found] == names
    assert all(f.entity == "PERSON" for f in found)


def test_other_findings_stay_as_they_are(lexicon: Lexicon) -> None:
    text = "Kontakt: Wiesner-Albrecht, Tel. 030 1234567"
    phone = Finding(32, 43, "PHONE_NUMBER", 0.8, "pattern:phone")
    found = extend_partial_names(text, [_person(text, "Albrecht"), phone], lexicon)
    assert [(text[f.start : f.end], f.entity) for f in found] == [
        ("Wiesner-Albrecht", "PERSON"),
        ("030 1234567", "PHONE_NUMBER"),
    ]


TOWNS = [
    (
        "wohnhaft Lindenweg 3, 79100 Freiburg i. Br., Tel.",
        "Lindenweg 3, 79100 Freiburg",
        "Lindenweg 3, 79100 Freiburg i. Br.",
    ),
    ("Sitz: 60311 Frankfurt a. M.", "60311 Frankfurt", "60311 Frankfurt a. M."),
    ("in Neumarkt i. d. OPf. geboren", "Neumarkt", "Neumarkt i. d. OPf."),
    ("Anschrift: 79100 Freiburg i. Br", "79100 Freiburg i. B", "79100 Freiburg i. Br"),
    # No suffix: a lower-case word, a sentence after it.
    ("in Freiburg ist es warm", "Freiburg", "Freiburg"),
    ("nach Freiburg. Am Montag", "Freiburg", "Freiburg"),
]


@pytest.mark.parametrize(("text", "place", "grown"), TOWNS)
def test_towns_keep_their_suffix(text: str, place: str, grown: str) -> None:
    start = text.index(place)
    finding = Finding(start, start + len(place), "LOCATION", 0.8, "rampart")
    (found,) = extend_town_suffixes(text, [finding])
    assert text[found.start : found.end] == grown


INTROS = [
    ("Hej Ida! Hälsa Agnes!", ["Agnes"]),
    ("Hej! Det är Viggo, ring mig.", ["Viggo"]),
    ("Cześć! Tu Bartek, mój numer się zmienił.", ["Bartek"]),
    ("Pozdrów Ulę.", ["Ulę"]),
    ("Hallo! Hier ist Jannik, bis morgen.", ["Jannik"]),
    # No introduction: inside a sentence, a lower-case word, a frequent word.
    ("Jest tu Bartek, który czeka.", []),
    ("Tu jest dom.", []),
    ("Det är bra.", []),
    ("Hier ist Bitte, nicht hier.", []),
    ("Hier ist Schluss. Det är Sverige! Tu Warszawa, mówi radio.", []),
]


@pytest.mark.parametrize(("text", "names"), INTROS)
def test_names_after_a_chat_introduction(
    lexicon: Lexicon, text: str, names: list[str]
) -> None:
    found = chat_intro_names(text, [], lexicon)
    assert [text[f.start : f.end] for f in found] == names
    assert all(f.source == CHAT_INTRO_SOURCE for f in found)


def test_a_name_found_already_is_not_added_twice(lexicon: Lexicon) -> None:
    text = "Hälsa Agnes!"
    known = Finding(6, 11, "PERSON", 0.9, "rampart")
    assert chat_intro_names(text, [known], lexicon) == [known]


def test_covered_names_are_read_against_every_earlier_finding(
    lexicon: Lexicon,
) -> None:
    # A long finding that starts before an introduction covers its name;
    # names left bare among many covered ones are still added.
    unit = "Hälsa Agnes! "
    text = unit * 2000 + "Hälsa Klara!"
    known = [
        Finding(i * len(unit) + 6, i * len(unit) + 11, "PERSON", 0.9, "rampart")
        for i in range(0, 2000, 2)
    ]
    found = chat_intro_names(text, known, lexicon)
    added = [text[f.start : f.end] for f in found if f.source == CHAT_INTRO_SOURCE]
    assert added == ["Agnes"] * 1000 + ["Klara"]
    wide = Finding(0, len(text), "LOCATION", 0.5, "spacy")
    assert chat_intro_names(text, [wide], lexicon) == [wide]
    # Shorter findings after it do not hide that it reaches further.
    assert chat_intro_names(text, [wide, *known], lexicon) == sorted(
        [wide, *known], key=lambda f: f.start
    )


CITIZEN_CARDS = [
    ("portador do CC n.º 00000000 0 ZZ4, residente", ["00000000 0 ZZ4"]),
    ("Cartão de Cidadão 000000000ZZ4", ["000000000ZZ4"]),
    # A wrong check digit with no card name right before it (after one it
    # is kept at the format score: see test_detect_leaked_ids), letters
    # where the digit stands, a longer code.
    ("ref n.º 00000000 0 ZZ3", []),
    ("CC n.º 00000000 A ZZ4", []),
    ("ref 100000000 0 ZZ4", []),
]


@pytest.mark.parametrize(("text", "values"), CITIZEN_CARDS)
def test_portuguese_citizen_card_numbers(text: str, values: list[str]) -> None:
    found = PtCitizenCardRecognizer().analyze(text, "pt")
    assert [text[f.start : f.end] for f in found] == values
    assert all(f.entity == "ID_NUMBER" for f in found)


DOTTED_LOGINS = [
    ("Signed for by: r.okafor", ["r.okafor"]),
    ("Posted by m.lindqvist yesterday", ["m.lindqvist"]),
    ("Gepostet von jana.k, 12:00", ["jana.k"]),
    # A file, a host, an abbreviation, no author word.
    ("Signed by: notes.txt", []),
    ("Posted by e.g. admins", []),
    ("We met r.okafor there", []),
    ("Signed by: build.bot on main", []),
]


@pytest.mark.parametrize(("text", "values"), DOTTED_LOGINS)
def test_dotted_logins_after_an_author_word(text: str, values: list[str]) -> None:
    found = UsernameRecognizer().analyze(text, "en")
    assert [text[f.start : f.end] for f in found] == values


END_TO_END = [
    ("de", "Gestern kam Herr Wiesner-Albrecht vorbei.", "Wiesner-Albrecht"),
    ("en", "Surname: VAN DER LINDT   Forename: Ute", "VAN DER LINDT"),
    ("pt", "Eu, portador do CC n.º 00000000 0 ZZ4, declaro.", "00000000 0 ZZ4"),
    ("pl", "Cześć Ola! Tu Bartek, mój nowy numer to 789 456 123.", "Bartek"),
]


@pytest.mark.parametrize(("language", "text", "value"), END_TO_END)
def test_whole_values_through_the_detector(
    full_detector: Detector, language: str, text: str, value: str
) -> None:
    start = text.index(value)
    found = full_detector.analyze(text, language)
    assert any(f.start <= start and start + len(value) <= f.end for f in found)
