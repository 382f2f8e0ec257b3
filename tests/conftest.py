"""Suite-wide fixtures, and the canary check that runs after every test.

Every store, key file and log a test writes goes under ``<basetemp>/run``
(fixtures ``data_dir`` and ``log_dir``); when the session ends, that tree is
searched for the fictional values in ``support.canary``. A hit fails the run.
"""

from __future__ import annotations

import json
import logging
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from gdprgate.logs import structured_fields
from gdprgate.store import Database
from tests.support import postgres
from tests.support.canary import scan_for_canaries

_RUN_DIR: Path | None = None


@pytest.fixture(scope="session")
def run_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Root of everything the run writes that must hold no raw value."""
    global _RUN_DIR
    _RUN_DIR = tmp_path_factory.getbasetemp() / "run"
    _RUN_DIR.mkdir(exist_ok=True)
    return _RUN_DIR


@pytest.fixture(scope="session")
def log_dir(run_dir: Path) -> Path:
    """Where logs of the run (this process's and child processes') go."""
    path = run_dir / "logs"
    path.mkdir(exist_ok=True)
    return path


@pytest.fixture(scope="session", autouse=True)
def _capture_logs(log_dir: Path) -> Iterator[None]:
    """Send every gdprgate log line of this process to a file the canary scans."""
    handler = logging.FileHandler(log_dir / "pytest.log", encoding="utf-8")
    handler.setFormatter(_Unredacted("%(levelname)s %(name)s %(message)s"))
    logger = logging.getLogger("gdprgate")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    yield
    logger.removeHandler(handler)
    handler.close()


class _Unredacted(logging.Formatter):
    """Message plus structured fields, without the redaction step, so that
    the canary scan sees what the code itself logged."""

    def format(self, record: logging.LogRecord) -> str:
        fields = structured_fields(record)
        line = super().format(record)
        return line + (" " + json.dumps(fields, default=str) if fields else "")


@pytest.fixture
def data_dir(run_dir: Path, request: pytest.FixtureRequest) -> Path:
    """A fresh data directory for one test, scanned for canaries at the end."""
    parent = run_dir / "data"
    parent.mkdir(exist_ok=True)
    prefix = "".join(c if c.isalnum() else "_" for c in request.node.name)[:60]
    return Path(tempfile.mkdtemp(prefix=prefix + "-", dir=parent))


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """A fresh PostgreSQL database for this run (skips when none answers)."""
    if not postgres.server_available():
        pytest.skip("no PostgreSQL server at 127.0.0.1:5432 (.ci/run starts one)")
    with postgres.scratch_database() as name:
        yield name


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, data_dir: Path) -> str:
    """The URL of an empty store: SQLite in ``data_dir``, or a fresh
    PostgreSQL schema. Storage suites use it (or ``db``) to run on both."""
    if request.param == "sqlite":
        database = Database.for_data_dir(data_dir)
        database.close()
        return database.url
    name: str = request.getfixturevalue("postgres_database")
    return postgres.fresh_schema_url(name)


@pytest.fixture
def db(store_url: str) -> Iterator[Database]:
    """A migrated store on each backend; closed after the test."""
    database = Database(store_url)
    database.upgrade()
    yield database
    database.close()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run when a canary value was written anywhere under the run dir."""
    if _RUN_DIR is None:
        return
    hits = scan_for_canaries([_RUN_DIR])
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if hits:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        lines = [f"  {path}: a test value" for path, _ in hits]
        message = "canary check FAILED: raw values found in\n" + "\n".join(lines)
    else:
        message = f"canary check passed: no test value under {_RUN_DIR}"
    if reporter is not None:
        reporter.write_line(message)
