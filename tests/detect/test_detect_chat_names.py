"""Names in sign-offs and chat transcripts (gdprgate.detect.signoffs and
gdprgate.detect.transcripts)."""

from __future__ import annotations

import pytest

from gdprgate.detect import Detector, Finding
from gdprgate.detect.gate import Lexicon, load_lexicon
from gdprgate.detect.signoffs import SIGNOFF_SOURCE, signed_names
from gdprgate.detect.transcripts import (
    SPEAKER_SOURCE,
    TITLE_SOURCE,
    titled_names,
    transcript_speakers,
    without_name_labels,
)


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


SIGNED = [
    ("Pozdrawiam,\nMałgorzata", ["Małgorzata"]),
    ("Z poważaniem\nJoanna Wróbel", ["Joanna Wróbel"]),
    ("Dzięki Kasia", ["Kasia"]),
    ("Cześć Tomek!", ["Tomek"]),
    ("Hej Gosia, masz chwilę?", ["Gosia"]),
    ("Viele Grüße\nJonas", ["Jonas"]),
    ("Thanks, Priya.", ["Priya"]),
    # Not a name, or no greeting before it.
    ("Pozdrawiam,\nZespół", []),
    ("Dzięki za pomoc", []),
    ("Małgorzata przyjdzie jutro", []),
    ("Thanks, Team.", []),
]


@pytest.mark.parametrize(("text", "names"), SIGNED)
def test_given_names_after_a_greeting(
    lexicon: Lexicon, text: str, names: list[str]
) -> None:
    found = signed_names(text, lexicon)
    assert [text[f.start : f.end] for f in found] == names
    assert all(f.source == SIGNOFF_SOURCE for f in found)


