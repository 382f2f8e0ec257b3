"""Look-ups by value find a person whose number was written another way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gdprgate.datasets import datasets_for_values
from gdprgate.datasets.for_rights import SubjectIndexForRights
from gdprgate.datasets.lookup_forms import lookup_forms
from gdprgate.rights.footprint import Footprint
from gdprgate.rights.subjects import Subjects
from gdprgate.store import Database
from gdprgate.vault import Keyring, normalize_value
from tests.datasets.conftest import write_jsonl

# Fictional values: a GB mobile from phonenumbers' example range, a German
# mobile, a personnummer and a DNI with valid check digits.
_TEXTS = (
    "Call Lena on +44 7400 123456 tonight.",
    "Ruf mich an: 0171 2345678.",
    "Personnummer 811218-9876 i Uppsala.",
    "Mi DNI es 12345678Z.",
)

# (entity, value asked for): each written another way than in _TEXTS.
_FOUND = [
    ("PHONE_NUMBER", "07400 123456"),
    ("PHONE_NUMBER", "+44 (0)7400 123456"),
    ("PHONE_NUMBER", "0044 7400 123456"),
    ("PHONE_NUMBER", "+49 171 2345678"),
    ("PHONE_NUMBER", "+49 (0)171 2345678"),
    ("PHONE_NUMBER", "0171 2345678"),
    ("SE_PERSONNUMMER", "8112189876"),
    ("SE_PERSONNUMMER", "19811218-9876"),
    ("SE_PERSONNUMMER", "198112189876"),
    ("ES_NIF", "12345678-z"),
    ("ES_NIF", "12.345.678 Z"),
    ("ES_NIF", "12345678z"),
]

# Other people's values: one digit or one letter off.
_NOT_FOUND = [
    ("PHONE_NUMBER", "07400 123457"),
    ("PHONE_NUMBER", "+44 171 2345678"),
    ("PHONE_NUMBER", "+49 171 2345679"),
    ("SE_PERSONNUMMER", "811218-9868"),
    ("SE_PERSONNUMMER", "18811218-9876"),
    ("ES_NIF", "87654321X"),
]


@pytest.fixture
def indexed(
    scrub: Any, tmp_path: Path, data_dir: Path, store: tuple[Database, Keyring]
) -> tuple[Database, Keyring]:
    """A data set scrubbed from _TEXTS with the real pipeline."""
    corpus = write_jsonl(tmp_path / "people.jsonl", [{"text": t} for t in _TEXTS])
    scrub([corpus], data_dir / "people.jsonl", dataset_id="people")
    return store


@pytest.mark.parametrize(("entity", "value"), _FOUND)
def test_a_value_written_another_way_finds_the_data_set(
    indexed: tuple[Database, Keyring], entity: str, value: str
) -> None:
    db, keyring = indexed
    hits = datasets_for_values(db, keyring, "default", [(entity, value)])
    assert [(hit.dataset_id, hit.entities) for hit in hits] == [("people", (entity,))]


@pytest.mark.parametrize(("entity", "value"), _NOT_FOUND)
def test_another_persons_value_finds_nothing(
    indexed: tuple[Database, Keyring], entity: str, value: str
) -> None:
    db, keyring = indexed
    assert datasets_for_values(db, keyring, "default", [(entity, value)]) == []


@pytest.mark.parametrize(
    ("entity", "value", "indexed_as"),
    [
        ("PHONE_NUMBER", "07700 900123", "+44 7700 900123"),
        ("PHONE_NUMBER", "+44 (0)7700 900123", "+44 7700 900123"),
        ("PHONE_NUMBER", "+49 171 2345678", "0171 2345678"),
        ("SE_PERSONNUMMER", "8112189876", "811218-9876"),
        ("SE_PERSONNUMMER", "19811218-9876", "811218-9876"),
        ("SE_PERSONNUMMER", "811218-9876", "19811218-9876"),
        ("ES_NIF", "12345678-z", "12345678Z"),
        ("ES_NIF", "12345678Z", "12.345.678-Z"),
    ],
)
def test_lookup_forms_hold_the_form_indexing_stored(
    entity: str, value: str, indexed_as: str
) -> None:
    """The forms match what the normaliser made of the text as written."""
    assert normalize_value(entity, indexed_as) in lookup_forms(entity, value)


def test_a_centenarian_personnummer_gets_the_plus_sign() -> None:
    """From the hundredth year Swedes write "+" where the dash was."""
    forms = lookup_forms("SE_PERSONNUMMER", "19181218-9874")
    assert "181218+9874" in forms
    assert "181218-9874" not in forms


def test_a_value_of_an_unknown_layout_is_looked_up_as_written() -> None:
    assert lookup_forms("EMAIL_ADDRESS", " Lena@Example.org ") == {"lena@example.org"}
    assert lookup_forms("PERSON", "Lena  Berg") == {"lena berg"}


_KINDS = {"PHONE_NUMBER": "phone", "SE_PERSONNUMMER": "national_id"}


@pytest.mark.parametrize(
    ("entity", "value"), [(e, v) for e, v in _FOUND if e in _KINDS]
)
def test_a_rights_request_finds_the_data_set_by_another_written_form(
    indexed: tuple[Database, Keyring], entity: str, value: str
) -> None:
    """The rights tooling (``gdprgate rights``) finds what the library
    finds: a request's identifiers carry the hashes of the value's other
    written forms, for the data sets only."""
    db, keyring = indexed
    identifiers = Subjects(db, keyring).identifiers("default", _KINDS[entity], value)
    footprint = Footprint("default", None, tuple(identifiers), (), (), ())
    hits = SubjectIndexForRights(db).datasets_with(footprint.person_keys())
    assert [hit.name.split("@")[0] for hit in hits] == ["people"]
    # The vault is looked up by the value as normalised, not by other forms.
    assert all(i.blind_index not in i.written_forms for i in identifiers)


@pytest.mark.parametrize(
    ("entity", "value"), [(e, v) for e, v in _NOT_FOUND if e in _KINDS]
)
def test_a_rights_request_for_another_person_finds_no_data_set(
    indexed: tuple[Database, Keyring], entity: str, value: str
) -> None:
    db, keyring = indexed
    identifiers = Subjects(db, keyring).identifiers("default", _KINDS[entity], value)
    footprint = Footprint("default", None, tuple(identifiers), (), (), ())
    assert SubjectIndexForRights(db).datasets_with(footprint.person_keys()) == []
