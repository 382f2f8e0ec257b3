"""Findings in, protected text out: each finding becomes its vault token."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from gdprgate.detect import Finding
from gdprgate.vault import Vault


@dataclass
class Protected:
    """The protected texts of one request and what was replaced in them.

    ``restore_map`` maps every token this request introduced to the value it
    stands for; it lives only in memory, for restoring this request's answer.
    """

    texts: list[str]
    restore_map: dict[str, str] = field(default_factory=dict)
    entity_counts: Counter[str] = field(default_factory=Counter)

    @property
    def tokens(self) -> list[str]:
        """The tokens used, sorted (safe to log and audit)."""
        return sorted(self.restore_map)


def apply_tokens(text: str, findings: Sequence[Finding], tokens: Sequence[str]) -> str:
    """``text`` with each finding's span replaced by its token.

    ``findings`` must not overlap; ``tokens[i]`` replaces ``findings[i]``.
    """
    pieces = []
    cursor = 0
    for finding, token in sorted(
        zip(findings, tokens, strict=True), key=lambda pair: pair[0].start
    ):
        if finding.start < cursor:
            msg = "findings overlap; resolve overlaps before protecting"
            raise ValueError(msg)
        pieces.append(text[cursor : finding.start])
        pieces.append(token)
        cursor = finding.end
    pieces.append(text[cursor:])
    return "".join(pieces)


class Pseudonymizer:
    """Replaces personal data in texts with stable vault tokens."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def protect(
        self,
        tenant: str,
        texts: Sequence[str],
        findings: Sequence[Sequence[Finding]],
    ) -> Protected:
        """Protect ``texts[i]`` using ``findings[i]``; one vault round trip."""
        items = [
            (finding.entity, text[finding.start : finding.end])
            for text, found in zip(texts, findings, strict=True)
            for finding in found
        ]
        pseudonyms = self._vault.tokenize_many(tenant, items)

        result = Protected(texts=[])
        position = 0
        for text, found in zip(texts, findings, strict=True):
            own = pseudonyms[position : position + len(found)]
            position += len(found)
            result.texts.append(apply_tokens(text, found, [p.token for p in own]))
            for pseudonym in own:
                result.restore_map.setdefault(pseudonym.token, pseudonym.value)
                result.entity_counts[pseudonym.entity] += 1
        return result
