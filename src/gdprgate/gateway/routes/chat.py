"""``POST /v1/chat/completions``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gdprgate.gateway.answer import AnswerFilter
from gdprgate.gateway.endpoint import Endpoint
from gdprgate.gateway.routes.choices import ChoiceStreamRewriter, Target
from gdprgate.gateway.slots import Slots, require_list

# Message fields a model writes, besides tool-call arguments ("reasoning"
# is vLLM's name for its chain of thought, "reasoning_content" others').
ANSWER_FIELDS = ("content", "reasoning_content", "reasoning", "refusal")


def walk(body: dict[str, Any]) -> Slots:
    """Every text of a chat request (see :mod:`gdprgate.gateway.slots`)."""
    require_list(body, "messages", "invalid_messages", "message objects")
    slots = Slots()
    slots.walk(body, "request")
    return slots


def json_content(body: dict[str, Any]) -> bool:
    """Whether the answer's content is JSON (``response_format``)."""
    fmt = body.get("response_format")
    return isinstance(fmt, dict) and fmt.get("type") in {"json_object", "json_schema"}


def rewrite_answer(answer: dict[str, Any], answers: AnswerFilter) -> None:
    """Check and restore every text of a complete chat answer, in place."""
    for choice in answer.get("choices") or []:
        if not isinstance(choice, dict):
            continue
        message = choice.get("message")
        if not isinstance(message, dict):
            continue
        for field in ANSWER_FIELDS:
            if isinstance(message.get(field), str):
                message[field] = answers.text(message[field])
        for function in _functions(message):
            if isinstance(function.get("arguments"), str):
                function["arguments"] = answers.text(
                    function["arguments"], json_string=True
                )


def _functions(message: dict[str, Any]) -> list[dict[str, Any]]:
    found = [
        call["function"]
        for call in message.get("tool_calls") or []
        if isinstance(call, dict) and isinstance(call.get("function"), dict)
    ]
    if isinstance(message.get("function_call"), dict):
        found.append(message["function_call"])
    return found


def _targets(index: int, choice: dict[str, Any]) -> Iterator[Target]:
    delta = choice.get("delta")
    if not isinstance(delta, dict):
        return
    for field in ANSWER_FIELDS:
        if isinstance(delta.get(field), str):
            yield delta, field, (index, field), False
    for call in delta.get("tool_calls") or []:
        function = call.get("function") if isinstance(call, dict) else None
        if isinstance(function, dict) and isinstance(function.get("arguments"), str):
            call_index = call.get("index") if isinstance(call.get("index"), int) else 0
            yield function, "arguments", (index, "tool", call_index), True
    if isinstance(delta.get("function_call"), dict):
        function = delta["function_call"]
        if isinstance(function.get("arguments"), str):
            yield function, "arguments", (index, "function_call"), True


def _place(choice: dict[str, Any], key: tuple[Any, ...], text: str) -> None:
    delta = choice.setdefault("delta", {})
    if key[1] == "tool":
        calls = delta.setdefault("tool_calls", [])
        for call in calls:
            if isinstance(call, dict) and call.get("index", 0) == key[2]:
                function = call.setdefault("function", {})
                function["arguments"] = (function.get("arguments") or "") + text
                return
        calls.append({"index": key[2], "function": {"arguments": text}})
    elif key[1] == "function_call":
        function = delta.setdefault("function_call", {})
        function["arguments"] = (function.get("arguments") or "") + text
    else:
        delta[key[1]] = (delta.get(key[1]) or "") + text


def stream_rewriter(answers: AnswerFilter) -> ChoiceStreamRewriter:
    """The rewriter of one streamed chat answer."""
    return ChoiceStreamRewriter(answers, _targets, _place)


CHAT = Endpoint(
    route="/v1/chat/completions",
    upstream_path="/chat/completions",
    walk=walk,
    rewrite_answer=rewrite_answer,
    stream_rewriter=stream_rewriter,
    json_content=json_content,
)
