"""Dates of birth, ages and user names, in nine languages."""

from __future__ import annotations

import pytest

from gdprgate.detect.patterns import recognizer_classes
from tests.detect.pattern_cases import reported, spans_of

RECOGNIZERS = {cls.name: cls for cls in recognizer_classes()}

CASES: list[tuple[str, str, list[str]]] = [
    ("date_of_birth", "She was born on 3 March 1985 in Leeds.", ["3 March 1985"]),
    ("date_of_birth", "Date of birth: 1985-03-03", ["1985-03-03"]),
    ("date_of_birth", "geboren am 12.03.1985 in Köln", ["12.03.1985"]),
    # German puts the verb at the end of the clause.
    ("date_of_birth", "Ich bin am 3. Mai 1987 in Köln geboren.", ["3. Mai 1987"]),
    ("date_of_birth", "Geburtsdatum 12. März 1985", ["12. März 1985"]),
    ("date_of_birth", "né le 12 mars 1985 à Lyon", ["12 mars 1985"]),
    ("date_of_birth", "nacida el 12 de marzo de 1985", ["12 de marzo de 1985"]),
    ("date_of_birth", "nato il 12/03/1985 a Roma", ["12/03/1985"]),
    ("date_of_birth", "geboren op 12-03-1985", ["12-03-1985"]),
    ("date_of_birth", "data urodzenia: 12.03.1985", ["12.03.1985"]),
    ("date_of_birth", "nascido em 12 de março de 1985", ["12 de março de 1985"]),
    ("date_of_birth", "Sofia är född 1990-05-17 i Umeå", ["1990-05-17"]),
    ("date_of_birth", "Namn: Sofia\nFödelsedatum: 1990-05-17", ["1990-05-17"]),
    ("date_of_birth", "född den 17 augusti 1990", ["17 augusti 1990"]),
    ("date_of_birth", "Mötet är 1990-05-17 i Umeå", []),
    ("date_of_birth", "DOB March 3, 1985", ["March 3, 1985"]),
    ("date_of_birth", "The meeting is on 3 March 2024.", []),
    ("date_of_birth", "born on 31.02.1985", []),
    ("date_of_birth", "born on 12.03.2999", []),
    # American month-first dates, read so when no 13th month exists.
    ("date_of_birth", "DOB: 05/15/1990", ["05/15/1990"]),
    ("date_of_birth", "born 15/13/1990", []),
    ("date_of_birth", "geboren 05.15.1990", []),
    # Month names between dashes or after "of"; year-first with slashes.
    ("date_of_birth", "DOB 15-May-1990", ["15-May-1990"]),
    ("date_of_birth", "born on the 15th of May 1990", ["15th of May 1990"]),
    ("date_of_birth", "geboren am 1990.05.15", ["1990.05.15"]),
    ("date_of_birth", "fecha de nacimiento 1990/05/15", ["1990/05/15"]),
    ("date_of_birth", "Version 2024.03.15", []),
    # An ISO date with a time, as in a JSON record.
    ("date_of_birth", '{"birthDate": "1985-03-12T00:00:00Z"}', ["1985-03-12"]),
    ("age", "Anna is 42 years old.", ["42"]),
    ("age", "a 42-year-old teacher", ["42"]),
    ("age", "aged 42, from Leeds", ["42"]),
    ("age", "Sie ist 42 Jahre alt.", ["42"]),
    ("age", "im Alter von 42 Jahren", ["42"]),
    ("age", "Il a 42 ans.", ["42"]),
    ("age", "Tengo 42 años.", ["42"]),
    ("age", "Ha 42 anni.", ["42"]),
    ("age", "Hij is 42 jaar oud.", ["42"]),
    ("age", "Mam 42 lata.", ["42"]),
    ("age", "Tem 42 anos.", ["42"]),
    ("age", "Hon är 34 år gammal.", ["34"]),
    ("age", "för 3 år sedan", []),
    ("age", "vor 3 Jahren", []),
    ("age", "il y a 3 ans", []),
    ("age", "3 years ago", []),
    ("age", "age 240", []),
    ("age", "room 42 is free", []),
    ("age", "name,age\r\nAnna,42\r\n", ["42"]),
    ("age", '{"age":42}', ["42"]),
    ("age", "M, 42 yo, from Leeds", ["42"]),
    ("age", "um 12:42 Jahre später", []),
    # A bound in a query or a rule is no one's age; "=" still assigns one.
    ("age", "SELECT * FROM users WHERE age > 30", []),
    ("age", "WHERE age >= 18 AND age<65", []),
    ("age", "Teilnahme ab Alter >= 18", []),
    ("age", "si âge < 12 ans", []),
    ("age", "WHERE age != 30", []),
    ("age", "age = 30", ["30"]),
    ("age", "Alter: 42 Jahre", ["42"]),
    ("username", "follow @anna_k on social media", ["@anna_k"]),
    ("username", "username: anna.schmidt85", ["anna.schmidt85"]),
    ("username", "Benutzername = klaus_m", ["klaus_m"]),
    ("username", "nom d'utilisateur: jlmoreau", ["jlmoreau"]),
    ("username", "mail anna@example.com", []),
    ("username", "price @ 5 EUR", []),
    # A date after a login word says when, not who.
    ("username", "Login: mweber\nLetzter Login: 2024-05-01 08:33", ["mweber"]),
    ("username", "last login: 01.05.2024", []),
    ("username", "dernier login : 1/5/2024", []),
    ("username", "login: anna2024", ["anna2024"]),
    ("username", "login: 2024_anna", ["2024_anna"]),
]


