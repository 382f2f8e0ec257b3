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
    """What the gateway and the output check need from a detector.

    ``scope`` (the tenant) keeps the detector's cache entries of one tenant
    apart from another's.
    """

    def analyze_batch(
        self, texts: Sequence[str], language: str | None = None, scope: str = ""
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
    # (entity, value) -> whether the value may not enter the vault (an
    # erased or restricted person's): such values are redacted, not tokenised.
    blocked: Callable[[str, str], bool] | None = None

    def _unwrap_tokens(self, text: str) -> tuple[str, list[tuple[int, int]]]:
        """The text to scan, and the spans of tokens the vault really issued.

        Issued tokens are skipped by the check: the scan reads them as
        spaces, so they neither cost a model pass nor colour what the
        models read around them. A string that only looks like a token (a
        model can wrap a value in ``<…_ABCD>``) is scanned with its
        underscores read as spaces, so the value inside is found. Offsets
        do not change.
        """
        matches = list(TOKEN_RE.finditer(text))
        if not matches:
            return text, []
        issued = self.vault.issued(self.tenant, {m.group(0) for m in matches})
        chars = list(text)
        spans = []
        for match in matches:
            if match.group(0) in issued:
                spans.append((match.start(), match.end()))
                chars[match.start() : match.end()] = " " * (match.end() - match.start())
                continue
            for position in range(match.start(), match.end()):
                if chars[position] in "_<>":
                    chars[position] = " "
        return "".join(chars), spans

    def action_for(self, entity: str) -> str:
        """The rule for one entity type."""
        if callable(self.action):
            return self.action(entity)
        return self.action.value

    def check(self, text: str, context: str = "") -> str:
        """``text`` with model-produced personal data handled by the rule.

        ``context`` is text already sent just before ``text``: it helps the
        detector, findings inside it are not handled again, and of a finding
        that runs on from it into ``text`` the part in ``text`` is.
        """
        if not text.strip():
            return text
        scan, issued = self._unwrap_tokens(context + text)
        [found] = self.detector.analyze_batch([scan], scope=self.tenant)
        shift = len(context)
        # A value that began in the context was handled with it; one that
        # runs on from the context into this text (it was cut between two
        # segments) has its part in this text handled now.
        found = [
            Finding(
                max(f.start, shift) - shift, f.end - shift, f.entity, f.score, f.source
            )
            for f in found
            if f.end > shift
        ]
        found = _outside(found, [(start - shift, end - shift) for start, end in issued])
        if not found:
            return text
        self.counts.update(finding.entity for finding in found)
        found = [f for f in found if self.action_for(f.entity) != "keep"]
        to_token = [
            f
            for f in found
            if self.action_for(f.entity) in {"token", "surrogate"}
            and not (self.blocked and self.blocked(f.entity, text[f.start : f.end]))
        ]
        items = [(f.entity, text[f.start : f.end]) for f in to_token]
        tokens = iter(p.token for p in self.vault.tokenize_many(self.tenant, items))
        replacements = [
            next(tokens) if f in to_token else f"[{f.entity}]" for f in found
        ]
        return apply_tokens(text, found, replacements)


def _outside(
    findings: Sequence[Finding], spans: Sequence[tuple[int, int]]
) -> list[Finding]:
    """Findings that share no character with any of ``spans``."""
    return [
        finding
        for finding in findings
        if not any(finding.start < end and start < finding.end for start, end in spans)
    ]
