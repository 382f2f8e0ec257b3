"""Whole answers: strings the route does not rewrite are checked, wherever
they sit; only real labels and vectors pass as they are."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

from gdprgate.gateway import create_app
from gdprgate.protect import OutputAction
from tests.gateway.answers.conftest import RawUpstream
from tests.gateway.conftest import KNOWN, start_gateway
from tests.support.canary import PERSON_2
from tests.support.detectors import KnownValuesDetector
from tests.support.servers import serve_in_thread

IBAN_COMPACT = "DE89370400440532013000"


def _answer(
    extra: dict[str, Any], message_extra: dict[str, Any] | None = None
) -> dict[str, Any]:
    return {
        "id": "c1",
        "object": "chat.completion",
        "model": "m",
        "choices": [
            {
                "index": 0,
                "finish_reason": "stop",
                "message": {
                    "role": "assistant",
                    "content": "ok",
                    **(message_extra or {}),
                },
            }
        ],
        **extra,
    }


def _post(data_dir: Path, answer: dict[str, Any]) -> str:
    upstream = RawUpstream(answer=answer)
    detector = KnownValuesDetector({**KNOWN, IBAN_COMPACT: "IBAN_CODE"})
    with serve_in_thread(upstream.app()) as up:
        gateway, db = start_gateway(
            data_dir, up + "/v1", detector=detector, output_action=OutputAction.TOKEN
        )
        with serve_in_thread(create_app(gateway)) as url:
            r = httpx.post(
                f"{url}/v1/chat/completions",
                timeout=20,
                json={"model": "m", "messages": [{"role": "user", "content": "hi"}]},
            )
        db.close()
    return r.text


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
