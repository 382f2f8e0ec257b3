"""A run that never finished (killed outright) is found by no look-up."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import command

from gdprgate.datasets import datasets_for
from gdprgate.datasets.index import DatasetRun, RecordPlace, SubjectIndex
from gdprgate.store import Database
from gdprgate.vault import Keyring

BLIND = "b" * 64


def _run(dataset_id: str) -> DatasetRun:
    return DatasetRun(dataset_id, 1, "default", "redact", f"{dataset_id}.jsonl")


def test_lookups_leave_out_versions_that_never_finished(
    store: tuple[Database, Keyring],
) -> None:
    db, _ = store
    index = SubjectIndex(db)
    place = RecordPlace("a.jsonl", 1, 0)
    finished, killed = _run("finished"), _run("killed")
    for run in (finished, killed):
        index.start(run)
        index.add(run, [(place, [("EMAIL_ADDRESS", BLIND)])])
    index.finish(finished, {"records_in": 1, "records_out": 1})

    hits = datasets_for(db, "default", [BLIND])

    assert [(hit.dataset_id, hit.version) for hit in hits] == [("finished", 1)]
    assert [d.name for d in index.datasets()] == ["finished v1"]
    assert index.next_version("killed") == 2


def test_the_upgrade_marks_old_runs_finished_unless_they_were_cut_short(
    store_url: str,
) -> None:
    """Before 0202 a killed run showed as records_in 0 with subjects."""
    db = Database(store_url)
    with db.engine.begin() as connection:
        command.upgrade(db._alembic_config(connection), "0301")
    created = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    old = sa.table(
        "scrub_datasets",
        *(sa.column(name) for name in ("dataset_id", "version", "tenant")),
        *(sa.column(name) for name in ("mode", "output", "records_in")),
        *(sa.column(name) for name in ("records_out", "rejected")),
        sa.column("records_touched"),
        sa.column("entity_counts", sa.JSON),
        sa.column("created_at", sa.DateTime(timezone=True)),
    )
    subjects = sa.table(
        "scrub_subjects",
        *(sa.column(name) for name in ("tenant", "blind_index", "entity")),
        *(sa.column(name) for name in ("dataset_id", "version", "source")),
        *(sa.column(name) for name in ("source_line", "position")),
    )
    runs = {"done": 3, "empty": 0, "killed": 0}
    with db.engine.begin() as connection:
        connection.execute(
            sa.insert(old),
            [
                {
                    "dataset_id": name,
                    "version": 1,
                    "tenant": "default",
                    "mode": "redact",
                    "output": f"{name}.jsonl",
                    "records_in": records,
                    "records_out": records,
                    "rejected": 0,
                    "records_touched": records,
                    "entity_counts": {},
                    "created_at": created,
                }
                for name, records in runs.items()
            ],
        )
        connection.execute(
            sa.insert(subjects),
            [
                {
                    "tenant": "default",
                    "blind_index": BLIND,
                    "entity": "EMAIL_ADDRESS",
                    "dataset_id": name,
                    "version": 1,
                    "source": "a.jsonl",
                    "source_line": 1,
                    "position": 0,
                }
                for name in ("done", "killed")
            ],
        )

    db.upgrade()

    hits = datasets_for(db, "default", [BLIND])
    listed = [d.name for d in SubjectIndex(db).datasets()]
    db.close()
    assert [hit.dataset_id for hit in hits] == ["done"]
    assert listed == ["done v1", "empty v1"]
