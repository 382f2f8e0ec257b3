"""Scrubbing a corpus: read, detect, replace, write, index, report.

The driver reads the inputs as a stream of bounded batches, an engine finds
the personal data in each batch (in this process, a process pool or on
Ray), and the driver replaces every value found, writes the records in
input order, indexes the people found and counts what it did. Memory stays
bounded by the batch size times the batches in flight.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from gdprgate.datasets.detection import Detected, Span
from gdprgate.datasets.engines import Engine
from gdprgate.datasets.fields import (
    EMBEDDED_REASON,
    KEY_PLACEHOLDER,
    FieldFilter,
    Step,
    TextRef,
    embedded_file,
    field_name,
    key_spans,
    replace_texts,
    texts_of,
)
from gdprgate.datasets.formats import COMPRESSED_SUFFIXES, Format, format_of
from gdprgate.datasets.index import NOT_INDEXED, DatasetRun, RecordPlace, SubjectIndex
from gdprgate.datasets.readers import (
    DEFAULT_MAX_RECORD_BYTES,
    Item,
    ReadCounts,
    csv_header,
    parquet_schema,
    read_items,
)
from gdprgate.datasets.record_spans import RecordSpans, record_spans
from gdprgate.datasets.report import ScrubReport
from gdprgate.datasets.sources import (
    check_inputs,
    check_output,
    folder_digest,
    masked,
    source_labels,
    split_suffixes,
)
from gdprgate.datasets.surrogate import Surrogates, surrogate_key
from gdprgate.datasets.surrogate_dates import widen_weekdays
from gdprgate.datasets.writers import RecordWriter, RejectWriter, record_text
from gdprgate.detect.language import guess_language, normalize_language
from gdprgate.errors import ConfigError, ScrubStopped
from gdprgate.store import Database
from gdprgate.vault import Keyring, Vault
from gdprgate.vault.keys import TenantKeys
from gdprgate.vault.normalize import normalize_value

logger = logging.getLogger("gdprgate.datasets")

Mode = Literal["surrogate", "token", "redact"]
MODES: tuple[Mode, ...] = ("surrogate", "token", "redact")
Progress = Callable[[int, int], None]
# A value's replacement: (entity, value, text's language, record's language
# or "" when not guessed) -> text.
Replacer = Callable[[str, str, str, str], str]
# Types faked in the locale of the record's language when no --lang is given.
BY_RECORD_LANGUAGE = frozenset({"LOCATION", "ORGANIZATION"})
# How much of a record's text its language is guessed from.
RECORD_SAMPLE_CHARS = 4_000
# The longest data set id the register holds.
MAX_DATASET_ID = 128


@dataclass(frozen=True)
class ScrubOptions:
    """What to scrub and how; see ``gdprgate scrub --help``."""

    inputs: Sequence[Path]
    output: Path
    input_format: str | None = None
    output_format: str | None = None
    fields: Sequence[str] = ()
    mode: Mode = "surrogate"
    language: str | None = None
    strict: bool = False
    batch_size: int = 256
    dataset_id: str | None = None
    purpose: str | None = None
    tenant: str = "default"
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES
    engine_name: str = "local"
    workers: int = 1
    escape_formulas: bool = False

    def __post_init__(self) -> None:
        if not self.inputs:
            raise ConfigError("give at least one input file")
        if self.mode not in MODES:
            msg = f"unknown mode {self.mode!r}; use one of {', '.join(MODES)}"
            raise ConfigError(msg)
        if self.batch_size < 1:
            raise ConfigError("the batch size must be 1 or more")
        check_inputs(self.inputs, self.touched_files())
        if len(self.resolved_dataset_id) > MAX_DATASET_ID:
            msg = f"the data set id is longer than {MAX_DATASET_ID} characters"
            raise ConfigError(msg)

    @property
    def name(self) -> str:
        """The output's name without a compression suffix (``.gz``, ``.zst``)."""
        return uncompressed_name(self.output.name)

    @property
    def default_dataset_name(self) -> str:
        """``<output's folder>/<name>`` (``train/clean.jsonl`` for
        ``train/clean.jsonl`` and ``train/clean.jsonl.gz``)."""
        folder = self.output.resolve().parent.name
        return f"{folder}/{self.name}" if folder else self.name

    @property
    def resolved_dataset_id(self) -> str:
        """``dataset_id``, else :attr:`default_dataset_name` and a hash of the
        output's full folder path (``train/clean.jsonl#1f0c9a2e``), so outputs
        of the same name in different folders, or of different formats, are
        different data sets."""
        if self.dataset_id:
            return self.dataset_id
        return f"{self.default_dataset_name}#{folder_digest(self.output)}"

    def touched_files(self) -> list[Path]:
        """Every file a run writes or removes: the output, the rejects file
        and the report, each also as ``.partial``."""
        files = [self.output, self.side_file("rejects.jsonl")]
        files.append(self.side_file("report.json"))
        return [
            path
            for file in files
            for path in (file, file.with_name(file.name + ".partial"))
        ]

    def side_file(self, suffix: str) -> Path:
        """``<output name>.<suffix>`` next to the output (rejects, report):
        ``clean.csv.rejects.jsonl``, one set per output file."""
        return self.output.with_name(f"{self.output.name}.{suffix}")


