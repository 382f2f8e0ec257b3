"""Which dataset labels and which detector entities are compared.

Scores are computed in one label space per format, named after gdprgate's
entities (``PERSON``, ``LOCATION``, ...). Two tables lead into it:

- ``gold``: the dataset's label -> the entity it is scored as. A label
  missing from the table (TAB's ``DEM``, GermEval's ``OTH``, presidio's
  ``TITLE``) is *not scored*: its tokens count neither as a miss nor, when a
  detector marks them, as a false positive.
- ``system``: the detector's entity -> the entity it is scored as. Findings
  of other entities are dropped (the dataset does not annotate them, so they
  could be neither right nor wrong) and counted in the report, so a new
  entity type that needs a line here is noticed. Entities named after a
  country (``FR_NIR``, ``US_SSN``) count as ``ID_NUMBER``.

:data:`PRESIDIO_ENTITIES` first renames Presidio's entities to gdprgate's,
so both systems then go through the same table. ``docs/evaluation.md``
shows every table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from gdprgate.detect.finding import Finding

# gdprgate entities shared by every format.
_NAMES = {"PERSON": "PERSON"}
_PLACES = {
    "LOCATION": "LOCATION",
    "ADDRESS": "LOCATION",
    "STREET_ADDRESS": "LOCATION",
    "POSTCODE": "LOCATION",
}
_ORGANISATIONS = {"ORGANIZATION": "ORGANIZATION"}
_DATES = {"DATE_TIME": "DATE_TIME", "DATE_OF_BIRTH": "DATE_TIME"}
_CONTACT = {
    "EMAIL_ADDRESS": "EMAIL_ADDRESS",
    "PHONE_NUMBER": "PHONE_NUMBER",
    "URL": "URL",
    "IP_ADDRESS": "IP_ADDRESS",
}
_FINANCE = {"CREDIT_CARD": "CREDIT_CARD", "IBAN_CODE": "IBAN_CODE"}
# Identifiers of people: scored together, since a dataset rarely tells which
# document a number belongs to the way a recognizer names it.
ID_ENTITIES: Final = frozenset(
    {
        "ID_NUMBER",
        "NATIONAL_ID",
        "TAX_ID",
        "PASSPORT",
        "DRIVER_LICENSE",
        "ABA_ROUTING_NUMBER",
        "VAT_NUMBER",
        "LICENCE_PLATE",
        "LICENSE_PLATE",
        "HEALTH_INSURANCE_NUMBER",
        "SOCIAL_SECURITY_NUMBER",
    }
)
_IDS = dict.fromkeys(ID_ENTITIES, "ID_NUMBER")
# National identifiers are named after their country, as in Presidio
# (``FR_NIR``, ``US_SSN``): any entity with a country prefix is an ID.
_COUNTRIES = frozenset(
    {
        *("AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI"),
        *("FR", "GB", "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV"),
        *("MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK", "UK", "US"),
    }
)
_COUNTRY_ENTITY = re.compile(r"([A-Z]{2})_[A-Z0-9_]+")

_NER_SYSTEM = {**_NAMES, **_PLACES, **_ORGANISATIONS}


@dataclass(frozen=True)
class EntityMapping:
    """The ``gold`` and ``system`` tables of one format."""

    gold: MappingProxyType[str, str]
    system: MappingProxyType[str, str]

    @property
    def labels(self) -> tuple[str, ...]:
        """The entities scored, sorted."""
        return tuple(sorted(set(self.gold.values())))

    def gold_label(self, label: str) -> str | None:
        """The entity a dataset label is scored as; ``None``: not scored."""
        return self.gold.get(label)

    def system_label(self, entity: str) -> str | None:
        """The entity a finding is scored as; ``None``: dropped."""
        label = self.system.get(entity)
        if label is None and is_national_id(entity):
            label = self.system.get("ID_NUMBER")
        return label if label in self.gold.values() else None


def is_national_id(entity: str) -> bool:
    """Whether ``entity`` is named like a country's identifier (``FR_NIR``)."""
    match = _COUNTRY_ENTITY.fullmatch(entity)
    return match is not None and match.group(1) in _COUNTRIES


