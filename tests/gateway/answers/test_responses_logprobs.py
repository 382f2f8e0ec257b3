"""Responses answers lose their logprobs, as chat and completions answers
do: token texts could spell out a value piece by piece."""

from __future__ import annotations

from pathlib import Path

from tests.gateway.answers.conftest import chat_answer, through_gateway
from tests.support.canary import PERSON_2

TOKENS = ["Ask", " Jor", "inde", " Kalten", "bach", "."]


def test_responses_output_text_logprobs(data_dir: Path) -> None:
    answer = {
        "id": "resp_1",
        "object": "response",
        "model": "m",
        "status": "completed",
        "output": [
            {
                "type": "message",
                "id": "msg_1",
                "role": "assistant",
                "status": "completed",
                "content": [
                    {
                        "type": "output_text",
                        "annotations": [],
                        "text": f"Ask {PERSON_2}.",
                        "logprobs": [
                            {
                                "token": t,
                                "logprob": -0.1,
                                "bytes": list(t.encode()),
                                "top_logprobs": [],
                            }
                            for t in TOKENS
                        ],
                    }
                ],
            }
        ],
    }
    body = through_gateway(
        data_dir, answer, "responses", {"model": "m", "input": "hi", "top_logprobs": 1}
    ).json()
    part = body["output"][0]["content"][0]
    assert PERSON_2 not in part["text"]  # the text itself is checked
    spelled = "".join(lp["token"] for lp in part.get("logprobs") or [])
    assert PERSON_2 not in spelled, spelled


def test_chat_answers_lose_their_logprobs(data_dir: Path) -> None:
    logprobs = {"content": [{"token": t, "logprob": -0.1} for t in TOKENS]}
    answer = chat_answer()
    answer["choices"][0]["logprobs"] = logprobs
    body = through_gateway(data_dir, answer).json()
    assert "logprobs" not in body["choices"][0]
    assert body["choices"][0]["message"]["content"] == "ok"
