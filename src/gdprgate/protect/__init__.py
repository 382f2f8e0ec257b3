"""Findings to protected text, model output checks, and tokens back to values."""

from gdprgate.protect.output import OutputAction, OutputGuard
from gdprgate.protect.pseudonymizer import Protected, Pseudonymizer, apply_tokens
from gdprgate.protect.restorer import (
    Restorer,
    json_escape,
    restore,
)
from gdprgate.protect.stream import StreamFilter

__all__ = [
    "OutputAction",
    "OutputGuard",
    "Protected",
    "Pseudonymizer",
    "Restorer",
    "StreamFilter",
    "apply_tokens",
    "json_escape",
    "restore",
]
