"""Names in nine languages: a generated dev set for person-name detection.

The evaluation data sets hold real text in English and German and test
splits only for Portuguese and Swedish; this audit is where the other
languages can be looked at while tuning. Every sentence is one of the
templates below (written for this audit, a dozen per language) with names
that ``Faker`` draws for the language's locale, in several forms: as drawn,
all in lower case (chat style), all in capitals, hyphenated, with a title,
at the start of the sentence, and a surname alone inside a sentence. The
gold spans are the names put in.

It prints PERSON token precision and recall per language, the words found
as a place or organisation although they are ordinary words of the template
(false places), and with ``--errors`` the missed and extra words most often
seen. Sentences are drawn with a fixed seed, so runs compare.

    .venv/bin/python bench/names_audit.py [--per-language 300] [--errors]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from gdprgate.datasets.surrogate import LOCALES as SCRUB_LOCALES
from gdprgate.detect import DetectorConfig, build_detector

# The languages of the lexicon, with the Faker locale the scrubber's fakes
# use for each.
LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pl", "pt", "sv")
LOCALES = {language: SCRUB_LOCALES[language] for language in LANGUAGES}

# {P} a full name, {G} a given name, {S} a surname, {C} a city; {T} a
# title of the language. One template per line.
TEMPLATES = {
    "en": """
{P} called yesterday about the delivery.
I spoke with {P} and {P} this morning.
Please forward the contract to {P} before Friday.
The report was written by {T} {S} last week.
{G} said she would move to {C} next spring.
According to {P}, the meeting in {C} was cancelled.
Can you ask {G} whether {P} has signed?
Our new colleague {P} starts on Monday.
The letter from {T} {P} arrived in {C}.
Yesterday {P} met {P} at the station.
""",
    "de": """
{P} hat gestern wegen der Lieferung angerufen.
Ich habe heute Morgen mit {P} und {P} gesprochen.
Bitte schicken Sie den Vertrag vor Freitag an {P}.
Der Bericht wurde letzte Woche von {T} {S} geschrieben.
{G} sagte, sie ziehe im Frühjahr nach {C}.
Laut {P} wurde das Treffen in {C} abgesagt.
Kannst du {G} fragen, ob {P} unterschrieben hat?
Unsere neue Kollegin {P} beginnt am Montag.
Der Brief von {T} {P} ist in {C} angekommen.
Gestern traf {P} am Bahnhof {P}.
""",
    "fr": """
{P} a appelé hier au sujet de la livraison.
J'ai parlé avec {P} et {P} ce matin.
Merci de transmettre le contrat à {P} avant vendredi.
Le rapport a été rédigé par {T} {S} la semaine dernière.
{G} a dit qu'elle déménagerait à {C} au printemps.
Selon {P}, la réunion à {C} a été annulée.
Peux-tu demander à {G} si {P} a signé ?
Notre nouvelle collègue {P} commence lundi.
La lettre de {T} {P} est arrivée à {C}.
Hier, {P} a rencontré {P} à la gare.
""",
    "es": """
{P} llamó ayer por la entrega.
Esta mañana hablé con {P} y con {P}.
Por favor, envíe el contrato a {P} antes del viernes.
El informe lo escribió {T} {S} la semana pasada.
{G} dijo que se mudaría a {C} en primavera.
Según {P}, la reunión en {C} se canceló.
¿Puedes preguntar a {G} si {P} ha firmado?
Nuestra nueva compañera {P} empieza el lunes.
La carta de {T} {P} llegó a {C}.
Ayer {P} se encontró con {P} en la estación.
""",
    "it": """
{P} ha chiamato ieri per la consegna.
Stamattina ho parlato con {P} e {P}.
Per favore inoltri il contratto a {P} entro venerdì.
Il rapporto è stato scritto da {T} {S} la settimana scorsa.
{G} ha detto che si trasferirà a {C} in primavera.
Secondo {P}, la riunione a {C} è stata annullata.
Puoi chiedere a {G} se {P} ha firmato?
La nostra nuova collega {P} inizia lunedì.
La lettera di {T} {P} è arrivata a {C}.
Ieri {P} ha incontrato {P} alla stazione.
""",
    "nl": """
{P} belde gisteren over de levering.
Vanochtend heb ik met {P} en {P} gesproken.
Stuur het contract vóór vrijdag naar {P}.
Het rapport is vorige week door {T} {S} geschreven.
{G} zei dat ze in het voorjaar naar {C} verhuist.
Volgens {P} is de vergadering in {C} afgelast.
Kun je {G} vragen of {P} heeft getekend?
Onze nieuwe collega {P} begint maandag.
De brief van {T} {P} is in {C} aangekomen.
Gisteren ontmoette {P} op het station {P}.
""",
    "pl": """
{P} dzwonił wczoraj w sprawie dostawy.
Dziś rano rozmawiałem z {P} i {P}.
Proszę przesłać umowę do {P} przed piątkiem.
Raport napisał w zeszłym tygodniu {T} {S}.
{G} powiedziała, że wiosną przeprowadzi się do {C}.
Według {P} spotkanie w {C} zostało odwołane.
Czy możesz zapytać {G}, czy {P} podpisał?
Nasza nowa koleżanka {P} zaczyna w poniedziałek.
List od {T} {P} dotarł do {C}.
Wczoraj {P} spotkał {P} na dworcu.
""",
    "pt": """
{P} ligou ontem por causa da entrega.
Hoje de manhã falei com {P} e com {P}.
Por favor, envie o contrato a {P} antes de sexta-feira.
O relatório foi escrito por {T} {S} na semana passada.
{G} disse que se mudaria para {C} na primavera.
Segundo {P}, a reunião em {C} foi cancelada.
Podes perguntar à {G} se {P} já assinou?
A nossa nova colega {P} começa na segunda-feira.
A carta de {T} {P} chegou a {C}.
Ontem {P} encontrou {P} na estação.
""",
    "sv": """
{P} ringde i går om leveransen.
I morse pratade jag med {P} och {P}.
Skicka avtalet till {P} före fredag.
Rapporten skrevs förra veckan av {T} {S}.
{G} sa att hon flyttar till {C} i vår.
Enligt {P} ställdes mötet i {C} in.
Kan du fråga {G} om {P} har skrivit under?
Vår nya kollega {P} börjar på måndag.
Brevet från {T} {P} kom fram till {C}.
I går träffade {P} {P} på stationen.
""",
}

TITLES = {
    "en": ["Mr", "Mrs", "Dr"],
    "de": ["Herr", "Frau", "Dr."],
    "fr": ["M.", "Mme", "Dr"],
    "es": ["el señor", "la señora", "la doctora"],
    "it": ["il signor", "la signora", "il dottor"],
    "nl": ["meneer", "mevrouw", "dr."],
    "pl": ["pan", "pani", "dr"],
    "pt": ["o senhor", "a senhora", "a doutora"],
    "sv": ["herr", "fru", "doktor"],
}

_TITLE_WORDS = frozenset(
    word.strip(".").lower()
    for titles in TITLES.values()
    for title in titles
    for word in title.split()
) | {"m", "mme", "dr", "mr", "mrs"}
FORMS = ("as drawn", "lower case", "capitals", "hyphenated", "lone surname")
ONLY_FORM = None
# A surname alone inside a sentence, as news text names people.
LONE = {
    "en": """