def _mapping(gold: dict[str, str], system: dict[str, str]) -> EntityMapping:
    return EntityMapping(MappingProxyType(gold), MappingProxyType(system))


MAPPINGS: Final = MappingProxyType(
    {
        "presidio": _mapping(
            {
                "PERSON": "PERSON",
                "STREET_ADDRESS": "LOCATION",
                "GPE": "LOCATION",
                "ZIP_CODE": "LOCATION",
                "ORGANIZATION": "ORGANIZATION",
                "DATE_TIME": "DATE_TIME",
                "EMAIL_ADDRESS": "EMAIL_ADDRESS",
                "PHONE_NUMBER": "PHONE_NUMBER",
                "DOMAIN_NAME": "URL",
                "IP_ADDRESS": "IP_ADDRESS",
                "CREDIT_CARD": "CREDIT_CARD",
                "IBAN_CODE": "IBAN_CODE",
                "US_SSN": "ID_NUMBER",
                "US_DRIVER_LICENSE": "ID_NUMBER",
                "AGE": "AGE",
            },
            {
                **_NER_SYSTEM,
                **_DATES,
                **_CONTACT,
                **_FINANCE,
                **_IDS,
                "AGE": "AGE",
            },
        ),
        "tab": _mapping(
            {
                "PERSON": "PERSON",
                "LOC": "LOCATION",
                "ORG": "ORGANIZATION",
                "DATETIME": "DATE_TIME",
                "CODE": "ID_NUMBER",
            },
            # TAB's CODE holds every identifying number: phone numbers,
            # account numbers and e-mail addresses are codes there.
            {
                **_NER_SYSTEM,
                **_DATES,
                **_IDS,
                **dict.fromkeys({**_CONTACT, **_FINANCE}, "ID_NUMBER"),
            },
        ),
        "germeval": _mapping(
            {"PER": "PERSON", "LOC": "LOCATION", "ORG": "ORGANIZATION"},
            _NER_SYSTEM,
        ),
        "uner": _mapping(
            {"PER": "PERSON", "LOC": "LOCATION", "ORG": "ORGANIZATION"},
            _NER_SYSTEM,
        ),
        "echr-tsv": _mapping(
            {
                "PER": "PERSON",
                "LOC": "LOCATION",
                "ORG": "ORGANIZATION",
                "DATE": "DATE_TIME",
                "TIME": "DATE_TIME",
                "DATETIME": "DATE_TIME",
                "CODE": "ID_NUMBER",
            },
            {
                **_NER_SYSTEM,
                **_DATES,
                **_IDS,
                **dict.fromkeys({**_CONTACT, **_FINANCE}, "ID_NUMBER"),
            },
        ),
    }
)

# Presidio's entity names -> gdprgate's. Names equal in both are not listed.
PRESIDIO_ENTITIES: Final = MappingProxyType(
    {
        "US_SSN": "ID_NUMBER",
        "UK_NHS": "ID_NUMBER",
        "MEDICAL_LICENSE": "ID_NUMBER",
        "US_PASSPORT": "PASSPORT",
        "US_DRIVER_LICENSE": "DRIVER_LICENSE",
        "US_ITIN": "TAX_ID",
        "US_BANK_NUMBER": "IBAN_CODE",
        "EMAIL": "EMAIL_ADDRESS",
    }
)


def rename_presidio(findings: list[Finding]) -> list[Finding]:
    """Findings with Presidio's entity names turned into gdprgate's."""
    renamed = []
    for finding in findings:
        entity = PRESIDIO_ENTITIES.get(finding.entity, finding.entity)
        renamed.append(
            Finding(finding.start, finding.end, entity, finding.score, finding.source)
        )
    return renamed