def uncompressed_name(name: str) -> str:
    """``name`` without a trailing compression suffix."""
    stem, dot, suffix = name.rpartition(".")
    if dot and stem and f".{suffix.lower()}" in COMPRESSED_SUFFIXES:
        return stem
    return name


# The slot of a text that is not sent to the detector.
_NOT_SENT = -2


@dataclass
class _Batch:
    items: list[Item]
    texts: list[list[tuple[TextRef, str]]] = field(default_factory=list)
    slots: list[int] = field(default_factory=list)

    def to_detect(self) -> list[str]:
        """The texts to detect: every value, and each distinct key once (the
        same keys come back in every record)."""
        sent: list[str] = []
        keys: dict[str, int] = {}
        for found in self.texts:
            for ref, text in found:
                # An embedded file is not text: never sent, its record is
                # rejected (see _apply).
                if embedded_file(text):
                    self.slots.append(_NOT_SENT)
                    continue
                slot = keys.get(text, -1) if ref.is_key else -1
                if slot < 0:
                    slot = len(sent)
                    sent.append(text)
                    if ref.is_key:
                        keys[text] = slot
                self.slots.append(slot)
        return sent

    def detections(self, detected: list[Detected]) -> list[Detected]:
        """The detections of :meth:`to_detect`, one per text again."""
        found = [(ref, text) for texts in self.texts for ref, text in texts]
        spread = [
            detected[slot] if slot != _NOT_SENT else ("", []) for slot in self.slots
        ]
        return [
            (language, key_spans(text, spans) if ref.is_key else spans)
            for (ref, text), (language, spans) in zip(found, spread, strict=True)
        ]