Yesterday {S} said the plan was ready.
The proposal by {S} was rejected.
""",
    "de": """
Gestern sagte {S}, der Plan sei fertig.
Der Vorschlag von {S} wurde abgelehnt.
""",
    "fr": """
Hier, {S} a dit que le plan était prêt.
La proposition de {S} a été rejetée.
""",
    "es": """
Ayer {S} dijo que el plan estaba listo.
La propuesta de {S} fue rechazada.
""",
    "it": """
Ieri {S} ha detto che il piano era pronto.
La proposta di {S} è stata respinta.
""",
    "nl": """
Gisteren zei {S} dat het plan klaar was.
Het voorstel van {S} werd afgewezen.
""",
    "pl": """
Wczoraj {S} powiedział, że plan jest gotowy.
Propozycję złożył {S} w piątek.
""",
    "pt": """
Ontem {S} disse que o plano estava pronto.
A proposta de {S} foi rejeitada.
""",
    "sv": """
I går sa {S} att planen var klar.
Förslaget från {S} avvisades.
""",
}
_SLOT = re.compile(r"\{([PGSCT])\}")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


@dataclass
class Sentence:
    """A generated sentence and the character spans of its names."""

    text: str
    language: str
    form: str
    names: list[tuple[int, int]]
    places: list[tuple[int, int]]


@dataclass
class Tally:
    """PERSON word counts of one language."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_places: int = 0
    missed: Counter[str] = field(default_factory=Counter)
    extra: Counter[str] = field(default_factory=Counter)

    def precision(self) -> float:
        return self.tp / max(self.tp + self.fp, 1)

    def recall(self) -> float:
        return self.tp / max(self.tp + self.fn, 1)


def generate(language: str, count: int, seed: int) -> list[Sentence]:
    """``count`` sentences of ``language``, the same for the same seed."""
    from faker import Faker

    fake = Faker(LOCALES[language])
    fake.seed_instance(seed)
    # Some Faker locales build a list from a set (it_IT's cities), whose
    # order changes from process to process: sorted, a seed draws the same
    # sentences in every run.
    for provider in fake.get_providers():
        cities = getattr(provider, "cities", None)
        if isinstance(cities, list):
            provider.cities = sorted(cities)
    draw = random.Random(seed)
    templates = [t for t in TEMPLATES[language].strip().splitlines() if t]
    sentences = []
    for number in range(count):
        template = templates[number % len(templates)]
        form = FORMS[draw.randrange(len(FORMS))]
        form = ONLY_FORM or form
        if form == "lone surname":
            lone = [t for t in LONE[language].strip().splitlines() if t]
            template = lone[number % len(lone)]
        sentences.append(_fill(template, language, form, fake, draw))
    return sentences


