"""Columns of a table whose header names a kind of personal data.

A word like "born" or "user" before a value says what the value is, but in
a table the word stands once, in the header, and the values run on for many
rows below. :func:`column_cells` finds the cells under such a header, each
with the type the header gives it, in one pass over the text:

- delimited lines (CSV with ``,`` or ``;``, tab-separated, Markdown and
  ``psql`` tables with ``|``): a line of two cells or more, all of them
  column names and no prose, with a cell that names a field
  (:mod:`gdprgate.detect.patterns.field_names`, or a birth word) is a
  header; every following line with as many cells (quoted cells
  respected, a Markdown line without its edge pipes) belongs to its
  table, up to a blank line or a line that does not fit; a rule line
  (``|---|---|``, ``-----+-----``) is skipped;
- key/value lists and schemas (``key,value``, ``Column | Type``): the
  field names stand in the first column, so a key types its own value
  only, and a schema's types are no values;
- a list of one column: a line that is only a field name, and the lines
  below it up to a blank line ("account\nwojtek.nowak\nanna.k"); nothing
  marks such a list off from prose, so its header is never sure;
- SQL ``INSERT INTO t (a, username) VALUES (...), (...)``: the position of
  a column in the column list picks the value of each row. Without a
  column list nothing says what a value is, but a table named for people
  (:data:`_PEOPLE_TABLES`: "users", "customers", "Mitarbeiter",
  "clientes") holds them: each of its values is a ``PERSON`` that only
  its table vouches for, and counts when it looks like a name on its own
  ("INSERT INTO users VALUES (1, 'Kowalski', 'Jan', ...)"; not "active",
  "1" or "jkowalski").

A header name is *sure* (``last_name``, ``Benutzername``, ``email``) or
not (``name``, ``account``, ``address``: see
:data:`~gdprgate.detect.patterns.field_names.UNSURE_NAMES`); an unsure
column, and a place column (``city``), is sure when its table has a sure
column that names someone (``name,email``, ``city,username``). Without
one, the unsure columns stay unsure: their cells count when they look
personal on their own (see :mod:`gdprgate.detect.patterns.column_values`:
"okonkwo88" under ``account``, "Okonkwo" under ``name``). A name
that ends in a field name counts as that field when the field is sure
(``customer_email``, ``billing_city``), never when it is not
(``product_name``, ``ip_address``).

Not a recognizer: :mod:`gdprgate.detect.patterns.date_of_birth` and
:mod:`gdprgate.detect.patterns.column_values` ask it about the values.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Container, Generator, Iterable, Iterator, Sequence
from typing import NamedTuple

from gdprgate.detect.context import context_pattern
from gdprgate.detect.patterns.field_names import (
    FIELD_ENTITIES,
    UNSURE_NAMES,
    fold,
    fold_field_name,
)

DATE_OF_BIRTH = "DATE_OF_BIRTH"
LOCATION = "LOCATION"
# The delimiters of a header line, in the order a tie is broken.
_DELIMITERS = "\t|;,"
# A header cell longer than this is prose, not a column name; a line
# longer than the other is no header.
_LONGEST_HEADER = 40
_LONGEST_HEADER_LINE = 4000
_INSERT = re.compile(
    r"\bINSERT\s+INTO\s+[\w.`\"\[\]]+\s*\(([^()]{1,2000})\)\s*VALUES\s*",
    re.IGNORECASE,
)
_PLAIN_INSERT = re.compile(
    r"\bINSERT\s+INTO\s+(?P<table>[\w.`\"\[\]]+)\s*VALUES\s*", re.IGNORECASE
)
# Stems of table names that hold people, in the nine languages (folded);
# a word of the table's name that starts with one names such a table.
_PEOPLE_TABLE_TEXT = """
    user customer client member employ staff person people patient student
    contact account author owner guest subscriber applicant candidate tenant
    kunde mitarbeiter benutzer nutzer mitglied angestellte
    utilisateur adherent salarie
    usuario empleado socio
    utent dipendent pazient
    klant gebruiker medewerker lid leden
    klient uzytkownik pracownik osob pacjent
    utilizador funcionario pessoa
    kund anvandare anstalld medlem
