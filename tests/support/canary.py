"""Fictional personal data the tests use, and a scanner that looks for it.

Every value here is invented. After the suite, every file the run wrote under
its data and log directories is searched for each value (as UTF-8 bytes):
any hit means a raw value leaked into storage or logs.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

PERSON = "Annika Vesterholm"
PERSON_2 = "Jorinde Kaltenbach"
EMAIL = "annika.vesterholm@example.org"
EMAIL_2 = "j.kaltenbach@example.net"
PHONE = "+49 30 901820"
IBAN = "DE89 3704 0044 0532 0130 00"

CANARIES = (PERSON, PERSON_2, EMAIL, EMAIL_2, PHONE, IBAN)


def _needles(value: str) -> set[bytes]:
    compact = value.replace(" ", "")
    forms = {value, value.lower(), compact, compact.lower()}
    return {form.encode() for form in forms if len(form) >= 6}


def scan_for_canaries(
    roots: Iterable[Path], values: Iterable[str] = CANARIES
) -> list[tuple[Path, str]]:
    """Every (file, value) pair where a value appears in a file under ``roots``."""
    needles = {value: _needles(value) for value in values}
    hits = []
    for root in roots:
        if not root.exists():
            continue
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            data = path.read_bytes()
            for value, forms in needles.items():
                if any(form in data for form in forms):
                    hits.append((path, value))
    return hits
