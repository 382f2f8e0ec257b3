"""Findings in, protected text out: each finding becomes its vault token."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from gdprgate.detect import Finding
from gdprgate.errors import EntitiesBlocked
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


# What happens to one entity type on input: keep (send as it is), token
# (vault token), surrogate (for now: a vault token), redact ("[ENTITY]") or
# block (refuse the request).
ActionFor = Callable[[str], str]


def token_everything(_entity: str) -> str:
    """The default rule: every entity type becomes a token."""
    return "token"


class Pseudonymizer:
    """Replaces personal data in texts as the input rule says, tokens by default."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def protect(
        self,
        tenant: str,
        texts: Sequence[str],
        findings: Sequence[Sequence[Finding]],
        action_for: ActionFor = token_everything,
        keep_until: datetime | None = None,
    ) -> Protected:
        """Protect ``texts[i]`` using ``findings[i]``; one vault round trip.

        ``keep_until`` is passed to :meth:`Vault.tokenize_many`: until when
        the purpose may keep the values.

        Raises :class:`EntitiesBlocked` (naming types only) when the rule
        blocks a type that was found; nothing is written to the vault then.
        """
        blocked = [
            f.entity
            for found in findings
            for f in found
            if action_for(f.entity) == "block"
        ]
        if blocked:
            raise EntitiesBlocked(blocked)
        acted = [
            [f for f in found if action_for(f.entity) != "keep"] for found in findings
        ]
        items = [
            (finding.entity, text[finding.start : finding.end])
            for text, found in zip(texts, acted, strict=True)
            for finding in found
            if action_for(finding.entity) != "redact"
        ]
        pseudonyms = iter(self._vault.tokenize_many(tenant, items, keep_until))

        result = Protected(texts=[])
        for found in findings:
            for finding in found:
                result.entity_counts[finding.entity] += 1
        for text, found in zip(texts, acted, strict=True):
            replacements = []
            for finding in found:
                if action_for(finding.entity) == "redact":
                    replacements.append(f"[{finding.entity}]")
                    continue
                pseudonym = next(pseudonyms)
                replacements.append(pseudonym.token)
                result.restore_map.setdefault(pseudonym.token, pseudonym.value)
            result.texts.append(apply_tokens(text, found, replacements))
        return result
