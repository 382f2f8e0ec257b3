"""``POST /v1/responses`` (the OpenAI Responses API), streamed or not.

Request texts: ``instructions``, and in ``input`` every message part, tool
call argument, tool output and reasoning summary. Answer texts: every output
item's text, refusal, arguments and reasoning. A streamed answer is a
sequence of typed events: each ``*.delta`` text goes through a stream
filter, each ``*.done`` and the final ``response.completed`` carry exactly
the text that was sent in the deltas before them.
"""

from __future__ import annotations

from typing import Any

from gdprgate.errors import BadRequest
from gdprgate.gateway.answer import AnswerFilter
from gdprgate.gateway.endpoint import Endpoint
from gdprgate.gateway.routes.responses_stream import (
    ResponsesStreamRewriter,
    item_fields,
)
from gdprgate.gateway.slots import Slots, refuse_part

TEXT_PARTS = frozenset({"input_text", "output_text", "text", "summary_text"})
PLAIN_ITEMS = frozenset({"item_reference"})


def walk(body: dict[str, Any]) -> Slots:
    """The texts of a Responses request."""
    slots = Slots()
    slots.add_optional(body, "instructions", "request")
    value = body.get("input")
    if isinstance(value, str):
        slots.add(body, "input")
    elif isinstance(value, list):
        for position, item in enumerate(value):
            _item(slots, item, f"input[{position}]")
    else:
        msg = "'input' must be a string or an array of input items"
        raise BadRequest(msg, code="invalid_input")
    return slots


def _item(slots: Slots, item: Any, where: str) -> None:
    if not isinstance(item, dict):
        msg = f"{where} must be an object"
        raise BadRequest(msg, code="invalid_input")
    kind = item.get("type", "message")
    if kind == "message":
        _content(slots, item, "content", where)
    elif kind == "function_call":
        slots.add_json_string(item, "arguments")
    elif kind in {"function_call_output", "custom_tool_call_output"}:
        _content(slots, item, "output", where)
    elif kind == "custom_tool_call":
        slots.add_optional(item, "input", where)
    elif kind == "reasoning":
        for part in item.get("summary") or []:
            if isinstance(part, dict):
                slots.add_optional(part, "text", where)
    elif kind not in PLAIN_ITEMS:
        raise refuse_part(kind, where)


def _content(slots: Slots, item: dict[str, Any], key: str, where: str) -> None:
    content = item.get(key)
    if isinstance(content, str):
        slots.add(item, key)
        return
    if not isinstance(content, list):
        msg = f"{where}.{key} must be a string or an array of parts"
        raise BadRequest(msg, code="invalid_input")
    for part in content:
        kind = part.get("type") if isinstance(part, dict) else None
        if kind in TEXT_PARTS and isinstance(part.get("text"), str):
            slots.add(part, "text")
        elif kind == "refusal" and isinstance(part.get("refusal"), str):
            slots.add(part, "refusal")
        else:
            raise refuse_part(kind, where)


def json_content(body: dict[str, Any]) -> bool:
    """Whether output text is JSON (``text.format`` asks for it)."""
    text = body.get("text")
    fmt = text.get("format") if isinstance(text, dict) else None
    return isinstance(fmt, dict) and fmt.get("type") in {"json_object", "json_schema"}


def rewrite_answer(answer: dict[str, Any], answers: AnswerFilter) -> None:
    """Check and restore every text of a complete response, in place."""
    for item in answer.get("output") or []:
        if not isinstance(item, dict):
            continue
        for container, key, json_string in item_fields(item):
            container[key] = answers.text(container[key], json_string=json_string)
    if isinstance(answer.get("output_text"), str):
        answer["output_text"] = answers.text(answer["output_text"])
    if isinstance(answer.get("instructions"), str):
        answer["instructions"] = answers.restore_only(answer["instructions"])


def stream_rewriter(answers: AnswerFilter) -> ResponsesStreamRewriter:
    """The rewriter of one streamed response."""
    return ResponsesStreamRewriter(answers)


RESPONSES = Endpoint(
    route="/v1/responses",
    upstream_path="/responses",
    walk=walk,
    rewrite_answer=rewrite_answer,
    stream_rewriter=stream_rewriter,
    json_content=json_content,
    done_marker=False,
)
