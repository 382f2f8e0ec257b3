"""Odd answers: a deeply nested vendor field is the upstream's fault (502),
not an internal error."""

from __future__ import annotations

import json
from pathlib import Path

from tests.gateway.answers.conftest import chat_answer, through_gateway

DEPTH = 900


def _nested() -> object:
    value: object = "x"
    for _ in range(DEPTH):
        value = [value]
    return value


def test_deeply_nested_vendor_field_is_a_502(data_dir: Path) -> None:
    answer = chat_answer({"vendor": _nested()})
    json.loads(json.dumps(answer))  # valid, parseable JSON
    response = through_gateway(data_dir, answer)
    assert response.status_code == 502, (response.status_code, response.text)
