"""The vault keeps values encrypted and gives them stable, unlinkable tokens."""

from __future__ import annotations

import base64
import stat
from pathlib import Path
from typing import Any

import pytest

from gdprgate.errors import ConfigError, KeyError_
from gdprgate.store import Database
from gdprgate.vault import Keyring, Token, Vault, load_master_key
from tests.support.canary import EMAIL, IBAN, PERSON, PERSON_2, PHONE


def open_vault(data_dir: Path, url: str | None = None) -> tuple[Vault, Database]:
    db = Database.for_data_dir(data_dir, url)
    db.upgrade()
    return Vault(db, Keyring(db, load_master_key(data_dir))), db


def test_round_trip_returns_the_original_value(store_url: str, data_dir: Path) -> None:
    vault, db = open_vault(data_dir, store_url)
    token = vault.tokenize("acme", "PERSON", PERSON)
    assert Token.parse(token) is not None
    assert token.startswith("<PERSON_")
    assert vault.resolve("acme", [token]) == {token: PERSON}
    db.close()


def test_same_value_gets_the_same_token_after_a_restart(
    store_url: str, data_dir: Path
) -> None:
    vault, db = open_vault(data_dir, store_url)
    first = vault.tokenize("acme", "EMAIL_ADDRESS", EMAIL)
    db.close()

    reopened, db2 = open_vault(data_dir, store_url)
    assert reopened.tokenize("acme", "EMAIL_ADDRESS", EMAIL) == first
    assert reopened.resolve("acme", [first]) == {first: EMAIL}
    assert reopened.count("acme") == 1
    db2.close()


def test_normalised_spellings_share_a_token(store_url: str, data_dir: Path) -> None:
    vault, db = open_vault(data_dir, store_url)
    spaced = vault.tokenize("acme", "IBAN_CODE", IBAN)
    compact = vault.tokenize("acme", "IBAN_CODE", IBAN.replace(" ", "").lower())
    upper_name = vault.tokenize("acme", "PERSON", PERSON.upper())
    assert spaced == compact
    assert upper_name == vault.tokenize("acme", "PERSON", PERSON)
    assert vault.tokenize("acme", "PERSON", PERSON_2) != upper_name
    db.close()


def test_tenants_get_unlinkable_tokens(store_url: str, data_dir: Path) -> None:
    vault, db = open_vault(data_dir, store_url)
    tokens_a = {vault.tokenize("a", "PERSON", name) for name in (PERSON, PERSON_2)}
    tokens_b = {vault.tokenize("b", "PERSON", name) for name in (PERSON, PERSON_2)}
    assert not tokens_a & tokens_b
    # A tenant cannot resolve another tenant's tokens.
    assert vault.resolve("b", tokens_a) == {}
    db.close()


