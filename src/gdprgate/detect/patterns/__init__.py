"""Recognizers that find personal data by pattern and validate every match.

Each recognizer lives in its own module and shares the shape declared in
:mod:`gdprgate.detect.patterns.base`. :class:`PatternLayer` runs them all.
"""

from __future__ import annotations

from collections.abc import Sequence

from gdprgate.detect.context_words import CONTEXT_LANGUAGES
from gdprgate.detect.finding import Finding, SpanIndex
from gdprgate.detect.patterns.age import AgeRecognizer
from gdprgate.detect.patterns.at_social_security import AtSocialSecurityRecognizer
from gdprgate.detect.patterns.base import VALIDATED_SCORE, PatternRecognizer
from gdprgate.detect.patterns.be_national_number import BeNationalNumberRecognizer
from gdprgate.detect.patterns.card_security import CardSecurityRecognizer
from gdprgate.detect.patterns.case_number import CaseNumberRecognizer
from gdprgate.detect.patterns.column_values import ColumnValueRecognizer
from gdprgate.detect.patterns.credit_card import CreditCardRecognizer
from gdprgate.detect.patterns.date_of_birth import DateOfBirthRecognizer
from gdprgate.detect.patterns.date_time import (
    SPACY_DATE_LANGUAGES,
    DateTimeRecognizer,
)
from gdprgate.detect.patterns.de_pension_insurance import (
    DePensionInsuranceRecognizer,
)
from gdprgate.detect.patterns.de_tax_id import DeTaxIdRecognizer
from gdprgate.detect.patterns.device_names import DeviceOwnerRecognizer
from gdprgate.detect.patterns.dk_cpr import DkCprRecognizer
from gdprgate.detect.patterns.driver_license import DriverLicenseRecognizer
from gdprgate.detect.patterns.email import EmailRecognizer
from gdprgate.detect.patterns.es_nie import EsNieRecognizer
from gdprgate.detect.patterns.es_nif import EsNifRecognizer
from gdprgate.detect.patterns.es_nss import EsNssRecognizer
from gdprgate.detect.patterns.eu_vat import EuVatRecognizer
from gdprgate.detect.patterns.fi_hetu import FiHetuRecognizer
from gdprgate.detect.patterns.fr_nir import FrNirRecognizer
from gdprgate.detect.patterns.fr_spi import FrSpiRecognizer
from gdprgate.detect.patterns.home_directory import HomeDirectoryRecognizer
from gdprgate.detect.patterns.iban import IbanRecognizer
from gdprgate.detect.patterns.ie_ppsn import IePpsnRecognizer
from gdprgate.detect.patterns.imei import ImeiRecognizer
from gdprgate.detect.patterns.ip_address import IpAddressRecognizer
from gdprgate.detect.patterns.it_fiscal_code import ItFiscalCodeRecognizer
from gdprgate.detect.patterns.labelled_values import LabelledValueRecognizer
from gdprgate.detect.patterns.license_plate import LicensePlateRecognizer
from gdprgate.detect.patterns.login_records import LoginRecordRecognizer
from gdprgate.detect.patterns.mac_address import MacAddressRecognizer
from gdprgate.detect.patterns.nl_bsn import NlBsnRecognizer
from gdprgate.detect.patterns.normalize import readable
from gdprgate.detect.patterns.passport import PassportRecognizer
from gdprgate.detect.patterns.phone import PhoneRecognizer
from gdprgate.detect.patterns.pl_id_card import PlIdCardRecognizer
from gdprgate.detect.patterns.pl_nip import PlNipRecognizer
from gdprgate.detect.patterns.pl_pesel import PlPeselRecognizer
from gdprgate.detect.patterns.postcode import PostcodeRecognizer
from gdprgate.detect.patterns.pt_citizen_card import PtCitizenCardRecognizer
from gdprgate.detect.patterns.pt_nif import PtNifRecognizer
from gdprgate.detect.patterns.pt_phone import PtFixedLineRecognizer
from gdprgate.detect.patterns.reference_numbers import ReferenceNumberRecognizer
from gdprgate.detect.patterns.scan import TextScan
from gdprgate.detect.patterns.se_personnummer import SePersonnummerRecognizer
from gdprgate.detect.patterns.street_address import StreetAddressRecognizer
from gdprgate.detect.patterns.swift_code import SwiftCodeRecognizer
from gdprgate.detect.patterns.uk_nhs import UkNhsRecognizer
from gdprgate.detect.patterns.uk_nino import UkNinoRecognizer
from gdprgate.detect.patterns.url import UrlRecognizer
from gdprgate.detect.patterns.us_ssn import UsSsnRecognizer
from gdprgate.detect.patterns.username import UsernameRecognizer

__all__ = [
    "VALIDATED_SCORE",
    "CreditCardRecognizer",
    "EmailRecognizer",
    "IbanRecognizer",
    "IpAddressRecognizer",
    "PatternLayer",
    "PatternRecognizer",
    "PhoneRecognizer",
    "UrlRecognizer",
    "default_recognizers",
    "recognizer_classes",
]


