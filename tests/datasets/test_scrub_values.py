"""What values become: embedded files rejected, dates that stay dates, one
fake per value in every text of a record, name particles, field names that
say what a value is, and fakes that keep the shape of what they replace."""

from __future__ import annotations

import base64
import json
import random
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from gdprgate.datasets import (
    Scrubber,
    ScrubOptions,
    Surrogates,
    fields,
    surrogate_key,
)
from gdprgate.datasets.detection import Detected, Span
from gdprgate.datasets.fields import (
    EMBEDDED_REASON,
    TextRef,
    embedded_file,
    field_entity,
    field_spans,
)
from gdprgate.detect.patterns import date_of_birth, dates
from gdprgate.store import Database
from gdprgate.vault import Keyring

from .conftest import read_jsonl, write_jsonl

KEYS = [surrogate_key(bytes([seed]) * 32) for seed in range(1, 13)]
KEY = KEYS[0]
# Fictional bytes standing in for an image.
PAYLOAD = base64.b64encode(random.Random(7).randbytes(3000)).decode()
DATA_URL = f"data:image/png;base64,{PAYLOAD}"
EMAIL = "wolfgang.kraus@example.de"


class WordEngine:
    """Finds the given words as the given types; a text is German when it
    holds "ich", else English (as the language guess would read it)."""

    def __init__(self, words: dict[str, str]) -> None:
        self._words = words

    def run(self, batches: Iterable[list[str]]) -> Iterator[list[Detected]]:
        for texts in batches:
            yield [self._detect(text) for text in texts]

    def close(self) -> None:
        return None

    def _detect(self, text: str) -> Detected:
        spans: list[Span] = []
        for word, entity in self._words.items():
            spans += [
                (m.start(), m.end(), entity)
                for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)
            ]
        language = "de" if re.search(r"\bich\b", text) else "en"
        return language, sorted(spans)


@pytest.fixture
def scrub_words(store: tuple[Database, Keyring]) -> Any:
    """Run a scrub whose detector finds exactly the words given."""
    db, keyring = store

    def run(inputs: list[Path], output: Path, words: dict[str, str]) -> Any:
        options = ScrubOptions(inputs=inputs, output=output)
        return Scrubber(db, keyring, options, WordEngine(words)).run()

    return run


# Embedded files


@pytest.mark.parametrize(
    ("text", "embedded"),
    [
        (DATA_URL, True),
        (PAYLOAD, True),
        (f"![scan]({DATA_URL})", True),
        (f"see the attachment: {PAYLOAD} thanks", True),
        ("data:text/plain,Hallo%20Welt", False),
        ('Send "data:text/plain,hello" as the body.', False),
        (f"data:image/png;base64,{PAYLOAD[:64]}", True),
        (f"data:image/png;base64,{PAYLOAD[:40]}", False),
        (f'<img src="{DATA_URL}">', True),
        (f"img={PAYLOAD}", True),
        (f'"{PAYLOAD}"', True),
        (base64.urlsafe_b64encode(random.Random(8).randbytes(300)).decode(), True),
        # A long URL path or file path without dots is no blob.
        (
            "https://example.org/"
            + "/".join(f"Section{i}Part" for i in range(24))
            + "/Index",
            False,
        ),
        (
            "See /home/Users/Projects2023/"
            + "/".join(f"ModuleAlpha{i}" for i in range(18))
            + "/Main for it.",
            False,
        ),
        ("~/" + "/".join(f"Docs{i}Draft" for i in range(30)), False),
        ("C:/" + "/".join(f"Docs{i}Draft" for i in range(30)), False),
        ("x" + "/".join(f"Docs{i}Draft" for i in range(30)), False),
        ("the data: it shows nothing", False),
        ("a" * 300, False),
        ("0123456789abcdef" * 4, False),
        ("https://example.org/" + "path/" * 50, False),
        ("Kontakt: " + EMAIL, False),
        # A path, then a blob: each blank-separated part is judged alone.
        ("/Home1/" * 40 + " " + PAYLOAD, True),
        (PAYLOAD + " " + "/Home1/" * 40, True),
        # One part that starts like a path is a path, however long.
        ("/Home1/" * 40 + "." + PAYLOAD, False),
        (("/Home1/" * 40 + ".") * 50, False),
    ],
)
def test_embedded_file_is_told_from_text(text: str, embedded: bool) -> None:
    assert embedded_file(text) is embedded


