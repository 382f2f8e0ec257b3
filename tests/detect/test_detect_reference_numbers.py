"""Customer, policy, contract, member and student numbers after their label."""

from __future__ import annotations

import pytest

from gdprgate.detect.patterns.reference_numbers import ReferenceNumberRecognizer
from tests.detect.pattern_cases import reported, spans_of

CASES: list[tuple[str, list[str]]] = [
    ("Policy no: HH-4471-0923\nProperty: 18 Cathedral Road", ["HH-4471-0923"]),
    ("Student ID: 2291884   DOB: 03-Mar-2004", ["2291884"]),
    ("Kundennummer 100234 bitte angeben", ["100234"]),
    ("Uw klantnummer is 772310. Met", ["772310"]),
    ("Ihre Kundennummer ist: 4410-88", ["4410-88"]),
    ("N° CONTRAT : MRH-2291-7781", ["MRH-2291-7781"]),
    ("je suis cliente n° 554321. Ma carte", ["554321"]),
    ("Póliza: AUT-5520193", ["AUT-5520193"]),
    ("Polizza n. 778-2290-11", ["778-2290-11"]),
    ("la sottoscritta, matricola 0000912345, nata", ["0000912345"]),
    ("Polisnummer: 44-12-889", ["44-12-889"]),
    ("Nr polisy: OC/2026/55123", ["OC/2026/55123"]),
    ("studentką, nr albumu 245611, jest", ["245611"]),
    ("Apólice: 0045-889-12", ["0045-889-12"]),
    ("Försäkringsnummer: 8812-334", ["8812-334"]),
    # A bare customer word and a colon, in German, Swedish, Polish, Dutch.
    ("Kund: VARG-118, ärende om faktura", ["VARG-118"]),
    ("Klient: KOWAL-204 zgłosił reklamację", ["KOWAL-204"]),
    ("Kunde: MEIER-330\nBetreff: Rückruf", ["MEIER-330"]),
    ("Klant: JANS-770 belde gisteren", ["JANS-770"]),
    ("Paziente: ORSO-512 in sala 3.", ["ORSO-512"]),
    ("Paciente: LOBO-631, cama 4", ["LOBO-631"]),
    ("Pacjent: WILK-407 przyjęty", ["WILK-407"]),
    ("Paziente di 45 anni, in sala 3", []),
    ("Kunde seit 2019, sehr zufrieden", []),
    ("Kund: okänd, inget nummer", []),
    ("Klient: ABC-12 (testowy)", []),
    ("Kunde 2024/25 Umsatz", []),
    # Years, dates, versions, words and counts after the same words.
    ("our privacy policy 2024 update", []),
    ("Policy: 01.02.2024", []),
    ("every student 2024/25 enrolled", []),
    ("client 1.2.3 released", []),
    ("Kundennummer: unbekannt", []),
    ("the customer 12 times", []),
    ("Bestellnummer 4471-22 ist unterwegs", []),
    # A year's quarter, half or week after the same words.
    ("Client 2024-Q3 report", []),
    ("Kundennummer Q1/2026 folgt", []),
    ("Policy no: Q3-2291-77 renewed", ["Q3-2291-77"]),
    # A word and a port after a bare "Policy:" name a firewall rule; with a
    # number word, or a code that is no word, it stays a policy number.
    ("Policy: ALLOW-443", []),
    ("firewall policy DENY-445 applied", []),
    ("Policy no: ALLOW-443", ["ALLOW-443"]),
    ("Policy: KFZ-443", ["KFZ-443"]),
    ("Policy: HOME-4471-0923", ["HOME-4471-0923"]),
    ("Póliza: AUTO-5520", ["AUTO-5520"]),
    # Only a rule's action after "Policy" makes a rule: a surname or any
    # other word and three digits after a file word stay a person's file.
    ("Policy: HOME-448 holder Anna Reeve", ["HOME-448"]),
    ("policy: FAMILY-220 renewed", ["FAMILY-220"]),
    ("Claim: WATER-225 for the flat", ["WATER-225"]),
    ("Cliente: VOLPE-221, richiamare domani.", ["VOLPE-221"]),
    ("Aluno: PATO-608 faltou ao exame.", ["PATO-608"]),
    ("Client: ALLOW-443", ["ALLOW-443"]),
    ("Policy: BLOCK-445 on the edge proxy", []),
    ("Policy: PERMIT-080", []),
]


@pytest.mark.parametrize(("text", "values"), CASES)
def test_reference_number_spans(text: str, values: list[str]) -> None:
    """The number after its label, exactly; years, dates and words stay out."""
    assert reported(ReferenceNumberRecognizer(), text) == spans_of(text, values)
