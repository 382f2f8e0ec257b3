"""The OpenAI-compatible HTTP front: protect, forward, restore, audit.

``gdprgate.gateway.runtime.build_app`` wires a full gateway from settings.
"""

from gdprgate.gateway.app import create_app
from gdprgate.gateway.builtin import MODEL_NAME as BUILTIN_MODEL_NAME
from gdprgate.gateway.builtin import BuiltinModel
from gdprgate.gateway.service import Gateway
from gdprgate.gateway.upstream import Upstream
from gdprgate.protect.output import Analyzer as TextAnalyzer

__all__ = [
    "BUILTIN_MODEL_NAME",
    "BuiltinModel",
    "Gateway",
    "TextAnalyzer",
    "Upstream",
    "create_app",
]