SPEAKERS = [
    ("[10:02] sam: hey\n[10:03] alex: yeah", ["sam", "alex"]),
    ("10:02 fede: ciao\n10:03 vale: sì", ["fede", "vale"]),
    ("2024-05-01 10:02 lisa: hallo\n2024-05-01 10:03 tim: ja", ["lisa", "tim"]),
    ("<marta> hej\n<bartek> cześć", ["marta", "bartek"]),
    ("Anna: Kommst du?\nJonas: Ja.", ["Anna", "Jonas"]),
    # One line is a transcript only when the speaker is a given name.
    ("priya: are you there?", ["priya"]),
    ("okrawek: nic", []),
    # Labels, headings and roles are no speakers.
    ("Name: X\nSubject: Y", []),
    ("[10:02] User: hi\n[10:03] Assistant: hello", []),
    ("Q: why?\nA: because.", []),
    ("Kunde: Hallo\nBetreff: Rechnung", []),
    ("Note: the office is closed.\nWarning: wet floor.", []),
    # Form labels: ordinary words, German compounds ending in one, and
    # either numbered, are no speakers.
    ("Kontoinhaber: Max Weber\nVerwendungszweck: Miete Juni", []),
    ("Farbe: rot\nGröße: XL\nStraße: Hauptweg 5", []),
    ("Bearbeiter: Herr Kunz\nVersichertennummer: 12", []),
    ("Rentenversicherungsnummer: 13\nKontonummer: 14", []),
    ("Feld0: Wert\nFeld1: Wert\nFeld2: Wert", []),
    ("Username: x\nPassword: y", []),
    ("Huisnummer: 12\nWoonplaats: Utrecht", []),
    # Known surnames on two lines; unknown words need turns or timestamps.
    ("Weber: Hallo\nSchmidt: Ja", ["Weber", "Schmidt"]),
    ("Kowalczyk: hej\nNowakowski: cześć", ["Kowalczyk", "Nowakowski"]),
    (
        "okrawek: nic\nzbyszko: tak\nokrawek: no",
        ["okrawek", "zbyszko", "okrawek"],
    ),
    # Two lines, neither a form label: a chat.
    ("okrawek: nic\nzbyszko: tak", ["okrawek", "zbyszko"]),
    # Chat handles with digits count in a chat, without timestamps too.
    (
        "mausi92: hallo\ntom_1987: na?\nmausi92: alles gut",
        ["mausi92", "tom_1987", "mausi92"],
    ),
    ("Chat log\nxX_dragon_Xx: hi\nsunnyboy77: hello", ["xX_dragon_Xx", "sunnyboy77"]),
    (
        "sunnyboy77: hi\nkatze_88: hello\nsunnyboy77: ok",
        ["sunnyboy77", "katze_88", "sunnyboy77"],
    ),
    # A stamped chat keeps its nicks, ordinary words and digits included.
    ("[10:02] kev93: yo\n[10:03] sunshine: hey", ["kev93", "sunshine"]),
    ("[10:02] Feld0: Wert", []),
    # Mail headers: two header fields or more make a header, whose fields
    # are no speakers, also those that are given names ("Van", "Till").
    ("Van: afdeling inkoop\nAan: alle medewerkers", []),
    ("Till: alla anställda\nFrån: HR", []),
    ("Von: Vertrieb\nAn: alle\nBetreff: Umzug", []),
    # One header word alone may be a speaker: fail closed.
    ("Van: hoi\nSanne: hallo\nVan: alles goed?", ["Van", "Sanne", "Van"]),
    ("Till: hej\nAstrid: hallå\nTill: läget?", ["Till", "Astrid", "Till"]),
    # Git trailers and metadata, data fields.
    ("Signed-off-by: Tom Crane\nReviewed-by: Ann Vole", []),
    ("commit 3f2a9c\nAuthor: Tom Crane\nDate: Mon Jan 5", []),
    ("data: eyJ1c2VyIjoiMTIzIn0=\nkey: AAAAC3NzaC1lZDI1", []),
    # XML elements are no nicks; an IRC nick still is.
    ("<developers>\n  <developer>\n  </developer>\n</developers>", []),
    ("<version>2.7.1-SNAPSHOT</version>\n<name>x</name>", []),
    ("<tim> hallo\n<mara> ja", ["tim", "mara"]),
    # A header needs a field no one is called ("Aan", "Från", "Ämne");
    # "Van" and "Till" alone are given names, and a stamped line is chat.
    ("Van: I got the results\nTill: oh no, call me", ["Van", "Till"]),
    ("[10:02] Van: I moved\n[10:03] Till: nice!", ["Van", "Till"]),
    ("[09:01] Mia: morning\n[09:02] Do: hi Mia", ["Mia", "Do"]),
    ("[09:01] An: morning\n[09:02] Do: hi An", ["An", "Do"]),
    ("An: alle\nVon: Vertrieb\nBetreff: Umzug", []),
    # Unstamped, such fields speak in a chat that is no header of one
    # language: speakers take turns, or the heads mix languages.
    ("An: Hallo Jana, wie geht es dir?\nDo: Gut, danke!", ["An", "Do"]),
    ("An: are you coming?\nDo: yes, after work\nAn: great", ["An", "Do", "An"]),
    ("Do: did you see the game?\nMia: no, I missed it", ["Do", "Mia"]),
    ("Da: hai visto la partita?\nAn: sì, bellissima", ["Da", "An"]),
    ("An: alle Mitarbeiter\nVon: die Geschäftsführung", []),
    ("Do: wszyscy pracownicy\nOd: dział kadr", []),
    ("Da: tutti i dipendenti\nA: ufficio del personale", []),
    # Among other heads that are no names, a field is what it says:
    # opening hours ("Do", Donnerstag), not a speaker.
    ("Mo: geschlossen\nDi: geschlossen\nDo: nur vormittags", []),
    ("Mo: geschlossen\nDo: nur vormittags", []),
    ("Från: Till Lindqvist\nTill: Van Nguyen\nÄmne: möte", []),
    ("Date: tomorrow?\nSent: yes", []),
    # A label that is a name ("Key") speaks before a sentence or in a chat;
    # in lower case, in capitals or before one token it is a label.
    ("Key: my new address is 4 Oak Lane\nAnna: ok", ["Key", "Anna"]),
    ("Will: did you deploy?\nKey: yes", ["Key"]),
    ("Key: AAAAC3NzaC1lZDI1", []),
    ("KEY: my new address is 4 Oak Lane", []),
    ("key: my new address is 4 Oak Lane", []),
    ("Author: Okonkwo <ok@example.com>\nDate: Mon Mar 2 10:11:12 2026", []),
]


