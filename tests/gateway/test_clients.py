"""Real client libraries work against the gateway unchanged."""

from __future__ import annotations

import asyncio
import warnings

from openai import AsyncOpenAI, OpenAI

from gdprgate.vault import TOKEN_RE
from tests.gateway.conftest import Harness
from tests.support.canary import CANARIES, EMAIL, PERSON
from tests.support.servers import values_in

PROMPT = f"Write to {PERSON} at {EMAIL}."


def test_openai_sync_client_stream_and_not(harness: Harness) -> None:
    with OpenAI(base_url=f"{harness.url}/v1", api_key="k", max_retries=0) as api:
        plain = api.chat.completions.create(
            model="m", messages=[{"role": "user", "content": PROMPT}]
        )
        streamed = "".join(
            chunk.choices[0].delta.content or ""
            for chunk in api.chat.completions.create(
                model="m", messages=[{"role": "user", "content": PROMPT}], stream=True
            )
            if chunk.choices
        )
    for text in (plain.choices[0].message.content or "", streamed):
        assert PERSON in text
        assert EMAIL in text
    assert values_in(harness.upstream.requests, CANARIES) == []


def test_openai_async_client(harness: Harness) -> None:
    async def talk() -> tuple[str, str]:
        async with AsyncOpenAI(
            base_url=f"{harness.url}/v1", api_key="k", max_retries=0
        ) as api:
            plain = await api.chat.completions.create(
                model="m", messages=[{"role": "user", "content": PROMPT}]
            )
            stream = await api.responses.create(model="m", input=PROMPT, stream=True)
            deltas = [
                event.delta
                async for event in stream
                if event.type == "response.output_text.delta"
            ]
            return plain.choices[0].message.content or "", "".join(deltas)

    plain, streamed = asyncio.run(talk())
    assert PERSON in plain
    assert PERSON in streamed
    assert TOKEN_RE.search(streamed) is None


def test_langchain_chat_openai(harness: Harness) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from langchain_openai import ChatOpenAI

    chat = ChatOpenAI(
        base_url=f"{harness.url}/v1",
        api_key="k",
        model="m",
        max_retries=0,  # type: ignore[arg-type]
    )
    answer = chat.invoke(PROMPT)
    streamed = "".join(str(chunk.content) for chunk in chat.stream(PROMPT))
    assert PERSON in str(answer.content)
    assert EMAIL in streamed
    assert values_in(harness.upstream.requests, CANARIES) == []
