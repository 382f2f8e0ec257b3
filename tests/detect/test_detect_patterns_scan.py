"""The shortcuts of the pattern layer: they save time and change no finding.

A recognizer that declares ``needs`` is skipped on texts without those
features; one that declares ``starts_at`` (or picks its own starts) tries
its patterns only at a few offsets instead of scanning every one. Both must
find exactly what a plain scan of the whole text finds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from gdprgate.detect import context
from gdprgate.detect.patterns import (
    PatternLayer,
    case_number,
    dates,
    default_recognizers,
    email,
    street_address,
)
from gdprgate.detect.patterns.base import PatternRecognizer, matches_at
from gdprgate.detect.patterns.scan import Feature, TextScan

_FRAGMENTS = [
    "anna.k@example.org",
    "+anna@example.org",
    "@anna_k",
    "username: anna_k",
    "+49 30 901820",
    "DE89 3704 0044 0532 0130 00",
    "4111 1111 1111 1111",
    "192.168.0.1",
    "fe80::1",
    "00:1A:2B:3C:4D:5E",
    "https://example.org/a",
    "www.example.com",
    "X-1234567-L",
    "12345678Z",
    "811228-9874",
    "078-05-1121",
    "QQ 12 34 56 C",
    "RSSMRA85T10A562S",
    "10115 Berlin",
    "SW1A 1AA",
    "Hauptstraße 5",
    "rue de la Paix 3",
    "AB-123-CD",
    "born on 12.03.1985",
    "geboren am 1. März 1970",
    "May 5, 1980",
    "Sept. 5, 1980",
    "aged 42",
    "application no. 12345/04",
    "nos. 1/05, 2/05 and 3/06",
    "٣٤٥",
    "１２３",
    "ſ",
    "İ",
    "\n\n",
]
_TEXT = st.lists(
    st.one_of(
        st.text(alphabet=" .,-/+:@()_\n0123456789aAzZ", max_size=12),
        st.sampled_from(_FRAGMENTS),
    ),
    max_size=8,
).map("".join)


def _spans(matches: Iterator[re.Match[str]]) -> list[tuple[int, int]]:
    return [match.span() for match in matches]


def _all_features() -> Feature:
    features = Feature.NONE
    for feature in Feature:
        features |= feature
    return features


@pytest.mark.parametrize(
    "recognizer",
    [r for r in default_recognizers() if r.starts_at is not None],
    ids=lambda recognizer: recognizer.name,
)
@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT)
@example(text=" ".join(_FRAGMENTS))
@example(text="\n".join(reversed(_FRAGMENTS)))
def test_declared_starts_hold_every_match(
    recognizer: PatternRecognizer, text: str
) -> None:
    """Tried at its declared starts, each pattern matches what finditer does."""
    assert recognizer.starts_at is not None
    starts = TextScan.of(text).starts(recognizer.starts_at)

    for pattern in recognizer.patterns:
        assert _spans(matches_at(pattern, text, starts)) == _spans(
            pattern.finditer(text)
        )


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT)
@example(text=" ".join(_FRAGMENTS))
def test_own_starts_hold_every_match(text: str) -> None:
    """E-mails, dates and numbered lists are tried where they may begin."""
    scan = TextScan.of(text)
    chosen = {
        email._EMAIL: email._local_part_starts(text),
        dates.DATE_PATTERN: dates.date_starts(text, scan.digit_starts),
        case_number._LISTED: [
            start.start() for start in case_number._LISTED_START.finditer(text)
        ],
        case_number._BARE: scan.digit_starts,
    }

    for pattern, starts in chosen.items():
        assert _spans(matches_at(pattern, text, starts)) == _spans(
            pattern.finditer(text)
        )


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT)
@example(text=" ".join(_FRAGMENTS))
def test_skipping_on_missing_features_loses_nothing(text: str) -> None:
    """A scan claiming every feature finds the same as the text's own scan."""
    scan = TextScan.of(text)
    everything = TextScan(
        _all_features(), scan.digit_starts, scan.capital_or_digit_starts
    )

    for recognizer in default_recognizers():
        assert recognizer.analyze(text, scan=scan) == recognizer.analyze(
            text, scan=everything
        ), recognizer.name


