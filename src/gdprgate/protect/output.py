"""Checking what a model writes for personal data it produced on its own.

The model only ever saw tokens, so any personal data the detector finds in
its raw output (tokens aside) came from the model itself: remembered,
invented, or inferred. The output rule decides, per entity type, what the
caller gets:

- ``token`` (and, for now, ``surrogate``): the value is replaced by a vault
  token, like input data. The token is not in the request's restore map, so
  it stays a pseudonym.
- ``redact`` (and ``block``: the answer exists already): the value is
  replaced by ``[ENTITY]``.
- ``keep``: the value passes (and is still counted).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from gdprgate.detect import Finding
from gdprgate.protect.pseudonymizer import apply_tokens
from gdprgate.vault import TOKEN_RE, Vault


class OutputAction(StrEnum):
    """What happens to personal data a model produced itself."""

    TOKEN = "token"  # noqa: S105 - an action name, not a secret
    REDACT = "redact"
    KEEP = "keep"


class Analyzer(Protocol):
    """The part of a detector the output check needs."""

    def analyze_batch(
        self, texts: Sequence[str], language: str | None = None
    ) -> list[list[Finding]]: ...


@dataclass
class OutputGuard:
    """Applies the output rule to texts a model wrote (tokens not restored yet).

    ``counts`` adds up, per entity type, what was caught; it is safe to log.
    """

    detector: Analyzer
    vault: Vault
    tenant: str
    action: OutputAction | Callable[[str], str] = OutputAction.TOKEN
    counts: Counter[str] = field(default_factory=Counter)

    def action_for(self, entity: str) -> str:
        """The rule for one entity type."""
        if callable(self.action):
            return self.action(entity)
        return self.action.value

    def check(self, text: str, context: str = "") -> str:
        """``text`` with model-produced personal data handled by the rule.

        ``context`` is text already sent just before ``text``: it helps the
        detector, and findings that start inside it are not handled again.
        """
        if not text.strip():
            return text
        [found] = self.detector.analyze_batch([context + text])
        shift = len(context)
        found = [
            Finding(f.start - shift, f.end - shift, f.entity, f.score, f.source)
            for f in found
            if f.start >= shift
        ]
        found = _outside_tokens(text, found)
        if not found:
            return text
        self.counts.update(finding.entity for finding in found)
        found = [f for f in found if self.action_for(f.entity) != "keep"]
        to_token = [
            f for f in found if self.action_for(f.entity) in {"token", "surrogate"}
        ]
        items = [(f.entity, text[f.start : f.end]) for f in to_token]
        tokens = iter(p.token for p in self.vault.tokenize_many(self.tenant, items))
        replacements = [
            next(tokens) if f in to_token else f"[{f.entity}]" for f in found
        ]
        return apply_tokens(text, found, replacements)


def _outside_tokens(text: str, findings: Sequence[Finding]) -> list[Finding]:
    """Findings that share no character with a token already in the text."""
    spans = [(m.start(), m.end()) for m in TOKEN_RE.finditer(text)]
    return [
        finding
        for finding in findings
        if not any(finding.start < end and start < finding.end for start, end in spans)
    ]