class Scrubber:
    """One scrub run over the inputs of ``options`` with ``engine``."""

    def __init__(
        self,
        db: Database,
        keyring: Keyring,
        options: ScrubOptions,
        engine: Engine,
        progress: Progress | None = None,
    ) -> None:
        self._options = options
        self._engine = engine
        self._progress = progress
        self._index = SubjectIndex(db)
        self._vault = Vault(db, keyring)
        self._keys: TenantKeys = keyring.for_tenant(options.tenant)
        self._surrogates = Surrogates(surrogate_key(self._keys.data_key))
        self._only = FieldFilter(options.fields)
        # The --fields names that matched a value (not only a key named so).
        self._matched = FieldFilter(options.fields)
        self._counts = ReadCounts()
        self._sources = [path.name for path in options.inputs]

    def run(self) -> ScrubReport:
        """Scrub every input into the output; the report of the run."""
        options = self._options
        formats = [format_of(path, options.input_format) for path in options.inputs]
        out_format = self._output_format(formats[0])
        check_output(options.output)
        names = self._names(formats)
        dataset_id = options.dataset_id or names.dataset_id
        output = options.output.with_name(names.output)
        run = DatasetRun(
            dataset_id=dataset_id,
            version=self._index.next_version(dataset_id),
            tenant=options.tenant,
            mode=options.mode,
            output=names.output,
            purpose=options.purpose,
        )
        report = ScrubReport(
            dataset_id=run.dataset_id,
            version=run.version,
            mode=options.mode,
            engine=options.engine_name,
            workers=options.workers,
            inputs=list(self._sources),
            output=str(output),
        )
        schema = None
        if out_format == "parquet" and formats[0] == "parquet":
            schema = parquet_schema(options.inputs[0])
        header = names.headers[0] if out_format == formats[0] == "csv" else []
        rejects = RejectWriter(options.side_file("rejects.jsonl"))
        writer: RecordWriter | None = None
        self._index.start(run)
        started = time.perf_counter()
        # Whatever ends the run early (an error, Ctrl-C, SIGTERM turned into
        # KeyboardInterrupt by the command) leaves no output and no index.
        try:
            writer = RecordWriter(
                options.output,
                out_format,
                schema,
                header,
                escape_formulas=options.escape_formulas,
            )
            self._scrub(formats, run, report, writer, rejects)
            if out_format == "csv":
                report.formula_cells = writer.formula_cells
                report.formulas_escaped = options.escape_formulas
            report.blank_lines = self._counts.blank_lines
            self._check_fields(report)
            rejects.close()
            report.seconds = time.perf_counter() - started
            shown = output.with_name(f"{output.name}.rejects.jsonl")
            report.rejects = str(shown) if rejects.used else None
            self._index.finish(run, _register_counts(report))
            writer.commit()
            rejects.commit()
        except BaseException as exc:
            _clean_up(exc, writer, rejects, lambda: self._index.drop(run))
            raise
        logger.info("scrub finished", extra=_log_fields(report))
        return report

    def _names(self, formats: list[Format]) -> _Names:
        """The inputs' labels, the output's name and the default data set
        name with personal data masked, and the CSV headers, checked to hold
        none: one detection batch before any work."""
        options = self._options
        labels = [split_suffixes(label) for label in source_labels(options.inputs)]
        output = split_suffixes(options.output.name)
        default = split_suffixes(options.default_dataset_name)
        headers = [
            csv_header(path) if fmt == "csv" else []
            for path, fmt in zip(options.inputs, formats, strict=True)
        ]
        texts = [stem for stem, _ in (*labels, output, default)]
        # "_" joins the words of a file name ("wolfgang_kraus_49171..."), and
        # may be part of an e-mail address: names are read both ways.
        spaced = [text.replace("_", " ") for text in texts]
        cells = [cell for header in headers for cell in header]
        [detected] = list(self._engine.run(iter([texts + cells + spaced])))
        spans = [found for _, found in detected[: len(texts) + len(cells)]]
        spaced_spans = [found for _, found in detected[len(texts) + len(cells) :]]
        shown = [
            masked(text, _name_spans(text, [*found, *spaced_spans[i]])) + end
            for i, ((text, end), found) in enumerate(
                zip((*labels, output, default), spans, strict=False)
            )
        ]
        self._sources = _distinct(shown[: len(labels)], options.inputs)
        _check_headers(headers, spans[len(texts) :], self._sources)
        dataset_id = f"{shown[-1]}#{folder_digest(options.output)}"
        if not options.dataset_id and len(dataset_id) > MAX_DATASET_ID:
            msg = f"the data set id is longer than {MAX_DATASET_ID} characters"
            raise ConfigError(msg)
        # The output and its side files are named by the user and must be
        # found by the names the report gives: never masked.
        return _Names(options.output.name, dataset_id, headers)

    def _check_fields(self, report: ScrubReport) -> None:
        # Without records written (an empty input, only rejects, which are
        # scrubbed whole) nothing could have been left unscrubbed.
        unused = self._matched.unused()
        if unused and report.records_out:
            msg = (
                f"--fields {', '.join(unused)}: matched no text in any record, "
                "so nothing would be scrubbed; check the names (dotted keys, "
                "e.g. meta.note or messages.0.content)"
            )
            raise ConfigError(msg)

    def _output_format(self, first_input: Format) -> Format:
        if self._options.output_format is not None:
            return format_of(self._options.output, self._options.output_format)
        try:
            return format_of(self._options.output)
        except ConfigError:
            return first_input

    def _scrub(
        self,
        formats: list[Format],
        run: DatasetRun,
        report: ScrubReport,
        writer: RecordWriter,
        rejects: RejectWriter,
    ) -> None:
        batches: deque[_Batch] = deque()

        def texts() -> Iterator[list[str]]:
            for batch in self._batches(formats):
                batches.append(batch)
                yield batch.to_detect()

        for detected in self._engine.run(texts()):
            batch = batches.popleft()
            found = batch.detections(detected)
            self._apply(batch, found, run, report, writer, rejects)
            report.bytes_in = self._counts.bytes_read
            report.blank_lines = self._counts.blank_lines
            if self._progress is not None:
                self._progress(report.records_in, report.bytes_in)

    def _batches(self, formats: list[Format]) -> Iterator[_Batch]:
        options = self._options
        batch = _Batch([])
        inputs = zip(options.inputs, formats, self._sources, strict=True)
        for path, fmt, source in inputs:
            items = read_items(
                path, fmt, self._counts, options.max_record_bytes, source=source
            )
            for item in items:
                batch.items.append(item)
                batch.texts.append(self._texts(item, keys=fmt == "jsonl"))
                if len(batch.items) >= options.batch_size:
                    yield batch
                    batch = _Batch([])
        if batch.items:
            yield batch

    def _texts(self, item: Item, *, keys: bool) -> list[tuple[TextRef, str]]:
        if item.reject is not None:
            raw = item.raw if item.raw and item.raw.strip() else None
            return [] if raw is None else [(TextRef((), "$"), raw)]
        # The keys of CSV and Parquet records are the columns: not scanned.
        found = texts_of(item.record, self._only, keys=keys)
        if self._options.fields:
            # Values, empty ones too, count for --fields; a key only for the
            # names above it: --fields id must not pass for a numeric id
            # because its key "id" is a text.
            texts_of(item.record, self._matched)
            for ref, _ in found:
                if ref.is_key and len(ref.steps) > 1:
                    steps = ref.steps[:-1]
                    self._matched.wanted(_dotted(steps, keys_only=True), _dotted(steps))
        return found

    def _apply(
        self,
        batch: _Batch,
        detected: list[Detected],
        run: DatasetRun,
        report: ScrubReport,
        writer: RecordWriter,
        rejects: RejectWriter,
    ) -> None:
        found = iter(detected)
        settled = [
            record_spans(texts, [next(found) for _ in texts]) for texts in batch.texts
        ]
        replace = self._replacer(settled)
        surrogate = self._options.mode == "surrogate"
        guess = surrogate and not self._options.language
        records: list[Any] = []
        subjects: list[tuple[RecordPlace, set[tuple[str, str]]]] = []
        for item, spans_of in zip(batch.items, settled, strict=True):
            report.records_in += 1
            new: list[tuple[TextRef, str]] = []
            counted: list[tuple[str, str]] = []
            identifiers: set[tuple[str, str]] = set()
            # Keys that held personal data, named <key> in the report.
            renamed: dict[tuple[Step, ...], str] = {}
            record_language = record_language_of(spans_of) if guess else ""
            for (ref, text), (language, spans) in zip(
                spans_of.texts, spans_of.found, strict=True
            ):
                # A weekday before a date is changed with it (surrogates only).
                out = widen_weekdays(text, spans) if surrogate else spans
                spliced = _splice(text, out, language, record_language, replace)
                new.append((ref, spliced))
                if ref.is_key and spans:
                    renamed[ref.steps] = KEY_PLACEHOLDER
                name = field_name(ref.steps, renamed) if renamed else ref.field
                for start, end, entity in spans:
                    counted.append((name, entity))
                    if entity not in NOT_INDEXED:
                        value = normalize_value(entity, text[start:end])
                        identifiers.add((entity, self._keys.blind_index(entity, value)))
            if item.reject is not None:
                self._reject(item, new, report, rejects)
                continue
            record = replace_texts(item.record, new)
            # A record with an embedded file (an image may show a person) or
            # one the output cannot hold in full (a CSV header or a Parquet
            # schema without its fields) is rejected, never cut; the reject
            # holds a placeholder for the file.
            item.reject = EMBEDDED_REASON if spans_of.embedded else None
            item.reject = item.reject or writer.misfit(record)
            if item.reject is not None:
                self._reject(
                    item, [(TextRef((), "$"), record_text(record))], report, rejects
                )
                continue
            for name, entity in counted:
                report.count(name, entity)
            records.append(record)
            if identifiers:
                place = RecordPlace(item.source, item.line, report.records_out)
                subjects.append((place, identifiers))
                report.records_touched += 1
            report.records_out += 1
        writer.write(records)
        self._index.add(run, subjects)

    def _reject(
        self,
        item: Item,
        new: list[tuple[TextRef, str]],
        report: ScrubReport,
        rejects: RejectWriter,
    ) -> None:
        report.rejected += 1
        rejects.write(
            {
                "source": item.source,
                "line": item.line,
                "reason": item.reject,
                "text": new[0][1] if new else None,
            }
        )
        if self._options.strict:
            msg = f"line {item.line} of {item.source}: {item.reject} (--strict)"
            raise ScrubStopped(msg)

    def _replacer(self, settled: list[RecordSpans]) -> Replacer:
        mode = self._options.mode
        if mode == "redact":
            return lambda entity, _value, _language, _record: f"[{entity}]"
        if mode == "surrogate":
            # Names are drawn in the run's locale (a name's words in that of
            # the name lists holding them), never in the language of the
            # text they sit in: one fake person per person. Places and
            # organisations without --lang are drawn in the record's
            # language, one fake per value in every record of a language.
            run_language = normalize_language(self._options.language or "en")

            def make(entity: str, value: str, language: str, record: str) -> str:
                by_record = record and entity in BY_RECORD_LANGUAGE
                return self._surrogates.make(
                    entity,
                    value,
                    language,
                    locale_language=record if by_record else run_language,
                )

            return make
        # Token mode: one vault round trip for the whole batch.
        items = sorted(
            {
                (entity, text[start:end])
                for record in settled
                for (_, text), (_, spans) in zip(
                    record.texts, record.found, strict=True
                )
                for start, end, entity in spans
            }
        )
        tokens = {
            (p.entity, p.value): p.token
            for p in self._vault.tokenize_many(self._options.tenant, items)
        }
        return lambda entity, value, _language, _record: tokens[(entity, value)]


