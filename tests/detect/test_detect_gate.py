"""The model gate: which sentences the model layers read, and offsets back."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

import gdprgate.detect.gate as gate_module
from gdprgate.detect import Detector, DetectorConfig, Finding
from gdprgate.detect.gate import (
    ModelGate,
    build_lexicon,
    german_noun,
    known_names,
    load_lexicon,
    sentences,
)


@pytest.fixture(scope="module")
def gate() -> ModelGate:
    return ModelGate(load_lexicon())


class GatedSpy:
    """A model-like layer: records what it reads, finds every 'Vesterholm'."""

    name = "spy-model"
    gated = True

    def __init__(self) -> None:
        self.texts: list[str] = []

    def warm_up(self) -> None:
        """Nothing to load."""

    def analyze_many(
        self, texts: Sequence[str], languages: Sequence[str]
    ) -> list[list[Finding]]:
        self.texts.extend(texts)
        found = []
        for text in texts:
            start = text.find("Vesterholm")
            found.append(
                [Finding(start, start + 10, "PERSON", 0.9, "spy")] if start >= 0 else []
            )
        return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two! Three? Four", ["One. ", "Two! ", "Three? ", "Four"]),
        ("Line one\nLine two", ["Line one\n", "Line two"]),
        # "Mr." and an initial do not end a sentence; "3.5" has no space.
        ("Mr. Vesterholm paid 3.5 euros. I met J. Doe.", None),
        ('He said "stop." Then left.', ['He said "stop." ', "Then left."]),
        ("", []),
    ],
)
def test_sentences_split_at_ends_not_at_abbreviations(
    text: str, expected: list[str] | None
) -> None:
    pieces = [text[start:end] for start, end in sentences(text)]
    assert "".join(pieces) == text
    if expected is None:
        expected = ["Mr. Vesterholm paid 3.5 euros. ", "I met J. Doe."]
    assert pieces == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you for your message.",
        "I would like to change the delivery address for my last order.",
        "The ambassador met the president yesterday.",
        "Merci pour votre message, nous allons vous répondre bientôt.",
        "i'm writing on behalf of my colleague, he can't log in.",
    ],
)
def test_plain_prose_skips_the_models(gate: ModelGate, sentence: str) -> None:
    assert not gate.needs_model(sentence)
    assert gate.pieces(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # Capitalised words after the first, whatever they are.
        "Please ask Vesterholm about it.",
        "Will you send it in May?",
        # Lower-case names, frequent words in some language or not.
        "my name is thomas müller and i live in berlin.",
        "please ask anna kowalski about it.",
        "ask vesterholm about it",
        "hier spricht łukasz",
        # A capitalised first word that is a name, all capitals, digits.
        "Annika called yesterday.",
        "PLEASE CALL ME BACK",
        "we met on the 3rd of the month",
        # A script the lexicon does not hold.
        "Тамара позвонила вчера",
    ],
)
def test_sentences_that_may_hold_data_go_to_the_models(
    gate: ModelGate, sentence: str
) -> None:
    assert gate.needs_model(sentence)
    assert gate.pieces(sentence) == [(0, len(sentence))]


def test_german_nouns_are_capitalised_and_names_still_count(gate: ModelGate) -> None:
    plain = "Bitte senden Sie die Rechnung noch einmal."
    assert not gate.needs_model(plain, "de")
    # The same capitals read as proper nouns in English text.
    assert gate.needs_model(plain, "en")
    assert gate.needs_model("Bitte rufen Sie Frau Müller an.", "de")
    assert gate.needs_model("Bitte senden Sie die RECHNUNG.", "de")


@pytest.mark.parametrize(
    "sentence",
    [
        # A surname that is a frequent German word, after a form of address.
        "Lieber Herr Bülow, danke.",
        # A given name that is a stop word elsewhere ("hans": Swedish "his").
        "Der Bericht kam von Hans von Bülow.",
        "Die Unterlagen hat Otto Bismarck gebracht.",
    ],
)
def test_names_among_german_nouns_go_to_the_models(
    gate: ModelGate, sentence: str
) -> None:
    assert gate.needs_model(sentence, "de")
    # Without them the sentence is ordinary German.
    assert not gate.needs_model("Der Bericht kam von der Bank.", "de")


def test_pieces_take_context_and_skip_far_prose(gate: ModelGate) -> None:
    plain = "I would like to change the delivery address for my last order. "
    text = "Hello, I am Annika Vesterholm. We are happy. " + plain * 5 + "Bye, Annika."
    pieces = gate.pieces(text)
    assert len(pieces) == 2
    (first_start, first_end), (last_start, last_end) = pieces
    # The first sentence with up to CONTEXT_CHARS after it, cut at a space.
    context = gate_module.CONTEXT_CHARS
    assert first_start == 0
    assert 30 + context - 20 <= first_end <= 30 + context
    assert text[first_end] == " "
    # The last sentence with up to CONTEXT_CHARS of what comes before it.
    assert last_end == len(text)
    assert len(text) - 12 - context <= last_start < len(text) - 12 - context + 20
    assert text[last_start - 1] == " "
    # The middle of the plain block is read by no model.
    middle = len(text) // 2
    assert not any(start <= middle < end for start, end in pieces)


def test_close_pieces_are_read_as_one(gate: ModelGate) -> None:
    text = "Annika called. It was late. Vesterholm answered."
    assert gate.pieces(text) == [(0, len(text))]


def test_the_lexicon_holds_frequent_words_but_no_names() -> None:
    lexicon = build_lexicon(["en", "de"], 5000)
    assert {"order", "address", "rechnung", "the", "my", "can"} <= lexicon.words
    assert {"thomas", "anna", "müller", "łukasz", "paris"} <= lexicon.names
    assert not {"thomas", "anna", "müller"} & lexicon.words
    # A name that is also a very frequent word stays ordinary in lower case;
    # a function word is never a name.
    assert "long" in lexicon.words & lexicon.names
    assert "will" in lexicon.words - lexicon.names
    # wordfreq folds "ß" to "ss"; the lexicon holds the written form too.
    assert {"groß", "gross", "heißt"} <= lexicon.words
    # ... and a name written with "ss" stays a name in its "ß" form.
    ss_names = [name for name in lexicon.names if "ss" in name]
    assert ss_names
    assert not any(lexicon.is_ordinary(n.replace("ss", "ß")) for n in ss_names)
    # How frequent each word is per language: "rechnung" in German only.
    assert lexicon.frequency("rechnung", "de") >= 3.0
    assert lexicon.frequency("rechnung", "en") == 0.0
    assert lexicon.frequency("the", "en") > lexicon.frequency("order", "en") > 3.0


def test_names_also_count_without_accents() -> None:
    names = known_names()
    assert {"łukasz", "núñez"} <= names
    assert {"lukasz", "nunez"} <= names


def test_a_capitalised_first_word_that_is_a_name_goes_on(gate: ModelGate) -> None:
    assert gate.needs_model("Paris was lovely.")
    assert gate.needs_model("Thomas was late.")
    # A rarer word first may be a surname ("kühn" is also "bold").
    assert gate.needs_model("Kühn can only shake his head.")
    assert not gate.needs_model("Please send it again.")
    assert not gate.needs_model("Will you send it again?")


def test_the_lexicon_is_cached_on_disk(tmp_path: Path) -> None:
    import gdprgate.detect.gate as gate_module

    saved = gate_module._lexicon
    gate_module._lexicon = None
    try:
        first = load_lexicon(str(tmp_path))
        files = list(tmp_path.glob("lexicon-*.txt"))
        assert len(files) == 1
        gate_module._lexicon = None
        again = load_lexicon(str(tmp_path))
        assert again == first
        assert again.frequencies
        assert again.frequency("the", "en") == first.frequency("the", "en") > 5.0
    finally:
        gate_module._lexicon = saved


def test_detector_gives_gated_layers_pieces_and_moves_findings_back() -> None:
    spy = GatedSpy()
    detector = Detector(DetectorConfig(cache_size=0), layers=[spy])
    plain = "Thank you for your message, we are happy to help. "
    text = plain * 4 + "Please greet Mr Vesterholm from us. " + plain * 4
    [found] = detector.analyze_batch([text])
    [piece] = spy.texts
    assert "Please greet Mr Vesterholm from us." in piece
    assert len(piece) < len(text) / 2
    # Offsets fit the full text (the title joins the name there).
    assert [(text[f.start : f.end], f.entity) for f in found] == [
        ("Mr Vesterholm", "PERSON")
    ]


def test_a_text_of_plain_prose_costs_no_model_call() -> None:
    spy = GatedSpy()
    detector = Detector(DetectorConfig(cache_size=0), layers=[spy])
    assert detector.analyze("Thank you for your message, we are happy to help.") == []
    assert spy.texts == []


def test_with_the_gate_off_the_models_read_every_text_whole() -> None:
    spy = GatedSpy()
    detector = Detector(DetectorConfig(cache_size=0, model_gate=False), layers=[spy])
    text = "Thank you for your message. Greet Vesterholm."
    [found] = detector.analyze_batch([text])
    assert spy.texts == [text]
    assert text[found[0].start : found[0].end] == "Vesterholm"


def test_lower_case_ordinary_words_are_no_names(gate: ModelGate) -> None:
    text = "danke thomas, merci kowalski, Danke"
    found = [
        Finding(text.index(word), text.index(word) + len(word), "PERSON", 0.9, "m")
        for word in ("danke", "thomas", "merci", "kowalski", "Danke")
    ]
    found.append(Finding(0, 5, "LOCATION", 0.9, "m"))
    kept = gate.drop_ordinary_words(text, found)
    assert [(text[f.start : f.end], f.entity) for f in kept] == [
        ("thomas", "PERSON"),
        ("kowalski", "PERSON"),
        ("Danke", "PERSON"),
        ("danke", "LOCATION"),
    ]


def test_lower_case_runs_of_ordinary_words_are_no_names(gate: ModelGate) -> None:
    """'vill göra' is two ordinary Swedish words; a name among them stays."""
    text = "vill göra; anna schmidt; jan de vries; thank you; vill  Göra"
    spans = ["vill göra", "anna schmidt", "jan de vries", "thank you", "vill  Göra"]
    found = [
        Finding(text.index(s), text.index(s) + len(s), "PERSON", 0.9, "m")
        for s in spans
    ]
    kept = gate.drop_ordinary_words(text, found)
    assert [text[f.start : f.end] for f in kept] == [
        "anna schmidt",
        "jan de vries",
        "Göra",
    ]


@pytest.mark.parametrize(
    ("span", "kept"),
    [
        # An ordinary word the model ran a lower-case name into is cut off,
        # before or after the name.
        ("fábio domingues chegou", "fábio domingues"),
        ("ieri vittoria zacchia", "vittoria zacchia"),
        ("sagte cosima kruschwitz", "cosima kruschwitz"),
        # Two words stay: a surname may be an ordinary word too.
        ("nicole allen", "nicole allen"),
        ("bruno durante", "bruno durante"),
        # Particles hold a name together and never end it.
        ("jaylinn van den bergh", "jaylinn van den bergh"),
        ("emma van waas", "emma van waas"),
        ("xavi de wit", "xavi de wit"),
        # Two words stay, whatever they are: a surname first ("sun jenny").
        ("belde wouter", "belde wouter"),
        ("sun jenny", "sun jenny"),
        # Text with case: an ordinary lower-case word next to a capitalised
        # name is cut off too.
        ("Fábio Domingues chegou", "Fábio Domingues"),
    ],
)
def test_ordinary_words_at_the_ends_of_a_lower_case_name_are_cut_off(
    gate: ModelGate, span: str, kept: str
) -> None:
    text = f"ok: {span}."
    start = text.index(span)
    [found] = gate.drop_ordinary_words(
        text, [Finding(start, start + len(span), "PERSON", 0.9, "m")]
    )
    assert text[found.start : found.end] == kept
    assert (found.entity, found.score, found.source) == ("PERSON", 0.9, "m")


@pytest.mark.parametrize(
    ("text", "span", "source", "kept"),
    [
        # A model's place runs on into lower-case words: they are cut off.
        ("Hon flyttar till Uppsala i vår.", "Uppsala i vår", "rampart", "Uppsala"),
        ("Rencontre à la gare demain.", "la gare", "spacy", None),
        # Words with capitals or digits stay, and so does a pattern's place.
        (
            "Frankfurt am Main liegt",
            "Frankfurt am Main",
            "rampart",
            "Frankfurt am Main",
        ),
        ("Wohnt Hauptstr. 5 dort", "Hauptstr. 5", "rampart", "Hauptstr. 5"),
        ("à la gare demain", "la gare", "pattern:street_address", "la gare"),
        # Text without case: nothing says the words are ordinary.
        (
            "hon flyttar till uppsala i vår.",
            "uppsala i vår",
            "rampart",
            "uppsala i vår",
        ),
    ],
)
def test_a_models_place_loses_the_lower_case_words_it_ran_into(
    gate: ModelGate, text: str, span: str, source: str, kept: str | None
) -> None:
    start = text.index(span)
    found = gate.drop_ordinary_words(
        text, [Finding(start, start + len(span), "LOCATION", 0.8, source)]
    )
    assert [text[f.start : f.end] for f in found] == ([kept] if kept else [])


@pytest.mark.parametrize(
    ("text", "span", "kept"),
    [
        # Text with case: a lower-case name keeps every word (a surname that
        # is a word must not go out in clear).
        ("Patient: sun jenny, DOB 1.2.1980", "sun jenny", "sun jenny"),
        ("Hi, I'm mary jane sweet and need help", "mary jane sweet", "mary jane sweet"),
        # Text in capitals is read in lower case: an ordinary word alone is
        # no name.
        ("GLEICH DARAUF ENTWIRFT ER", "GLEICH", None),
        ("BILANZ NACH ZWEI SCHICHTEN", "BILANZ", None),
        ("ANRUF VON RENATE PEUKERT", "RENATE PEUKERT", "RENATE PEUKERT"),
    ],
)
def test_names_in_text_with_case_and_in_capitals(
    gate: ModelGate, text: str, span: str, kept: str | None
) -> None:
    start = text.index(span)
    found = gate.drop_ordinary_words(
        text, [Finding(start, start + len(span), "PERSON", 0.9, "rampart")]
    )
    assert [text[f.start : f.end] for f in found] == ([kept] if kept else [])


def test_german_nouns_are_frequent_german_words_or_compounds_of_them() -> None:
    lexicon = load_lexicon()
    assert german_noun("PSA-Test", lexicon)
    assert german_noun("Abschlussbericht", lexicon)
    assert german_noun("Straße", lexicon)
    # A Dutch word and an unknown surname are no German nouns.
    assert not german_noun("Vaart", lexicon)
    assert not german_noun("Uyl", lexicon)
