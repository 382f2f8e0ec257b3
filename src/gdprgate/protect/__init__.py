"""Findings to protected text, and tokens back to values."""

from gdprgate.protect.pseudonymizer import Protected, Pseudonymizer, apply_tokens
from gdprgate.protect.restorer import StreamRestorer, json_escape, restore

__all__ = [
    "Protected",
    "Pseudonymizer",
    "StreamRestorer",
    "apply_tokens",
    "json_escape",
    "restore",
]