def _clean_up(
    exc: BaseException,
    writer: RecordWriter | None,
    rejects: RejectWriter,
    drop: Callable[[], None],
) -> None:
    """Remove what a run that ends with ``exc`` wrote; every step is tried
    even when one fails (a full disk fails the flush of a close too)."""
    if writer is not None:
        writer.abort()
    if isinstance(exc, ScrubStopped):
        # --strict keeps the reject it stopped at; nothing else stays.
        with contextlib.suppress(OSError):
            rejects.commit()
    else:
        rejects.abort()
    try:
        drop()
    except Exception:
        # The version never finished: every look-up leaves it out anyway.
        logger.warning("scrub: the stopped run's index entries stay unfinished")


@dataclass(frozen=True)
class _Names:
    output: str
    dataset_id: str
    headers: list[list[str]]


def _check_headers(
    headers: list[list[str]], spans: list[list[Span]], sources: list[str]
) -> None:
    """:class:`ConfigError` when a CSV header cell holds personal data: the
    file likely has no header, and its first row would be written unread.
    A cell of one word counts as a column name (see :func:`key_spans`)."""
    found = iter(spans)
    for header, source in zip(headers, sources, strict=True):
        for column, cell in enumerate(header, 1):
            hits = key_spans(cell, next(found))
            if hits:
                msg = (
                    f"the header of {source} holds what looks like personal "
                    f"data ({hits[0][2]} in column {column}); a CSV needs a "
                    "header line"
                )
                raise ConfigError(msg)