def test_a_long_part_is_read_once_for_all_its_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A path of 2,000 base64-like runs joined by dots was read whole once
    per run (quadratic: 1 MB took minutes); it is read once."""
    calls: list[int] = []
    blob_around = fields._blob_around

    def counted(text: str, start: int, end: int) -> tuple[int, int]:
        calls.append(start)
        return blob_around(text, start, end)

    monkeypatch.setattr(fields, "_blob_around", counted)
    text = ("/Home1/" * 40 + ".") * 2_000 + " und " + ("/Data2/" * 40 + ":") * 10

    assert embedded_file(text) is False
    assert len(calls) == 2


def test_record_with_a_data_url_is_rejected_with_a_placeholder(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    """The image is never scanned as text nor written: the record is
    rejected, with a placeholder and the other texts scrubbed."""
    content = [
        {"type": "text", "text": f"Was zeigt dieses Bild? Mail: {EMAIL}"},
        {"type": "image_url", "image_url": {"url": DATA_URL}},
    ]
    chat = {"messages": [{"role": "user", "content": content}]}
    source = write_jsonl(tmp_path / "in.jsonl", [chat, {"text": "nichts"}])
    output = data_dir / "out.jsonl"

    report = scrub([source], output)

    assert (report.records_out, report.rejected) == (1, 1)
    assert read_jsonl(output) == [{"text": "nichts"}]
    (reject,) = read_jsonl(output.with_name("out.jsonl.rejects.jsonl"))
    assert reject["reason"] == EMBEDDED_REASON
    assert reject["line"] == 1
    assert (
        f"<embedded file, {len(DATA_URL)} characters: not written>" in (reject["text"])
    )
    assert PAYLOAD[:40] not in reject["text"]
    assert EMAIL not in reject["text"]


def test_record_with_a_bare_base64_blob_is_rejected(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"audio": PAYLOAD}])
    output = data_dir / "out.jsonl"

    report = scrub([source], output)

    assert (report.records_out, report.rejected) == (0, 1)
    (reject,) = read_jsonl(output.with_name("out.jsonl.rejects.jsonl"))
    assert PAYLOAD[:40] not in reject["text"]


# Dates


def _german(text: str) -> datetime:
    months = "januar februar märz april mai juni juli august september oktober"
    months += " november dezember"
    day, month, year = text.replace(".", "").split()
    number = months.split().index(month.casefold()) + 1
    return datetime(int(year), number, int(day))


DATE_FORMATS = [
    ("31.12.1999", lambda t: datetime.strptime(t, "%d.%m.%Y")),
    ("1999-12-31", lambda t: datetime.strptime(t, "%Y-%m-%d")),
    ("12/31/1999", lambda t: datetime.strptime(t, "%m/%d/%Y")),
    ("2024-05-01T12:34:56Z", lambda t: datetime.strptime(t, "%Y-%m-%dT%H:%M:%SZ")),
    ("2024-05-01 12:34", lambda t: datetime.strptime(t, "%Y-%m-%d %H:%M")),
    ("01.05.2024 12:34", lambda t: datetime.strptime(t, "%d.%m.%Y %H:%M")),
    ("3. Mai 1987", _german),
    ("May 3, 1987", lambda t: datetime.strptime(t, "%B %d, %Y")),
    ("03/04/1999", lambda t: datetime.strptime(t, "%d/%m/%Y")),
    ("03/04/1999", lambda t: datetime.strptime(t, "%m/%d/%Y")),
]


@pytest.mark.parametrize(("value", "parse"), DATE_FORMATS)
def test_date_fakes_are_valid_dates_in_the_original_format(
    value: str, parse: Any
) -> None:
    """Over many keys and entity types, every fake parses in the format of
    the value it replaces, and differs from it."""
    language = "de" if "Mai" in value else "en"
    for key in KEYS:
        for entity in ("DATE_TIME", "DATE_OF_BIRTH"):
            fake = Surrogates(key).make(entity, value, language)
            assert parse(fake) != parse(value), fake


def test_a_timestamp_keeps_its_time() -> None:
    for key in KEYS:
        fake = Surrogates(key).make("DATE_TIME", "2024-05-01T12:34:56Z")
        assert fake.endswith("T12:34:56Z")


def test_a_date_taken_for_a_place_stays_a_date() -> None:
    """A model read "03/03/1987" as a place: its fake is a date, not an
    address."""
    for key in KEYS:
        fake = Surrogates(key).make("LOCATION", "03/03/1987")
        assert re.fullmatch(r"\d\d/\d\d/\d{4}", fake), fake
        day, month, year = (int(part) for part in fake.split("/"))
        assert date(year, month, day)


@pytest.mark.parametrize(
    "value",
    ["03.12.2026", "1987-03-03", "3. Mai 1987", "mardi 3 mars 1987", "01/02/27"],
)
def test_a_date_of_birth_gets_the_fake_of_the_same_date(value: str) -> None:
    """Whether a date is a birth date depends on today and the words around
    it: its fake does not."""
    for key in KEYS[:4]:
        birth = Surrogates(key).make("DATE_OF_BIRTH", value, "de")
        assert birth == Surrogates(key).make("DATE_TIME", value, "de")
        assert birth != value


def _set_today(monkeypatch: pytest.MonkeyPatch, today: date) -> None:
    """The detector's clock (the birth-date recognizer and two-digit years)
    reads ``today``."""

    class Fixed(date):
        @classmethod
        def today(cls) -> Fixed:
            return cls(today.year, today.month, today.day)

    clock = SimpleNamespace(date=Fixed)
    monkeypatch.setattr(date_of_birth, "datetime", clock)
    monkeypatch.setattr(dates, "datetime", clock)


def test_dates_of_birth_get_the_same_fakes_on_any_day(
    scrub: Any, tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One corpus scrubbed on two days under one key gives the same output
    (a birth date after the first day was a plain date then, a birth date
    on the second: its fake changed with the type)."""
    records = [
        {"text": "Geboren am 03.12.2026 in Bremen."},
        {"text": "Tim was born on 01/02/27."},
        {"form": "Geburtsdatum: 05.01.29"},
    ]
    source = write_jsonl(tmp_path / "in.jsonl", records)
    outputs = []
    for day, today in enumerate([date(2026, 11, 1), date(2031, 6, 1)]):
        _set_today(monkeypatch, today)
        output = data_dir / f"day{day}" / "clean.jsonl"
        output.parent.mkdir()
        scrub([source], output, dataset_id="dob")
        outputs.append(output.read_text("utf-8"))

    assert outputs[0] == outputs[1]
    for value in ("03.12.2026", "01/02/27", "05.01.29"):
        assert value not in outputs[0]


