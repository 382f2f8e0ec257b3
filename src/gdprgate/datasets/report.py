"""The report of a scrub run: counts only, never a value.

``records_in == records_out + rejected`` always holds; :meth:`check` says so
out loud, and the JSON carries the three numbers for anyone to verify.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass
class ScrubReport:
    """What a run read, wrote, rejected and replaced, by field and type."""

    dataset_id: str
    version: int
    mode: str
    engine: str
    workers: int
    inputs: list[str]
    output: str
    rejects: str | None = None
    records_in: int = 0
    records_out: int = 0
    rejected: int = 0
    blank_lines: int = 0
    records_touched: int = 0
    bytes_in: int = 0
    seconds: float = 0.0
    # CSV output only: text cells that start like a formula, and whether
    # they were written after an apostrophe.
    formula_cells: int | None = None
    formulas_escaped: bool = False
    entities: dict[str, Counter[str]] = field(default_factory=dict)

    def count(self, field_name: str, entity: str) -> None:
        """One more ``entity`` replaced in ``field_name``."""
        self.entities.setdefault(field_name, Counter())[entity] += 1

    def entity_totals(self) -> dict[str, int]:
        """Replacements per entity type, over all fields."""
        totals: Counter[str] = Counter()
        for counts in self.entities.values():
            totals.update(counts)
        return dict(sorted(totals.items()))

    def check(self) -> bool:
        """Whether every record read was written or rejected."""
        return self.records_in == self.records_out + self.rejected

    def as_json(self) -> dict[str, Any]:
        """The report as plain JSON types."""
        seconds = max(self.seconds, 1e-9)
        return {
            "dataset": {"id": self.dataset_id, "version": self.version},
            "mode": self.mode,
            "engine": self.engine,
            "workers": self.workers,
            "inputs": self.inputs,
            "output": self.output,
            "rejects": self.rejects,
            "records_in": self.records_in,
            "records_out": self.records_out,
            "rejected": self.rejected,
            "balanced": self.check(),
            "blank_lines": self.blank_lines,
            "records_touched": self.records_touched,
            "bytes_in": self.bytes_in,
            "seconds": round(self.seconds, 3),
            "records_per_second": round(self.records_in / seconds, 1),
            "megabytes_per_second": round(self.bytes_in / seconds / 1e6, 3),
            "entities": {
                name: dict(sorted(counts.items()))
                for name, counts in sorted(self.entities.items())
            },
            "entity_totals": self.entity_totals(),
            "csv_formula_cells": self.formula_cells,
            "csv_formulas_escaped": self.formulas_escaped,
        }

    def table(self) -> str:
        """A readable summary: the counts, then one row per field and type."""
        lines = [
            f"dataset      {self.dataset_id} v{self.version} ({self.mode}, "
            f"{self.engine} engine, {self.workers} worker(s))",
            f"records in   {self.records_in}",
            f"records out  {self.records_out}",
            f"rejected     {self.rejected}"
            + (f"  -> {self.rejects}" if self.rejected else ""),
            f"touched      {self.records_touched}",
            f"read         {self.bytes_in / 1e6:.2f} MB in {self.seconds:.1f} s",
        ]
        if self.formula_cells:
            how = "escaped with '" if self.formulas_escaped else "--escape-formulas"
            lines.append(f"formula-like {self.formula_cells} CSV cells ({how})")
        lines.append("")
        rows = [
            (name, entity, count)
            for name, counts in sorted(self.entities.items())
            for entity, count in sorted(counts.items())
        ]
        if not rows:
            lines.append("no personal data found")
            return "\n".join(lines)
        width_field = max(5, *(len(r[0]) for r in rows))
        width_entity = max(6, *(len(r[1]) for r in rows))
        lines.append(f"{'field':<{width_field}}  {'entity':<{width_entity}}  count")
        lines.extend(
            f"{name:<{width_field}}  {entity:<{width_entity}}  {count:>5}"
            for name, entity, count in rows
        )
        return "\n".join(lines)
