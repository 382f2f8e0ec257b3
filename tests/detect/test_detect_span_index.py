"""SpanIndex answers as reading every finding would, overlaps included."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gdprgate.detect.finding import Finding, SpanIndex

spans = st.tuples(st.integers(0, 60), st.integers(1, 20)).map(
    lambda pair: (pair[0], pair[0] + pair[1])
)


@given(st.lists(spans, max_size=25), spans)
def test_the_index_agrees_with_reading_every_finding(
    bounds: list[tuple[int, int]], query: tuple[int, int]
) -> None:
    findings = [Finding(start, end, "PERSON", 0.9, "test") for start, end in bounds]
    start, end = query
    expected = sorted(
        (f for f in findings if f.start < end and start < f.end),
        key=lambda f: (f.start, f.end),
    )
    index = SpanIndex(findings)
    assert index.touching(start, end) == expected
    assert index.touches(start, end) == bool(expected)


def test_a_long_finding_reaches_over_shorter_ones_after_it() -> None:
    wide = Finding(0, 100, "LOCATION", 0.5, "test")
    short = Finding(10, 12, "PERSON", 0.9, "test")
    index = SpanIndex([short, wide])
    assert index.touching(50, 60) == [wide]
    assert index.touching(11, 13) == [wide, short]
    assert not index.touches(100, 120)
