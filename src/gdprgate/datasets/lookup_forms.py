"""The written forms a value may have been indexed under, for look-ups.

The subject index stores the blind index of a value as it was written in
the data (normalised by :func:`gdprgate.vault.normalize_value`, which only
folds spaces and case, and the "+"/"00" of phone numbers). A person asking
about "07700 900123" may have been written down as "+44 7700 900123", so a
look-up hashes every equivalent written form instead: stored indexes stay
as they are, and existing data sets keep being found.
"""

from __future__ import annotations

import datetime
import re
from types import ModuleType

import phonenumbers
from stdnum import bic, imei
from stdnum.at import vnr
from stdnum.be import ssn
from stdnum.de import idnr
from stdnum.dk import cpr
from stdnum.es import dni, nie
from stdnum.eu import vat
from stdnum.fi import hetu
from stdnum.fr import nif as fr_nif
from stdnum.fr import nir
from stdnum.gb import nhs
from stdnum.ie import pps
from stdnum.it import codicefiscale
from stdnum.nl import bsn
from stdnum.pl import nip, pesel
from stdnum.pt import nif as pt_nif
from stdnum.se import personnummer

from gdprgate.detect.patterns.phone import REGIONS
from gdprgate.vault.normalize import normalize_value

# The python-stdnum module that validates each entity the detector reports.
_STDNUM: dict[str, ModuleType] = {
    "AT_SOCIAL_SECURITY": vnr,
    "BE_NATIONAL_NUMBER": ssn,
    "DE_TAX_ID": idnr,
    "DK_CPR": cpr,
    "ES_NIE": nie,
    "ES_NIF": dni,
    "EU_VAT": vat,
    "FI_HETU": hetu,
    "FR_NIR": nir,
    "FR_SPI": fr_nif,
    "IE_PPSN": pps,
    "IMEI": imei,
    "IT_FISCAL_CODE": codicefiscale,
    "NL_BSN": bsn,
    "PL_NIP": nip,
    "PL_PESEL": pesel,
    "PT_NIF": pt_nif,
    "SE_PERSONNUMMER": personnummer,
    "SWIFT_CODE": bic,
    "UK_NHS": nhs,
}

_SEPARATORS = re.compile(r"[\s.\-]")


def lookup_forms(entity: str, value: str) -> set[str]:
    """The normalised forms of ``value`` to look up, its own among them."""
    if entity == "PHONE_NUMBER":
        forms = _phone_forms(value)
    elif entity == "SE_PERSONNUMMER":
        forms = _stdnum_forms(personnummer, value) | _personnummer_forms(value)
    elif entity == "ES_NIF":
        forms = _stdnum_forms(dni, value) | _dni_forms(value)
    elif entity in _STDNUM:
        forms = _stdnum_forms(_STDNUM[entity], value)
    else:
        forms = set()
    return {normalize_value(entity, form) for form in forms | {value}}


def _phone_forms(value: str) -> set[str]:
    """E.164 and national forms of the number in each country it may be.

    A number with its country code has one country; a national number
    ("0171 2345678") is tried against every region the detector reads
    national numbers for, where ``phonenumbers`` finds it possible, and
    keeps its own national form only. An international number gets its
    national form when it is valid in its country.
    """
    text = value.strip()
    international = text.startswith("+") or text.startswith("00")
    regions: tuple[str | None, ...] = (None,) if international else REGIONS
    forms: set[str] = set()
    for region in regions:
        try:
            number = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            continue
        if not phonenumbers.is_possible_number(number):
            continue
        national = phonenumbers.format_number(
            number, phonenumbers.PhoneNumberFormat.NATIONAL
        )
        national_digits = phonenumbers.normalize_digits_only(national)
        forms.add(
            phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        )
        # Only a valid number was read as national text by the patterns.
        if international and phonenumbers.is_valid_number(number):
            forms.add(national_digits)
        # "+44 (0)7700 900123": the country code with the trunk zero kept.
        forms.add(f"+{number.country_code}{national_digits}")
    return forms


def _stdnum_forms(module: ModuleType, value: str) -> set[str]:
    """The compact form, and the official layout of a valid number."""
    compact = str(module.compact(value))
    forms = {compact}
    if module.is_valid(compact) and hasattr(module, "format"):
        forms.add(str(module.format(compact)))
    return forms


def _personnummer_forms(value: str) -> set[str]:
    """Ten and twelve digits, each with and without the separator.

    Swedes write a "+" instead of the dash from a person's hundredth year,
    so a ten-digit form gets the sign that fits the birth date.
    """
    if not personnummer.is_valid(value):
        return set()
    born = personnummer.get_birth_date(value)
    digits = "".join(char for char in personnummer.compact(value) if char.isdigit())
    short, serial = digits[-10:-4], digits[-4:]
    full = f"{born.year // 100}{short}"
    today = datetime.date.today()
    sign = "+" if born <= today.replace(year=today.year - 100) else "-"
    return {
        f"{short}{sign}{serial}",
        f"{short}{serial}",
        f"{full}-{serial}",
        f"{full}{serial}",
    }


def _dni_forms(value: str) -> set[str]:
    """The layouts the detector accepts: digits plain or dotted, the check
    letter glued on or after a dash or a space."""
    compact = _SEPARATORS.sub("", value).upper()
    if not dni.is_valid(compact):
        return set()
    digits, letter = compact[:8], compact[8]
    dotted = f"{digits[:2]}.{digits[2:5]}.{digits[5:]}"
    return {
        f"{number}{sep}{letter}"
        for number in (digits, dotted)
        for sep in ("", "-", " ")
    }