# What counts in a file name: values of fixed forms, and names of people
# of two words or more ("odd" and "out1" are no person nor phone number).
_FIXED_IN_NAMES = frozenset({"EMAIL_ADDRESS", "IBAN_CODE", "ID_NUMBER"})
_MIN_PHONE_DIGITS = 7


def _name_spans(text: str, spans: list[Span]) -> list[Span]:
    """The ``spans`` of a file name that are masked in it."""
    kept = []
    for start, end, entity in spans:
        value = text[start:end].replace("_", " ")
        if (
            entity in _FIXED_IN_NAMES
            or (
                entity == "PHONE_NUMBER"
                and sum(c.isdigit() for c in value) >= _MIN_PHONE_DIGITS
            )
            or (entity == "PERSON" and len(value.split()) >= 2)
        ):
            kept.append((start, end, entity))
    # Spans read both ways may overlap: each run of them is masked once.
    merged: list[Span] = []
    for start, end, entity in sorted(kept):
        if merged and start < merged[-1][1]:
            last = merged[-1]
            longer = entity if end - start > last[1] - last[0] else last[2]
            merged[-1] = (last[0], max(end, last[1]), longer)
        else:
            merged.append((start, end, entity))
    return merged


def _distinct(labels: list[str], paths: Sequence[Path]) -> list[str]:
    """``labels`` with the input's number added where masking made two
    inputs' labels the same (``[EMAIL_ADDRESS].jsonl (input 2)``)."""
    files: dict[str, set[Path]] = {}
    for label, path in zip(labels, paths, strict=True):
        files.setdefault(label, set()).add(path.absolute())
    return [
        f"{label} (input {number})" if len(files[label]) > 1 else label
        for number, label in enumerate(labels, 1)
    ]


