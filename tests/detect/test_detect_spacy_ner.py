"""SpacyLayer: organisations, places and dates for English and French."""

from __future__ import annotations

import pytest

from gdprgate.detect import Finding, spacy_ner
from gdprgate.detect.spacy_ner import SpacyLayer, load_pipeline, text_slices
from gdprgate.errors import ConfigError

ENGLISH = "Acme Corporation opened a new office in Berlin on 3 March 2024."
FRENCH = "Jean-Luc Moreau travaille chez Renault à Lyon depuis trois ans."


def _pairs(text: str, findings: list[Finding]) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.entity) for f in findings]


@pytest.mark.ner
def test_english_organisation_place_and_date(spacy_layer: SpacyLayer) -> None:
    found = spacy_layer.analyze(ENGLISH, "en")

    assert _pairs(ENGLISH, found) == [
        ("Acme Corporation", "ORGANIZATION"),
        ("Berlin", "LOCATION"),
        ("3 March 2024", "DATE_TIME"),
    ]


@pytest.mark.ner
def test_french_person_organisation_and_place(spacy_layer: SpacyLayer) -> None:
    """fr_core_news_sm has no date labels: PER, ORG and LOC only."""
    found = spacy_layer.analyze(FRENCH, "fr")

    assert _pairs(FRENCH, found) == [
        ("Jean-Luc Moreau", "PERSON"),
        ("Renault", "ORGANIZATION"),
        ("Lyon", "LOCATION"),
    ]


@pytest.mark.ner
def test_person_scores_below_rampart_and_others_above_min_score(
    spacy_layer: SpacyLayer,
) -> None:
    scores = {f.entity: f.score for f in spacy_layer.analyze(FRENCH, "fr")}

    assert scores["PERSON"] < scores["ORGANIZATION"]
    assert min(scores.values()) >= 0.5


@pytest.mark.ner
def test_other_languages_are_skipped(spacy_layer: SpacyLayer) -> None:
    texts = ["Die Acme GmbH sitzt in Berlin.", ENGLISH]

    found = spacy_layer.analyze_many(texts, ["de", "en"])

    assert found[0] == []
    assert found[1]


@pytest.mark.ner
def test_only_the_ner_component_is_loaded(spacy_layer: SpacyLayer) -> None:
    assert load_pipeline("en").nlp.pipe_names == ["ner"]
    assert load_pipeline("fr").nlp.pipe_names == ["ner"]


@pytest.mark.ner
def test_long_texts_are_sliced_with_correct_offsets(
    spacy_layer: SpacyLayer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spacy_ner, "MAX_SLICE_CHARS", 80)
    text = "Nothing happened here at all today. " * 3 + ENGLISH

    found = spacy_layer.analyze(text, "en")

    assert ("Acme Corporation", "ORGANIZATION") in _pairs(text, found)
    assert ("Berlin", "LOCATION") in _pairs(text, found)


def test_slices_cover_the_text_at_whitespace() -> None:
    text = "one two three four five six seven eight nine ten " * 5

    slices = list(text_slices(text, 30))

    assert "".join(piece for _, piece in slices) == text
    assert all(len(piece) <= 30 for _, piece in slices)
    assert all(text[offset : offset + len(p)] == p for offset, p in slices)


def test_unknown_language_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        SpacyLayer(("en", "de"))


@pytest.mark.ner
def test_french_elisions_with_typographic_apostrophes_are_no_names(
    spacy_layer: SpacyLayer,
) -> None:
    """ "n’" and "qu’" (U+2019) are read as "n'" and "qu'": no name, same offsets."""
    text = "Il n’a pas répondu et qu’il parte, dit Amélie Quellmann."

    found = [(text[f.start : f.end], f.entity) for f in spacy_layer.analyze(text, "fr")]

    assert found == [("Amélie Quellmann", "PERSON")]


