"""Greeting, thanks and sign-off words cut off the front of a name.

The model reads "Merci Julien" or "Obrigado Rafael" as one name; the word
before the name is no part of it. :func:`trim_greetings` cuts such words
(in the nine context languages, any case, with a comma after them) off the
start of each ``PERSON`` finding, and drops a finding that is nothing else.
Words that are also names ("Dag", "Cara", "Cher", "Good") are not listed;
greeting words that are surnames too ("Dank", "Morgen", "Lieber",
"Gentile") are cut only after another greeting word ("Vielen Dank, Stefan",
"Guten Morgen Anna") and never dropped. A finding right after a title
("Frau Dank", "Mr. Morning") is a name and stays whole. Closings of a
message count as well ("xoxo", "Buziaki", "Kram", "Liefs"): the model
reads some of them as a name of their own, and so do formal closings
and their spellings without umlauts ("Mit freundlichen Gruessen",
"Cordialement", "Atentamente"). A greeting word alone right after a
word that opens a message and addresses someone ("Hallo Gruessen,") is
whom it addresses, and stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from gdprgate.detect.finding import Finding
from gdprgate.detect.titles import title_run_start

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
xoxo sincerely yours mfg mvg mvh cdlt amicalement salutations besos abrazos
bacioni abbraccio liefs buziaki pozdro całuję beijos beijinhos abraço
abraços kram hälsar
grüßen grüssen gruessen gruesse freundlichen freundliche cordialement
atentamente cordiali cumprimentos atenciosamente
"""
GREETING_WORDS = frozenset(_GREETING_LIST.split())
# Greeting words that are also surnames or given names: cut only after
# another greeting word, never a finding of their own.
_NAME_LIKE_LIST = """
dank morgen liebe lieber gentile
"""
_NAME_LIKE = frozenset(_NAME_LIKE_LIST.split())
_FIRST_WORD = re.compile(r"([^\W\d_]+)[\s,!:;]+")
# Words that open a message and address someone: a greeting word right
# after one is the name of whom it addresses ("Hallo Gruessen," for a Mr
# Gruessen), not a closing.
_OPENERS = """
hi hello hey hiya dear hallo moin servus geehrte geehrter bonjour salut
hola ciao hoi
"""
_ADDRESSED = re.compile(rf"(?<![\w])(?i:{'|'.join(_OPENERS.split())})[ \t]+$")


def trim_greetings(text: str, findings: Iterable[Finding]) -> list[Finding]:
    """``findings`` with greeting words cut off the start of each
    ``PERSON`` ("Merci Julien" -> "Julien"); one that is only greeting
    words is dropped (see the module doc for words that are names too)."""
    kept: list[Finding] = []
    for finding in findings:
        if (
            finding.entity != "PERSON"
            or title_run_start(text, finding.start, lower=True) is not None
        ):
            kept.append(finding)
            continue
        start = finding.start
        cut_any = False
        while True:
            word = _FIRST_WORD.match(text, start, finding.end)
            if word is None:
                break
            lower = word.group(1).lower()
            if lower not in GREETING_WORDS or (lower in _NAME_LIKE and not cut_any):
                break
            start, cut_any = word.end(), True
        rest = text[start : finding.end].lower().strip()
        if (
            rest in GREETING_WORDS
            and rest not in _NAME_LIKE
            and not _ADDRESSED.search(text, max(0, start - 20), start)
        ):
            continue  # only a greeting
        if start == finding.start:
            kept.append(finding)
        else:
            kept.append(
                Finding(start, finding.end, "PERSON", finding.score, finding.source)
            )
    return kept
