"""The gaps a record of processing flags: what the policy or traffic lacks."""

from __future__ import annotations

from dataclasses import dataclass

from gdprgate.policy.legal import is_special_category
from gdprgate.records.categories import NOT_PERSONAL, category_of, covers
from gdprgate.records.draft import DraftPolicy, DraftPurpose
from gdprgate.records.observed import NO_PURPOSE, Observed

# Stores whose retention every purpose should state (Art. 30(1)(f)).
RETENTION_REQUIRED = ("vault", "audit")


@dataclass(frozen=True)
class Gap:
    """One thing missing from the record; ``purpose`` is ``None`` for the whole."""

    kind: str
    purpose: str | None
    detail: str

    def as_dict(self) -> dict[str, str | None]:
        return {"kind": self.kind, "purpose": self.purpose, "detail": self.detail}


def find_gaps(policy: DraftPolicy, observed: Observed) -> list[Gap]:
    """Every gap of ``policy`` given the traffic ``observed``."""
    gaps: list[Gap] = []
    for purpose in policy.purposes:
        gaps += _declared_gaps(purpose)
        gaps += _traffic_gaps(purpose, observed)
    declared = set(policy.purpose_ids)
    for purpose_id in sorted(set(observed.purposes) - declared - {NO_PURPOSE}):
        gaps.append(
            Gap(
                "no_legal_basis",
                purpose_id,
                "traffic ran under this purpose, but the policy does not declare "
                "it, so it has no legal basis in the record",
            )
        )
    return gaps


def _declared_gaps(purpose: DraftPurpose) -> list[Gap]:
    gaps = []
    if purpose.legal_basis is None:
        gaps.append(
            Gap("no_legal_basis", purpose.id, "no Art. 6(1) legal basis is declared")
        )
    if purpose.special_categories and purpose.art9_condition is None:
        names = ", ".join(purpose.special_categories)
        gaps.append(
            Gap(
                "no_art9_condition",
                purpose.id,
                f"special categories ({names}) without an Art. 9(2) condition",
            )
        )
    for transfer in purpose.transfers:
        if transfer.safeguard is None:
            gaps.append(
                Gap(
                    "transfer_without_safeguard",
                    purpose.id,
                    f"transfer to {transfer.country} without a Chapter V safeguard",
                )
            )
    missing = [s for s in RETENTION_REQUIRED if purpose.retention_period(s) is None]
    if missing:
        gaps.append(
            Gap(
                "no_retention",
                purpose.id,
                "no retention period for: " + ", ".join(missing),
            )
        )
    return gaps


def _traffic_gaps(purpose: DraftPurpose, observed: Observed) -> list[Gap]:
    gaps = []
    for entity in observed.of(purpose.id).entity_types:
        if entity in NOT_PERSONAL:
            continue
        category = category_of(entity)
        if category is None:
            detail = f"{entity} seen in traffic; no data category is known for it"
            gaps.append(Gap("undeclared_data", purpose.id, detail))
            continue
        if not covers(purpose.data_categories, category):
            detail = f"{entity} ({category}) seen in traffic but not declared"
            gaps.append(Gap("undeclared_data", purpose.id, detail))
        if is_special_category(category) and purpose.art9_condition is None:
            detail = (
                f"{entity} is a special category seen in traffic, and the purpose "
                "has no Art. 9(2) condition"
            )
            gaps.append(Gap("no_art9_condition", purpose.id, detail))
    return gaps