def recognizer_classes() -> list[type[PatternRecognizer]]:
    """Every built-in recognizer class, in the order the layer runs them."""
    return [
        EmailRecognizer,
        PhoneRecognizer,
        IbanRecognizer,
        CreditCardRecognizer,
        CardSecurityRecognizer,
        IpAddressRecognizer,
        UrlRecognizer,
        MacAddressRecognizer,
        ImeiRecognizer,
        EuVatRecognizer,
        SwiftCodeRecognizer,
        DeTaxIdRecognizer,
        DePensionInsuranceRecognizer,
        FrNirRecognizer,
        FrSpiRecognizer,
        EsNifRecognizer,
        EsNieRecognizer,
        EsNssRecognizer,
        ItFiscalCodeRecognizer,
        NlBsnRecognizer,
        BeNationalNumberRecognizer,
        AtSocialSecurityRecognizer,
        PlPeselRecognizer,
        PlNipRecognizer,
        PlIdCardRecognizer,
        PtNifRecognizer,
        PtCitizenCardRecognizer,
        PtFixedLineRecognizer,
        SePersonnummerRecognizer,
        FiHetuRecognizer,
        DkCprRecognizer,
        IePpsnRecognizer,
        UkNinoRecognizer,
        UkNhsRecognizer,
        UsSsnRecognizer,
        PassportRecognizer,
        DriverLicenseRecognizer,
        PostcodeRecognizer,
        StreetAddressRecognizer,
        LicensePlateRecognizer,
        DateOfBirthRecognizer,
        DateTimeRecognizer,
        AgeRecognizer,
        UsernameRecognizer,
        HomeDirectoryRecognizer,
        LoginRecordRecognizer,
        ColumnValueRecognizer,
        LabelledValueRecognizer,
        DeviceOwnerRecognizer,
        CaseNumberRecognizer,
        ReferenceNumberRecognizer,
    ]


def default_recognizers(disabled: Sequence[str] = ()) -> list[PatternRecognizer]:
    """One instance of every built-in recognizer not named in ``disabled``."""
    return [cls() for cls in recognizer_classes() if cls.name not in disabled]


class PatternLayer:
    """Runs every pattern recognizer with the context words of ``languages``."""

    name = "patterns"

    def __init__(
        self,
        recognizers: Sequence[PatternRecognizer] | None = None,
        languages: Sequence[str] = CONTEXT_LANGUAGES,
    ) -> None:
        self.recognizers = (
            list(recognizers) if recognizers is not None else default_recognizers()
        )
        self.languages = tuple(languages)

    def warm_up(self) -> None:
        """Nothing to load: the patterns are compiled at import."""

    def analyze_many(
        self, texts: Sequence[str], languages: Sequence[str]
    ) -> list[list[Finding]]:
        """Findings of every recognizer for each text; calendar dates only
        in languages whose spaCy pipeline does not read them (see
        :mod:`gdprgate.detect.patterns.date_time`)."""
        return [
            self.analyze(text, dates=language not in SPACY_DATE_LANGUAGES)
            for text, language in zip(texts, languages, strict=True)
        ]

    def analyze(self, text: str, dates: bool = True) -> list[Finding]:
        """Findings of every recognizer in one text (they may overlap);
        without ``dates``, no calendar dates.

        The recognizers read :func:`readable` text: no-break spaces as
        spaces, escaped line breaks as breaks; the offsets are the same.
        """
        plain = readable(text)
        scan = TextScan.of(plain)
        findings: list[Finding] = []
        for recognizer in self.recognizers:
            if dates or not isinstance(recognizer, DateTimeRecognizer):
                findings.extend(recognizer.analyze(plain, self.languages, scan))
        return _named_numbers_are_no_phones(plain, findings)


# Identifiers with a checksum whose recognizers score fully only with one of
# their own words near ("NIF 234567899", "BSN 234 567 818").
_NAMED_IDS = frozenset(
    {
        "AT_SOCIAL_SECURITY", "BE_NATIONAL_NUMBER", "DE_PENSION_INSURANCE",
        "DE_TAX_ID", "DK_CPR", "ES_NIE", "ES_NIF", "ES_NSS", "FI_HETU", "FR_NIR",
        "FR_SPI", "IE_PPSN", "IT_FISCAL_CODE", "NL_BSN", "PL_NIP", "PL_PESEL",
        "PT_NIF", "SE_PERSONNUMMER", "UK_NHS", "UK_NINO", "US_SSN",
    }
)  # fmt: skip


# Identity card numbers typed ID_NUMBER whose digits hold a phone number's
# ("cartão de cidadão 14325678 4 ZX9"): reported, the digits are the card's.
_IDENTITY_CARDS = frozenset({"pattern:pt_citizen_card", "pattern:pl_id_card"})


def _named_numbers_are_no_phones(text: str, findings: list[Finding]) -> list[Finding]:
    """Without the phone readings of numbers a checksummed identifier, named
    by its word, also covers: "NIF 234567899" is a tax number that happens
    to be a valid phone number too. A number written with "+" stays a phone.
    """
    named = [
        f
        for f in findings
        if (f.entity in _NAMED_IDS and f.score >= 0.9)
        or (f.source in _IDENTITY_CARDS and f.score >= 0.5)
    ]
    if not named:
        return findings
    index = SpanIndex(named)
    return [
        f
        for f in findings
        if f.entity != "PHONE_NUMBER"
        or text.startswith("+", f.start)
        or not index.touches(f.start, f.end)
    ]
