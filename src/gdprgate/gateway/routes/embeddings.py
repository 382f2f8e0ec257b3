"""``POST /v1/embeddings``: the vectors are computed from protected text.

Embeddings of a token instead of a name keep the personal value out of the
model and out of any vector store the caller fills; the answer holds only
numbers, so there is nothing to restore.
"""

from __future__ import annotations

from typing import Any

from gdprgate.gateway.endpoint import Endpoint
from gdprgate.gateway.slots import Slots, require_text_or_texts


def walk(body: dict[str, Any]) -> Slots:
    """The texts to embed (and any other text in the request)."""
    require_text_or_texts(body, "input", "invalid_input")
    slots = Slots()
    slots.walk(body, "request")
    return slots


EMBEDDINGS = Endpoint(route="/v1/embeddings", upstream_path="/embeddings", walk=walk)
