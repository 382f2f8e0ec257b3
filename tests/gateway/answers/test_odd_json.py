"""Odd answers: a deeply nested vendor field is the upstream's fault (502),
not an internal error."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from gdprgate.gateway import create_app
from gdprgate.protect import OutputAction
from tests.gateway.answers.conftest import RawUpstream
from tests.gateway.conftest import start_gateway
from tests.support.servers import serve_in_thread

DEPTH = 900


def _nested() -> object:
    value: object = "x"
    for _ in range(DEPTH):
        value = [value]
    return value


def test_deeply_nested_vendor_field_is_a_502(data_dir: Path) -> None:
    answer = {
        "id": "c1",
        "object": "chat.completion",
        "model": "m",
        "choices": [
            {
                "index": 0,
                "finish_reason": "stop",
                "message": {"role": "assistant", "content": "ok"},
            }
        ],
        "vendor": _nested(),
    }
    json.loads(json.dumps(answer))  # valid, parseable JSON
    upstream = RawUpstream(answer=answer)
    with serve_in_thread(upstream.app()) as up:
        gateway, db = start_gateway(
            data_dir, up + "/v1", output_action=OutputAction.TOKEN
        )
        with serve_in_thread(create_app(gateway)) as url:
            r = httpx.post(
                f"{url}/v1/chat/completions",
                timeout=20,
                json={"model": "m", "messages": [{"role": "user", "content": "hi"}]},
            )
        db.close()
    assert r.status_code == 502, (r.status_code, r.text)
