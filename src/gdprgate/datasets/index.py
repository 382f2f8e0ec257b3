"""The subject index: which records of which scrubbed data sets held whom.

For every record that held personal data, the index keeps the blind index of
each identifier found (a keyed hash of the entity type and the normalised
value, the same one the vault uses) with the record's place, under a data
set id and version. Values are never stored. The data-subject rights
tooling asks :func:`datasets_for` (by blind index) or
:func:`datasets_for_values` (by value, hashed here) which data sets contain
a person, and where.

A run's version is registered when it starts and marked finished
(``finished_at``) when it ends well; a run that stops removes its version.
One killed outright (SIGKILL) cannot, so look-ups and the register leave
out every version that never finished.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import sqlalchemy as sa

from gdprgate.datasets.lookup_forms import lookup_forms
from gdprgate.errors import StoreError
from gdprgate.records.registers import Dataset
from gdprgate.store import Database
from gdprgate.store.schema import scrub_datasets, scrub_subjects
from gdprgate.vault.keys import Keyring

# Types that do not point at one person and are not indexed.
NOT_INDEXED = frozenset({"DATE_TIME", "ORGANIZATION", "AGE"})


@dataclass(frozen=True, slots=True)
class RecordPlace:
    """Where a record is: its input file and line, and its output position.

    ``position`` is the record's 0-based row in the scrubbed output;
    ``source_line`` is the 1-based line (JSONL, CSV) or row (Parquet) in the
    input file ``source``.
    """

    source: str
    source_line: int
    position: int


@dataclass(frozen=True)
class DatasetHit:
    """One data set version holding a person, and the records holding them."""

    dataset_id: str
    version: int
    entities: tuple[str, ...]
    records: tuple[RecordPlace, ...] = field(default=())


@dataclass(frozen=True)
class DatasetRun:
    """The register row of one scrub run (one version of a data set)."""

    dataset_id: str
    version: int
    tenant: str
    mode: str
    output: str
    purpose: str | None = None


class SubjectIndex:
    """Writes and reads the data set register and the subject index."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def start(self, run: DatasetRun) -> None:
        """Register a run before its records are indexed."""
        row = {
            "dataset_id": run.dataset_id,
            "version": run.version,
            "tenant": run.tenant,
            "purpose": run.purpose,
            "mode": run.mode,
            "output": run.output,
            "records_in": 0,
            "records_out": 0,
            "rejected": 0,
            "records_touched": 0,
            "entity_counts": {},
            "created_at": datetime.now(UTC),
            "finished_at": None,
        }
        try:
            with self._db.engine.begin() as connection:
                connection.execute(sa.insert(scrub_datasets), row)
        except sa.exc.IntegrityError as exc:
            msg = (
                f"data set {run.dataset_id!r} version {run.version} was registered "
                "by another run at the same time; run the scrub again"
            )
            raise StoreError(msg) from exc

    def next_version(self, dataset_id: str) -> int:
        """One more than the newest version of ``dataset_id`` (1 for a new one)."""
        query = sa.select(sa.func.max(scrub_datasets.c.version)).where(
            scrub_datasets.c.dataset_id == dataset_id
        )
        with self._db.engine.connect() as connection:
            newest = connection.execute(query).scalar_one()
        return 1 if newest is None else int(newest) + 1

    def add(
        self,
        run: DatasetRun,
        subjects: Sequence[tuple[RecordPlace, Iterable[tuple[str, str]]]],
    ) -> None:
        """Index records: each place with its (entity, blind index) pairs."""
        rows = [
            {
                "tenant": run.tenant,
                "blind_index": index,
                "entity": entity,
                "dataset_id": run.dataset_id,
                "version": run.version,
                "source": place.source,
                "source_line": place.source_line,
                "position": place.position,
            }
            for place, identifiers in subjects
            for entity, index in identifiers
        ]
        if rows:
            with self._db.engine.begin() as connection:
                connection.execute(sa.insert(scrub_subjects), rows)

    def finish(self, run: DatasetRun, counts: dict[str, int | dict[str, int]]) -> None:
        """Store the run's final counts and mark it finished."""
        query = (
            sa.update(scrub_datasets)
            .where(
                scrub_datasets.c.dataset_id == run.dataset_id,
                scrub_datasets.c.version == run.version,
            )
            .values(**counts, finished_at=datetime.now(UTC))
        )
        with self._db.engine.begin() as connection:
            connection.execute(query)

    def drop(self, run: DatasetRun) -> None:
        """Remove a run that failed, with everything it indexed."""
        where = (scrub_subjects.c.dataset_id == run.dataset_id) & (
            scrub_subjects.c.version == run.version
        )
        with self._db.engine.begin() as connection:
            connection.execute(sa.delete(scrub_subjects).where(where))
            connection.execute(
                sa.delete(scrub_datasets).where(
                    (scrub_datasets.c.dataset_id == run.dataset_id)
                    & (scrub_datasets.c.version == run.version)
                )
            )

    def datasets(self, tenant: str | None = None) -> list[Dataset]:
        """The scrubbed data sets, newest finished version of each, for the
        record."""
        query = (
            sa.select(scrub_datasets)
            .where(scrub_datasets.c.finished_at.is_not(None))
            .order_by(scrub_datasets.c.dataset_id, scrub_datasets.c.version)
        )
        if tenant is not None:
            query = query.where(scrub_datasets.c.tenant == tenant)
        with self._db.engine.connect() as connection:
            rows = connection.execute(query).all()
        newest = {row.dataset_id: row for row in rows}
        return [
            Dataset(
                name=f"{row.dataset_id} v{row.version}",
                purpose=row.purpose,
                records=row.records_out,
                entity_counts=dict(row.entity_counts),
            )
            for row in newest.values()
        ]