@pytest.mark.parametrize(("text", "names"), SPEAKERS)
def test_speakers_at_the_start_of_chat_lines(
    lexicon: Lexicon, text: str, names: list[str]
) -> None:
    found = transcript_speakers(text, lexicon)
    assert [text[f.start : f.end] for f in found] == names
    assert all(f.source == SPEAKER_SOURCE for f in found)


TITLED = [
    ("hai sentito la dottoressa ferri?", ["dottoressa ferri"]),
    ("richiama il signor esposito", ["signor esposito"]),
    ("von herrn krüger und frau yilmaz", ["herrn krüger", "frau yilmaz"]),
    ("yeah call mr okafor", ["mr okafor"]),
    # A role or a frequent word after the title is no surname.
    ("il signor presidente ha detto", []),
    ("chiedi alla signora che", []),
]


@pytest.mark.parametrize(("text", "names"), TITLED)
def test_title_before_a_lower_case_surname(
    lexicon: Lexicon, text: str, names: list[str]
) -> None:
    found = titled_names(text, lexicon)
    assert [text[f.start : f.end] for f in found] == names
    assert all(f.source == TITLE_SOURCE for f in found)


CHATS = [
    (
        "[10:02] sam: hey did u get the email from priya?\n"
        "[10:03] alex: yeah call mr okafor",
        "en",
        ["sam", "priya", "alex", "mr okafor"],
    ),
    (
        "[10:02] lisa: hast du die mail von herrn krüger gesehen?\n"
        "[10:03] tim: ja, er will dass wir frau yilmaz zurückrufen",
        "de",
        ["lisa", "herrn krüger", "tim", "frau yilmaz"],
    ),
    (
        "[10:02] fede: hai sentito la dottoressa ferri?\n"
        "[10:03] vale: sì, richiama il signor esposito",
        "it",
        ["fede", "dottoressa ferri", "vale", "signor esposito"],
    ),
    ("Pozdrawiam,\nMałgorzata", "pl", ["Małgorzata"]),
    ("Dzięki Kasia", "pl", ["Kasia"]),
    ("Imię: Małgorzata", "pl", ["Małgorzata"]),
    ("[10:02] sam: hi", "en", ["sam"]),
    ("Anna: Hallo!\nBen: Hi", "de", ["Anna", "Ben"]),
    ("Kontoinhaber: Max Weber\nVerwendungszweck: Miete", "de", ["Max Weber"]),
]


def test_a_long_form_dump_names_no_one(full_detector: Detector) -> None:
    """3,000 "FeldN: Wert" lines of a form dump hold no speaker."""
    text = "\n".join(f"Feld{number}: Wert" for number in range(3000))
    found = full_detector.analyze(text, "de")
    assert [f for f in found if f.entity == "PERSON"] == []


@pytest.mark.parametrize(("text", "language", "names"), CHATS)
def test_chat_names_are_masked_whole(
    full_detector: Detector, text: str, language: str, names: list[str]
) -> None:
    found = full_detector.analyze(text, language)
    people = [text[f.start : f.end] for f in found if f.entity == "PERSON"]
    assert people == names


@pytest.mark.parametrize(
    ("text", "value", "kept"),
    [
        # "Handy" (German: mobile phone) heading a line is a form label.
        ("Handy: bitte ausschalten während der Sitzung.", "Handy", False),
        ("Notiz\nHandy : 0171 0000000", "Handy", False),
        # Inside a sentence, or in a chat where a given name speaks too,
        # "Handy" may be a person.
        ("Ich habe Handy gestern getroffen.", "Handy", True),
        ("Lena: hallo\nHandy: bitte ausschalten", "Handy", True),
        ("Handy Miller: hi there", "Handy Miller", True),
        # Two lines of a capitalised word and prose: a chat, whatever the
        # names; a number after "Handy:" is a form.
        ("Handy: hi, its me\nOkonkwo: hello Handy", "Handy", True),
        ("Handy: 0151 23456789\nName: Okonkwo", "Handy", False),
    ],
)
def test_form_labels_that_are_names_head_no_person(
    lexicon: Lexicon, text: str, value: str, kept: bool
) -> None:
    start = text.index(value)
    finding = Finding(start, start + len(value), "PERSON", 0.9, "test")
    assert (without_name_labels(text, [finding], lexicon) == [finding]) is kept


