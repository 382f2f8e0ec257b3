"""/v1/responses through the official openai SDK, streamed and not."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from openai import OpenAI

from gdprgate.vault import TOKEN_RE
from tests.gateway.conftest import Harness
from tests.support.canary import CANARIES, EMAIL, IBAN, PERSON, PERSON_2
from tests.support.servers import values_in


@pytest.fixture
def api(harness: Harness) -> Iterator[OpenAI]:
    with OpenAI(base_url=f"{harness.url}/v1", api_key="unused", max_retries=0) as sdk:
        yield sdk


def test_response_is_restored(harness: Harness, api: OpenAI) -> None:
    response = api.responses.create(
        model="m",
        instructions=f"You work for {PERSON_2}.",
        input=f"Greet {PERSON} at {EMAIL}.",
    )
    assert PERSON in response.output_text
    assert EMAIL in response.output_text
    assert PERSON_2 in response.output_text
    assert values_in(harness.upstream.requests, CANARIES) == []


def test_input_items_of_every_kind_are_protected(harness: Harness, api: OpenAI) -> None:
    arguments = json.dumps({"to": EMAIL, "iban": IBAN})
    api.responses.create(
        model="m",
        input=[
            {"role": "user", "content": [{"type": "input_text", "text": PERSON}]},
            {
                "type": "function_call",
                "call_id": "c1",
                "name": "pay",
                "arguments": arguments,
            },
            {"type": "function_call_output", "call_id": "c1", "output": PERSON_2},
        ],
    )
    sent = harness.upstream.requests[0]["input"]
    assert values_in(harness.upstream.requests, CANARIES) == []
    decoded = json.loads(sent[1]["arguments"])
    assert TOKEN_RE.fullmatch(decoded["to"])
    assert TOKEN_RE.fullmatch(sent[2]["output"])


def test_function_call_arguments_in_the_answer_are_restored(
    harness: Harness, api: OpenAI
) -> None:
    harness.upstream.tool_call_arguments = '{"to": "EMAIL_TOKEN"}'
    api.responses.create(model="m", input=f"Mail {EMAIL}")
    token = TOKEN_RE.search(json.dumps(harness.upstream.requests[0]))
    assert token is not None
    harness.upstream.tool_call_arguments = json.dumps({"to": token.group(0)})
    response = api.responses.create(model="m", input=f"Mail {EMAIL}")
    [call] = [item for item in response.output if item.type == "function_call"]
    assert json.loads(call.arguments) == {"to": EMAIL}


def test_streamed_response_is_restored_and_consistent(
    harness: Harness, api: OpenAI
) -> None:
    harness.upstream.chunk_size = 2
    stream = api.responses.create(
        model="m", input=f"Greet {PERSON} at {EMAIL}.", stream=True
    )
    deltas = ""
    done_text = completed_text = None
    numbers = []
    for event in stream:
        numbers.append(event.sequence_number)
        if event.type == "response.output_text.delta":
            deltas += event.delta
        elif event.type == "response.output_text.done":
            done_text = event.text
        elif event.type == "response.completed":
            completed_text = event.response.output_text
    assert PERSON in deltas
    assert EMAIL in deltas
    assert TOKEN_RE.search(deltas) is None
    assert done_text == deltas
    assert completed_text == deltas
    assert numbers == list(range(len(numbers)))


def test_sdk_stream_helper_accumulates_the_restored_text(
    harness: Harness, api: OpenAI
) -> None:
    with api.responses.stream(model="m", input=f"Hi {PERSON}") as stream:
        final = stream.get_final_response()
    assert PERSON in final.output_text
