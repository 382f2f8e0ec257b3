"""``gdprgate scrub``: replace the personal data in training corpora."""

from __future__ import annotations

import glob
import json
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import click

from gdprgate.cli import main
from gdprgate.cli._common import LANGUAGES, clear_errors, configure_logging
from gdprgate.config import Settings
from gdprgate.errors import ConfigError, StoreError


def expand_inputs(patterns: tuple[str, ...]) -> list[Path]:
    """Each input as given, or the sorted files a glob pattern matches."""
    paths: list[Path] = []
    for pattern in patterns:
        if glob.has_magic(pattern):
            matched = sorted(Path(p) for p in glob.glob(pattern, recursive=True))
            if not matched:
                msg = f"no input file matches {pattern!r}"
                raise ConfigError(msg)
            paths.extend(p for p in matched if p.is_file())
        else:
            path = Path(pattern)
            if not path.is_file():
                msg = f"{path}: no such input file"
                raise ConfigError(msg)
            paths.append(path)
    return paths


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    required=True,
    help="Scrubbed file to write; .gz or .zst compresses it.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet"]),
    default=None,
    help="Format of the inputs (default: from their names).",
)
@click.option(
    "--output-format",
    type=click.Choice(["jsonl", "csv", "parquet"]),
    default=None,
    help="Format of the output (default: from its name, else --format).",
)
@click.option(
    "--fields",
    default="",
    help="Comma-separated fields to scrub, dotted: text,meta.note or "
    "messages.0.content (default: all text). A name matching nothing fails.",
)
@click.option(
    "--mode",
    type=click.Choice(["surrogate", "token", "redact"]),
    default="surrogate",
    show_default=True,
    help="Realistic fakes, vault tokens, or [ENTITY] marks.",
)
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default=None,
    help="Language of the corpus (guessed per text when left out).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="Run detection here or on Ray.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 512),
    default=1,
    show_default=True,
    help="Detection processes (local) or Ray actors.",
)
@click.option(
    "--ray-address",
    default=None,
    help="Existing Ray cluster (default: start a local instance).",
)
@click.option(
    "--strict", is_flag=True, help="Stop at the first record that cannot be read."
)
@click.option(
    "--dataset",
    "dataset_id",
    default=None,
    help="Data set id in the subject index (default: the output's folder and "
    "name without .gz/.zst and a hash of the folder's path, e.g. "
    "train/clean.jsonl#1f0c9a2e).",
)
@click.option(
    "--purpose", default=None, help="Purpose the data set serves (for the record)."
)
@click.option(
    "--batch-size",
    type=click.IntRange(1, 100_000),
    default=256,
    show_default=True,
    help="Records per batch sent to a worker.",
)
@click.option(
    "--escape-formulas",
    is_flag=True,
    help="CSV output: write an apostrophe before each text cell that starts "
    "with = + - @ (or a tab), so spreadsheets show it as text.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--no-progress", is_flag=True, help="Do not show the progress bar.")