# Ages written as compounds, glued suffixes, in brackets, between commas
# after a name or after "turns"; and numbers of the same shapes that are no
# age (issue #3: ages only with context).
AGE_SHAPES: list[tuple[str, list[str]]] = [
    ("De 34-jarige man werd aangehouden.", ["34"]),
    ("Een 7-jarig meisje speelde buiten.", ["7"]),
    ("34-letni mężczyzna został zatrzymany.", ["34"]),
    ("Policja zatrzymała 34-letniego mężczyznę.", ["34"]),
    ("Zaginęła 81-letnia kobieta.", ["81"]),
    ("Un 34enne è stato arrestato.", ["34"]),
    ("67yo male presenting with chest pain.", ["67"]),
    ("67 y/o male, no allergies.", ["67"]),
    ("Pt is a 67y/o female.", ["67"]),
    ("A 67-year-old man was arrested.", ["67"]),
    ("Ein 67-jähriger Mann wurde festgenommen.", ["67"]),
    ("En 67-årig man greps.", ["67"]),
    ("Frau Brenner, 67, wohnt allein.", ["67"]),
    ("Mrs Brenner, 67, lives alone.", ["67"]),
    ("Herr Weber, 45, Ingenieur aus Köln", ["45"]),
    ("Lena, 40, lives in Leeds.", ["40"]),
    ("Frau Brenner (81) lebt allein.", ["81"]),
    ("Die Patientin (81 J.) lebt allein.", ["81"]),
    ("Patient (72 yrs) was discharged.", ["72"]),
    ("Lena hat heute Geburtstag, sie wird 40!", ["40"]),
    ("She turned 67.", ["67"]),
    ("Hon fyller 50 i morgon, så vi firar.", []),
    ("Hon fyller 50, så vi firar.", ["50"]),
    ("kvinna, 81 år, bor ensam", ["81"]),
    # Durations, places in a text, quantities and list items.
    ("een 5-jarig contract", []),
    ("het 25-jarig jubileum van de zaak", []),
    ("10-letnia gwarancja producenta", []),
    ("umowa na 3-letni okres", []),
    ("Siehe Seite 67, Absatz 2.", []),
    ("Meet in room 67, floor 2.", []),
    ("Die Strecke ist 67 km lang.", []),
    ("Ja, 67, das ist die Nummer.", []),
    ("Mme Dupont, 12, rue de la Paix", []),
    ("Sra. Pérez, 5, Calle Mayor", []),
    ("Preis: 67, zahlbar sofort", []),
    ("Punkte (12) und Tore (3)", []),
    ("Das Meeting wird 40 Minuten dauern.", []),
    ("Die Temperatur wird 40 Grad.", []),
    ("Im Jahr 1985, 12 Monate lang", []),
    ("1. Anna, 2. Paul, 3. Lena", []),
    ("It costs 67 EUR, order 34enne-5.", []),
    # "turns", "wird", "fyller" need someone who turns: a pronoun, a word
    # for a person or a name; a unit in brackets a person and no term; a
    # number between commas a name the lexicon knows or a title.
    ("Die Firma wird 40.", []),
    ("Das Update wird 2.", []),
    ("Windows turns 40.", []),
    ("The app turns 5!", []),
    ("The project turns 10.", []),
    ("When the counter turns 100, reset it.", []),
    ("Företaget fyllde 100.", []),
    ("Han fyller 40. Företaget fyllde 100.", ["40"]),
    ("My daughter turns 5!", ["5"]),
    ("Okonkwo turns 34.", ["34"]),
    ("Mortgage term (30 yrs) fixed.", []),
    ("Garantie (5 J.) inklusive, Laufzeit (10 J.)", []),
    ("Die Vertragslaufzeit (10 J.) ist fest.", []),
    ("A determined patient (72 yrs) was seen.", ["72"]),
    ("Order list: Bananas, 6, apples, 4.", []),
    ("Apples, 12, pears, 3", []),
    ("Room Tokyo, 12, has a projector.", []),
    ("Okonkwo, 34, lives in Leeds.", ["34"]),
    # A duration word speaks of the number it quantifies, not of an age
    # elsewhere in the sentence.
    ("Frau Brenner, 67, seit 3 Jahren bei uns.", ["67"]),
    ("Mario, 34enne da 3 anni in cura.", ["34"]),
    ("Okonkwo, 34, lives in Leeds for two years now.", ["34"]),
    ("Mrs Brenner (67) has been a member for 10 years.", ["67"]),
    ("Er arbeitet seit 3 Jahren bei uns.", []),
    ("Frau Brenner, 67, seit Jahren bei uns.", []),
    ("Lena, 40, for 3 days now", ["40"]),
    ("vor 3 Jahren, 40 Tage lang", []),
]


