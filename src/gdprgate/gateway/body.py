"""Reading a request body: size limit, strict UTF-8, JSON object."""

from __future__ import annotations

import json
import math
import re
from typing import Any

from starlette.requests import Request

from gdprgate.errors import BadRequest, PayloadTooLarge

# A lone surrogate can only come from a \uD800-\uDFFF escape: strict UTF-8
# cannot carry one. A body without such an escape skips the surrogate check
# (a second serialisation of the whole body); one with it, or with a
# look-alike such as an escaped backslash before "ud800", gets the check.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


async def read_json_object(request: Request, limit: int) -> dict[str, Any]:
    """The body as a JSON object; 413 over ``limit`` bytes, 400 when unusable.

    Error messages never quote the body.
    """
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(_too_large(limit))

    chunks = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(_too_large(limit))
        chunks.append(chunk)
    raw = b"".join(chunks)

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        msg = f"the request body is not valid UTF-8 (first bad byte at {exc.start})"
        raise BadRequest(msg, code="invalid_utf8") from None
    body = _decode(text)
    if not isinstance(body, dict):
        msg = "the request body must be a JSON object"
        raise BadRequest(msg, code="invalid_json")
    return body


def _decode(text: str) -> Any:
    """Strict JSON: no NaN or infinities, no lone surrogates, bounded depth."""
    try:
        body = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite)
        # A lone surrogate (from a "\ud800" escape) cannot be encoded: it
        # would fail later, on the way to the model or the store.
        if _SURROGATE_ESCAPE.search(text):
            json.dumps(body, ensure_ascii=False).encode("utf-8")
    except json.JSONDecodeError as exc:
        msg = (
            f"the request body is not valid JSON "
            f"(line {exc.lineno}, column {exc.colno}: {exc.msg})"
        )
        raise BadRequest(msg, code="invalid_json") from None
    except UnicodeEncodeError:
        msg = "the request body holds an unpaired surrogate escape (\\ud800-\\udfff)"
        raise BadRequest(msg, code="invalid_json") from None
    except RecursionError:
        msg = "the request body is nested too deeply"
        raise BadRequest(msg, code="invalid_json") from None
    except ValueError:
        msg = "the request body holds a number that is out of range"
        raise BadRequest(msg, code="invalid_json") from None
    return body


def _refuse_constant(name: str) -> float:
    raise ValueError(name)


def _finite(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise ValueError(text)
    return value


def _too_large(limit: int) -> str:
    return (
        f"the request body is larger than {limit} bytes; "
        "raise GDPRGATE_MAX_BODY_BYTES to accept it"
    )
