"""``POST /v1/chat/completions``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gdprgate.errors import BadRequest
from gdprgate.gateway.answer import AnswerFilter
from gdprgate.gateway.endpoint import Endpoint
from gdprgate.gateway.routes.choices import ChoiceStreamRewriter, Target
from gdprgate.gateway.slots import Slots, refuse_part

# Content parts whose text a model reads. Any other part (image, audio,
# file) cannot be checked for personal data, so the request is refused.
TEXT_PARTS = frozenset({"text", "input_text"})
# Message fields a model writes, besides tool-call arguments.
ANSWER_FIELDS = ("content", "reasoning_content", "refusal")


def walk(body: dict[str, Any]) -> Slots:
    """The texts of a chat request: every message part, name and argument."""
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        msg = "'messages' must be a non-empty array of message objects"
        raise BadRequest(msg, code="invalid_messages")
    slots = Slots()
    for position, message in enumerate(messages):
        if not isinstance(message, dict):
            msg = f"messages[{position}] must be an object"
            raise BadRequest(msg, code="invalid_messages")
        _message(slots, message, f"messages[{position}]")
    slots.add_strings(body, "stop", "request")
    return slots


def _message(slots: Slots, message: dict[str, Any], where: str) -> None:
    content = message.get("content")
    if isinstance(content, list):
        _parts(slots, content, where)
    elif content is not None and not isinstance(content, str):
        msg = f"{where}.content must be a string or an array"
        raise BadRequest(msg, code="invalid_messages")
    else:
        slots.add_optional(message, "content", where)
    slots.add_optional(message, "name", where)

    calls = message.get("tool_calls") or []
    if not isinstance(calls, list):
        msg = f"{where}.tool_calls must be an array"
        raise BadRequest(msg, code="invalid_messages")
    for call in calls:
        if isinstance(call, dict) and isinstance(call.get("function"), dict):
            slots.add_json_string(call["function"], "arguments")
    if isinstance(message.get("function_call"), dict):
        slots.add_json_string(message["function_call"], "arguments")


def _parts(slots: Slots, parts: list[Any], where: str) -> None:
    for part in parts:
        kind = part.get("type") if isinstance(part, dict) else None
        if kind in TEXT_PARTS and isinstance(part.get("text"), str):
            slots.add(part, "text")
        elif kind != "refusal":
            raise refuse_part(kind, where)


def json_content(body: dict[str, Any]) -> bool:
    """Whether the answer's content is JSON (``response_format``)."""
    fmt = body.get("response_format")
    return isinstance(fmt, dict) and fmt.get("type") in {"json_object", "json_schema"}


def rewrite_answer(answer: dict[str, Any], answers: AnswerFilter) -> None:
    """Check and restore every text of a complete chat answer, in place."""
    for choice in answer.get("choices") or []:
        if not isinstance(choice, dict):
            continue
        choice.pop("logprobs", None)  # token texts could spell out values
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
