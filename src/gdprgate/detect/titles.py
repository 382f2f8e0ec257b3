"""Titles written before a person's name, in the nine context languages.

A title tells the gender ("Frau", "Mme", "Sra.", "Pani"), so it is masked
with the name. Titles come in chains ("Herr Prof. Dr. Meier", "Dott.ssa
Avv. Rinaldi"); :data:`TITLE_RUN` matches such a chain, each title
followed by blanks. Capitalised titles count before any name; the titles of
:data:`_LOWER_LIST`, which are no ordinary words of any of the languages,
count in lower case too ("mr okafor", "herrn krüger", "il dottor Russo",
"panią Ewą Król"): "miss", "me" or "don" do not, and "pan" only before a
capitalised name ("pan Nowak", not "pan fried"). Titles written in
capitals count before a capitalised name ("MME JOSIANE LEROUX", "SIG.
SALVATORE LO RUSSO").
"""

from __future__ import annotations

import re

# Capitalised as written before a name; a full stop may follow each. "M."
# needs its full stop (see TITLE_RUN).
_TITLE_LIST = """
Mr Mrs Ms Miss Mx Dr Prof Sir Dame Lord Lady Rev Hon
Herr Herrn Frau Hr Fr Fräulein Frl
Mme Mmes Mlle Mlles MM Me Monsieur Madame Mademoiselle Messieurs Mesdames Pr
Sr Sra Srta Sres Sras Dra Señor Señora Señorita Don Doña Dña Dª D\\.ª Dr\\.ª
Sra\\.ª Lic Ing Avv Dott Dott\\.ssa Dottssa Sig Sig\\.ra Sig\\.na Signor
Signora Signorina Signore Sigg Dottor Dottore Dottoressa Prof\\.ssa
Dhr Mevr Mevrouw Meneer Mw Mej Juffrouw De_heer de_heer
Pan Pani Panna Państwo Pana Panu Panem Panie Panią Państwa Państwu
Senhor Senhora Senhorita Dona Srs
Fru Fröken Frk
"""
# Lower-case titles that are no ordinary words.
_LOWER_LIST = """
mr mrs ms mx dr dra prof prof\\.ssa herr herrn frau hr fr mme mlle monsieur
madame mademoiselle sr sra srta señor señora señorita doña dña avv ing dott
dott\\.ssa dottor dottore dottoressa sig sig\\.ra signor signora signorina
dhr mevr mevrouw mw meneer de_heer pani pana panu panem panią państwo
państwa państwu senhor senhora senhorita fru fröken
"""
# Lower-case titles that are also ordinary words before a lower-case word
# ("pan" of "a pan of water"); they count before a capitalised name only.
_LOWER_BEFORE_CAPITAL = """
pan panie panna
"""


def _alternation(listed: str) -> str:
    """The titles of ``listed``, longest first, as one alternation."""
    titles = sorted(set(listed.split()), key=len, reverse=True)
    # The detector reads NFKC-folded text, where "ª" is "a".
    return "|".join(title.replace("_", " ").replace("ª", "[ªa]") for title in titles)


_ONE_TITLE = rf"(?:(?:{_alternation(_TITLE_LIST)})\.?|M\.)"
_ONE_LOWER = rf"(?:(?:{_alternation(_LOWER_LIST)})\.?)"
_ONE_BEFORE_CAPITAL = rf"(?:(?:{_alternation(_LOWER_LIST + _LOWER_BEFORE_CAPITAL)})\.?)"
_BLANKS = r"[ \t\u00a0]+"

# One title and its blanks; a chain of them.
TITLE = rf"(?<![\w.]){_ONE_TITLE}{_BLANKS}"
TITLE_RUN = rf"(?:{TITLE})+"
LOWER_TITLE_RUN = rf"(?:(?<![\w.]){_ONE_LOWER}{_BLANKS})+"

# For :func:`gdprgate.detect.particles` and others: each title in lower
# case, without its full stop.
TITLE_WORDS = frozenset(
    title.replace("\\", "").replace(".", "").replace("_", " ").lower()
    for title in (_TITLE_LIST + _LOWER_LIST + _LOWER_BEFORE_CAPITAL).split()
) | {"m", "heer"}
# How far before a name a chain of titles may begin.
TITLE_LOOKBACK = 40

_TITLE_RUN_END = re.compile(rf"{TITLE_RUN}\Z")
_LOWER_RUN_END = re.compile(rf"{LOWER_TITLE_RUN}\Z")
_BEFORE_CAPITAL_END = re.compile(
    rf"(?:(?<![\w.])(?:{_ONE_BEFORE_CAPITAL}|{_ONE_TITLE}){_BLANKS})+\Z"
)
# Any title in any case; a run of them counts when written in capitals.
_ANY_CASE_END = re.compile(
    rf"(?:(?<![\w.])(?:{_ONE_TITLE}|{_ONE_LOWER}){_BLANKS})+\Z", re.IGNORECASE
)
_FIRST_WORD = re.compile(r"[^\W\d_]+")


def title_run_start(text: str, start: int, lower: bool = False) -> int | None:
    """Where a chain of titles that ends right at ``start`` begins, if any.

    Lower-case titles count before a capitalised name ("il dottor Russo",
    "pani Wiesi"); with ``lower`` they count before a name written in lower
    case as well. Titles in capitals count before a capitalised name ("MME
    JOSIANE LEROUX", "SIG. Salvatore", "PANI Janina"), but not a two-letter
    abbreviation in capitals without its full stop before a capitalised
    word ("FR Ausgabe", "DR Kongo").
    """
    window = max(0, start - TITLE_LOOKBACK)
    match = _TITLE_RUN_END.search(text, window, start)
    if match is None and lower:
        match = _LOWER_RUN_END.search(text, window, start)
    if match is None and text[start : start + 1].isupper():
        match = _BEFORE_CAPITAL_END.search(text, window, start)
    if match is None and text[start : start + 1].isupper():
        match = _ANY_CASE_END.search(text, window, start)
        if match is not None and not (
            _in_capitals(text, match.start())
            and (
                "." in match.group()
                or _in_capitals(text, start)
                or _spelt_out(match.group())
            )
        ):
            match = None
    return None if match is None else match.start()


# Titles in capitals that are also abbreviations or words of their own
# before a capitalised word ("PAN Card", "ING Bank", "FR Ausgabe").
_AMBIGUOUS_CAPITALS = frozenset({"pan", "ing", "don", "hon", "lic", "rev", "sig"})


def _spelt_out(run: str) -> bool:
    """Whether a run of titles in capitals has a title of three letters or
    more that is no abbreviation ("PANI", "HERR", "MME"; not "FR", "DR")."""
    words = [word.lower() for word in _FIRST_WORD.findall(run)]
    return any(len(word) >= 3 and word not in _AMBIGUOUS_CAPITALS for word in words)


def _in_capitals(text: str, start: int) -> bool:
    """Whether the word at ``start`` is written in capitals (two letters or
    more: "M." is no title in capitals)."""
    word = _FIRST_WORD.match(text, start)
    return word is not None and len(word.group()) > 1 and word.group().isupper()
