"""Object keys are texts like values; --fields may give list positions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from gdprgate.datasets import LocalEngine, Scrubber, ScrubOptions, datasets_for_values
from gdprgate.datasets.fields import (
    FieldFilter,
    TextRef,
    key_spans,
    replace_texts,
    texts_of,
)
from gdprgate.store import Database
from gdprgate.vault import Keyring
from tests.datasets.conftest import PATTERNS, read_jsonl, write_jsonl
from tests.support.canary import EMAIL, EMAIL_2, PHONE, scan_for_canaries


def test_fields_may_name_list_positions(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    """``messages.0.content`` scrubs the first message only."""
    chat = {
        "messages": [
            {"role": "user", "content": f"mail {EMAIL}"},
            {"role": "assistant", "content": f"call {PHONE}"},
        ]
    }
    source = write_jsonl(tmp_path / "chat.jsonl", [chat])
    out = data_dir / "first.jsonl"

    report = scrub([source], out, fields=["messages.0.content"], mode="redact")

    [record] = read_jsonl(out)
    assert record["messages"][0]["content"] == "mail [EMAIL_ADDRESS]"
    assert record["messages"][1] == chat["messages"][1]
    assert report.as_json()["entities"] == {"messages.content": {"EMAIL_ADDRESS": 1}}
    (data_dir / "first.jsonl").unlink()  # the unscrubbed second message


def test_field_filter_reports_unused_names() -> None:
    only = FieldFilter(["a", "b.c", "a"])
    only.wanted("a.x", "a.0.x")
    assert only.unused() == ["b.c"]
    assert FieldFilter().unused() == []


def test_object_keys_are_scrubbed_and_named_key_in_the_report(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    record = {"users": {EMAIL: {"note": f"Call on {PHONE}"}, "count": "2"}}
    source = write_jsonl(tmp_path / "keys.jsonl", [record])
    out = data_dir / "keys.jsonl"

    report = scrub([source], out)

    [scrubbed] = read_jsonl(out)
    assert list(scrubbed["users"])[1] == "count"
    [new_key] = [key for key in scrubbed["users"] if key != "count"]
    assert "@" in new_key
    assert new_key != EMAIL
    assert scrubbed["users"][new_key]["note"].startswith("Call on ")
    entities = report.as_json()["entities"]
    assert entities == {
        "users.<key>": {"EMAIL_ADDRESS": 1},
        "users.<key>.note": {"PHONE_NUMBER": 1},
    }
    assert EMAIL not in report.table()
    assert EMAIL not in json.dumps(report.as_json())
    assert not scan_for_canaries([data_dir])


def test_object_keys_are_indexed(
    scrub: Any, store: tuple[Database, Keyring], tmp_path: Path, data_dir: Path
) -> None:
    source = write_jsonl(tmp_path / "keys.jsonl", [{EMAIL_2: "x"}])
    scrub([source], data_dir / "keys.jsonl", dataset_id="keys")
    db, keyring = store
    [hit] = datasets_for_values(db, keyring, "default", [("EMAIL_ADDRESS", EMAIL_2)])
    assert hit.dataset_id == "keys"


def test_redacted_keys_stay_unique_within_their_object(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    record = {EMAIL: 1, EMAIL_2: 2, "[EMAIL_ADDRESS]_2": 3, "n": {EMAIL: "a"}}
    source = write_jsonl(tmp_path / "keys.jsonl", [record])
    out = data_dir / "redacted.jsonl"

    scrub([source], out, mode="redact")

    [scrubbed] = read_jsonl(out)
    assert scrubbed == {
        "[EMAIL_ADDRESS]": 1,
        "[EMAIL_ADDRESS]_3": 2,
        "[EMAIL_ADDRESS]_2": 3,
        "n": {"[EMAIL_ADDRESS]": "a"},
    }


def test_replace_texts_renames_keys_after_values() -> None:
    record = {"a": {"b": {"c": "v"}}}
    new = [
        (TextRef(("a",), "a", True), "A"),
        (TextRef(("a", "b"), "a.b", True), "B"),
        (TextRef(("a", "b", "c"), "a.b.c"), "V"),
    ]
    assert replace_texts(record, new) == {"A": {"B": {"c": "V"}}}
    assert record == {"a": {"b": {"c": "v"}}}


def test_keys_are_texts_only_when_asked() -> None:
    record = {"k": ["v", {"k2": "w"}]}
    plain = [text for _, text in texts_of(record, FieldFilter())]
    with_keys = [text for _, text in texts_of(record, FieldFilter(), keys=True)]
    assert plain == ["v", "w"]
    assert with_keys == ["k", "v", "k2", "w"]


def test_name_types_do_not_count_on_keys_of_one_word() -> None:
    """A name model reads field names such as 'meta' as people."""
    assert key_spans("meta", [(0, 4, "PERSON")]) == []
    assert key_spans("user_name-2", [(0, 11, "LOCATION")]) == []
    assert key_spans("DE89370400440532013000", [(0, 22, "IBAN_CODE")]) == [
        (0, 22, "IBAN_CODE")
    ]
    assert key_spans("Gunnar Ollenbrink", [(0, 17, "PERSON")]) == [(0, 17, "PERSON")]


def test_each_distinct_key_of_a_batch_is_detected_once(
    store: tuple[Database, Keyring],
    patterns_detector: Any,
    tmp_path: Path,
    data_dir: Path,
) -> None:
    sent: list[list[str]] = []

    class Recording(LocalEngine):
        def run(self, batches: Any) -> Any:
            def recorded() -> Any:
                for texts in batches:
                    sent.append(texts)
                    yield texts

            return super().run(recorded())

    source = write_jsonl(
        tmp_path / "a.jsonl", [{"k": "a", EMAIL: "b"}, {"k": "c", EMAIL: "d"}]
    )
    options = ScrubOptions(inputs=[source], output=data_dir / "o.jsonl")
    engine = Recording(PATTERNS, detector=patterns_detector)
    Scrubber(*store, options, engine).run()

    # The first batch holds the file names (masked where they hold
    # personal data), before any record.
    assert sent[1:] == [["k", "a", EMAIL, "b", "c", "d"]]
    records = read_jsonl(data_dir / "o.jsonl")
    assert [next(iter(record)) for record in records] == ["k", "k"]
    assert len({list(record)[1] for record in records}) == 1
