"""The canary scanner finds a planted value in any file, SQLite included."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.support.canary import EMAIL, PERSON, scan_for_canaries


def test_scanner_finds_a_value_in_a_sqlite_file(tmp_path: Path) -> None:
    connection = sqlite3.connect(tmp_path / "leak.sqlite3")
    connection.execute("CREATE TABLE t (v TEXT)")
    connection.execute("INSERT INTO t VALUES (?)", (PERSON,))
    connection.commit()
    connection.close()
    hits = scan_for_canaries([tmp_path])
    assert [value for _, value in hits] == [PERSON]


def test_scanner_finds_lower_case_and_compact_forms(tmp_path: Path) -> None:
    (tmp_path / "log.txt").write_text(f"user {EMAIL.upper().lower()} done")
    (tmp_path / "clean.txt").write_text("nothing to see")
    hits = scan_for_canaries([tmp_path])
    assert hits == [(tmp_path / "log.txt", EMAIL)]