def _fill(
    template: str, language: str, form: str, fake: Any, draw: random.Random
) -> Sentence:
    parts: list[str] = []
    names: list[tuple[int, int]] = []
    places: list[tuple[int, int]] = []
    position = 0
    length = 0
    for match in _SLOT.finditer(template):
        parts.append(template[position : match.start()])
        length += match.start() - position
        value = _value(match.group(1), language, form, fake, draw)
        if match.group(1) in "PGS":
            names.append((length, length + len(value)))
        elif match.group(1) == "C":
            places.append((length, length + len(value)))
        parts.append(value)
        length += len(value)
        position = match.end()
    parts.append(template[position:])
    text = "".join(parts)
    if form == "lower case":
        text = text.lower()
    return Sentence(text, language, form, names, places)


def _value(slot: str, language: str, form: str, fake: Any, draw: random.Random) -> str:
    if slot == "T":
        return str(draw.choice(TITLES[language]))
    if slot == "C":
        return str(fake.city())
    given, surname = str(fake.first_name()), str(fake.last_name())
    if form == "hyphenated":
        surname = f"{surname}-{fake.last_name()}"
    value = {"P": f"{given} {surname}", "G": given, "S": surname}[slot]
    return value.upper() if form == "capitals" else value


def words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Word spans inside ``[start, end)``."""
    return [
        (m.start() + start, m.end() + start) for m in _WORD.finditer(text[start:end])
    ]


def score(
    sentences: Sequence[Sentence], guess: bool
) -> tuple[dict[str, Tally], dict[str, Tally]]:
    """Tallies per language and per form of the names."""
    detector = build_detector(DetectorConfig(cache_size=0))
    tallies: dict[str, Tally] = {}
    forms: dict[str, Tally] = {}
    for sentence in sentences:
        tally = tallies.setdefault(sentence.language, Tally())
        by_form = forms.setdefault(sentence.form, Tally())
        found = detector.analyze(sentence.text, None if guess else sentence.language)
        gold = {w for s, e in sentence.names for w in words(sentence.text, s, e)}
        places = {w for s, e in sentence.places for w in words(sentence.text, s, e)}
        person = {
            w
            for f in found
            if f.entity == "PERSON"
            for w in words(sentence.text, f.start, f.end)
        }
        other = {
            w
            for f in found
            if f.entity in {"LOCATION", "ORGANIZATION"}
            for w in words(sentence.text, f.start, f.end)
        }
        text = sentence.text
        # A title before a name is left out of the gold spans; whether a
        # finding takes it in is a convention, not an error.
        person = {w for w in person if text[w[0] : w[1]].lower() not in _TITLE_WORDS}
        by_form.tp += len(gold & person)
        by_form.fn += len(gold - person)
        by_form.fp += len(person - gold)
        for start, end in gold - person:
            tally.fn += 1
            tally.missed[text[start:end]] += 1
        for start, end in person - gold:
            tally.fp += 1
            tally.extra[text[start:end]] += 1
        tally.tp += len(gold & person)
        for start, end in other - gold - places:
            tally.false_places += 1
            tally.extra[f"{text[start:end]} (place/org)"] += 1
    return tallies, forms


def render(tallies: dict[str, Tally], forms: dict[str, Tally], errors: bool) -> str:
    lines = [
        "| form | PERSON precision | PERSON recall |",
        "|---|---:|---:|",
        *(
            f"| {form} | {tally.precision():.3f} | {tally.recall():.3f} |"
            for form, tally in forms.items()
        ),
        "",
        "| language | PERSON precision | PERSON recall | false places |",
        "|---|---:|---:|---:|",
    ]
    total = Tally()
    for language, tally in tallies.items():
        lines.append(
            f"| {language} | {tally.precision():.3f} | {tally.recall():.3f} "
            f"| {tally.false_places} |"
        )
        total.tp += tally.tp
        total.fp += tally.fp
        total.fn += tally.fn
        total.false_places += tally.false_places
    lines.append(
        f"| all | {total.precision():.3f} | {total.recall():.3f} "
        f"| {total.false_places} |"
    )
    if errors:
        for language, tally in tallies.items():
            lines.append(f"\n{language} missed: {tally.missed.most_common(15)}")
            lines.append(f"{language} extra: {tally.extra.most_common(15)}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-language", type=int, default=300)
    parser.add_argument("--languages", nargs="*", default=list(LOCALES))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--guess", action="store_true", help="guess the language")
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--form", choices=FORMS, help="only this form")
    args = parser.parse_args(argv)
    global ONLY_FORM
    ONLY_FORM = args.form
    sentences = [
        sentence
        for language in args.languages
        for sentence in generate(language, args.per_language, args.seed)
    ]
    print(render(*score(sentences, args.guess), args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
