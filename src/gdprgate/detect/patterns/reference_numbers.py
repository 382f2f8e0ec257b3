"""Customer, policy, contract, member and student numbers after their label.

Such a number is no checksum's: "Policy no: HH-4471-0923", "Polisnummer:
44-12-889", "Nr polisy: OC/2026/55123", "matricola 0000912345". It points
at one person's file all the same, so a letter to an insurer or a
university that keeps it keeps the person. The label makes it one: a word
for a customer, a policy, a contract, a membership or a student, with its
"number" word ("no", "Nr.", "n°") or as one compound ("Kundennummer",
"Försäkringsnummer"), then the number in capitals and digits with at least
three digits ("Policy: 2024" is a year; "Kundennummer: unbekannt" none).
Order, invoice and ticket numbers name a purchase, not a person, and have
no label here. On 186 hand-written claims, letters and forms (fictional),
these numbers were 7 of the 28 values left outside every finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from gdprgate.detect.patterns.base import FORMAT_SCORE, PatternRecognizer
from gdprgate.detect.patterns.scan import Feature, TextScan

# Compounds that hold their own "number" word.
_COMPOUNDS = """
    kundennummer kundennr vertragsnummer vertragsnr policennummer
    versicherungsscheinnummer mitgliedsnummer matrikelnummer
    patientennummer schadennummer
    polisnummer klantnummer lidnummer studentnummer relatienummer
    schadenummer
    försäkringsnummer kundnummer medlemsnummer avtalsnummer skadenummer
    policenummer kundenummer
    vakuutusnumero asiakasnumero jäsennumero opiskelijanumero
    matricola
"""
# Words for the file a number points at, before their "number" word.
_FILE_WORDS = """
    policy customer client member membership student patient claim
    contrat client cliente police adhérent étudiant sinistre
    póliza cliente socio alumno
    polizza cliente socio studente sinistro
    kunde
    paciente paziente
    polis klant patiënt
    klient pacjent polisy klienta umowy albumu szkody
    apólice cliente aluno sócio
    kund
"""
_NUMBER_WORDS = (
    r"(?:number|no\.?|nr\.?|n\.?\ ?[°º]\.?|n\.|num\.?|núm\.?"
    r"|numero|número|numéro|numer|#|id)"
)
_FILE = "|".join(sorted(_FILE_WORDS.split(), key=len, reverse=True))
_COMPOUND = "|".join(sorted(_COMPOUNDS.split(), key=len, reverse=True))
# "Policy no: X", "N° CONTRAT : X", "Nr polisy: X", "número de póliza X",
# "cliente n° X", "Kundennummer X", "Policy: X".
_LABEL = (
    rf"(?:{_COMPOUND}"
    rf"|{_NUMBER_WORDS}\ (?:de\ |d['’])?(?:{_FILE})"
    rf"|(?P<file>{_FILE})(?P<numbered>\ {_NUMBER_WORDS})?)"
)
_REFERENCE = re.compile(
    rf"(?<![\w-])(?i:{_LABEL})(?i:\ (?:is|ist|est|es|è|é|jest|är|er))?[ \t]*[:#]?[ \t]*"
    r"(?P<value>[A-Z0-9](?:[A-Z0-9]|[/.\-](?=[A-Z0-9])){3,24})(?![\w/-])"
)
_FEWEST_DIGITS = 3
# A word and three digits after a bare "Policy:" name a rule of a
# firewall or a proxy ("Policy: ALLOW-443", a port), not a person's file,
# when the word is what such a rule does. Any other word stays a file's
# number: a patient's, a client's or a policy's code is often a surname or
# a word and three digits ("Patient: BROWN-118", "Cliente: VOLPE-221",
# "Policy: HOME-448").
_RULE_NAME = re.compile(r"(?P<word>[A-Z]{4,})-\d{3}")
_RULE_ACTIONS = frozenset(
    {
        "allow", "deny", "drop", "block", "permit", "reject", "accept", "pass",
        "forward", "redirect", "allowed", "denied", "blocked", "dropped",
        "inbound", "outbound", "ingress", "egress",
    }
)  # fmt: skip
_RULE_FILES = frozenset({"policy"})
# A year, a range of years, a date, a version, or a year's quarter, half
# or week: "student 2024/25", "Policy: 01.02.2024", "client 1.2.3",
# "Client 2024-Q3 report".
_NOT_REFERENCE = re.compile(
    r"\d{4}|(?:19|20)\d\d[/-](?:19|20)?\d\d|\d+(?:\.\d+)+"
    r"|(?:19|20)\d\d[/.-]?(?:Q[1-4]|H[12]|KW\d\d?|W\d\d?)"
    r"|(?:Q[1-4]|H[12]|KW\d\d?|W\d\d?)[/.-]?(?:19|20)\d\d"
    r"|(?:[0-2]?\d|3[01])[./-](?:0?\d|1[0-2])[./-](?:\d{2}|\d{4})"
)


class ReferenceNumberRecognizer(PatternRecognizer):
    """A customer, policy, contract, member or student number after its
    label."""

    name = "reference_number"
    entity = "ID_NUMBER"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_REFERENCE,)
    needs = Feature.DIGIT
    explanation = (
        "a number after a customer, policy, contract, member or student "
        "label: Policy no: HH-4471-0923, Kundennummer 100234"
    )
    score = FORMAT_SCORE

    def candidates(self, text: str, scan: TextScan) -> Iterator[tuple[int, int]]:
        """The values after a label, without the rule names after a bare
        file word (see :data:`_RULE_NAME`)."""
        for match in _REFERENCE.finditer(text):
            file = match.group("file")
            if file and file.lower() in _RULE_FILES and not match.group("numbered"):
                rule = _RULE_NAME.fullmatch(match.group("value"))
                if rule is not None and rule.group("word").lower() in _RULE_ACTIONS:
                    continue
            yield match.span("value")

    def validate(self, value: str) -> bool:
        """Three digits or more, and no year, date or version."""
        digits = sum(char.isdigit() for char in value)
        return digits >= _FEWEST_DIGITS and _NOT_REFERENCE.fullmatch(value) is None
