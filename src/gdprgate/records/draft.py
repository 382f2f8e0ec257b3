"""A policy read for the record of processing, gaps and all.

The gateway refuses a policy file with a purpose that has no legal basis,
special categories without an Art. 9(2) condition, or a transfer without a
safeguard. The record of processing must still be printable from such a
file, with each of those gaps flagged: :class:`DraftPolicy` is the same
policy model with exactly those three requirements lifted. It is never used
to enforce anything.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, Field

from gdprgate.policy.legal import normalise_legal_basis
from gdprgate.policy.model import (
    LegalBasis,
    Policy,
    Purpose,
    Safeguard,
    Transfer,
    _if_str,
)


class DraftTransfer(Transfer):
    """A transfer whose safeguard may be missing (a gap)."""

    safeguard: Safeguard | None = None  # type: ignore[assignment]


class DraftPurpose(Purpose):
    """A purpose whose legal basis and Art. 9(2) condition may be missing."""

    legal_basis: Annotated[
        LegalBasis | None, BeforeValidator(_if_str(normalise_legal_basis))
    ] = None  # type: ignore[assignment]
    transfers: list[DraftTransfer] = []  # type: ignore[assignment]  # noqa: RUF012

    def _special_categories_need_a_condition(self) -> DraftPurpose:  # type: ignore[override]
        # Lifted: a missing condition is reported as a gap, not refused.
        return self


class DraftPolicy(Policy):
    """A policy whose purposes may have gaps; for the record only."""

    purposes: Annotated[list[DraftPurpose], Field(min_length=1)]  # type: ignore[assignment]
