"""``POST /v1/embeddings``: the vectors are computed from protected text.

Embeddings of a token instead of a name keep the personal value out of the
model and out of any vector store the caller fills; the answer holds only
numbers, so there is nothing to restore.
"""

from __future__ import annotations

from typing import Any

from gdprgate.errors import BadRequest
from gdprgate.gateway.endpoint import Endpoint
from gdprgate.gateway.slots import Slots


def walk(body: dict[str, Any]) -> Slots:
    """The texts to embed."""
    value = body.get("input")
    slots = Slots()
    if isinstance(value, str):
        slots.add(body, "input")
    elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        for index in range(len(value)):
            slots.add(value, index)
    elif isinstance(value, list) and value:
        msg = (
            "'input' as token ids cannot be checked for personal data; "
            "send text instead"
        )
        raise BadRequest(msg, code="unsupported_content")
    else:
        msg = "'input' must be a string or a non-empty array of strings"
        raise BadRequest(msg, code="invalid_input")
    return slots


EMBEDDINGS = Endpoint(route="/v1/embeddings", upstream_path="/embeddings", walk=walk)