"""
_PEOPLE_TABLES = tuple(_PEOPLE_TABLE_TEXT.split())
_TABLE_WORD = re.compile(r"[a-z]+")
# What an SQL value list is made of: quoted strings, brackets, commas, and
# runs of anything else (numbers, NULL, spaces).
_SQL_TOKEN = re.compile(r"'(?:[^']|'')*'|\"[^\"]*\"|[(),]|[^'\"(),\s]+|\s+")
_CELL_EDGES = " \t\"'`*[]"
# The rule under a Markdown or psql header.
_RULE = re.compile(r"[\s|:+=-]*-{3}[\s|:+=-]*")
_WORD_BREAK = re.compile(r"(?<=[a-z])(?=[A-Z])|[\W_]+")
# A header cell that is prose: four words or more, a colon inside, or two
# words or more ending like a sentence ("Owner, staff, everyone: three").
_PROSE_CELL = re.compile(r"(?:\S+\s+){3}\S|:\s|\S\s+\S.*[.!?:]\Z")
# The headers of a key/value list and of a schema: the first column names
# a field, the second its value or its type (folded).
_KEY_WORD_TEXT = """
    key field setting settings column name property parameter param
    attribute option variable feld spalte einstellung schlussel eigenschaft
    cle champ colonne parametre clave campo columna chiave colonna sleutel
    veld kolom klucz pole kolumna chave coluna nyckel falt kolumn
"""
_VALUE_WORD_TEXT = "value values wert valeur valor valore waarde wartosc varde"
_TYPE_WORD_TEXT = "type datatype typ tipo tipodedato typededonnees datentyp"
_KEY_WORDS = frozenset(_KEY_WORD_TEXT.split())
_VALUE_WORDS = frozenset(_VALUE_WORD_TEXT.split())
_TYPE_WORDS = frozenset(_TYPE_WORD_TEXT.split())


class Cell(NamedTuple):
    """One value of a typed column: its span, its type, whether its header
    (or its table) is sure of the type, and whether only its table is
    (an unsure ``name`` beside a sure ``username``)."""

    start: int
    end: int
    entity: str
    sure: bool
    by_table: bool = False


class ColumnCells:
    """Sorted, non-overlapping cells of the typed columns of a text."""

    __slots__ = ("_cells", "_ends", "_starts")

    def __init__(self, cells: Iterable[Cell]) -> None:
        self._cells = sorted(cells)
        self._starts = [cell.start for cell in self._cells]
        self._ends = [cell.end for cell in self._cells]

    def __iter__(self) -> Iterator[Cell]:
        return iter(self._cells)

    def holds(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies inside one cell."""
        index = bisect.bisect_right(self._starts, start) - 1
        return index >= 0 and end <= self._ends[index]

    def only(self, entity: str) -> ColumnCells:
        """The cells of ``entity`` columns."""
        return ColumnCells(cell for cell in self._cells if cell.entity == entity)


# The date-of-birth and the column-value recognizers both ask for the
# cells of the same text: it is read once.
@functools.lru_cache(maxsize=4)
def column_cells(text: str, languages: tuple[str, ...]) -> ColumnCells:
    """The cells of every typed column in ``text`` (see the module doc)."""
    birth = context_pattern("birth", languages)
    cells = list(_delimited_cells(text, birth))
    cells.extend(_sql_cells(text, birth))
    return ColumnCells(cells)


def birth_cells(text: str, languages: tuple[str, ...]) -> ColumnCells:
    """The cells of every birth-date column in ``text``."""
    return column_cells(text, languages).only(DATE_OF_BIRTH)


# The typed columns of a header: index -> (type, sure, sure by its table).
Columns = dict[int, tuple[str, bool, bool]]


