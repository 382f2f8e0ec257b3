"""Titles written before a person's name, in the nine context languages.

A title tells the gender ("Frau", "Mme", "Sra.", "Pani"), so it is masked
with the name. Titles come in chains ("Herr Prof. Dr. Meier", "Dott.ssa
Avv. Rinaldi"); :data:`TITLE_RUN` matches such a chain, each title
followed by blanks. Capitalised titles count before any name; the titles of
:data:`_LOWER_LIST`, which are no ordinary words of any of the languages,
count in lower case too, before a name written in lower case ("mr okafor",
"herrn krüger", "frau yilmaz"): "miss", "me", "don" or "pan" do not.
"""

from __future__ import annotations

import re

# Capitalised as written before a name; a full stop may follow each. "M."
# needs its full stop (see TITLE_RUN).
_TITLE_LIST = """
Mr Mrs Ms Miss Mx Dr Prof Sir Dame Lord Lady Rev Hon
Herr Herrn Frau Hr Fr Fräulein Frl
Mme Mmes Mlle Mlles MM Me Monsieur Madame Mademoiselle Messieurs Mesdames Pr
Sr Sra Srta Sres Sras Señor Señora Señorita Don Doña Dña Dª D\\.ª Dr\\.ª
Sra\\.ª Lic Ing Avv Dott Dott\\.ssa Dottssa Sig Sig\\.ra Sig\\.na Signor
Signora Signorina Sigg
Dhr Mevr Mevrouw Meneer Mw Mej Juffrouw De_heer de_heer
Pan Pani Panna Państwo
Senhor Senhora Senhorita Dona Srs
Fru Fröken Frk
"""
# Lower-case titles that are no ordinary words.
_LOWER_LIST = """
mr mrs ms mx dr prof herr herrn frau hr fr mme mlle monsieur madame
mademoiselle sr sra srta señor señora señorita doña dña avv dott dott\\.ssa
sig sig\\.ra signor signora signorina dhr mevr mevrouw meneer de_heer pani
senhor senhora senhorita fru fröken
"""


def _alternation(listed: str) -> str:
    """The titles of ``listed``, longest first, as one alternation."""
    titles = sorted(set(listed.split()), key=len, reverse=True)
    # The detector reads NFKC-folded text, where "ª" is "a".
    return "|".join(title.replace("_", " ").replace("ª", "[ªa]") for title in titles)


_ONE_TITLE = rf"(?:(?:{_alternation(_TITLE_LIST)})\.?|M\.)"
_ONE_LOWER = rf"(?:(?:{_alternation(_LOWER_LIST)})\.?)"
_BLANKS = r"[ \t\u00a0]+"

# One title and its blanks; a chain of them.
TITLE = rf"(?<![\w.]){_ONE_TITLE}{_BLANKS}"
TITLE_RUN = rf"(?:{TITLE})+"
LOWER_TITLE_RUN = rf"(?:(?<![\w.]){_ONE_LOWER}{_BLANKS})+"

# For :func:`gdprgate.detect.particles` and others: each title in lower
# case, without its full stop.
TITLE_WORDS = frozenset(
    title.replace("\\", "").replace(".", "").replace("_", " ").lower()
    for title in (_TITLE_LIST + _LOWER_LIST).split()
) | {"m", "heer"}
# How far before a name a chain of titles may begin.
TITLE_LOOKBACK = 40

_TITLE_RUN_END = re.compile(rf"{TITLE_RUN}\Z")
_LOWER_RUN_END = re.compile(rf"{LOWER_TITLE_RUN}\Z")


def title_run_start(text: str, start: int, lower: bool = False) -> int | None:
    """Where a chain of titles that ends right at ``start`` begins, if any.

    With ``lower``, the lower-case titles count as well (before a name
    written in lower case).
    """
    window = max(0, start - TITLE_LOOKBACK)
    match = _TITLE_RUN_END.search(text, window, start)
    if match is None and lower:
        match = _LOWER_RUN_END.search(text, window, start)
    return None if match is None else match.start()