def _dotted(steps: tuple[Step, ...], *, keys_only: bool = False) -> str:
    names = [str(s) for s in steps if not (keys_only and isinstance(s, int))]
    return ".".join(names)


def record_language_of(found: RecordSpans) -> str:
    """The language a record is written in: guessed from its values (keys
    are field names), their first RECORD_SAMPLE_CHARS characters."""
    sample: list[str] = []
    size = 0
    for ref, text in found.texts:
        if ref.is_key or size >= RECORD_SAMPLE_CHARS:
            continue
        sample.append(text[: RECORD_SAMPLE_CHARS - size])
        size += len(sample[-1])
    return guess_language("\n".join(sample))


def _splice(
    text: str, spans: list[Span], language: str, record: str, replace: Replacer
) -> str:
    """``text`` with each span replaced; spans are sorted and do not overlap."""
    if not spans:
        return text
    pieces = []
    cursor = 0
    for start, end, entity in spans:
        pieces.append(text[cursor:start])
        pieces.append(replace(entity, text[start:end], language, record))
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _register_counts(report: ScrubReport) -> dict[str, int | dict[str, int]]:
    return {
        "records_in": report.records_in,
        "records_out": report.records_out,
        "rejected": report.rejected,
        "records_touched": report.records_touched,
        "entity_counts": report.entity_totals(),
    }


def _log_fields(report: ScrubReport) -> dict[str, object]:
    return {
        "dataset": report.dataset_id,
        "version": report.version,
        "records_in": report.records_in,
        "records_out": report.records_out,
        "rejected": report.rejected,
        "entities": report.entity_totals(),
    }