# One fake per value, whatever the language of the text


def test_a_value_has_one_fake_in_texts_of_every_language() -> None:
    surrogates = Surrogates(KEY)
    for entity, value in [
        ("PERSON", "Wolfgang Kraus"),
        ("EMAIL_ADDRESS", EMAIL),
        ("PHONE_NUMBER", "+49 171 2345678"),
        ("IBAN_CODE", "DE89 3704 0044 0532 0130 00"),
        ("LOCATION", "Lyon"),
    ]:
        fakes = {
            surrogates.make(entity, value, language, locale_language="de")
            for language in ("de", "en", "fr", "it")
        }
        assert len(fakes) == 1, (entity, fakes)


GERMAN_VISIT = "Wir haben uns gestern in Bremen getroffen, dann ging es zu Nordlicht."
ENGLISH_VISIT = "We met yesterday in Bremen and then went over to Nordlicht for lunch."
PLACES = {"Bremen": "LOCATION", "Nordlicht": "ORGANIZATION"}


def _fakes(record: dict[str, Any], prefix: str, middle: str) -> tuple[str, str]:
    text = record["text"].removeprefix(prefix)
    place, rest = text.split(middle, 1)
    return place, rest


def test_places_and_organisations_take_the_record_language_without_lang(
    scrub_words: Any,
    store: tuple[Database, Keyring],
    tmp_path: Path,
    data_dir: Path,
) -> None:
    """Without --lang a German record gets a German town and company, an
    English one English ones; records of one language share the fakes."""
    from faker.providers.address.de_DE import Provider as GermanAddress

    records = [{"text": GERMAN_VISIT}, {"text": ENGLISH_VISIT}, {"text": GERMAN_VISIT}]
    source = write_jsonl(tmp_path / "in.jsonl", records)
    output = data_dir / "out.jsonl"

    scrub_words([source], output, PLACES)

    german, english, again = read_jsonl(output)
    assert german == again
    surrogates = Surrogates(surrogate_key(store[1].for_tenant("default").data_key))

    def fake(entity: str, value: str, language: str) -> str:
        return surrogates.make(entity, value, language, locale_language=language)

    town, company = (
        fake("LOCATION", "Bremen", "de"),
        fake("ORGANIZATION", "Nordlicht", "de"),
    )
    assert german["text"] == GERMAN_VISIT.replace("Bremen", town).replace(
        "Nordlicht", company
    )
    assert town in GermanAddress.cities
    english_town = fake("LOCATION", "Bremen", "en")
    assert english["text"] == ENGLISH_VISIT.replace("Bremen", english_town).replace(
        "Nordlicht", fake("ORGANIZATION", "Nordlicht", "en")
    )
    assert english_town not in GermanAddress.cities


