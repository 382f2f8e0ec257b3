"""Responses streams: each text is checked once and counted once, whatever
order an event's fields come in."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx

from gdprgate.gateway import create_app
from gdprgate.protect import OutputAction
from tests.gateway.answers.conftest import RawUpstream
from tests.gateway.conftest import KNOWN, start_gateway
from tests.support.canary import EMAIL_2, PERSON, PERSON_2
from tests.support.detectors import KnownValuesDetector
from tests.support.servers import ScriptedUpstream, serve_in_thread

INVENTED = f"You could also ask {PERSON_2} at {EMAIL_2} about it."
BODY = {"model": "m", "input": f"Hi, I am {PERSON}", "stream": True}


class CountingDetector(KnownValuesDetector):
    def __init__(self) -> None:
        super().__init__(KNOWN)
        self.answer_scans = 0

    def analyze_batch(self, texts, language=None, scope=""):
        # whole-answer scans: texts holding the complete invented sentence
        self.answer_scans += sum(t == INVENTED for t in texts)
        return super().analyze_batch(texts, language, scope)


def _run(data_dir: Path, upstream_app, body: dict[str, Any], detector=None):
    with serve_in_thread(upstream_app) as up:
        gateway, db = start_gateway(
            data_dir, up + "/v1", detector=detector, output_action=OutputAction.TOKEN
        )
        with serve_in_thread(create_app(gateway)) as url:
            events = []
            with httpx.stream(
                "POST", f"{url}/v1/responses", json=body, timeout=20
            ) as r:
                for line in r.iter_lines():
                    if line.startswith("data: "):
                        events.append(json.loads(line[6:]))
        entries = list(gateway.audit.entries())
        db.close()
    return events, entries


def test_responses_stream_output_counts_once(data_dir: Path) -> None:
    """The model invents 1 PERSON + 1 EMAIL; the audit must say so once."""
    scripted = ScriptedUpstream(reply=INVENTED, chunk_size=3)
    detector = CountingDetector()
    events, entries = _run(data_dir, scripted.app(), BODY, detector)
    assert not any(e.get("type") == "error" for e in events), events[-1]
    counts = dict(entries[-1].output_counts)
    # the done/part/item/completed texts are discarded (replaced by the sent
    # text), yet each was output-checked again by the leftover check
    assert counts == {"PERSON": 1, "EMAIL_ADDRESS": 1}, counts


def test_responses_stream_whole_text_not_rescanned(data_dir: Path) -> None:
    """The final text is not scanned again for every .done/snapshot event."""
    scripted = ScriptedUpstream(reply=INVENTED, chunk_size=3)
    detector = CountingDetector()
    _run(data_dir, scripted.app(), BODY, detector)
    # at most the last stream segment's scan (context + segment) is the whole text
    assert detector.answer_scans <= 1, detector.answer_scans


def _where() -> dict[str, Any]:
    return {"item_id": "msg_1", "output_index": 0, "content_index": 0}


def test_responses_stream_delta_with_vendor_field_first(data_dir: Path) -> None:
    """A delta event with one more string before 'delta' (key order is free in
    JSON) does not confuse which string of a later event is which: the
    answer goes through whole, with no error event."""
    deltas = [
        {
            "type": "response.output_text.delta",
            "obfuscation": "xQ9",
            **_where(),
            "delta": p,
        }
        for p in ["Hel", "lo ", "there."]
    ]
    events = [
        *deltas,
        {"type": "response.output_text.done", **_where(), "text": "Hello there."},
    ]
    upstream = RawUpstream(events=events, done=False)
    out, entries = _run(data_dir, upstream.app(), {**BODY, "input": "hi"})
    print(out)
    assert entries[-1].status == 200
    assert not any(e.get("type") == "error" for e in out), out[-1]
