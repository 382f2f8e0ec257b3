"""Titles join the name they stand before, in capitals, in lower case and
inflected: a title left outside the mask tells the person's gender."""

from __future__ import annotations

import pytest

from gdprgate.detect import Detector, Finding
from gdprgate.detect.names import extend_initials
from gdprgate.detect.titles import TITLE_WORDS, title_run_start


def _person(text: str, value: str) -> Finding:
    start = text.index(value)
    return Finding(start, start + len(value), "PERSON", 0.9, "test")


JOINED = [
    # Titles in capitals before a name in capitals.
    ("MME JOSIANE LEROUX", "JOSIANE LEROUX", "MME JOSIANE LEROUX"),
    ("SIG. SALVATORE LO RUSSO", "SALVATORE LO RUSSO", "SIG. SALVATORE LO RUSSO"),
    (
        "MEVROUW GERDA VAN DER LINDEN",
        "GERDA VAN DER LINDEN",
        "MEVROUW GERDA VAN DER LINDEN",
    ),
    ("PANI JANINA WOJCIECHOWSKA", "JANINA WOJCIECHOWSKA", "PANI JANINA WOJCIECHOWSKA"),
    (
        "SR. ANTÓNIO DOS SANTOS FERREIRA",
        "ANTÓNIO DOS SANTOS FERREIRA",
        "SR. ANTÓNIO DOS SANTOS FERREIRA",
    ),
    ("DE HEER BRAM SMIT", "BRAM SMIT", "DE HEER BRAM SMIT"),
    ("HERR DR. KARL MEIER", "KARL MEIER", "HERR DR. KARL MEIER"),
    # Lower-case and inflected titles before a capitalised name.
    ("Ho parlato con il dottor Russo ieri.", "Russo", "dottor Russo"),
    ("la dottoressa Bianchi è arrivata", "Bianchi", "dottoressa Bianchi"),
    ("chiedi all'avv. Greco", "Greco", "avv. Greco"),
    ("con la prof.ssa Riva", "Riva", "prof.ssa Riva"),
    ("Rozmawiałem z panią Ewą Król.", "Ewą Król", "panią Ewą Król"),
    ("Dziękuję, pani Wiesi.", "Wiesi", "pani Wiesi"),
    ("Dzwonił pan Nowak.", "Nowak", "pan Nowak"),
    ("Przekaż panu Zielińskiemu.", "Zielińskiemu", "panu Zielińskiemu"),
    ("Jag träffade fröken Lena igår.", "Lena", "fröken Lena"),
    ("Hälsa fru Berg.", "Berg", "fru Berg"),
    ("A consulta foi com a Dra. Helena Neves.", "Helena Neves", "Dra. Helena Neves"),
    ("Graag mw. Mulder bellen.", "Mulder", "mw. Mulder"),
    ("Aanwezig: de heer Smit", "Smit", "de heer Smit"),
    ("Vu avec Mme Leroux.", "Leroux", "Mme Leroux"),
    ("Habló con la Sra. Ruiz.", "Ruiz", "Sra. Ruiz"),
    ("Ich rief Herrn Krüger an.", "Krüger", "Herrn Krüger"),
    ("PANI Janina Nowak", "Janina Nowak", "PANI Janina Nowak"),
    # Not joined: a title in capitals before a lower-case name, "pan"
    # before a lower-case word, a title inside another word.
    ("PANI janina", "janina", "janina"),
    ("a pan anna", "anna", "anna"),
    ("TeamMr Baker", "Baker", "Baker"),
    ("i miss anna", "anna", "anna"),
    # A two-letter title in capitals without its full stop before a
    # capitalised word is an abbreviation of its own ("FR" edition).
    ("HR Abteilung und FR Ausgabe", "Ausgabe", "Ausgabe"),
    ("DR Kongo", "Kongo", "Kongo"),
    ("PAN Card", "Card", "Card"),
    ("DR. Müller", "Müller", "DR. Müller"),
]


@pytest.mark.parametrize(("text", "name", "expected"), JOINED)
def test_titles_join_the_name_in_any_case(text: str, name: str, expected: str) -> None:
    [found] = extend_initials(text, [_person(text, name)])
    assert text[found.start : found.end] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("il dottor ", 3),
        ("panią ", 0),
        ("MME ", 0),
        ("SIG. ", 0),
        ("DE HEER ", 0),
        # A word in capitals is no title before a lower-case position.
        ("HELLO ", None),
        ("pan ", 0),
    ],
)
def test_title_run_start_before_a_capitalised_name(
    text: str, expected: int | None
) -> None:
    """``title_run_start`` looks at the name: the texts go on with a name
    in capitals ("JOSIANE") or capitalised ("Nowak")."""
    name = "JOSIANE" if text.rstrip().isupper() else "Nowak"
    assert title_run_start(text + name, len(text)) == expected


def test_inflected_titles_are_title_words() -> None:
    """Other rules skip every title, the inflected forms too."""
    for word in ("panią", "panu", "dottor", "dottoressa", "dra", "mw", "fröken"):
        assert word in TITLE_WORDS


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "MME JOSIANE LEROUX", "MME JOSIANE LEROUX"),
        ("it", "SIG. SALVATORE LO RUSSO", "SIG. SALVATORE LO RUSSO"),
        ("pl", "PANI JANINA WOJCIECHOWSKA", "PANI JANINA WOJCIECHOWSKA"),
        ("it", "Ho parlato con il dottor Russo ieri.", "dottor Russo"),
        ("pl", "Rozmawiałem z panią Ewą Król wczoraj.", "panią Ewą Król"),
        ("sv", "Jag träffade fröken Lena igår.", "fröken Lena"),
        ("pt", "A consulta foi com a Dra. Helena Neves.", "Dra. Helena Neves"),
    ],
)
def test_the_detector_masks_the_title_with_the_name(
    full_detector: Detector, language: str, text: str, expected: str
) -> None:
    people = [
        text[f.start : f.end]
        for f in full_detector.analyze(text, language)
        if f.entity == "PERSON"
    ]
    assert people == [expected]
