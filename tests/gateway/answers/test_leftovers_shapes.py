"""Whole answers: strings the route does not rewrite are checked, wherever
they sit; only real labels and vectors pass as they are."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.gateway.answers.conftest import chat_answer, through_gateway
from tests.gateway.conftest import KNOWN
from tests.support.canary import PERSON_2
from tests.support.detectors import KnownValuesDetector

IBAN_COMPACT = "DE89370400440532013000"


def _answer(
    extra: dict[str, Any], message_extra: dict[str, Any] | None = None
) -> dict[str, Any]:
    return chat_answer(extra, message_extra)


def _post(data_dir: Path, answer: dict[str, Any]) -> str:
    detector = KnownValuesDetector({**KNOWN, IBAN_COMPACT: "IBAN_CODE"})
    return through_gateway(data_dir, answer, detector=detector).text


def test_label_key_value_tool_call_id(data_dir: Path) -> None:
    """A tool call id (model-written with some vLLM tool parsers) holding an IBAN."""
    call = {
        "id": IBAN_COMPACT,
        "type": "function",
        "function": {"name": "pay", "arguments": "{}"},
    }
    text = _post(data_dir, _answer({}, {"tool_calls": [call]}))
    assert IBAN_COMPACT not in text


def test_label_key_nested_vendor_field(data_dir: Path) -> None:
    text = _post(data_dir, _answer({"vendor": {"status": IBAN_COMPACT}}))
    assert IBAN_COMPACT not in text


def test_embedding_key_anywhere_is_skipped(data_dir: Path) -> None:
    text = _post(data_dir, _answer({"vendor": {"embedding": f"see {PERSON_2}"}}))
    assert PERSON_2 not in text


def test_control_vendor_string_is_checked(data_dir: Path) -> None:
    text = _post(
        data_dir, _answer({"vendor": {"note": f"see {PERSON_2} {IBAN_COMPACT}"}})
    )
    assert PERSON_2 not in text
    assert IBAN_COMPACT not in text


def test_labels_pass_as_they_are_and_a_number_in_a_label_is_checked(
    data_dir: Path,
) -> None:
    """A server's version string passes untouched; a label the patterns
    read as an IBAN does not."""
    answer = _answer({"system_fingerprint": "2.0.1-native", "vendor": {"id": "x1"}})
    body = json.loads(_post(data_dir, answer))
    assert body["system_fingerprint"] == "2.0.1-native"
    assert body["vendor"] == {"id": "x1"}
    leaked = json.loads(_post(data_dir, _answer({"status": IBAN_COMPACT})))
    assert leaked["status"] != IBAN_COMPACT


@pytest.mark.parametrize(
    "model", ["gpt-5-2025-08-07", "/models/Meta-Llama-3.1-8B-Instruct"]
)
def test_model_names_with_dates_or_paths_pass_as_labels(
    data_dir: Path, model: str
) -> None:
    """A model's name is the server's label, whatever digits it holds."""
    body = json.loads(_post(data_dir, {**_answer({}), "model": model}))
    assert body["model"] == model
