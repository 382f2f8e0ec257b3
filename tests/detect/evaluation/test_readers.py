"""Each dataset format is read into texts and exact gold spans."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gdprgate.detect.evaluation import Sample, load_datasets
from gdprgate.detect.evaluation.datasets import file_language, spread
from gdprgate.detect.evaluation.read_conll import bio_chunks
from gdprgate.detect.evaluation.tokens import (
    APOSTROPHES_AND_HYPHENS,
    align_tokens,
    join_tokens,
    tokenize,
)
from gdprgate.errors import ConfigError


def _spans(sample: Sample) -> list[tuple[str, str]]:
    """``(text, label)`` of each gold span."""
    return [(sample.text[s.start : s.end], s.label) for s in sample.spans]


def _words(sample: Sample) -> list[str]:
    return [sample.text[s:e] for s, e in sample.tokens]


def test_presidio_reader_keeps_offsets_and_negatives(fixtures: Path) -> None:
    [dataset] = load_datasets(fixtures / "presidio_synth.json", "presidio")
    first, negative, third = dataset.samples
    assert _spans(first) == [
        ("lotte.brandvik@example.org", "EMAIL_ADDRESS"),
        ("Lotte Brandvik", "PERSON"),
    ]
    assert negative.spans == ()
    assert ("12 Fjordvei, Tromsvik", "STREET_ADDRESS") in _spans(third)
    assert first.language == "en"
    assert dataset.split is None


def test_tab_reader_filters_the_split_and_keeps_identifiers(fixtures: Path) -> None:
    [dataset] = load_datasets(fixtures / "entity_tab_toy.jsonl", "tab", "test")
    [doc] = dataset.samples
    assert doc.doc_id == "toy-1"
    assert dataset.name.endswith("[test]")
    first = doc.spans[0]
    assert (doc.text[first.start : first.end], first.entity_id, first.identifier) == (
        "Mr Tobias Quellmann",
        "toy-1_e1",
        "DIRECT",
    )
    both = load_datasets(fixtures / "entity_tab_toy.jsonl", "tab", "all")
    assert len(both[0].samples) == 2


def test_germeval_reads_the_outer_column_and_rebuilds_the_text(
    fixtures: Path,
) -> None:
    [dataset] = load_datasets(fixtures / "germeval", "germeval", "test")
    first, second = dataset.samples
    assert first.text == "Gestern besuchte Karla Meinholt die Stadt Brückenau."
    assert _spans(first) == [("Karla Meinholt", "PER"), ("Brückenau", "LOC")]
    assert _spans(second) == [
        ("brückenauer", "LOCderiv"),
        ("Funkhaus Nord", "ORG"),
        ("Karla", "PER"),
    ]
    assert second.text.endswith("Karla (34).")
    assert (first.language, dataset.split) == ("de", "test")


def test_uner_finds_tokens_in_the_original_sentence(fixtures: Path) -> None:
    [dataset] = load_datasets(fixtures / "uner", "uner")
    [sample] = dataset.samples
    assert (
        sample.text == "Mira Oldcastle met the Harbour Trust in Pellmouth, didn't she?"
    )
    assert _spans(sample) == [
        ("Mira Oldcastle", "PER"),
        ("Harbour Trust", "ORG"),
        ("Pellmouth", "LOC"),
    ]
    assert _words(sample)[9:11] == ["did", "n't"]
    assert sample.language == "en"


def test_echr_tsv_reads_crlf_files_one_dataset_per_language(fixtures: Path) -> None:
    spanish, french = load_datasets(fixtures / "echr", "echr-tsv", "test")
    assert (spanish.samples[0].language, french.samples[0].language) == ("es", "fr")
    heading, sentence, glued = french.samples
    assert heading.text == "PROCÉDURE"
    assert _spans(sentence) == [
        ("Paul Verdasque", "PER"),
        ("1970", "DATE"),
        ("Sarlonne", "LOC"),
    ]
    assert glued.text == "Il n'a pas quitté Saint-Varlan."
    assert _spans(glued) == [("Saint-Varlan", "LOC")]
    [dev] = load_datasets(fixtures / "echr", "echr-tsv", "dev")
    assert dev.name.endswith("FR-toy-dev")


@pytest.mark.parametrize(
    ("tags", "chunks"),
    [
        (["B-PER", "I-PER", "O", "B-LOC"], [(0, 1, "PER"), (3, 3, "LOC")]),
        (["I-ORG", "I-ORG", "B-ORG"], [(0, 1, "ORG"), (2, 2, "ORG")]),
        (["B-PER", "I-LOC", "O"], [(0, 0, "PER"), (1, 1, "LOC")]),
        (["O", "O"], []),
        (["B-LOCderiv"], [(0, 0, "LOCderiv")]),
    ],
)
def test_bio_chunks(tags: list[str], chunks: list[tuple[int, int, str]]) -> None:
    """I- after another label starts a new chunk, as in conlleval."""
    assert bio_chunks(tags) == chunks


def test_join_tokens_attaches_punctuation() -> None:
    text, spans = join_tokens(["Sie", "sagte", "(", "laut", ")", ":", "ja", "."])
    assert text == "Sie sagte (laut): ja."
    assert [text[s:e] for s, e in spans][2:5] == ["(", "laut", ")"]


def test_join_tokens_glues_apostrophes_and_optionally_hyphens() -> None:
    tokens = ["qu", "'", "il", "-", "ci"]
    assert join_tokens(tokens)[0] == "qu'il - ci"
    assert join_tokens(tokens, APOSTROPHES_AND_HYPHENS)[0] == "qu'il-ci"


def test_align_tokens_refuses_text_that_does_not_match() -> None:
    assert align_tokens("a  b", ["a", "b"]) == ((0, 1), (3, 4))
    assert align_tokens("a x b", ["a", "b"]) is None


def test_tokenize_cuts_words_and_marks() -> None:
    text = "Call 030-1234, ok?"
    assert [text[s:e] for s, e in tokenize(text)] == [
        "Call",
        "030",
        "-",
        "1234",
        ",",
        "ok",
        "?",
    ]


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("NER-de-test.tsv", "de"),
        ("en_pud-ud-test.iob2", "en"),
        ("FR-manual-test.tsv", "fr"),
        ("synth_dataset_v2.json", "en"),
    ],
)
def test_language_comes_from_the_file_name(name: str, language: str) -> None:
    fmt = "presidio" if name.endswith(".json") else "uner"
    assert file_language(Path(name), fmt) == language


def test_unknown_language_asks_for_lang() -> None:
    with pytest.raises(ConfigError, match="--lang"):
        file_language(Path("corpus-test.iob2"), "uner")


def test_spread_keeps_evenly_spaced_samples(fixtures: Path) -> None:
    [dataset] = load_datasets(fixtures / "presidio_synth.json", "presidio")
    samples = list(dataset.samples)
    assert spread(samples, 2) == [samples[0], samples[1]]
    assert spread(samples, 5) == samples
    [limited] = load_datasets(fixtures / "presidio_synth.json", "presidio", limit=1)
    assert len(limited.samples) == 1


def test_broken_files_raise_config_error_without_text(tmp_path: Path) -> None:
    bad_json = tmp_path / "bad.json"
    bad_json.write_text('[{"full_text": "Ole Varg", "spans": [{"x": 1}]}]')
    with pytest.raises(ConfigError, match="sample 1") as caught:
        load_datasets(bad_json, "presidio")
    assert "Ole Varg" not in str(caught.value)

    beyond = tmp_path / "beyond.json"
    span = {"entity_type": "PERSON", "start_position": 0, "end_position": 99}
    beyond.write_text(json.dumps([{"full_text": "short", "spans": [span]}]))
    with pytest.raises(ConfigError, match="beyond the end"):
        load_datasets(beyond, "presidio")

    bad_line = tmp_path / "XX-test.tsv"
    bad_line.write_text("token-without-tag\n")
    with pytest.raises(ConfigError, match="line 1"):
        load_datasets(bad_line, "echr-tsv", language="fr")


def test_missing_split_files_are_reported(fixtures: Path) -> None:
    with pytest.raises(ConfigError, match="no uner file"):
        load_datasets(fixtures / "uner", "uner", "train")
    with pytest.raises(ConfigError, match="unknown dataset format"):
        load_datasets(fixtures, "conll")
