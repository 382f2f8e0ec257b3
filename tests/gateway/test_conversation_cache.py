"""A long conversation re-sent every turn costs only its newest messages."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import httpx

from gdprgate.detect import Detector, DetectorConfig, Finding
from gdprgate.gateway import create_app
from tests.gateway.conftest import start_gateway
from tests.support.canary import PERSON
from tests.support.servers import ScriptedUpstream, serve_in_thread


class CountingLayer:
    """A detection layer that finds PERSON and remembers what it analysed."""

    name = "counting"

    def __init__(self) -> None:
        self.texts: list[str] = []

    def warm_up(self) -> None:
        return None

    def analyze_many(
        self, texts: Sequence[str], languages: Sequence[str]
    ) -> list[list[Finding]]:
        self.texts.extend(texts)
        found = []
        for text in texts:
            start = text.find(PERSON)
            found.append(
                [Finding(start, start + len(PERSON), "PERSON", 0.9, self.name)]
                if start >= 0
                else []
            )
        return found


def test_twentieth_turn_analyses_only_the_new_messages(data_dir: Path) -> None:
    layer = CountingLayer()
    off = DetectorConfig(patterns=False, rampart=False, spacy=False)
    detector = Detector(off, layers=[layer])
    upstream = ScriptedUpstream()
    with serve_in_thread(upstream.app()) as upstream_url:
        gateway, db = start_gateway(data_dir, upstream_url + "/v1", detector=detector)
        with serve_in_thread(create_app(gateway)) as url:
            messages = [{"role": "system", "content": f"You help {PERSON}."}]
            analysed_per_turn = []
            for turn in range(20):
                messages.append({"role": "user", "content": f"Question {turn}?"})
                before = len(layer.texts)
                answer = httpx.post(
                    f"{url}/v1/chat/completions",
                    json={"model": "m", "messages": messages},
                ).json()["choices"][0]["message"]
                analysed_per_turn.append(len(layer.texts) - before)
                messages.append({"role": "assistant", "content": answer["content"]})
    db.close()

    # Turn 1: system prompt, first question and the field names ("model",
    # "messages", "role", "content"), which are text too.
    assert analysed_per_turn[0] == 6
    # Later turns: the new question and the previous answer (restored, so
    # its text differs from the protected one the detector saw) at most.
    assert max(analysed_per_turn[1:]) <= 2
    assert PERSON in messages[-1]["content"]