def test_lang_fixes_the_locale_of_places_for_every_record(
    store: tuple[Database, Keyring], tmp_path: Path, data_dir: Path
) -> None:
    """With --lang every record's places come from that language."""
    db, keyring = store
    records = [{"text": GERMAN_VISIT}, {"text": ENGLISH_VISIT}]
    source = write_jsonl(tmp_path / "in.jsonl", records)
    output = data_dir / "out.jsonl"
    options = ScrubOptions(inputs=[source], output=output, language="en")

    Scrubber(db, keyring, options, WordEngine(PLACES)).run()

    german, english = read_jsonl(output)
    town, _ = _fakes(german, "Wir haben uns gestern in ", " getroffen")
    assert town == _fakes(english, "We met yesterday in ", " and then")[0]


def test_a_name_has_one_fake_under_any_run_language() -> None:
    """A name's words are faked in the locale of the name lists that hold
    them, so the run's language does not change the fake."""
    surrogates = Surrogates(KEY)
    fakes = {
        surrogates.make("PERSON", "Wolfgang Kraus", "en", locale_language=language)
        for language in ("de", "en", "fr")
    }
    assert len(fakes) == 1


def test_one_person_gets_one_fake_in_turns_of_two_languages(
    scrub_words: Any, tmp_path: Path, data_dir: Path
) -> None:
    chat = {
        "messages": [
            {"role": "user", "content": f"Hallo, ich heiße Wolfgang Kraus, {EMAIL}"},
            {"role": "assistant", "content": "Hello Wolfgang Kraus!"},
            {"role": "assistant", "content": f"I will write to {EMAIL} today."},
        ]
    }
    source = write_jsonl(tmp_path / "in.jsonl", [chat])
    output = data_dir / "out.jsonl"
    words = {"Wolfgang Kraus": "PERSON", EMAIL: "EMAIL_ADDRESS"}

    scrub_words([source], output, words)

    (record,) = read_jsonl(output)
    first, second, third = (m["content"] for m in record["messages"])
    name = second.removeprefix("Hello ").removesuffix("!")
    email = third.removeprefix("I will write to ").removesuffix(" today.")
    assert name != "Wolfgang Kraus"
    assert email != EMAIL
    assert first == f"Hallo, ich heiße {name}, {email}"


# Name particles


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ("Jan de Vries", ["de"]),
        ("Ludwig van der Berg", ["van", "der"]),
        ("Maria de la Cruz", ["de", "la"]),
        ("Anna von Stein", ["von"]),
        ("Leonardo di Rossi", ["di"]),
        ("João dos Santos", ["dos"]),
        ("Anna De Luca", ["De"]),
        ("Pieter van Dijk", ["van"]),
    ],
)
def test_name_particles_are_kept_once(value: str, kept: list[str]) -> None:
    """Particles stay as written, and the fake adds none of its own: a name
    keeps its number of words."""
    for key in KEYS:
        fake = Surrogates(key).make("PERSON", value, "nl")
        words = fake.split()
        assert len(words) == len(value.split()), fake
        assert words[1 : 1 + len(kept)] == kept, fake
        assert words[0] != value.split()[0]
        assert words[-1] != value.split()[-1]