# Speakers named like header fields or labels, in the whole detector.
LABEL_SPEAKERS = [
    ("[10:02] Van: I moved to 12 Elm Road\n[10:03] Till: nice!", ["Van", "Till"]),
    (
        "Van: I got the test results, HIV positive\nTill: oh no, call me",
        ["Van", "Till"],
    ),
    ("[09:01] An: morning\n[09:02] Do: hi An", ["An", "Do", "An"]),
    ("An: Hallo Jana, wie geht es dir?\nDo: Gut, danke!", ["An", "Jana", "Do"]),
    ("Will: did you deploy?\nKey: yes", ["Key"]),
    ("Key: my new address is 4 Oak Lane\nAnna: ok", ["Key", "Anna"]),
    ("Handy: hi, its me\nOkonkwo: hello Handy", ["Handy", "Okonkwo", "Handy"]),
]


@pytest.mark.parametrize(("text", "names"), LABEL_SPEAKERS)
def test_speakers_named_like_labels_are_masked(
    full_detector: Detector, text: str, names: list[str]
) -> None:
    """Each speaker is inside a ``PERSON`` finding."""
    people = [
        (f.start, f.end)
        for f in full_detector.analyze(text, "en")
        if f.entity == "PERSON"
    ]
    position = 0
    for name in names:
        start = text.index(name, position)
        position = start + len(name)
        assert any(low <= start and position <= high for low, high in people), name


# Labels that are no speakers: mail headers, form labels, data keys, git
# trailers and XML elements hold no ``PERSON``.
HEADER_LABELS = [
    ("nl", "Van: afdeling inkoop\nAan: alle medewerkers", ["Van", "Aan"]),
    ("sv", "Till: alla anställda\nFrån: HR", ["Till", "Från"]),
    ("de", "Handy: bitte ausschalten", ["Handy"]),
    ("en", "data: eyJ1c2VyIjoiMTIzIn0=\nkey: AAAAC3NzaC1lZDI1NTE5", ["data", "key"]),
    ("en", "Signed-off-by: Okonkwo <okonkwo@example.com>", ["Signed-off-by"]),
    ("en", "commit 3f2a1b9\nAuthor: Brannigan\n\n    fix build", ["Author"]),
    (
        "en",
        "<developers>\n  <developer>\n  </developer>\n</developers>\n"
        "<version>2.7</version>",
        ["developers", "developer", "version"],
    ),
]


@pytest.mark.parametrize(("language", "text", "labels"), HEADER_LABELS)
def test_labels_heading_lines_are_no_people(
    full_detector: Detector, language: str, text: str, labels: list[str]
) -> None:
    people = [
        (f.start, f.end)
        for f in full_detector.analyze(text, language)
        if f.entity == "PERSON"
    ]
    position = 0
    for label in labels:
        start = text.index(label, position)
        position = start + len(label)
        assert not any(low < position and start < high for low, high in people), label


@pytest.mark.parametrize(
    ("language", "text", "names"),
    [
        (
            "sv",
            "Från: Till Lindqvist\nTill: Van Nguyen\nÄmne: möte",
            ["Till Lindqvist"],
        ),
        ("de", "Von: Okonkwo\nAn: Wojciechowski\nBetreff: Termin", ["Okonkwo"]),
        ("en", "Author: Okonkwo <ok@example.com>\nDate: Mon Mar 2", ["Okonkwo"]),
    ],
)
def test_names_after_header_fields_stay_masked(
    full_detector: Detector, language: str, text: str, names: list[str]
) -> None:
    people = [
        text[f.start : f.end]
        for f in full_detector.analyze(text, language)
        if f.entity == "PERSON"
    ]
    assert all(name in people for name in names)