@clear_errors
def scrub(
    inputs: tuple[str, ...],
    output: Path,
    fmt: str | None,
    output_format: str | None,
    fields: str,
    mode: str,
    lang: str | None,
    engine: str,
    workers: int,
    ray_address: str | None,
    strict: bool,
    dataset_id: str | None,
    purpose: str | None,
    batch_size: int,
    escape_formulas: bool,
    as_json: bool,
    no_progress: bool,
) -> None:
    """Replace the personal data in INPUT files (JSONL, CSV, Parquet; globs,
    gzip and zstd work) and write them to OUTPUT.

    Lines that cannot be read go to <output>.rejects.jsonl (line number,
    reason, text scrubbed); the report goes to <output>.report.json and
    says records in = records out + rejected. Each record holding personal
    data is entered in the subject index under the data set id and version.

    \b
    Example:
      gdprgate scrub 'corpus/*.jsonl.gz' -o clean.jsonl --lang de --workers 2
      gdprgate scrub chats.jsonl -o out.jsonl --engine ray --ray-address auto
    """
    from gdprgate.datasets import Scrubber, ScrubOptions, make_engine
    from gdprgate.datasets.sources import check_output
    from gdprgate.gateway.runtime import detector_config
    from gdprgate.store import Database
    from gdprgate.vault import Keyring, load_master_key
    from gdprgate.vault.keys import MASTER_KEY_FILE

    settings = Settings()
    configure_logging("WARNING", settings.log_format)
    options = ScrubOptions(
        inputs=expand_inputs(inputs),
        output=output,
        input_format=fmt,
        output_format=output_format,
        fields=[f for f in fields.split(",") if f.strip()],
        mode=mode,  # type: ignore[arg-type]
        language=lang,
        strict=strict,
        batch_size=batch_size,
        dataset_id=dataset_id,
        purpose=purpose,
        tenant=settings.tenant,
        engine_name=engine,
        workers=workers,
        escape_formulas=escape_formulas,
    )
    check_output(output)
    # Cleaned up first (output, index version), then ended if need be.
    with _end_at_once_if_detection_hangs():
        db = Database.for_data_dir(settings.data_dir, settings.database_url)
        try:
            db.upgrade()
            new_key = (
                settings.master_key is None
                and not (settings.data_dir / MASTER_KEY_FILE).exists()
            )
            keyring = Keyring(
                db, load_master_key(settings.data_dir, settings.master_key)
            )
            runner = make_engine(
                detector_config(settings), engine, workers, lang, ray_address
            )
            try:
                with (
                    _write_failures(),
                    _sigterm_as_interrupt(),
                    _Progress(no_progress or as_json) as progress,
                ):
                    report = Scrubber(db, keyring, options, runner, progress).run()
            finally:
                runner.close()
        finally:
            db.close()
    document = report.as_json()
    with _write_failures("the output is written, its report is not"):
        _write_report(options.side_file("report.json"), document)
    click.echo(json.dumps(document) if as_json else report.table())
    if new_key:
        # Fakes and the subject index hang on this key: a scrub run from
        # another folder would silently use another one.
        click.echo(
            f"gdprgate: made a new project key in {settings.data_dir}; later "
            "scrubs give the same fakes and add to the same subject index "
            "only with the same --data-dir (GDPRGATE_DATA_DIR) or "
            "GDPRGATE_MASTER_KEY",
            err=True,
        )


@contextmanager
def _write_failures(
    what: str = "the run was stopped and its output removed",
) -> Iterator[None]:
    """A full disk, a file size limit or a failing store ends the command
    with one line (exit code 2), never a traceback: a database error's text
    would carry the statement's parameters (blind indexes)."""
    import sqlalchemy as sa

    try:
        yield
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ConfigError(f"cannot write: {reason}; {what}") from None
    except sa.exc.SQLAlchemyError as exc:
        orig = getattr(exc, "orig", None)
        reason = getattr(orig, "sqlite_errorname", None) or type(exc).__name__
        raise StoreError(f"the store cannot be written ({reason}); {what}") from None


def _write_report(path: Path, document: dict[str, object]) -> None:
    """The report, written whole or not at all."""
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)


@contextmanager
def _end_at_once_if_detection_hangs() -> Iterator[None]:
    """A run stopped in the middle of a huge record ends the process at once.

    Its output and index version are gone by then, but the detection thread
    cannot be stopped: a normal exit would wait for it (minutes), and the
    model's threads abort the process if it is torn down around them.
    """
    try:
        yield
    except KeyboardInterrupt:
        from gdprgate.datasets.engines import detection_left_running

        if detection_left_running():
            click.echo("Aborted!", err=True)
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(1)
        raise


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM (``kill PID``) during the run stops it as Ctrl-C does: the
    run's output and index entries are removed before the command ends."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(_signum: int, _frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        # None: a handler not set from Python; the default is the best guess.
        signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)


class _Progress:
    """A rich progress line (records, megabytes, throughput) on stderr."""

    def __init__(self, quiet: bool) -> None:
        self._quiet = quiet
        self._bar: object = None

    def __enter__(self) -> _Progress | None:
        if self._quiet:
            return None
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._bar = bar = Progress(
            SpinnerColumn(),
            TextColumn("{task.fields[records]} records"),
            TextColumn("{task.fields[megabytes]:.1f} MB"),
            TextColumn("{task.fields[rate]:.2f} MB/s"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        bar.start()
        self._task = bar.add_task(
            "scrub", total=None, records=0, megabytes=0.0, rate=0.0
        )
        return self

    def __call__(self, records: int, bytes_read: int) -> None:
        from rich.progress import Progress

        assert isinstance(self._bar, Progress)
        elapsed = self._bar.tasks[0].elapsed or 1e-9
        self._bar.update(
            self._task,
            records=records,
            megabytes=bytes_read / 1e6,
            rate=bytes_read / 1e6 / elapsed,
        )

    def __exit__(self, *_exc: object) -> None:
        from rich.progress import Progress

        if isinstance(self._bar, Progress):
            self._bar.stop()
