"""``POST /v1/completions`` (the legacy text completion API)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gdprgate.gateway.answer import AnswerFilter
from gdprgate.gateway.endpoint import Endpoint
from gdprgate.gateway.routes.choices import ChoiceStreamRewriter, Target
from gdprgate.gateway.slots import Slots, require_text_or_texts


def walk(body: dict[str, Any]) -> Slots:
    """Every text of a completion request: prompt(s), suffix, stop, ..."""
    require_text_or_texts(body, "prompt", "invalid_prompt")
    slots = Slots()
    slots.walk(body, "request")
    return slots


def rewrite_answer(answer: dict[str, Any], answers: AnswerFilter) -> None:
    """Check and restore every choice's text, in place."""
    for choice in answer.get("choices") or []:
        if isinstance(choice, dict) and isinstance(choice.get("text"), str):
            choice["text"] = answers.text(choice["text"])


def _targets(index: int, choice: dict[str, Any]) -> Iterator[Target]:
    if isinstance(choice.get("text"), str):
        yield choice, "text", (index, "text"), False


def _place(choice: dict[str, Any], key: tuple[Any, ...], text: str) -> None:
    choice["text"] = (choice.get("text") or "") + text


def stream_rewriter(answers: AnswerFilter) -> ChoiceStreamRewriter:
    """The rewriter of one streamed completion."""
    return ChoiceStreamRewriter(answers, _targets, _place)


COMPLETIONS = Endpoint(
    route="/v1/completions",
    upstream_path="/completions",
    walk=walk,
    rewrite_answer=rewrite_answer,
    stream_rewriter=stream_rewriter,
)