@pytest.mark.parametrize(("text", "values"), AGE_SHAPES)
def test_ages_by_their_shape(text: str, values: list[str]) -> None:
    """Exact spans of ages that need no age word beside them; the same
    numbers in a page, room, distance, price or duration stay out."""
    assert reported(RECOGNIZERS["age"](), text) == spans_of(text, values)


# Written-out dates of es, pt, sv and pl, with the birth words people use
# in the first and third person ("nací", "nasceu", "föddes", "urodziłem się").
WRITTEN_DATES: list[tuple[str, list[str]]] = [
    ("Nací el 3 de mayo de 1987 en Sevilla.", ["3 de mayo de 1987"]),
    ("Nació el 3 de mayo del 1987 en Sevilla.", ["3 de mayo del 1987"]),
    ("Lucía nacio el 21 de noviembre de 1979.", ["21 de noviembre de 1979"]),
    ("La reunión fue el 3 de mayo de 1987 en Sevilla.", []),
    ("Nací el 31 de febrero de 1987.", []),
    ("Nací el 3 de mayo de 2999.", []),
    ("Nasci a 3 de maio de 1987 no Porto.", ["3 de maio de 1987"]),
    ("O João nasceu em 14 de outubro de 1990.", ["14 de outubro de 1990"]),
    ("A reunião foi a 3 de maio de 1987.", []),
    ("Jag föddes den 3 maj 1987 i Uppsala.", ["3 maj 1987"]),
    ("Hon föddes 14 oktober 1990.", ["14 oktober 1990"]),
    ("Född den 3 maj 1987.", ["3 maj 1987"]),
    ("Mötet hölls den 3 maj 1987 i Uppsala.", []),
    ("Urodziłem się 3 maja 1987 r. w Krakowie.", ["3 maja 1987"]),
    ("Urodziła się 12 października 1990 r.", ["12 października 1990"]),
    ("urodzony 1 września 1975 r. w Łodzi", ["1 września 1975"]),
    ("Spotkanie odbyło się 3 maja 1987 r. w Krakowie.", []),
    ("Mieszkam przy ul. 3 Maja 15 w Krakowie.", []),
]


@pytest.mark.parametrize(("text", "values"), WRITTEN_DATES)
def test_written_dates_of_birth(text: str, values: list[str]) -> None:
    """Exact spans of written dates; only a birth word makes one a date of
    birth (the Polish "r." for "roku" stays outside the span)."""
    assert reported(RECOGNIZERS["date_of_birth"](), text) == spans_of(text, values)


CALENDAR_DATES: list[tuple[str, list[str]]] = [
    ("Dienstag, 3. März 1987 war ein kalter Tag.", ["3. März 1987"]),
    ("El 14 de febrero de 1990 llegó a Madrid.", ["14 de febrero de 1990"]),
    ("L'audience du 3 mars 1987 a été reportée.", ["3 mars 1987"]),
    ("Il 12 aprile 2031 ci sarà l'udienza.", ["12 aprile 2031"]),
    ("Op 3 april 1987 vertrok hij.", ["3 april 1987"]),
    ("Dnia 3 maja 1987 r. wyjechał.", ["3 maja 1987"]),
    ("A 3 de maio de 1987 partiu.", ["3 de maio de 1987"]),
    ("Den 3 maj 1987 reste han.", ["3 maj 1987"]),
    (
        "Meeting on 2024-05-01 at 10:00, reply by 12.03.2024.",
        ["2024-05-01", "12.03.2024"],
    ),
    # Not real dates, or no date at all.
    ("Am 31. Februar 1987 geschah nichts.", []),
    ("Version 1.2.2024 is out.", []),
    ("Room 12.45.3000 is closed, score 3-2-1.", []),
]


@pytest.mark.parametrize(("text", "values"), CALENDAR_DATES)
def test_calendar_dates_in_nine_languages(text: str, values: list[str]) -> None:
    """Day, month and year make a DATE_TIME in any language: spaCy reads
    dates in English only."""
    assert reported(RECOGNIZERS["date_time"](), text) == spans_of(text, values)


@pytest.mark.parametrize(("name", "text", "values"), CASES)
def test_personal_spans(name: str, text: str, values: list[str]) -> None:
    """Exact spans; a date is a date of birth only next to a birth word."""
    assert reported(RECOGNIZERS[name](), text) == spans_of(text, values)


@pytest.mark.parametrize("text", ["ſeptember 5, 1990", "born 5 ſept 1990"])
def test_a_long_s_in_a_month_name_is_read_not_a_crash(text: str) -> None:
    """The patterns ignore case, so "ſ" matches "s"; the month look-up
    must fold it the same way."""
    from gdprgate.detect.patterns import PatternLayer

    found = PatternLayer().analyze(text)

    assert any(f.entity == "DATE_OF_BIRTH" for f in found)
