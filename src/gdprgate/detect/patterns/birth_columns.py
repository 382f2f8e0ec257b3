"""Columns of a table whose header names a date of birth.

A birth word before a date makes it a date of birth, but in a table the
word stands once, in the header, and the dates run on for many rows below.
:func:`birth_cells` finds the cells under such a header, in one pass over
the text:

- delimited lines (CSV with ``,`` or ``;``, tab-separated, Markdown tables
  with ``|``): a line with a short cell that holds a birth word is a
  header; every following line that uses the same delimiter (quoted cells
  respected) belongs to its table, up to a blank line or a line without
  the delimiter;
- SQL ``INSERT INTO t (a, date_of_birth) VALUES (...), (...)``: the
  position of the birth column in the column list picks the value of each
  row.

Not a recognizer: :mod:`gdprgate.detect.patterns.date_of_birth` asks it
about dates no birth word stands near.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence

from gdprgate.detect.context import context_pattern

# The delimiters of a header line, in the order a tie is broken.
_DELIMITERS = "\t|;,"
# A header cell longer than this is prose, not a column name.
_LONGEST_HEADER = 40
_INSERT = re.compile(
    r"\bINSERT\s+INTO\s+[\w.`\"\[\]]+\s*\(([^()]{1,2000})\)\s*VALUES\s*",
    re.IGNORECASE,
)
# What an SQL value list is made of: quoted strings, brackets, commas, and
# runs of anything else (numbers, NULL, spaces).
_SQL_TOKEN = re.compile(r"'(?:[^']|'')*'|\"[^\"]*\"|[(),]|[^'\"(),\s]+|\s+")
_CELL_EDGES = " \t\"'`*[]"


class BirthCells:
    """Sorted, non-overlapping ``(start, end)`` spans of birth-column cells."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._ends = [end for _, end in ordered]

    def holds(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies inside one birth-column cell."""
        index = bisect.bisect_right(self._starts, start) - 1
        return index >= 0 and end <= self._ends[index]


def birth_cells(text: str, languages: tuple[str, ...]) -> BirthCells:
    """The cells of every birth-date column in ``text`` (see the module doc)."""
    pattern = context_pattern("birth", languages)
    if pattern is None:
        return BirthCells(())
    spans = list(_delimited_cells(text, pattern))
    spans.extend(_sql_cells(text, pattern))
    return BirthCells(spans)


def _delimited_cells(text: str, pattern: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """Birth cells of CSV, tab-separated and Markdown tables."""
    resume = 0
    for word in pattern.finditer(text):
        if word.start() < resume:
            continue
        line_start = text.rfind("\n", 0, word.start()) + 1
        line_end = _line_end(text, line_start)
        # One look per line: a line full of birth words is read once.
        resume = line_end
        header = text[line_start:line_end]
        delimiter = _delimiter(header)
        if delimiter is None:
            continue
        columns = _birth_columns(header, delimiter, pattern)
        if not columns:
            continue

        # The rows below, while they stay in the table.
        start = line_end + 1
        while start < len(text):
            end = _line_end(text, start)
            if delimiter not in text[start:end] or not text[start:end].strip():
                break
            for index, (low, high) in enumerate(_cells(text, start, end, delimiter)):
                if index in columns:
                    yield low, high
            start = end + 1
        resume = start


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _delimiter(line: str) -> str | None:
    """The most frequent delimiter of a header line, or ``None``."""
    counts = [(line.count(char), char) for char in _DELIMITERS]
    count, char = max(counts, key=lambda pair: pair[0])
    return char if count else None


def _birth_columns(
    header: str, delimiter: str, pattern: re.Pattern[str]
) -> frozenset[int]:
    """The indices of the header cells that name a birth date."""
    return frozenset(
        index
        for index, (low, high) in enumerate(_cells(header, 0, len(header), delimiter))
        if _names_birth(header[low:high], pattern)
    )


def _names_birth(cell: str, pattern: re.Pattern[str]) -> bool:
    name = cell.strip(_CELL_EDGES)
    return 0 < len(name) <= _LONGEST_HEADER and pattern.search(name) is not None


def _cells(
    text: str, start: int, end: int, delimiter: str
) -> Iterator[tuple[int, int]]:
    """The ``(start, end)`` of each cell of ``text[start:end]``; a delimiter
    inside a double-quoted cell does not split it."""
    cell = _cell_pattern(delimiter)
    while True:
        match = cell.match(text, start, end)
        high = match.end() if match is not None else start
        yield start, high
        if high >= end:
            return
        start = high + 1


@functools.cache
def _cell_pattern(delimiter: str) -> re.Pattern[str]:
    """A cell: quoted runs, or characters other than the delimiter."""
    other = re.escape(delimiter)
    return re.compile(rf'(?:"[^"\n]*"|[^{other}\n])*')


def _sql_cells(text: str, pattern: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """Birth values of SQL ``INSERT ... VALUES`` statements."""
    for insert in _INSERT.finditer(text):
        names = insert.group(1)
        columns = frozenset(
            index
            for index, (low, high) in enumerate(_cells(names, 0, len(names), ","))
            if _names_birth(names[low:high], pattern)
        )
        if columns:
            yield from _row_values(text, insert.end(), columns)


def _row_values(
    text: str, start: int, columns: frozenset[int]
) -> Iterator[tuple[int, int]]:
    """The values at ``columns`` of each ``(...)`` row from ``start`` on,
    up to the end of the statement (anything but a row or a comma)."""
    depth, index, low = 0, 0, start
    for token in _SQL_TOKEN.finditer(text, start):
        char, position = token.group(), token.start()
        if char == "(":
            depth += 1
            if depth == 1:
                index, low = 0, position + 1
        elif char == ")":
            if depth == 1 and index in columns:
                yield low, position
            depth -= 1
        elif char == "," and depth == 1:
            if index in columns:
                yield low, position
            index, low = index + 1, position + 1
        elif depth <= 0 and char != "," and not char.isspace():
            return  # the end of the statement, or text that is no row