def _delimited_cells(text: str, birth: re.Pattern[str] | None) -> Iterator[Cell]:
    """Typed cells of CSV, tab-separated, Markdown and psql tables."""
    start, size = 0, len(text)
    while start < size:
        end = _line_end(text, start)
        header = text[start:end]
        line_start, start = start, end + 1
        delimiter = _delimiter(header) if len(header) <= _LONGEST_HEADER_LINE else None
        if delimiter is None:
            found = _header_entity(header.strip(_CELL_EDGES), birth)
            if found is not None:
                start = yield from _list_cells(text, start, found[0])
            continue
        spans = _line_cells(text, line_start, end, delimiter)
        names = [text[low:high].strip(_CELL_EDGES) for low, high in spans]
        if not _is_header(names):
            continue
        pair = _key_value_kind(names, birth)
        columns = {} if pair is not None else header_columns(names, birth)
        if pair is None and not columns:
            continue

        # The rows below, while they stay in the table.
        for row_end, row in _rows(text, start, delimiter, len(names)):
            start = row_end + 1
            if pair == "value":
                yield from _key_value_cell(text, row, birth)
            for index, (low, high) in enumerate(row):
                if index in columns:
                    yield from _cell(text, low, high, *columns[index])


def _rows(
    text: str, start: int, delimiter: str, width: int
) -> Iterator[tuple[int, list[tuple[int, int]]]]:
    """The end and the cell spans of each line from ``start`` on, while a
    line has ``width`` cells (and empty ones after them); a rule line has
    none."""
    size = len(text)
    while start < size:
        end = _line_end(text, start)
        row = text[start:end]
        rule = _RULE.fullmatch(row) is not None
        if not row.strip() or (delimiter not in row and not rule):
            return
        cells = [] if rule else _line_cells(text, start, end, delimiter)
        if not rule and not _fits(text, cells, width):
            return
        yield end, cells
        start = end + 1


def _fits(text: str, cells: list[tuple[int, int]], width: int) -> bool:
    """Whether a row has its header's ``width`` cells; empty cells after
    them (a trailing delimiter) shift nothing."""
    if len(cells) < width:
        return False
    return all(not text[low:high].strip() for low, high in cells[width:])


def _key_value_cell(
    text: str, row: list[tuple[int, int]], birth: re.Pattern[str] | None
) -> Iterator[Cell]:
    """The value of a key/value list's row whose key names a field
    ("username,jdoe42" under "key,value"). A place is unsure: nothing
    beside it says it is someone's."""
    if len(row) < 2:
        return
    low, high = row[0]
    found = _header_entity(text[low:high].strip(_CELL_EDGES), birth)
    if found is not None:
        entity, sure = found
        yield from _cell(text, *row[1], entity, sure and entity != LOCATION)


def _is_header(names: Sequence[str]) -> bool:
    """Whether header cells read as column names: two at least, none of
    them prose (four words or more, a colon, a sentence's end)."""
    if sum(1 for name in names if name) < 2:
        return False
    return not any(
        len(name) > _LONGEST_HEADER or _PROSE_CELL.search(name) for name in names
    )


def _key_value_kind(names: Sequence[str], birth: re.Pattern[str] | None) -> str | None:
    """``"value"`` for a key/value list header ("key,value", "Setting;Wert"),
    ``"type"`` for a schema's ("Column | Type | Description"), else
    ``None``; a header with a field's column after the pair heads records
    ("Name,Type,Email")."""
    if len(names) < 2 or fold_field_name(names[0]) not in _KEY_WORDS:
        return None
    if any(_header_entity(name, birth) for name in names[2:]):
        return None
    second = fold_field_name(names[1])
    if second in _VALUE_WORDS:
        return "value"
    return "type" if second in _TYPE_WORDS else None


def _line_cells(
    text: str, start: int, end: int, delimiter: str
) -> list[tuple[int, int]]:
    """The cell spans of a line; a Markdown line loses its edge pipes."""
    if delimiter == "|":
        while start < end and text[start] in " \t":
            start += 1
        while end > start and text[end - 1] in " \t\r":
            end -= 1
        if start < end and text[start] == "|":
            start += 1
        if end > start and text[end - 1] == "|":
            end -= 1
    return list(_cells(text, start, end, delimiter))


def _list_cells(text: str, start: int, entity: str) -> Generator[Cell, None, int]:
    """The unsure cells of a one-column list from ``start`` on, up to a
    blank line; where the list ends."""
    size = len(text)
    while start < size:
        end = _line_end(text, start)
        row = text[start:end]
        if not row.strip():
            break
        if not _RULE.fullmatch(row):
            yield from _cell(text, start, end, entity, False)
        start = end + 1
    return start


