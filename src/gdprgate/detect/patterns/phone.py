"""Telephone numbers, found and validated by ``phonenumbers``."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator, Sequence

import phonenumbers

from gdprgate.detect.context import has_context, window, word_right_before
from gdprgate.detect.context_words import CONTEXT_LANGUAGES
from gdprgate.detect.patterns.base import NEGATIVE_SCORE, PatternRecognizer
from gdprgate.detect.patterns.scan import Feature, TextScan

# National formats are tried for these regions; numbers written with a
# ``+`` country code are found for every country whatever the region.
REGIONS = ("DE", "FR", "ES", "IT", "NL", "PL", "GB", "US")
# Regions whose national numbers have no trunk "0" (Danish "20 12 34 56",
# Portuguese "912 345 678") or that the regions above do not cover by
# chance: tried only for a run written in groups with a telephone word
# near it ("tlf.", "ring", "nummer"). Any eight digits are a valid Danish
# number, so a bare run ("Bestellnummer 20123456") is never read this way.
# On 156 hand-written letters, chats and forms (fictional), Danish numbers
# were 2 of the 3 phone numbers left partly outside a finding.
NEARBY_REGIONS = ("DK", "NO", "SE", "FI", "PT", "AT", "CH", "BE", "IE")
# A run in groups: digits, a space, dash or dot, and digits again.
_GROUPED = re.compile(r"\d[\ \t\u00a0.\-]\d")
# What may stand between a label and its number: "Order number: 20 12 34 56",
# "sagsnummer er 20 12 34 56", "Bestellnummer #12 34 56 78".
_LABEL_GAP = re.compile(r"[\ \t\u00a0]*(?:[:#=]|is|er|ist|är)?[\ \t\u00a0:#]*")
_LABEL_REACH = 40

# A run that could hold a phone number: an optional "+" or "(", digits and
# the separators people write between them, ending in a digit.
_CLUSTER = re.compile(r"[+(]?\d[\d \t\u00a0().\-/]{4,40}\d\)?")
_MIN_DIGITS = 6
# The fewest digits of a bare number read as one with its country code.
_INTERNATIONAL_DIGITS = 11
# Dates and times are never numbers worth asking phonenumbers about; a
# date with the hour of a time after it ("2024-05-01 12" of "... 12:30")
# is no number either.
_DATE = re.compile(
    r"(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})(?:[\ \t]\d{1,2})?"
)
# An IPv4 address ("[209.85.208.41]" of a mail header): the IP recognizer's.
_DOTTED_QUAD = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
# An amount: thousands groups after a first digit that is not a trunk 0
# ("168.000", "1,250,000.00"), or cents ("123456789.00").
_AMOUNT = re.compile(r"[1-9]\d{0,2}(?:[.,]\d{3})+(?:[.,]\d{2})?|\d+[.,]\d{2}")
# The 3-2-4 layout of a US social security number.
_SSN_SHAPE = re.compile(r"\d{3}([-\ ])\d{2}\1\d{4}")
# A run inside an e-mail address: the rest of a local part and its "@" right
# after it ("anna.100123@example.org"), or an "@" and part of a domain
# right before it ("anna@mail100123.example.org").
_LOCAL_PART_AFTER = re.compile(r"[\w.%+\-]{0,64}@")
_DOMAIN_BEFORE = re.compile(r"@[\w.\-]{0,253}\Z")


@functools.cache
def _fewest_digits(region: str) -> int:
    """The fewest digits a valid national number of ``region`` has.

    A run with fewer digits cannot hold one, so ``phonenumbers`` need not be
    asked; the lengths come from its own metadata.
    """
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    general = metadata.general_desc if metadata else None
    return min(general.possible_length if general else (), default=1)


@functools.cache
def _valid_shapes(region: str) -> re.Pattern[str]:
    """Every national number ``phonenumbers`` calls valid for ``region``'s
    country code (all regions that share it: the NANP's for "US").

    A piece of text whose digits hold no run that fully matches one of these
    patterns holds no valid national number of the region; the number types'
    own patterns come from ``phonenumbers``' metadata.
    """
    code = phonenumbers.country_code_for_region(region)
    parts: list[str] = []
    for member in phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(code, (region,)):
        metadata = phonenumbers.PhoneMetadata.metadata_for_region(member)
        if metadata is None:
            continue
        for desc in (
            metadata.fixed_line, metadata.mobile, metadata.toll_free,
            metadata.premium_rate, metadata.shared_cost, metadata.personal_number,
            metadata.voip, metadata.pager, metadata.uan, metadata.voicemail,
        ):  # fmt: skip
            if desc is not None and desc.national_number_pattern:
                parts.append(f"(?:{desc.national_number_pattern})")
    return re.compile("|".join(parts) or r"(?!)")


def _may_hold_number(piece: str, region: str) -> bool:
    """Whether ``piece`` may hold a valid national number of ``region``.

    A cheap look before ``phonenumbers``' matcher, which tries each part of
    a long run of digits in turn (about 1 ms a region for a 40-character
    run). Only sure answers say no: letters (read as digits), a "+" or an
    international prefix ("00", "011") may bring in another country's
    number, so such pieces are always handed on.
    """
    if "+" in piece or any(char.isalpha() for char in piece):
        return True
    digits = phonenumbers.normalize_digits_only(piece)
    if "00" in digits or "011" in digits:
        return True
    return _valid_shapes(region).search(digits) is not None


@functools.lru_cache(maxsize=4096)
def _matches(piece: str, region: str) -> tuple[tuple[int, int], ...]:
    """``phonenumbers``' valid matches in ``piece`` for ``region``.

    Cached: text dense with numbers (tables, logs) repeats its pieces.
    """
    if not _may_hold_number(piece, region):
        return ()
    matcher = phonenumbers.PhoneNumberMatcher(
        piece, region, leniency=phonenumbers.Leniency.VALID
    )
    return tuple((int(match.start), int(match.end)) for match in matcher)


def _possible_matches(piece: str, region: str) -> tuple[tuple[int, int], ...]:
    """``phonenumbers``' matches in ``piece`` of a possible length and
    country code for ``region``, valid or not (a new or test range)."""
    matcher = phonenumbers.PhoneNumberMatcher(
        piece, region, leniency=phonenumbers.Leniency.POSSIBLE
    )
    return tuple((int(match.start), int(match.end)) for match in matcher)


def is_phone_number(digits: str, regions: tuple[str, ...] = REGIONS) -> bool:
    """Whether a run of bare ``digits`` is someone's telephone number.

    It is when ``phonenumbers`` finds it valid as written in one of the
    ``regions`` ("07700900123", "2125550143"), or read with a "+" in front
    ("4915123456789"); from eleven digits on, a country code and a number of
    a length that country gives out is enough ("447700900123": test and new
    ranges are not yet valid, yet still a person's number). Used to keep
    such digits from being read as a quantity or a time.
    """
    piece = f" {digits} "
    if any(
        (1, len(digits) + 1) in _matches(piece, region)
        for region in regions
        if len(digits) >= _fewest_digits(region)
    ):
        return True
    try:
        number = phonenumbers.parse(f"+{digits}")
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(number) or (
        len(digits) >= _INTERNATIONAL_DIGITS and phonenumbers.is_possible_number(number)
    )


def _labelled(text: str, start: int) -> bool:
    """Whether a phone label ("phone", "mobile:", ``"tel":"``, "Handy")
    stands right before ``start``: at most one word away."""
    return has_context(text, start, start, "phone_label", size=(2, 0))


def _labelled_otherwise(text: str, start: int) -> bool:
    """Whether an order, invoice, case or article word labels the run at
    ``start`` ("Order number 20 12 34 56", "sagsnummer 20 12 34 56"): the
    telephone word near it then speaks of something else ("Ring til os;
    sagsnummer ..."), and the run, any eight digits being a valid Danish
    number, is the order's."""
    return word_right_before(
        text, start, "negative", CONTEXT_LANGUAGES, _LABEL_GAP, _LABEL_REACH
    )


def _in_email(text: str, start: int, end: int) -> bool:
    """Whether the run ``text[start:end]`` is part of an e-mail address.

    Only a run without spaces can be; and only characters an address holds
    may stand between the run and its "@" (in compact JSON the next field's
    address is no part of it: ``"+4930901820","email":"a@example.org"``).
    """
    if any(char.isspace() for char in text[start:end]):
        return False
    return (
        _LOCAL_PART_AFTER.match(text, end) is not None
        or _DOMAIN_BEFORE.search(text, max(0, start - 254), start) is not None
    )


# Years in a row ("models 2024 2025"): any eight digits are a Danish
# number, but a run of years counting up is a list of years.
_YEAR = r"(?:19|20)\d{2}"
# The widest step between two years of a list: years listed together are
# seasons, models or editions close to each other ("2019, 2020, 2021",
# "1999, 2003"); a Danish number that reads as two years is as often far
# apart ("2024 2031", "2013 2056"), and stays a number near a phone word.
_YEAR_STEP = 5
_YEARS = re.compile(rf"{_YEAR}(?:[\ \t\u00a0,/]+{_YEAR})+")
# An area code in brackets right before a number: "(11) 98765-4321".
# A copula or a colon between a telephone word and its number, in the
# nine languages: "number is", "nummer är", "Nummer ist", "numéro est".
_COPULA_BEFORE = re.compile(
    r"[\ \t\u00a0](?:is|was|ist|war|est|était|es|era|è|é|jest|był|było"
    r"|är|var|er)[\ \t\u00a0]*:?[\ \t\u00a0]*\Z|[\ \t\u00a0]*[:=][\ \t\u00a0]*\Z",
    re.IGNORECASE,
)
_COPULA_REACH = 12
# A verb of calling, or being reachable, a few words before the run, in
# the nine languages: "ring på 2012 2015", "call me on 2019 2022", "ruf
# mich unter 2019 2022 an", "joignable au 2045 2089". Only verbs: "The
# phone models 2024 2025" speaks of years.
_CALL_VERB = re.compile(
    r"(?<![^\W\d_])(?i:call|calling|dial|ruf|rufe|ruft|rufen|anrufen|appelle"
    r"|appelez|appeler|joindre|llama|llame|llamar|llámame|llámeme|chiama"
    r"|chiamami|chiamare|chiamate|bel|bellen|belt|zadzwoń|dzwoń|zadzwonić"
    r"|dzwonić|ligar|ring|ringa|ringer|ringde|reachable|erreichbar"
    r"|joignable|localizable|raggiungibile|reperibile|bereikbaar|nås)"
    r"(?![^\W\d_])"
)
_CALL_VERB_WORDS = 4
_AREA_CODE_BEFORE = re.compile(r"\(\d{1,5}\)[\ \t\u00a0]?\Z")
_AREA_CODE_REACH = 8


def _years_listed(text: str, start: int, piece: str) -> bool:
    """Whether ``piece`` (its run at ``start`` in ``text``) is a run of
    years counting up in small steps ("models 2024 2025", "1999, 2003"),
    not a number written in groups: no telephone word right before it
    ("tlf. 2024 2025" stays a Danish number) nor a verb of calling a few
    words before ("ring på 2012 2015"), and no wide step ("Ring
    Nisse på 2024 2031": a person's number; see :data:`_YEAR_STEP`)."""
    value = piece.strip(" \t\u00a0().,/-")
    if _YEARS.fullmatch(value) is None:
        return False
    years = [int(year) for year in re.findall(r"\d{4}", value)]
    if any(not 0 < high - low <= _YEAR_STEP for low, high in itertools.pairwise(years)):
        return False
    if has_context(text, start, start, "phone", size=(1, 0)):
        return False
    if _call_verb_before(text, start):
        return False
    # "Mitt nummer är 2013 2056", "Handynummer ist 2045 2089": a telephone
    # word, then a copula or a colon right before the run.
    copula = _COPULA_BEFORE.search(text, max(0, start - _COPULA_REACH), start)
    return copula is None or not (
        has_context(text, copula.start(), copula.start(), "phone", size=(1, 0))
        or _labelled(text, copula.start())
    )


def _call_verb_before(text: str, start: int) -> bool:
    """Whether a verb of calling stands a few words before ``start``."""
    low, _ = window(text, start, start, _CALL_VERB_WORDS, 0)
    return _CALL_VERB.search(text, low, start) is not None


def _without_bracket(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without an opening bracket that has no closing one
    ("BSN (234 567 818)": the bracket is not the number's), and with an
    area code in brackets right before it, which a region's matcher may
    leave out ("(11) 98765-4321": a Brazilian mobile; fail closed)."""
    if text[start] == "(" and ")" not in text[start:end]:
        start += 1
    area = _AREA_CODE_BEFORE.search(text, max(0, start - _AREA_CODE_REACH), start)
    if area is not None:
        start = area.start()
    return start, end


class PhoneRecognizer(PatternRecognizer):
    """Numbers that ``phonenumbers`` finds and judges valid for a region."""

    name = "phone"
    entity = "PHONE_NUMBER"
    explanation = "a number valid in the numbering plan of one of the regions"
    negative = "negative"
    needs = Feature.DIGIT

    def __init__(self, regions: tuple[str, ...] = REGIONS) -> None:
        self.regions = regions

    def candidates(self, text: str, scan: TextScan) -> Iterator[tuple[int, int]]:
        """Matches from every region, with leniency ``VALID``.

        ``phonenumbers`` scans slowly (about 8 ms a kilobyte for eight
        regions), so it reads only the runs of digits and separators that
        could be a number, each with one character of margin either side,
        only in the regions whose numbers can be that long, and only where
        the run's digits hold a valid number shape of the region (see
        :func:`_may_hold_number`); the answers are cached per piece. Runs
        inside an e-mail address are left to the e-mail recognizer.
        """
        for cluster in _CLUSTER.finditer(text):
            if cluster.start() > 0 and text[cluster.start() - 1].isalpha():
                # Glued to a word ("DE89 3704 ...", "AB123456"): an IBAN or a
                # code; phonenumbers rejects such a number anyway, but only
                # after trying every part of it in every region.
                continue
            value = cluster.group()
            if sum(char.isdigit() for char in value) < _MIN_DIGITS:
                continue
            if (
                _DATE.fullmatch(value)
                or _DOTTED_QUAD.fullmatch(value)
                or _in_email(text, *cluster.span())
            ):
                continue
            low = max(0, cluster.start() - 1)
            piece = text[low : cluster.end() + 1]
            # A number written with its country code reads the same in
            # every region: one region is enough.
            regions = self.regions[:1] if value.startswith("+") else self.regions
            yield from self._in_piece(text, low, piece, regions)

    def _in_piece(
        self, text: str, low: int, piece: str, regions: tuple[str, ...]
    ) -> Iterator[tuple[int, int]]:
        """The numbers of ``piece`` (at ``low`` in ``text``): valid ones, or
        with a phone label right before the piece, possible ones too."""
        # Letters count too: phonenumbers reads "0800-FLOWERS" as digits.
        length = sum(char.isdigit() or char.isalpha() for char in piece)
        found = False
        for region in regions:
            if length < _fewest_digits(region):
                continue
            for match_start, match_end in _matches(piece, region):
                found = True
                yield _without_bracket(text, low + match_start, low + match_end)
        if found or _years_listed(text, low + 1, piece):
            return
        if (
            _GROUPED.search(piece)
            and (
                has_context(text, low + 1, low + len(piece) - 1, "phone")
                or _call_verb_before(text, low + 1)
            )
            and not _labelled_otherwise(text, low + 1)
        ):
            for region in NEARBY_REGIONS:
                for match_start, match_end in _matches(piece, region):
                    found = True
                    yield _without_bracket(text, low + match_start, low + match_end)
        if found or not _labelled(text, low + 1):
            return

        # A number in a range not yet (or never) given out, such as a
        # drama or test range, is still someone's number in a "phone" field.
        for region in regions:
            for match_start, match_end in _possible_matches(piece, region):
                yield _without_bracket(text, low + match_start, low + match_end)

    def context_score(
        self, text: str, start: int, end: int, languages: Sequence[str]
    ) -> float:
        """Bare digit runs near "order", "invoice", "ISBN" are not phones,
        nor amounts ("168.000", "123456789.00") without a phone word near.

        A unit after the number does not make it a quantity: every number
        found here is valid (or labelled), and "07700900123 B. Okafor",
        "447700900123 GB" are people's numbers.

        A 3-2-4 number is a social security number, not a phone, unless it
        starts with 0 and no SSN word stands near it.

        Numbers written with a ``+``, spaces or brackets keep their score
        whatever the words around them; dashed ones may be an ISBN.
        """
        value = text[start:end]
        if _AMOUNT.fullmatch(value) and not has_context(
            text, start, end, "phone", languages
        ):
            return NEGATIVE_SCORE  # "168.000", "123456789.00": an amount
        if _SSN_SHAPE.fullmatch(value) and (
            value[0] != "0" or has_context(text, start, end, "us_ssn", languages)
        ):
            # Written 3-2-4, it is a social security number unless it starts
            # with a trunk prefix; the us_ssn recognizer reports it.
            return NEGATIVE_SCORE
        if value.startswith("+") or any(char in value for char in " ()"):
            return self.score
        return super().context_score(text, start, end, languages)
