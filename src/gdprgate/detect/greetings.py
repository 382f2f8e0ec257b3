"""Greeting, thanks and sign-off words cut off the front of a name.

The model reads "Merci Julien" or "Obrigado Rafael" as one name; the word
before the name is no part of it. :func:`trim_greetings` cuts such words
(in the nine context languages, any case, with a comma after them) off the
start of each ``PERSON`` finding, and drops a finding that is nothing else.
Words that are also names ("Dag", "Cara", "Cher", "Good") are not listed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from gdprgate.detect.finding import Finding

_GREETING_LIST = """
hi hello hey hiya howdy dear thanks thank thx cheers regards greetings
congratulations congrats welcome bye goodbye morning afternoon evening
hallo danke dankeschön vielen dank liebe lieber liebes servus moin tschüss
grüße gruß grüß guten morgen tag abend sehr geehrte geehrter
merci bonjour bonsoir salut coucou chère chers chères bises bisous
hola gracias muchas buenos buenas días tardes noches querido querida
estimado estimada saludos adiós
ciao grazie salve buongiorno buonasera carissimo carissima gentile egregio
egregia saluti arrivederci
hoi bedankt dankjewel dankuwel groetjes groeten geachte goedemorgen
goedemiddag goedenavond doei
cześć dzięki dziękuję dzień dobry witam witaj pozdrawiam szanowny szanowna
olá oi obrigado obrigada valeu bom boa prezado prezada tchau
hej hejsan hallå tack god kära käre hälsningar tjena
"""
GREETINGS = frozenset(_GREETING_LIST.split())
_FIRST_WORD = re.compile(r"([^\W\d_]+)[\s,!:;]+")


def trim_greetings(text: str, findings: Iterable[Finding]) -> list[Finding]:
    """``findings`` with greeting words cut off the start of each
    ``PERSON`` ("Merci Julien" -> "Julien"); one that is only greeting
    words is dropped."""
    kept: list[Finding] = []
    for finding in findings:
        if finding.entity != "PERSON":
            kept.append(finding)
            continue
        start = finding.start
        while True:
            word = _FIRST_WORD.match(text, start, finding.end)
            if word is None or word.group(1).lower() not in GREETINGS:
                break
            start = word.end()
        if text[start : finding.end].lower().strip() in GREETINGS:
            continue  # only a greeting
        if start == finding.start:
            kept.append(finding)
        else:
            kept.append(
                Finding(start, finding.end, "PERSON", finding.score, finding.source)
            )
    return kept