def header_columns(names: Sequence[str], birth: re.Pattern[str] | None) -> Columns:
    """The typed columns among the header cells ``names``.

    A column that names someone for sure (``last_name``, ``username``,
    ``email``, ``dob``) makes every typed column of its table count: the
    unsure ones (``name,email``) and the places (``city``), which are
    personal beside a person only. Without one, the unsure columns stay
    unsure, for values that look personal on their own.
    """
    typed: dict[int, tuple[str, bool]] = {}
    for index, name in enumerate(names):
        found = _header_entity(name.strip(_CELL_EDGES), birth)
        if found is not None:
            typed[index] = found
    if any(sure and entity != LOCATION for entity, sure in typed.values()):
        return {
            index: (entity, True, not sure) for index, (entity, sure) in typed.items()
        }
    return {
        index: (entity, False, False)
        for index, (entity, sure) in typed.items()
        if not sure
    }


def _header_entity(name: str, birth: re.Pattern[str] | None) -> tuple[str, bool] | None:
    """The type a header cell names and whether it is sure, if any."""
    if not 0 < len(name) <= _LONGEST_HEADER:
        return None
    words = [fold(word) for word in _WORD_BREAK.split(name) if word]
    for first in range(len(words)):
        joined = "".join(words[first:])
        entity = FIELD_ENTITIES.get(joined)
        if entity is None:
            continue
        if joined in UNSURE_NAMES:
            # "product_name", "ip_address": the first word says whose.
            return None if first else (entity, False)
        return entity, True
    if birth is not None and birth.search(name) is not None:
        return DATE_OF_BIRTH, True
    return None


def _cell(
    text: str, low: int, high: int, entity: str, sure: bool, by_table: bool = False
) -> Iterator[Cell]:
    """The cell ``text[low:high]`` without its blanks and quotes, if any."""
    while low < high and text[low] in _CELL_EDGES:
        low += 1
    while high > low and text[high - 1] in _CELL_EDGES:
        high -= 1
    if low < high:
        yield Cell(low, high, entity, sure, by_table)


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _delimiter(line: str) -> str | None:
    """The most frequent delimiter of a header line, or ``None``."""
    counts = [(line.count(char), char) for char in _DELIMITERS]
    count, char = max(counts, key=lambda pair: pair[0])
    return char if count else None


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


def _sql_cells(text: str, birth: re.Pattern[str] | None) -> Iterator[Cell]:
    """Typed values of SQL ``INSERT ... VALUES`` statements."""
    for insert in _INSERT.finditer(text):
        names = insert.group(1)
        columns = header_columns(
            [names[low:high] for low, high in _cells(names, 0, len(names), ",")],
            birth,
        )
        if columns:
            for index, low, high in _row_values(text, insert.end(), columns):
                yield from _cell(text, low, high, *columns[index])
    for insert in _PLAIN_INSERT.finditer(text):
        if not _people_table(insert.group("table")):
            continue
        # Every position of a row: no column list picks some.
        for _index, low, high in _row_values(text, insert.end(), _EVERY_COLUMN):
            yield from _cell(text, low, high, "PERSON", False, True)


# Every column index of a row ("index in _EVERY_COLUMN" always holds).
_EVERY_COLUMN = range(1 << 30)


def _people_table(table: str) -> bool:
    """Whether the name of a table says it holds people ("users",
    "crm.customers", "`Mitarbeiter`"), by a word of the name."""
    return any(
        word.startswith(_PEOPLE_TABLES) for word in _TABLE_WORD.findall(fold(table))
    )


def _row_values(
    text: str, start: int, columns: Container[int]
) -> Iterator[tuple[int, int, int]]:
    """The index and span of the values at ``columns`` of each ``(...)``
    row from ``start`` on, up to the end of the statement (anything but a
    row or a comma)."""
    depth, index, low = 0, 0, start
    for token in _SQL_TOKEN.finditer(text, start):
        char, position = token.group(), token.start()
        if char == "(":
            depth += 1
            if depth == 1:
                index, low = 0, position + 1
        elif char == ")":
            if depth == 1 and index in columns:
                yield index, low, position
            depth -= 1
        elif char == "," and depth == 1:
            if index in columns:
                yield index, low, position
            index, low = index + 1, position + 1
        elif depth <= 0 and char != "," and not char.isspace():
            return  # the end of the statement, or text that is no row
