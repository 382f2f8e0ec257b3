"""People listed after a label that names people ("Present: Smith, Baker")."""

from __future__ import annotations

import pytest

from gdprgate.detect.attendees import listed_people
from gdprgate.detect.gate import Lexicon, load_lexicon


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # Surnames that are ordinary words too, with notes in brackets.
        ("Zeugen: Schmidt (Nachbar), Fischer (Hausmeister), Weber (Passantin).",
         ["Schmidt", "Fischer", "Weber"]),
        ("Minutes\nPresent: Smith, Baker, Taylor, Cook.\nNext item",
         ["Smith", "Baker", "Taylor", "Cook"]),
        # Particles, titles and "en"/"och"/"i" between items.
        ("Aanwezig: De Vries, Bakker en mevrouw van der Meer",
         ["De Vries", "Bakker", "mevrouw van der Meer"]),
        ("Deltagare: Anna Lindqvist, Per Holm och Karin Ek",
         ["Anna Lindqvist", "Per Holm", "Karin Ek"]),
        ("Obecni: Jan Kowalski; Ewa Zielińska i Piotr Nowak",
         ["Jan Kowalski", "Ewa Zielińska", "Piotr Nowak"]),
        ("- Témoins : M. Lefèvre, Mme Garnier", ["M. Lefèvre", "Mme Garnier"]),
        # Lower-case and inflected titles stay inside the span.
        ("Aanwezig: de heer Smit, mevrouw Mulder, Bram, Roos.",
         ["de heer Smit", "mevrouw Mulder", "Bram", "Roos"]),
        ("Aanwezig: dhr. Smit, mw. Mulder, Bram",
         ["dhr. Smit", "mw. Mulder", "Bram"]),
        ("Obecni: pani Nowak, pan Zieliński, panią Ewą",
         ["pani Nowak", "pan Zieliński", "panią Ewą"]),
        ("Närvarande: fru Berg, herr Lind, fröken Ek",
         ["fru Berg", "herr Lind", "fröken Ek"]),
        ("Presenti: il dottor Russo, la dottoressa Riva",
         ["dottor Russo", "dottoressa Riva"]),
        # "D." (Dona, Don) makes ordinary words a name, as a title does.
        ("Presentes: Sr. Coelho, RC; Ausentes: D. Graça Pato.",
         ["Sr. Coelho", "RC", "D. Graça Pato"]),
        ("Presentes: D. Rosa Lima, D. Pedro Vale",
         ["D. Rosa Lima", "D. Pedro Vale"]),
        ("Present: D. Smith, K. Lee", ["D. Smith", "K. Lee"]),
    ],
)  # fmt: skip
def test_people_after_a_label_of_people_are_found(
    lexicon: Lexicon, text: str, names: list[str]
) -> None:
    found = listed_people(text, lexicon)
    assert [text[f.start : f.end] for f in found] == names
    assert {f.entity for f in found} == {"PERSON"}


@pytest.mark.parametrize(
    "text",
    [
        # Departments, numbers, prose and headings are no people.
        "Teilnehmer: Vertrieb, Marketing, IT",
        "Present: 12 members; Absent: none",
        "The witness: he said he saw nothing.",
        "PRESENT: SALES, MARKETING",
        # The label must open a line: "Patient was present: calm" is prose.
        "The patient was present: Calm and friendly.",
        # Other labels are left to the other rules.
        "Subject: Baker, Taylor",
    ],
)
def test_no_people_without_a_list_of_names(lexicon: Lexicon, text: str) -> None:
    assert listed_people(text, lexicon) == []
