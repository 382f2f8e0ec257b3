"""A gateway served over real HTTP in front of a scripted upstream."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from gdprgate.audit import AuditLog
from gdprgate.gateway import Gateway, TextAnalyzer, Upstream, create_app
from gdprgate.store import Database
from gdprgate.vault import Keyring, Vault, load_master_key
from tests.support.canary import EMAIL, EMAIL_2, IBAN, PERSON, PERSON_2, PHONE
from tests.support.detectors import KnownValuesDetector
from tests.support.servers import ScriptedUpstream, serve_in_thread

KNOWN = {
    PERSON: "PERSON",
    PERSON_2: "PERSON",
    EMAIL: "EMAIL_ADDRESS",
    EMAIL_2: "EMAIL_ADDRESS",
    IBAN: "IBAN_CODE",
    PHONE: "PHONE_NUMBER",
}


@dataclass
class Harness:
    """A running gateway, its upstream and its store."""

    url: str
    upstream: ScriptedUpstream
    gateway: Gateway
    audit: AuditLog


@pytest.fixture
def upstream() -> Iterator[tuple[ScriptedUpstream, str]]:
    scripted = ScriptedUpstream()
    with serve_in_thread(scripted.app()) as url:
        yield scripted, url + "/v1"


def start_gateway(
    data_dir: Path,
    upstream_url: str,
    detector: TextAnalyzer | None = None,
    **options: object,
) -> tuple[Gateway, Database]:
    db = Database.for_data_dir(data_dir)
    db.upgrade()
    vault = Vault(db, Keyring(db, load_master_key(data_dir)))
    options.setdefault("output_action", None)
    gateway = Gateway(
        detector=detector or KnownValuesDetector(KNOWN),
        vault=vault,
        audit=AuditLog(db),
        upstream=Upstream(
            upstream_url,
            read_timeout=float(options.pop("read_timeout", 5.0)),  # type: ignore[arg-type]
            connect_timeout=1.0,
        ),
        **options,  # type: ignore[arg-type]
    )
    return gateway, db


@pytest.fixture
def harness(
    data_dir: Path, upstream: tuple[ScriptedUpstream, str]
) -> Iterator[Harness]:
    scripted, upstream_url = upstream
    gateway, db = start_gateway(data_dir, upstream_url, max_body_bytes=64 * 1024)
    with serve_in_thread(create_app(gateway)) as url:
        yield Harness(url, scripted, gateway, AuditLog(db))
    db.close()
