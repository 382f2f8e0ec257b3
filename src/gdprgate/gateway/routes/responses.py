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
from gdprgate.gateway.slots import Slots


def walk(body: dict[str, Any]) -> Slots:
    """Every text of a Responses request (see :mod:`gdprgate.gateway.slots`)."""
    value = body.get("input")
    if not isinstance(value, str) and not isinstance(value, list):
        msg = "'input' must be a string or an array of input items"
        raise BadRequest(msg, code="invalid_input")
    slots = Slots()
    slots.walk(body, "request")
    return slots


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