# Field names


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("first_name", "PERSON"),
        ("lastName", "PERSON"),
        ("Nachname", "PERSON"),
        ("prénom", "PERSON"),
        ("cognome", "PERSON"),
        ("city", "LOCATION"),
        ("Stadt", "LOCATION"),
        ("ville", "LOCATION"),
        ("birthdate", "DATE_OF_BIRTH"),
        ("Geburtsdatum", "DATE_OF_BIRTH"),
        ("e-mail", "EMAIL_ADDRESS"),
        ("phone", "PHONE_NUMBER"),
        ("IBAN", "IBAN_CODE"),
        ("name_of_product", None),
        ("text", None),
        ("content", None),
        # The detector's vocabulary: more names, but not the unsure ones
        # ("name" of a product) nor user fields (a chat's "user" turn).
        ("nom", "PERSON"),
        ("Straße", "LOCATION"),
        ("Telefonnummer", "PHONE_NUMBER"),
        ("name", None),
        ("address", None),
        ("user", None),
        ("username", None),
    ],
)
def test_field_names_that_say_what_a_value_is(name: str, entity: str | None) -> None:
    assert field_entity(("user", name)) == entity


def test_short_values_of_named_fields_are_scrubbed_whole(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    """The patterns find nothing in "Kraus" or "Lyon": the field names say
    what they are."""
    row = {
        "first_name": "Wolfgang",
        "last_name": "Kraus",
        "city": "Lyon",
        "birthdate": "03/03/1987",
        "note": "Lyon",
    }
    source = write_jsonl(tmp_path / "in.jsonl", [row])
    output = data_dir / "out.jsonl"

    report = scrub([source], output)

    (record,) = read_jsonl(output)
    for name in ("first_name", "last_name", "city", "birthdate"):
        assert record[name] != row[name], name
    assert re.fullmatch(r"\d\d/\d\d/\d{4}", record["birthdate"])
    assert report.records_touched == 1


# Shapes


def test_full_width_phone_stays_full_width_after_an_ascii_spelling() -> None:
    """One number written "0049 …" and then in full width: the second fake
    is full width too, with the same digits."""
    surrogates = Surrogates(KEY)
    ascii_fake = surrogates.make("PHONE_NUMBER", "0049 171 2345678", "de")
    wide = surrogates.make("PHONE_NUMBER", "＋４９ １７１ ２３４５６７８", "de")

    assert re.fullmatch(r"＋４９ [０-９]{3} [０-９]{7}", wide), wide
    plain = wide.translate({0xFF10 + d: str(d) for d in range(10)})
    assert plain.removeprefix("＋49 ") == ascii_fake.removeprefix("0049 ")


# Other mentions in the same record


def test_a_surname_alone_after_the_full_name_is_replaced_too(
    scrub_words: Any, tmp_path: Path, data_dir: Path
) -> None:
    """ "Kraus" after "Wolfgang Kraus" gets the surname of the full name's
    fake."""
    text = "Gestern traf ich Wolfgang Kraus. Kraus sagte, er sei müde."
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": text}])
    output = data_dir / "out.jsonl"

    scrub_words([source], output, {"Wolfgang Kraus": "PERSON"})

    (record,) = read_jsonl(output)
    assert "Kraus" not in record["text"]
    # A fake may have more words than its original ("Karl-Ernst Koch II"):
    # the lone mention is one of the full fake's words.
    match = re.fullmatch(
        r"Gestern traf ich (.+)\. (.+) sagte, er sei müde\.", record["text"]
    )
    assert match is not None, record["text"]
    assert match.group(2) in match.group(1).split()[1:], record["text"]


def test_a_name_found_in_one_turn_is_replaced_in_the_others(
    scrub_words: Any, tmp_path: Path, data_dir: Path
) -> None:
    chat = {
        "messages": [
            {"role": "user", "content": "Mein Name ist Wolfgang Kraus."},
            {"role": "assistant", "content": "Guten Tag!"},
            {"role": "user", "content": "Kraus hier nochmal."},
        ]
    }
    source = write_jsonl(tmp_path / "in.jsonl", [chat])
    output = data_dir / "out.jsonl"

    report = scrub_words([source], output, {"Wolfgang Kraus": "PERSON"})

    (record,) = read_jsonl(output)
    assert "Kraus" not in json.dumps(record, ensure_ascii=False)
    assert record["messages"][2]["content"].endswith(" hier nochmal.")
    assert report.entity_totals() == {"PERSON": 2}


def test_values_of_named_fields_are_replaced_in_the_record_s_texts(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    row = {
        "first_name": "Wolfgang",
        "last_name": "Kraus",
        "city": "Lyon",
        "note": "Herr Kraus zog 2019 nach Lyon.",
    }
    source = write_jsonl(tmp_path / "in.jsonl", [row])
    output = data_dir / "out.jsonl"

    scrub([source], output)

    (record,) = read_jsonl(output)
    written = json.dumps(record, ensure_ascii=False)
    for value in ("Wolfgang", "Kraus", "Lyon"):
        assert value not in written
    assert (
        record["note"] == f"Herr {record['last_name']} zog 2019 nach {record['city']}."
    )


# Field names: placeholders and values of the wrong form stay as they are


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("city", "n/a"),
        ("last_name", "N/A"),
        ("first_name", "none"),
        ("vorname", "k.A."),
        ("nachname", "keine Angabe"),
        ("city", "Remote"),
        ("town", "Unknown"),
        ("ort", "online"),
        ("ville", "inconnu"),
        ("ciudad", "desconocido"),
        ("citta", "sconosciuto"),
        ("woonplaats", "onbekend"),
        ("miasto", "brak"),
        ("miejscowosc", "nieznany"),
        ("cidade", "desconhecido"),
        ("stad", "okänd"),
        ("surname", "--"),
        ("surname", "?"),
        ("email", "n/a@n/a"),
        ("email", "nobody"),
        ("phone", "12345"),
        ("full_name", "Please call me back tomorrow about the invoice"),
        ("full_name", "Call me back."),
        ("full_name", "Who is it?"),
    ],
)
def test_field_name_leaves_placeholders_and_sentences(name: str, value: str) -> None:
    assert field_spans(TextRef((name,), name), value, []) == []


