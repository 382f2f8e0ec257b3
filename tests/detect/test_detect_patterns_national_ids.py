"""National identifiers: one table of positive and negative cases.

Every number here is synthetic: generated to pass its checksum, belonging to
nobody. A candidate that fails its checksum is never reported.
"""

from __future__ import annotations

import pytest

from gdprgate.detect.patterns import PatternLayer, recognizer_classes
from gdprgate.detect.patterns.base import PatternRecognizer
from tests.detect.pattern_cases import MIN_SCORE, reported, spans_of

RECOGNIZERS = {cls.name: cls for cls in recognizer_classes()}

# (recognizer, text, values reported at the default min_score)
CASES: list[tuple[str, str, list[str]]] = [
    ("de_tax_id", "Meine Steuer-ID lautet 12345678000.", ["12345678000"]),
    ("de_tax_id", "IdNr: 12 345 678 000", ["12 345 678 000"]),
    ("de_tax_id", "Steuer-ID 12345678001 (falsche Prüfziffer)", []),
    ("de_tax_id", "Bestellnummer 12345678000", []),
    ("de_pension_insurance", "RV-Nummer 15 150380 S 007", ["15 150380 S 007"]),
    ("de_pension_insurance", "Versicherungsnummer: 15150380S007.", ["15150380S007"]),
    ("de_pension_insurance", "Nummer 15150380S008", []),
    ("fr_nir", "Mon NIR est 2 84 05 76 451 089 78.", ["2 84 05 76 451 089 78"]),
    ("fr_nir", "sécu 284057645108978", ["284057645108978"]),
    ("fr_nir", "n° 284057645108979", []),
    ("fr_spi", "numéro fiscal 30 23 217 600 053", ["30 23 217 600 053"]),
    ("fr_spi", "SPI 3023217600053", ["3023217600053"]),
    ("fr_spi", "timestamp 3023217600053", []),
    ("fr_spi", "SPI 3023217600054", []),
    ("es_nif", "Mi DNI es 12345678Z.", ["12345678Z"]),
    ("es_nif", "DNI 12345678-Z", ["12345678-Z"]),
    ("es_nif", "DNI 12345678A", []),
    ("es_nie", "NIE: X1234567L", ["X1234567L"]),
    ("es_nie", "NIE X-1234567-L, gracias", ["X-1234567-L"]),
    ("es_nie", "NIE X1234567M", []),
    ("es_nss", "NSS 28/12345600/59", ["28/12345600/59"]),
    ("es_nss", "número de la Seguridad Social 281234560059", ["281234560059"]),
    ("es_nss", "pedido 281234560059", []),
    ("it_fiscal_code", "Codice fiscale: RSSMRA85T10A562S", ["RSSMRA85T10A562S"]),
    ("it_fiscal_code", "cf rssmra85t10a562s", ["rssmra85t10a562s"]),
    ("it_fiscal_code", "CF RSSMRA85T10A562T", []),
    # Printed in groups, as on the tessera sanitaria and in forms.
    ("it_fiscal_code", "CF: RSSMRA 85M01 H501Q", ["RSSMRA 85M01 H501Q"]),
    ("it_fiscal_code", "C.F. RSS MRA 85 M 01 H501 Q.", ["RSS MRA 85 M 01 H501 Q"]),
    ("it_fiscal_code", "codice fiscale bncgli 90a41 f205h", ["bncgli 90a41 f205h"]),
    ("it_fiscal_code", "CF: RSSMRA 85M01 H501R", []),
    ("it_fiscal_code", "CF: RSSMRA  85M01 H501Q", []),
    ("nl_bsn", "Mijn BSN is 011122237.", ["011122237"]),
    ("nl_bsn", "burgerservicenummer 0111.22.237", ["0111.22.237"]),
    ("nl_bsn", "bestelnummer 011122237", []),
    ("nl_bsn", "getal 011122237 zonder context", []),
    ("nl_bsn", "BSN 011122238", []),
    ("be_national_number", "Rijksregisternummer 85.07.30-010.51", ["85.07.30-010.51"]),
    ("be_national_number", "NN 85073001051", ["85073001051"]),
    ("be_national_number", "numéro 85.07.30-010.52", []),
    ("at_social_security", "SVNR 1018 010180", ["1018 010180"]),
    ("at_social_security", "Versicherungsnummer 1018010180", ["1018010180"]),
    ("at_social_security", "Auftrag 1018010180", []),
    ("pl_pesel", "PESEL: 85073012341", ["85073012341"]),
    ("pl_pesel", "PESEL 85073012342", []),
    ("pl_pesel", "zamówienie 85073012341", []),
    ("pl_nip", "NIP 526-000-00-05", ["526-000-00-05"]),
    ("pl_nip", "NIP: 5260000005", ["5260000005"]),
    ("pl_nip", "numer 5260000005", []),
    ("pt_nif", "NIF 234567899", ["234567899"]),
    ("pt_nif", "número de contribuinte 234 567 899", ["234 567 899"]),
    ("pt_nif", "encomenda 234567899", []),
    ("pt_nif", "NIF 234567898", []),
    ("se_personnummer", "Personnummer 850709-9805", ["850709-9805"]),
    ("se_personnummer", "personnummer 198507099805", ["198507099805"]),
    ("se_personnummer", "ordernummer 8507099805", []),
    ("se_personnummer", "850709-9806", []),
    # A space for the dash, as in forms: a phone number's look, so only
    # with a word of its own.
    ("se_personnummer", "personnr: 850709 9003", ["850709 9003"]),
    ("se_personnummer", "Personnummer 19850709 9003.", ["19850709 9003"]),
    ("se_personnummer", "personnr: 850709-9003", ["850709-9003"]),
    ("se_personnummer", "pnr 19850709-9003", ["19850709-9003"]),
    ("se_personnummer", "personnr 8507099003", ["8507099003"]),
    ("se_personnummer", "ring 850709 9003", []),
    ("se_personnummer", "personnr: 850709 9004", []),
    ("fi_hetu", "Henkilötunnus 131052-308T", ["131052-308T"]),
    ("fi_hetu", "hetu 150285-1236 ok", ["150285-1236"]),
    ("fi_hetu", "hetu 150285-1237", []),
    ("dk_cpr", "CPR-nummer 150285-1234", ["150285-1234"]),
    ("dk_cpr", "CPR: 1502851234", ["1502851234"]),
    ("dk_cpr", "CPR 320285-1234", []),
    ("ie_ppsn", "PPS number 1234567T", ["1234567T"]),
    ("ie_ppsn", "ref 1234567A", []),
    ("uk_nino", "National Insurance: JG 10 39 37 A", ["JG 10 39 37 A"]),
    ("uk_nino", "NINO JG103937A", ["JG103937A"]),
    ("uk_nino", "code GB103937A", []),
    ("uk_nino", "code JG 103937A", []),
    ("uk_nhs", "NHS number 943 476 5900", ["943 476 5900"]),
    ("uk_nhs", "NHS: 9434765900", ["9434765900"]),
    ("uk_nhs", "invoice 9434765900", []),
    ("uk_nhs", "NHS 943 476 5901", []),
    # CSV fields: a comma after a word separates, after a digit it is a decimal.
    ("de_tax_id", "Name,Steuer-ID\r\nAnna Beispiel,12345678000\r\n", ["12345678000"]),
    ("de_tax_id", "Faktor 0,12345678000", []),
    ("fr_nir", "nom;NIR\r\nDupont,284057645108978\r\n", ["284057645108978"]),
    ("pl_pesel", "pesel,85073012341", ["85073012341"]),
    ("dk_cpr", "CPR,150285-1234\r\n", ["150285-1234"]),
    ("uk_nhs", "NHS,9434765900", ["9434765900"]),
    # Spanish DNI with dotted thousands or a small letter; NIE in lower case.
    ("es_nif", "DNI: 12.345.678-Z", ["12.345.678-Z"]),
    ("es_nif", "mi dni es 12345678z.", ["12345678z"]),
    ("es_nif", "del 12345678 z", []),
    ("es_nie", "nie: x1234567l", ["x1234567l"]),
    ("es_nie", "y 1234567 l", []),
    # BSN grouped 3-3-3 or 4-2-3: with a BSN word only.
    ("nl_bsn", "Mijn BSN: 011 122 237.", ["011 122 237"]),
    ("nl_bsn", "bsn 011.122.237", ["011.122.237"]),
    ("nl_bsn", "BSN-nummer 0111 22 237", ["0111 22 237"]),
    ("nl_bsn", "bedrag 011.122.237", []),
    # Belgian numbers split by dashes or spaces.
    ("be_national_number", "INSZ 850730-010-51", ["850730-010-51"]),
    ("be_national_number", "numéro national: 850730 010 51", ["850730 010 51"]),
    ("be_national_number", "INSZ 850730-010-52", []),
    # NIP and NIF spaced or dotted, next to their word.
    ("pl_nip", "NIP 526 000 00 05", ["526 000 00 05"]),
    ("pl_nip", "tel. 526 000 00 05", []),
    ("pt_nif", "NIF 234.567.899", ["234.567.899"]),
    ("se_personnummer", "pnr: 198507099805", ["198507099805"]),
    # NINO spaced 2-6-1, and in lower case next to its word.
    ("uk_nino", "NI number: JG 103937 A", ["JG 103937 A"]),
    ("uk_nino", "my NINO is jg103937a", ["jg103937a"]),
    ("uk_nino", "file jg103937a.txt", []),
    ("uk_nino", "NINO JG 1039 37 A", []),
]


@pytest.mark.parametrize(("name", "text", "values"), CASES)
def test_national_identifier_spans(name: str, text: str, values: list[str]) -> None:
    """Valid numbers are reported with their exact span; invalid ones never."""
    recognizer: PatternRecognizer = RECOGNIZERS[name]()

    assert reported(recognizer, text) == spans_of(text, values)


def test_a_failing_checksum_is_dropped_not_down_scored() -> None:
    """The candidate is gone at every score, not just under min_score."""
    recognizer = RECOGNIZERS["pl_pesel"]()

    assert recognizer.analyze("PESEL 85073012342") == []


def test_a_spaced_personnummer_named_by_its_word_is_no_phone_number() -> None:
    """ "850709 9003" has a Swedish phone number's shape; after "personnr"
    the layer reports it as a personnummer only."""
    text = "personnr: 850709 9003"

    found = [
        (f.start, f.end, f.entity)
        for f in PatternLayer().analyze(text)
        if f.score >= MIN_SCORE
    ]

    assert found == [(10, 21, "SE_PERSONNUMMER")]
