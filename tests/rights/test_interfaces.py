"""Other parts plug in: stored payloads and the data sets' subject index
see the person as tokens and keyed hashes, never as values."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from gdprgate.audit import AuditLog
from gdprgate.policy import default_policy
from gdprgate.rights import DatasetHit, PersonKeys, Rights
from gdprgate.store import Database
from gdprgate.vault import Keyring, Vault, load_master_key
from tests.support.canary import EMAIL


class Payloads:
    def __init__(self) -> None:
        self.erased: list[PersonKeys] = []

    def stored_for(self, tenant: str, request_ids: Collection[str]) -> list[str]:
        return sorted(request_ids)

    def erase(self, person: PersonKeys) -> int:
        self.erased.append(person)
        return 3


class Index:
    def __init__(self) -> None:
        self.asked: list[PersonKeys] = []

    def datasets_with(self, person: PersonKeys) -> list[DatasetHit]:
        self.asked.append(person)
        return [DatasetHit("tickets-2026", 12)]


def test_erasure_and_access_reach_payloads_and_datasets(data_dir: Path) -> None:
    db = Database.for_data_dir(data_dir)
    db.upgrade()
    keyring = Keyring(db, load_master_key(data_dir))
    token = Vault(db, keyring).tokenize("default", "EMAIL_ADDRESS", EMAIL)
    payloads, index = Payloads(), Index()
    rights = Rights(
        db,
        keyring,
        AuditLog(db),
        default_policy,
        payloads=payloads,
        datasets=index,
    )
    access = rights.open(
        kind="access", tenant="default", identifiers=[("email", EMAIL)]
    )
    report = rights.execute(access.id)
    assert report["datasets"] == [{"name": "tickets-2026", "records": 12}]
    erase = rights.open(kind="erase", tenant="default", identifiers=[("email", EMAIL)])
    receipt = rights.execute(erase.id)
    db.close()
    assert receipt["erased_payloads"] == 3
    assert receipt["datasets_holding_the_person"] == ["tickets-2026"]
    person = payloads.erased[0]
    assert person.tokens == frozenset({token})
    assert len(person.blind_indexes) == 1
    assert EMAIL not in repr(person)
    assert index.asked[-1] == person