@pytest.mark.ner
def test_a_fresh_context_reuses_the_cpu_backend(
    spacy_layer: SpacyLayer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each gateway request runs in a fresh context: thinc's backend is the
    one made once, not built again (with its import attempts) per call."""
    import contextvars

    import thinc.backends

    def no_rebuild() -> bool:
        raise AssertionError("thinc built its backend again")

    spacy_layer.analyze_many([ENGLISH], ["en"])
    monkeypatch.setattr(thinc.backends, "require_cpu", no_rebuild)
    found = contextvars.Context().run(spacy_layer.analyze_many, [ENGLISH], ["en"])

    assert ("Berlin", "LOCATION") in _pairs(ENGLISH, found[0])


@pytest.mark.ner
def test_a_day_written_as_an_ordinal_joins_its_date(spacy_layer: SpacyLayer) -> None:
    """ "9th of February 1988": the model's date starts at the month; the
    day before it must not stay in clear."""
    text = "Customer: 9th of February 1988"
    found = spacy_layer.analyze(text, "en")
    dates = [text[f.start : f.end] for f in found if f.entity == "DATE_TIME"]
    assert dates == ["9th of February 1988"]


@pytest.mark.parametrize(
    ("value", "is_date"),
    [
        ("2026-03-02 10:11:12.001", False),  # a log's timestamp
        ("2024-03-12T10:15", False),
        ("macOS 14.3", False),  # a product's version
        ("Python 3.11", False),
        ("Node 18.12.1", False),
        # A weekday, a holiday or a day and month is no product's version.
        ("Friday 13.03.2026", True),
        ("Tuesday 12.03", True),
        ("Dienstag 12.03.2026", True),
        ("dinsdag 12.03.2026", True),
        ("wtorek 12.03.2026", True),
        ("Christmas 25.12.1985", True),
        ("Appointment 12.03.2026", True),
        ("Termin 12.03", True),
        ("Ubuntu 22.04", True),  # reads as a day and a month: fail closed
        ("pid=4711", False),  # a key's value
        ("March 2024", True),
        ("May 14.3", True),  # a month, not a product
        ("2026-03-02", True),
        ("10 mars 1987", True),
    ],
)
def test_timestamps_versions_and_key_values_name_no_date(
    value: str, is_date: bool
) -> None:
    assert spacy_ner.names_a_date(value) is is_date


@pytest.mark.ner
@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Okonkwo was admitted Friday 13.03.2026.", ["Friday 13.03.2026"]),
        ("surgery on Tuesday 12.03", ["Tuesday 12.03"]),
        # The model reads the weekday alone; its date joins it.
        ("Appointment Tuesday 12.03.2026 at the clinic.", ["Tuesday 12.03.2026"]),
        # The hour of a birth is no log's timestamp.
        ("Neonate record. Born: 2025-11-30 04:12, mother Okonkwo.",
         ["2025-11-30 04:12"]),
        ("Seen on macOS 14.3.", []),
        ("2026-03-02 10:11:12.001 started the job", []),
    ],
)  # fmt: skip
def test_weekday_dates_and_birth_times_are_dates(
    spacy_layer: SpacyLayer, text: str, dates: list[str]
) -> None:
    found = spacy_layer.analyze(text, "en")

    assert [text[f.start : f.end] for f in found if f.entity == "DATE_TIME"] == dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ENGLISH, ENGLISH),
        (
            "see https://example.org/" + "a/b-c" * 40,
            "see https://example.org/" + "a/b-c" * 40,
        ),
        ("x" * 400, "x" * 400),
        ('"' * 300, " " * 300),
        (
            "(" * 300 + "Anna" + ")" * 300,
            " " * 257 + "(" * 43 + "Anna" + ")" * 16 + " " * 284,
        ),
    ],
)
def test_tokenizer_view_cuts_only_long_runs(text: str, expected: str) -> None:
    """Normal text and runs up to 256 characters reach spaCy as written; a
    longer run is cut at punctuation, its pieces without a letter blanked."""
    view = spacy_ner.tokenizer_view(text)

    assert view == expected
    assert len(view) == len(text)


@pytest.mark.parametrize(
    "run", ['"' * 20_000 + "Anna" + '"' * 20_000, '"/home/"' * 5_000, "'s" * 20_000]
)
def test_tokenizer_view_keeps_letters_and_leaves_short_pieces(run: str) -> None:
    """Every letter stays in place and no piece spaCy's tokenizer strips one
    character at a time is longer than RUN_PIECE_CHARS plus its word."""
    view = spacy_ner.tokenizer_view(run)

    assert len(view) == len(run)
    assert all(a == b for a, b in zip(run, view, strict=True) if a.isalnum())
    assert max(len(piece) for piece in view.split()) <= spacy_ner.RUN_PIECE_CHARS + 8


@pytest.mark.ner
def test_entities_between_long_quote_runs_keep_their_offsets(
    spacy_layer: SpacyLayer,
) -> None:
    """Thousands of nested quotes around a sentence: the same entities, at
    the same places (each strip of a quote searched the rest of the run)."""
    quotes = '"' * 3_000
    text = f"{quotes} {ENGLISH} {quotes}"

    found = spacy_layer.analyze(text, "en")

    assert [(f.start - len(quotes) - 1, f.end - len(quotes) - 1) for f in found] == [
        (f.start, f.end) for f in spacy_layer.analyze(ENGLISH, "en")
    ]
    assert _pairs(text, found)[0] == ("Acme Corporation", "ORGANIZATION")
