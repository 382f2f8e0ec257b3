"""The model routes the gateway serves, one module each."""

from gdprgate.gateway.routes.chat import CHAT
from gdprgate.gateway.routes.completions import COMPLETIONS
from gdprgate.gateway.routes.embeddings import EMBEDDINGS
from gdprgate.gateway.routes.responses import RESPONSES

ENDPOINTS = (CHAT, COMPLETIONS, EMBEDDINGS, RESPONSES)

__all__ = ["CHAT", "COMPLETIONS", "EMBEDDINGS", "ENDPOINTS", "RESPONSES"]
