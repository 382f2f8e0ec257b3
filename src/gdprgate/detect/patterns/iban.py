"""International bank account numbers (IBAN), checked with mod-97."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from gdprgate.detect.context import Surroundings
from gdprgate.detect.patterns.base import FORMAT_SCORE, PatternRecognizer
from gdprgate.detect.patterns.scan import Feature

# Two letters, two check digits, then the account in groups of four that may
# be separated by single spaces or dashes. The country's length, looked up
# below, says where the IBAN ends. Either case: people type IBANs in
# lower case too ("de89 3704 ..."). The first letter is read before the look
# behind it, so that ``re`` can jump from one letter to the next.
_IBAN = re.compile(
    r"""
    [A-Za-z](?<![\w-][A-Za-z])
    [A-Za-z][0-9]{2}
    (?:[\ -]?[A-Za-z0-9]{4}){2,7}
    (?:[\ -]?[A-Za-z0-9]{1,3})?
    (?![\w-])
    """,
    re.VERBOSE,
)
# Capitals and digits grouped any way: "DE 41 3704 ...", "DE41 37040044 ...",
# and with the double spaces of a scan ("DE50  5260  1815 ..."). Only
# capitals, so that words of a sentence never join a group; the country's
# length and the checksum decide where it ends and whether it is one.
_IBAN_GROUPED = re.compile(
    r"""
    [A-Z](?<![\w-][A-Z])
    [A-Z](?:\ {1,2}|-)?[0-9]{2}[0-9A-Z]*
    (?:(?:\ {1,2}|-)[0-9A-Z]+){0,16}
    (?![\w-])
    """,
    re.VERBOSE,
)
_GROUP_SEPARATORS = " -"
# An IBAN in capitals broken across a line, as a narrow mail or a form
# wraps it: "DE44 5001 0517\n5407 3249 31". Blank-separated groups on each
# side of one line break; the country's length and the checksum decide the
# rest. Possessive runs, and bounded: an IBAN has at most 34 letters and
# digits, so neither side holds more groups or longer ones, and a long line
# of groups that is no IBAN ("DE44 5001 0517 " repeated) is read a few
# groups ahead of each place tried, not to its end (unbounded, 20,000
# repeats took 16 s instead of 2).
_IBAN_BROKEN = re.compile(
    r"""
    [A-Z](?<![\w-][A-Z])
    [A-Z][0-9]{2}[0-9A-Z]{0,30}+(?:\ [0-9A-Z]{1,30}+){0,30}+
    [\ \t]*\r?\n[\ \t]*
    [0-9A-Z]{1,34}+(?:\ [0-9A-Z]{1,34}+){0,33}+
    (?![\w-])
    """,
    re.VERBOSE,
)
_LINE_BREAK = re.compile(r"[\ \t]*\r?\n[\ \t]*")

# Lengths from the SWIFT IBAN registry. Countries not listed are accepted at
# any IBAN length (15-34) when the checksum holds.
_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16,
    "BG": 22, "BH": 22, "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28,
    "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24,
    "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18,
    "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23,
    "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32,
    "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22,
    "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15, "PK": 24,
    "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24,
    "SC": 31, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28,
    "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}  # fmt: skip


def iban_checksum_ok(compact: str) -> bool:
    """The ISO 13616 mod-97 check on an IBAN written without spaces."""
    rearranged = compact[4:] + compact[:4]
    digits = "".join(str(int(char, 36)) for char in rearranged)
    return int(digits) % 97 == 1


def _compact(value: str) -> str:
    """``value`` without its group separators (and the line break of a
    broken IBAN), in capitals."""
    return _LINE_BREAK.sub("", value).replace(" ", "").replace("-", "").upper()


def _broken_across_lines(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of an IBAN broken by one line break, cut at its country's
    length, when its checksum holds; ``None`` otherwise.

    Only a registry country counts, and the cut must fall at the end of a
    group on the second line ("DE44 5001 0517\n5407 3249 315" is no IBAN);
    an IBAN whole on its first line is the other patterns' to find.
    A failing checksum is never kept, even after "IBAN": two lines of
    numbers are not one account without it.
    """
    expected = _LENGTHS.get(text[start : start + 2])
    if expected is None:
        return None
    count = 0
    cut = start
    while cut < end and count < expected:
        count += text[cut].isalnum()
        cut += 1
    if count < expected or (cut < end and text[cut].isalnum()):
        return None
    if "\n" not in text[start:cut] or not iban_checksum_ok(_compact(text[start:cut])):
        return None
    return start, cut


class IbanRecognizer(PatternRecognizer):
    """IBANs with the right length for their country and a valid mod-97.

    After the word "IBAN" an account of a registry country's length is
    reported even when its checksum fails (fail closed: a mistyped IBAN
    still points at someone's account), at the format score.
    """

    name = "iban"
    entity = "IBAN_CODE"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (
        _IBAN,
        _IBAN_GROUPED,
        _IBAN_BROKEN,
    )
    needs = Feature.DIGIT
    explanation = (
        "an IBAN of its country's length whose mod-97 check holds, or any"
        " after the word IBAN"
    )
    context = "iban"

    def refine(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """Cut the match at its country's length, then check it."""
        if "\n" in text[start:end]:
            return _broken_across_lines(text, start, end)
        expected = _LENGTHS.get(text[start : start + 2].upper())
        if expected is None:
            return super().refine(text, start, end)

        # Walk to the end of the ``expected``-th character that is not a
        # separator; a longer group there means the match is no IBAN.
        count = 0
        cut = start
        while cut < end and count < expected:
            count += text[cut] not in _GROUP_SEPARATORS
            cut += 1
        if count < expected or (cut < end and text[cut] not in _GROUP_SEPARATORS):
            return None
        if self._named_account(text, start, cut):
            return start, cut
        return super().refine(text, start, cut)

    def _named_account(self, text: str, start: int, end: int) -> bool:
        """A registry country's account of one kind of separator, after the
        word "IBAN", whatever its checksum."""
        value = text[start:end]
        if (" " in value and "-" in value) or not _compact(value)[2:4].isdigit():
            return False
        return Surroundings(text, start, end, (3, 0)).has("iban")

    def context_score(
        self, text: str, start: int, end: int, languages: Sequence[str]
    ) -> float:
        """Full with a valid checksum; the format score after "IBAN" alone."""
        if iban_checksum_ok(_compact(text[start:end])):
            return self.score
        return FORMAT_SCORE

    def validate(self, value: str) -> bool:
        """One kind of separator, the country's length and a valid checksum."""
        if " " in value and "-" in value:
            return False

        compact = _compact(value)
        expected = _LENGTHS.get(compact[:2])
        if expected is None:
            # An unknown country in lower case is more likely a code than
            # an account: only capitals may name one outside the registry.
            if not value[:2].isupper() or not 15 <= len(compact) <= 34:
                return False
        elif len(compact) != expected:
            return False
        return iban_checksum_ok(compact)