@pytest.mark.parametrize(
    ("text", "value", "source"),
    [
        ("anna@example.org", "anna@example.org", "pattern:email"),
        ("write to +anna@example.org", "+anna@example.org", "pattern:email"),
        ("@anna_k", "@anna_k", "pattern:username"),
        ("192.168.0.1", "192.168.0.1", "pattern:ip_address"),
        ("host fe80::1", "fe80::1", "pattern:ip_address"),
        ("DE89 3704 0044 0532 0130 00", "DE89 3704 0044 0532 0130 00", "pattern:iban"),
        ("4111 1111 1111 1111", "4111 1111 1111 1111", "pattern:credit_card"),
        ("X-1234567-L", "X-1234567-L", "pattern:es_nie"),
        ("078-05-1121", "078-05-1121", "pattern:us_ssn"),
        ("born May 5, 1980", "May 5, 1980", "pattern:date_of_birth"),
        ("no. 12345/04", "12345/04", "pattern:case_number"),
        ("WWW.EXAMPLE.COM", "WWW.EXAMPLE.COM", "pattern:url"),
    ],
)
def test_values_at_the_edges_of_the_text_are_found(
    text: str, value: str, source: str
) -> None:
    """A value that starts or ends the text, features at its very edge."""
    start = text.index(value)

    findings = PatternLayer().analyze(text)

    assert (start, start + len(value)) in {
        (f.start, f.end) for f in findings if f.source == source
    }


def test_number_words_start_only_with_n_or_a() -> None:
    """No other character matches the first letter of a number word."""
    first = re.compile(r"(?i:[na])")
    folded = {chr(code) for code in range(0x110000) if first.fullmatch(chr(code))}

    assert folded == set("nNaA")


def _window_word_by_word(
    text: str, start: int, end: int, before: int, after: int
) -> tuple[int, int]:
    """The window as first written: every word before the span listed."""
    sentence_end = re.compile(r"[.!?]\s+(?=[A-ZÀ-ÖØ-Þ])|\n\s*\n")
    low = max(0, start - before * 40)
    words = list(re.finditer(r"\w+", text[:start])) if before else []
    words = [w for w in words if w.end() > low]
    if before == 0:
        low = start
    elif len(words) >= before:
        low = max(low, words[-before].start())
    for boundary in sentence_end.finditer(text, low, start):
        low = boundary.end()

    high = min(len(text), end + after * 40)
    if after == 0:
        high = end
    else:
        following = list(re.finditer(r"\w+", text[:high]))
        following = [w for w in following if w.end() > end]
        if len(following) >= after:
            high = following[after - 1].end()
        stop = sentence_end.search(text, end, high)
        if stop is not None:
            high = stop.start() + 1
    return low, high


@settings(max_examples=500)
@given(
    text=st.text(alphabet="ab Zé٣_.!?\n-", max_size=120),
    data=st.data(),
)
def test_window_counts_whole_words(text: str, data: st.DataObject) -> None:
    """Words are counted whole, never split, from the span outwards."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    before, after = data.draw(st.integers(0, 6)), data.draw(st.integers(0, 6))

    assert context.window(text, start, end, before, after) == _window_word_by_word(
        text, start, end, before, after
    )


_STREET_WORDS = "rue|avenue|av\\.|allée|c/|calle|str\\.|straße|strasse|ring|s"


@settings(max_examples=300)
@given(text=st.text(alphabet="rueavnlléc/.strsaßingſSTRUEİK ", max_size=12))
def test_grouped_street_words_match_like_the_plain_list(text: str) -> None:
    """Grouped by first letter, the words match what the plain list matches."""
    grouped = re.compile(f"(?i:{street_address._by_first_letter(_STREET_WORDS)})")
    plain = re.compile(f"(?i:{_STREET_WORDS})")

    for start in range(len(text) + 1):
        found, expected = grouped.match(text, start), plain.match(text, start)
        assert (found and found.span()) == (expected and expected.span())
