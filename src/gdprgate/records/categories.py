"""Which data category (fideslang names) each detected entity type belongs to.

The record of processing compares what traffic held with what a purpose
declares: an entity type seen for a purpose is declared when one of the
purpose's data categories is its category or a parent of it
(``user.contact`` covers ``user.contact.email``).
"""

from __future__ import annotations

from collections.abc import Iterable

from gdprgate.policy.legal import is_special_category

_GOVERNMENT_ID = "user.government_id.national_identification_number"
_NATIONAL_IDS = [
    *("AT_SOCIAL_SECURITY", "BE_NATIONAL_NUMBER", "DE_PENSION_INSURANCE"),
    *("DE_TAX_ID", "DK_CPR", "ES_NIE", "ES_NIF", "ES_NSS", "FI_HETU", "FR_NIR"),
    *("FR_SPI", "IE_PPSN", "IT_FISCAL_CODE", "NL_BSN", "PL_NIP", "PL_PESEL"),
    *("PT_NIF", "SE_PERSONNUMMER", "UK_NHS", "UK_NINO", "US_SSN", "ID_NUMBER"),
]

ENTITY_CATEGORIES: dict[str, str] = {
    "PERSON": "user.name",
    "EMAIL_ADDRESS": "user.contact.email",
    "PHONE_NUMBER": "user.contact.phone_number",
    "LOCATION": "user.contact.address",
    "STREET_ADDRESS": "user.contact.address.street",
    "POSTCODE": "user.contact.address.postal_code",
    "URL": "user.contact.url",
    "USERNAME": "user.account.username",
    "IBAN_CODE": "user.financial.bank_account",
    "SWIFT_CODE": "user.financial.bank_account",
    "CREDIT_CARD": "user.financial.credit_card",
    "EU_VAT": "user.financial.tax_id",
    "IP_ADDRESS": "user.device.ip_address",
    "MAC_ADDRESS": "user.device.device_id",
    "IMEI": "user.device.device_id",
    "DATE_OF_BIRTH": "user.demographic.date_of_birth",
    "AGE": "user.demographic.age_range",
    "PASSPORT": "user.government_id.passport_number",
    "DRIVER_LICENSE": "user.government_id.drivers_license_number",
    "LICENSE_PLATE": "user.government_id.vehicle_registration",
    "CASE_NUMBER": "user.legal.case_number",
    **dict.fromkeys(_NATIONAL_IDS, _GOVERNMENT_ID),
}

# Types the detector reports that are not about a person on their own.
NOT_PERSONAL = frozenset({"ORGANIZATION", "DATE_TIME"})


def category_of(entity: str) -> str | None:
    """The data category of ``entity``, or ``None`` when none is known."""
    return ENTITY_CATEGORIES.get(entity)


def covers(declared: Iterable[str], category: str) -> bool:
    """Whether a declared category is ``category`` or one of its parents."""
    return any(category == item or category.startswith(item + ".") for item in declared)


def is_special_entity(entity: str) -> bool:
    """Whether findings of ``entity`` are special categories (Art. 9)."""
    category = category_of(entity)
    return category is not None and is_special_category(category)
