"""/v1/completions and /v1/embeddings protect their texts like chat does."""

from __future__ import annotations

import json

import httpx
import pytest

from gdprgate.vault import TOKEN_RE
from tests.gateway.conftest import Harness
from tests.support.canary import CANARIES, EMAIL, PERSON, PERSON_2
from tests.support.servers import values_in


def post(harness: Harness, route: str, body: object) -> httpx.Response:
    return httpx.post(f"{harness.url}{route}", json=body, timeout=10)


def test_completion_prompt_is_protected_and_answer_restored(harness: Harness) -> None:
    body = {
        "model": "m",
        "prompt": f"Letter to {PERSON}:",
        "suffix": f"Regards, {PERSON_2}",
        "stop": [f"{EMAIL}"],
    }
    response = post(harness, "/v1/completions", body)
    assert response.status_code == 200, response.text
    sent = harness.upstream.requests[0]
    assert values_in([sent], CANARIES) == []
    assert TOKEN_RE.fullmatch(sent["stop"][0])
    text = response.json()["choices"][0]["text"]
    assert PERSON in text
    assert PERSON_2 in text


def test_completion_stream_restores_split_tokens(harness: Harness) -> None:
    harness.upstream.chunk_size = 2
    body = {"model": "m", "prompt": [f"To {PERSON}", f"cc {EMAIL}"], "stream": True}
    text = ""
    with httpx.stream(
        "POST", f"{harness.url}/v1/completions", json=body, timeout=10
    ) as response:
        for line in response.iter_lines():
            if line.startswith("data: {"):
                text += json.loads(line[6:])["choices"][0]["text"]
    assert PERSON in text
    assert EMAIL in text
    assert values_in(harness.upstream.requests, CANARIES) == []


def test_embedding_inputs_are_protected(harness: Harness) -> None:
    body = {"model": "m", "input": [f"{PERSON} lives here", "nothing personal"]}
    response = post(harness, "/v1/embeddings", body)
    assert response.status_code == 200
    assert len(response.json()["data"]) == 2
    sent = harness.upstream.requests[0]["input"]
    assert TOKEN_RE.match(sent[0])
    assert sent[1] == "nothing personal"
    [entry] = list(harness.audit.entries(response.headers["x-request-id"]))
    assert entry.route == "/v1/embeddings"
    assert entry.entity_counts == {"PERSON": 1}


@pytest.mark.parametrize(
    ("route", "body", "code"),
    [
        (
            "/v1/completions",
            {"model": "m", "prompt": [[1, 2, 3]]},
            "unsupported_content",
        ),
        ("/v1/completions", {"model": "m", "prompt": 5}, "invalid_prompt"),
        ("/v1/embeddings", {"model": "m", "input": [1, 2]}, "unsupported_content"),
        ("/v1/embeddings", {"model": "m", "input": []}, "invalid_input"),
        (
            "/v1/embeddings",
            {"model": "m", "input": "x", "stream": True},
            "invalid_stream",
        ),
        ("/v1/responses", {"model": "m", "input": 3}, "invalid_input"),
        (
            "/v1/responses",
            {
                "model": "m",
                "input": [{"role": "user", "content": [{"type": "input_image"}]}],
            },
            "unsupported_content",
        ),
    ],
)
def test_texts_that_cannot_be_checked_are_refused(
    harness: Harness, route: str, body: dict[str, object], code: str
) -> None:
    response = post(harness, route, body)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == code
    assert harness.upstream.requests == []