def datasets_for(
    db: Database, tenant: str, blind_indexes: Iterable[str]
) -> list[DatasetHit]:
    """The data set versions whose records hold any of ``blind_indexes``.

    Blind indexes are those of :meth:`gdprgate.vault.TenantKeys.blind_index`
    (entity type and normalised value under the tenant's index key). Hits are
    sorted by data set id and version; records by output position. Versions
    whose run never finished are left out.
    """
    wanted = sorted(set(blind_indexes))
    if not wanted:
        return []
    columns = scrub_subjects.c
    finished = (
        sa.select(scrub_datasets.c.dataset_id)
        .where(
            scrub_datasets.c.dataset_id == columns.dataset_id,
            scrub_datasets.c.version == columns.version,
            scrub_datasets.c.finished_at.is_not(None),
        )
        .exists()
    )
    query = (
        sa.select(
            columns.dataset_id,
            columns.version,
            columns.entity,
            columns.source,
            columns.source_line,
            columns.position,
        )
        .where(columns.tenant == tenant, columns.blind_index.in_(wanted), finished)
        .order_by(columns.dataset_id, columns.version, columns.position)
    )
    with db.engine.connect() as connection:
        rows = connection.execute(query).all()
    grouped: dict[tuple[str, int], tuple[set[str], dict[RecordPlace, None]]] = {}
    for row in rows:
        entities, places = grouped.setdefault(
            (row.dataset_id, row.version), (set(), {})
        )
        entities.add(row.entity)
        places[RecordPlace(row.source, row.source_line, row.position)] = None
    return [
        DatasetHit(dataset_id, version, tuple(sorted(entities)), tuple(places))
        for (dataset_id, version), (entities, places) in grouped.items()
    ]


def forget_subjects(db: Database, tenant: str, blind_indexes: Iterable[str]) -> int:
    """Remove a person's rows from the subject index (after an erasure has
    been carried out on the data sets); the number of rows removed."""
    wanted = sorted(set(blind_indexes))
    if not wanted:
        return 0
    query = sa.delete(scrub_subjects).where(
        scrub_subjects.c.tenant == tenant, scrub_subjects.c.blind_index.in_(wanted)
    )
    with db.engine.begin() as connection:
        return int(connection.execute(query).rowcount)


def datasets_for_values(
    db: Database, keyring: Keyring, tenant: str, values: Iterable[tuple[str, str]]
) -> list[DatasetHit]:
    """:func:`datasets_for` by ``(entity, value)`` pairs, e.g.
    ``("EMAIL_ADDRESS", "someone@example.org")``; values are hashed here and
    never stored or logged.

    Each value is looked up in every written form it may have been indexed
    under (:func:`gdprgate.datasets.lookup_forms.lookup_forms`): a phone
    number with and without its country code, a national identifier with
    and without its separators.
    """
    keys = keyring.for_tenant(tenant)
    indexes = [
        keys.blind_index(entity, form)
        for entity, value in values
        for form in lookup_forms(entity, value)
    ]
    return datasets_for(db, tenant, indexes)