@pytest.mark.parametrize(
    ("name", "value", "entity"),
    [
        ("last_name", "Kraus", "PERSON"),
        ("full_name", "Dr. Anna Schmidt", "PERSON"),
        ("full_name", "Schmidt, Anna", "PERSON"),
        ("full_name", "J. R. R. Tolkien", "PERSON"),
        ("city", "Lyon", "LOCATION"),
        ("email", "wolf.kraus@example.de", "EMAIL_ADDRESS"),
        ("phone", "0171 234567", "PHONE_NUMBER"),
        # Words that say "none" elsewhere are surnames in a name field.
        ("last_name", "Test", "PERSON"),
        ("last_name", "Private", "PERSON"),
    ],
)
def test_field_name_still_types_real_values(name: str, value: str, entity: str) -> None:
    assert field_spans(TextRef((name,), name), value, []) == [(0, len(value), entity)]


# File names in the report


def test_output_and_side_files_are_named_as_given(
    scrub_words: Any, tmp_path: Path
) -> None:
    source = tmp_path / "odd.jsonl"
    source.write_text('{"t": "hello"}\n{bad\n', "utf-8")
    output = tmp_path / "out" / "out1.jsonl"
    output.parent.mkdir()
    words = {"odd": "PERSON", "out1": "PHONE_NUMBER"}

    report = scrub_words([source], output, words)

    assert report.output == str(output)
    assert report.rejects == str(output) + ".rejects.jsonl"
    assert Path(report.rejects).exists()
    assert report.inputs == ["odd.jsonl"]


def test_input_names_mask_fixed_forms_and_full_names(
    scrub_words: Any, tmp_path: Path
) -> None:
    source = tmp_path / "wolfgang_kraus_4917123456789.jsonl"
    source.write_text('{"t": "hello"}\n', "utf-8")
    words = {"wolfgang kraus": "PERSON", "4917123456789": "PHONE_NUMBER"}

    report = scrub_words([source], tmp_path / "o.jsonl", words)

    assert report.inputs == ["[PERSON]_[PHONE_NUMBER].jsonl"]


def test_an_email_with_underscores_in_an_input_name_is_masked_whole(
    scrub_words: Any, tmp_path: Path
) -> None:
    source = tmp_path / "jane_doe@example.org.jsonl"
    source.write_text('{"t": "hello"}\n', "utf-8")
    words = {
        "jane_doe@example.org": "EMAIL_ADDRESS",
        "doe@example.org": "EMAIL_ADDRESS",
    }

    report = scrub_words([source], tmp_path / "o.jsonl", words)

    assert report.inputs == ["[EMAIL_ADDRESS].jsonl"]