def test_colliding_codes_get_a_longer_token(
    store_url: str, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, db = open_vault(data_dir, store_url)
    keys = vault._keyring.for_tenant("acme")
    monkeypatch.setattr(
        type(keys), "token_digest", lambda self, entity, value: b"\x00" * 32
    )
    first = vault.tokenize("acme", "PERSON", PERSON)
    second = vault.tokenize("acme", "PERSON", PERSON_2)
    assert first == "<PERSON_0000>"
    assert second == "<PERSON_00000>"
    assert vault.resolve("acme", [first, second]) == {first: PERSON, second: PERSON_2}
    db.close()


def test_no_value_is_stored_in_clear(data_dir: Path) -> None:
    vault, db = open_vault(data_dir)
    for entity, value in [("PERSON", PERSON), ("EMAIL_ADDRESS", EMAIL)]:
        vault.tokenize("acme", entity, value)
    vault.tokenize("acme", "PHONE_NUMBER", PHONE)
    db.close()
    blob = b"".join(p.read_bytes() for p in data_dir.iterdir() if p.is_file())
    for value in (PERSON, EMAIL, PHONE):
        assert value.encode() not in blob
        assert value.lower().encode() not in blob


def test_lookup_finds_a_value_by_blind_index_without_creating(
    store_url: str,
    data_dir: Path,
) -> None:
    vault, db = open_vault(data_dir, store_url)
    assert vault.lookup("acme", "PERSON", PERSON) is None
    token = vault.tokenize("acme", "PERSON", PERSON)
    assert vault.lookup("acme", "PERSON", PERSON.lower()) == token
    assert vault.count() == 1
    db.close()


def test_master_key_file_is_created_private(data_dir: Path) -> None:
    key = load_master_key(data_dir)
    path = data_dir / "master.key"
    assert len(key) == 32
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_master_key(data_dir) == key


def test_readable_master_key_file_is_refused(data_dir: Path) -> None:
    load_master_key(data_dir)
    (data_dir / "master.key").chmod(0o644)
    with pytest.raises(ConfigError, match="chmod 600"):
        load_master_key(data_dir)


def test_master_key_from_setting_must_be_32_bytes(data_dir: Path) -> None:
    good = base64.b64encode(b"k" * 32).decode()
    assert load_master_key(data_dir, good) == b"k" * 32
    with pytest.raises(ConfigError, match="32-byte"):
        load_master_key(data_dir, base64.b64encode(b"short").decode())
    with pytest.raises(ConfigError):
        load_master_key(data_dir, "not base64 at all!")


def test_wrong_master_key_cannot_unwrap_tenant_keys(
    store_url: str, data_dir: Path
) -> None:
    vault, db = open_vault(data_dir, store_url)
    vault.tokenize("acme", "PERSON", PERSON)
    other = Vault(db, Keyring(db, b"x" * 32))
    with pytest.raises(KeyError_, match="wrong master key"):
        other.tokenize("acme", "PERSON", PERSON)
    db.close()


def test_colliding_codes_in_one_batch_are_settled(
    store_url: str, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, db = open_vault(data_dir, store_url)
    keys = vault._keyring.for_tenant("acme")
    monkeypatch.setattr(
        type(keys), "token_digest", lambda self, entity, value: b"\x00" * 32
    )
    found = vault.tokenize_many("acme", [("PERSON", PERSON), ("PERSON", PERSON_2)])
    tokens = [item.token for item in found]
    assert len(set(tokens)) == 2
    expected = dict(zip(tokens, [PERSON, PERSON_2], strict=True))
    assert vault.resolve("acme", tokens) == expected
    db.close()


def test_a_batch_of_new_values_is_stored_in_one_go(
    store_url: str, data_dir: Path
) -> None:
    vault, db = open_vault(data_dir, store_url)
    items = [("PERSON", PERSON), ("EMAIL_ADDRESS", EMAIL), ("PERSON", PERSON)]
    first = vault.tokenize_many("acme", items)
    again = vault.tokenize_many("acme", items)
    assert [p.token for p in first] == [p.token for p in again]
    assert first[0].token == first[2].token
    assert vault.count("acme") == 2
    db.close()


def _tokenize_in_child(
    url: str, master: bytes, round_: int, reverse: bool, start: Any
) -> list[str]:
    db = Database(url)
    vault = Vault(db, Keyring(db, master))
    items = [("EMAIL_ADDRESS", f"race{round_}.{n}@example.com") for n in range(40)]
    start.wait()
    found = vault.tokenize_many("acme", items[::-1] if reverse else items)
    db.close()
    tokens = [item.token for item in found]
    return tokens[::-1] if reverse else tokens


def test_two_processes_storing_the_same_new_values_agree(store_url: str) -> None:
    """Two writers, in opposite order, at the same moment: one token per value,
    no deadlock and no error."""
    import multiprocessing

    db = Database(store_url)
    db.upgrade()
    db.close()
    master = bytes(range(32))
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager, context.Pool(2) as pool:
        for round_ in range(5):
            start = manager.Barrier(2)
            results = pool.starmap(
                _tokenize_in_child,
                [
                    (store_url, master, round_, False, start),
                    (store_url, master, round_, True, start),
                ],
            )
            assert results[0] == results[1]
            assert len(set(results[0])) == 40
