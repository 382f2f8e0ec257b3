"""Words that are also first names: "May", "Will", "Hope", "Mark", ...

A model that reads "Will you send it in May?" may call both words a
``PERSON``. :func:`drop_common_word_names` removes a one-word ``PERSON``
finding whose text is such a word, unless a person word ("Mr", "Frau",
"my name is", "Dear", ...) stands right before it or it is written in a
sentence that makes it a name ("May Schmidt" is two words and stays).

The list holds English words only. In every other language the name
scorer (:mod:`gdprgate.detect.name_scorer`) has already judged each such
word in its sentence ("Der Maler Ernst", "Dann kam Wolf als Senator"), and
dropping the ones it kept lost names: without the German, French, Spanish,
Italian and Dutch lines GermEval dev PERSON recall rose from 0.841 to 0.845
(precision 0.782 to 0.783); the English, TAB and ECHR dev scores did not
move.

What makes such a word a name is the words around it. Three are read
here, each for a capitalised given name (:func:`given_word`), even one
that is among a language's most frequent words ("Per", "Sam", "Will"),
but no word for a group ("Alla", "Allen"):

- an introduction (:func:`introduced_names`): a possessive and a word for
  a relative, partner, friend or colleague ("my daughter Summer", "mein
  Mann Will", "min son Per", "moja córka Róża"; an adjective may stand
  between them: "my little sister Rose"), or "my name is" in the nine
  languages, before the name;
- an English verb of saying after it ("Bo says hi"; :func:`introduced_names`);
- a coordination (:func:`coordinated_names`): "and" in the text's language
  between a ``PERSON`` already found that opens with a given name and
  capitalised words that read as a name ("Kees en Marloes", "Peter Miller
  and Rose"). Two words that are both common-word names are no name by
  themselves ("May and June", "Hope and Faith"), and neither is German
  "Rose und Will": German capitalises "Rose" as a noun, and the lexicon
  cannot tell the verb "will" from a noun.

On GermEval dev, presidio-research synth, TAB dev, Sierro's ECHR dev and
UNER PUD en/de/pt/sv these found one name the other layers had missed
(in the English and the Portuguese PUD) and a part of another, and
nothing wrong (GermEval dev PERSON 0.825/0.858 to 0.825/0.859). A first
version, which joined any rare word to any ``PERSON``, added 21 places,
nouns and titles of works: a model had read one of two places as a
person ("zwischen Quellbach und Varnholm"), and German capitalises every
noun ("Mut und Geduld").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from gdprgate.detect.context import has_context
from gdprgate.detect.context_words import CONTEXT_LANGUAGES
from gdprgate.detect.finding import Finding
from gdprgate.detect.gate import CAPITALISED_NOUNS, FIELD_SOURCES, Lexicon

# English words only (see the module doc). Kept short on purpose: a name
# that is rarely a word ("Victor") is not on it.
_WORDS = """
may will hope grace faith joy june april august summer dawn rose daisy lily
iris ivy holly amber ruby pearl sky river mark bill frank sunny guy art rob
sue pat drew chase hunter miles page penny sandy earl king prince bishop
baker angel star honey olive violet hazel heather ginger sage
"""
COMMON_WORD_NAMES = frozenset(_WORDS.split())
# Given names the lexicon lacks: of the English words above ("Honey",
# "King" or "Baker" are not given names), and everyday given names and
# short forms that Faker's lists leave out because they are also words
# ("Benedetta", "Graça", "Hanneke", "Rafa", "Bia").
_MORE_GIVEN_LIST = """
will pat miles art
benedetta fiore rossella speranza vale fede ale
graça gracinha glória conceição fátima rafa bia manu guga juju duarte
pelle olle nisse bosse falk paco
hanneke joke anneke
"""
MORE_GIVEN = frozenset(_MORE_GIVEN_LIST.split())
# Words for a group that Faker lists as given names: "Hej Alla!", "Hallo
# Allen,".
_GROUPS = frozenset({"alla", "allen"})

# The score and sources of the names found here.
CONTEXT_NAME_SCORE = 0.7
INTRO_SOURCE = "introduction"
COORDINATED_SOURCE = "coordination"

# Introductions, one line per language (en, de, fr, es, it, nl, pl, pt,
# sv): possessives | relations. A possessive may be capitalised; a relation
# is matched as written (German nouns capitalised, the others in lower
# case), so a title in capitals ("My Son Will Come Home") is none.
_INTRODUCTION_LIST = """
my our his her their your | daughter son husband wife partner boyfriend
 girlfriend fiancé fiancée fiance fiancee friend colleague boss brother sister
 mother father mum mom dad grandson granddaughter grandmother grandfather
 grandma grandpa uncle aunt cousin nephew niece neighbour neighbor stepson
 stepdaughter child kid baby flatmate roommate
mein meine meinem meinen meiner unser unsere unserem unseren unserer dein
 deine sein seine ihr ihre | Tochter Sohn Mann Frau Ehemann Ehefrau Partner
 Partnerin Freund Freundin Kollege Kollegin Chef Chefin Bruder Schwester
 Mutter Vater Mama Papa Oma Opa Onkel Tante Cousin Cousine Neffe Nichte
 Nachbar Nachbarin Enkel Enkelin Kind Verlobter Verlobte
mon ma mes notre nos son sa ses | fille fils mari femme épouse époux
 compagnon compagne copain copine ami amie collègue patron patronne chef
 frère sœur soeur mère père maman papa oncle tante cousin cousine neveu
 nièce voisin voisine fiancé fiancée enfant
mi mis nuestro nuestra su | hija hijo marido esposo esposa mujer pareja novio
 novia amigo amiga compañero compañera colega jefe jefa hermano hermana
 madre padre mamá papá tío tía primo prima sobrino sobrina vecino vecina
 nieto nieta abuelo abuela
mio mia miei mie nostro nostra suo sua | figlia figlio marito moglie
 compagno compagna fidanzato fidanzata ragazzo ragazza amico amica collega
 capo fratello sorella madre padre mamma papà zio zia cugino cugina nipote
 vicino vicina nonno nonna
mijn m'n onze ons zijn haar | dochter zoon man vrouw echtgenoot echtgenote
 partner vriend vriendin collega baas broer zus zuster moeder vader mama
 papa oom tante neef nicht buurman buurvrouw kleinzoon kleindochter opa oma
mój moja moje mojego mojej moim moją nasz nasza nasze jego jej | córka
 córką córki syn syna synem mąż męża mężem żona żony żoną partner partnerka
 chłopak dziewczyna przyjaciel przyjaciółka kolega koleżanka szef szefowa
 brat siostra mama tata matka ojciec wujek ciocia kuzyn kuzynka sąsiad
 sąsiadka wnuk wnuczka babcia dziadek
meu minha meus minhas nosso nossa seu sua | filha filho marido esposa esposo
 mulher companheiro companheira namorado namorada amigo amiga colega chefe
 irmão irmã mãe pai tio tia primo prima sobrinho sobrinha vizinho vizinha
 neto neta avó avô
min mitt mina vår vårt hans hennes | dotter son man make maka fru sambo
 partner pojkvän flickvän vän kompis kollega chef bror syster mamma pappa
 mor far farbror morbror faster moster kusin granne barnbarn mormor farmor
 morfar farfar
"""
# "My name is", in the nine languages.
_NAMING_LIST = """
my name is|mein name ist|ich heiße|je m'appelle|je m’appelle|me llamo|
mi nombre es|mi chiamo|il mio nome è|ik heet|mijn naam is|nazywam się|
mam na imię|chamo-me|me chamo|o meu nome é|meu nome é|jag heter|mitt namn är
"""


def _introductions() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The possessives (in lower case), the relations and the ways of
    saying "my name is" (in lower case, one space between words)."""
    possessives: set[str] = set()
    relations: set[str] = set()
    for line in re.sub(r"\n ", " ", _INTRODUCTION_LIST).strip().splitlines():
        owners, related = line.split("|")
        possessives.update(owners.split())
        relations.update(related.split())
    naming = {n.strip() for n in _NAMING_LIST.replace("\n", "").split("|")}
    return frozenset(possessives), frozenset(relations), frozenset(naming - {""})


_POSSESSIVES, _RELATIONS, _NAMING = _introductions()
# An English verb of saying after a name ("Bo says hi"): a frequent word of
# another language ("bo", "per", "dann") stands there as the subject only
# in English, whose sentences put it first; other languages put an adverb
# there too ("Dann sagt er", "Come dice").
_SAYS = re.compile(
    r"[ \t]+(?:says|said|asks|asked|writes|wrote|replies|replied|tells|told)"
    r"(?![\w'’])"
)
# A word that may be a given name, and how far before it an introduction
# may begin.
_NAME_WORD = re.compile(r"(?<![\w'’-])[^\W\d_]+(?:-[^\W\d_]+)?(?![\w'’])")
_INTRODUCTION_LOOKBACK = 60

# "And" in each of the nine languages, read in text of that language only
# ("en" is "in" in French, "i" is "in" in Swedish); "and" and "&" in any.
_AND = {
    "de": "und", "fr": "et", "es": "y e", "it": "e ed", "nl": "en",
    "pl": "i oraz", "pt": "e", "sv": "och",
}  # fmt: skip
# A conjunction and up to three capitalised words after a found name; up
# to three words and a conjunction before one.
_WORD = r"[^\W\d_]+(?:[-'’][^\W\d_]+)*"
_AFTER = re.compile(rf"[ \t]+(\S+)[ \t]+((?:{_WORD})(?:[ \t]+{_WORD}){{0,2}})")
_BEFORE = re.compile(
    rf"(?<![\w'’-])((?:{_WORD}[ \t]+){{0,2}}{_WORD})[ \t]+(\S+)[ \t]+\Z"
)
_SPACED_WORD = re.compile(_WORD)
# How far before a found name the words before "and" are looked for.
_LOOKBACK = 100
# An ordinary word this rare in a language may be a name there (Dutch
# "marloes" is 3.0, Swedish "asien" 4.0).
_RARE_ZIPF = 3.0


def drop_common_word_names(
    text: str,
    findings: Iterable[Finding],
    languages: Sequence[str] = CONTEXT_LANGUAGES,
) -> list[Finding]:
    """``findings`` without one-word ``PERSON`` spans that are common words,
    but for those a field's label or column header names ("First name:
    Will", "Will" under ``first_name``)."""
    kept: list[Finding] = []
    for finding in findings:
        value = text[finding.start : finding.end]
        if (
            finding.entity == "PERSON"
            and finding.source not in FIELD_SOURCES
            and value.casefold() in COMMON_WORD_NAMES
            and not has_context(
                text, finding.start, finding.end, "person", languages, (3, 0)
            )
        ):
            continue
        kept.append(finding)
    return kept


def given_word(word: str, lexicon: Lexicon) -> bool:
    """Whether ``word`` is a capitalised given name, frequent as a word or
    not ("Per", "Will", "Rose"), and no word for a group ("Alla")."""
    if not _capitalised(word):
        return False
    lower = word.lower()
    if lower in _GROUPS:
        return False
    parts = lower.split("-")
    return all(part in lexicon.given or part in MORE_GIVEN for part in parts)


def introduced_names(text: str, lexicon: Lexicon) -> list[Finding]:
    """Every given name right after an introduction in ``text`` ("my
    daughter Summer", "mein Mann Will"), or before an English verb of saying
    ("Bo says hi"; see the module doc)."""
    found: list[Finding] = []
    for word in _NAME_WORD.finditer(text):
        start, end = word.span()
        # Capitals first: few words are capitalised given names.
        if not text[start].isupper() or not given_word(word.group(), lexicon):
            continue
        if _introduced(text, start) or _SAYS.match(text, end) is not None:
            found.append(
                Finding(start, end, "PERSON", CONTEXT_NAME_SCORE, INTRO_SOURCE)
            )
    return found


def _introduced(text: str, start: int) -> bool:
    """Whether an introduction stands right before ``start``, on its line:
    a possessive, maybe an adjective in lower case, a relation and maybe a
    comma ("my little sister Rose", "My husband, Will,"), or "my name is"."""
    if start == 0 or text[start - 1] not in " \t":
        return False
    line = text[max(0, start - _INTRODUCTION_LOOKBACK) : start].rpartition("\n")[2]
    words = line.split()[-4:]
    if not words:
        return False
    relation = words[-1].removesuffix(",")
    if relation in _RELATIONS and (
        (len(words) > 1 and words[-2].lower() in _POSSESSIVES)
        or (
            len(words) > 2 and words[-2].islower() and words[-3].lower() in _POSSESSIVES
        )
    ):
        return True
    said = " " + " ".join(words).lower()
    return any(said.endswith(" " + naming) for naming in _NAMING)


def coordinated_names(
    text: str,
    findings: Sequence[Finding],
    lexicon: Lexicon,
    language: str = "",
    allowed: Callable[[str], bool] = lambda value: False,
) -> list[Finding]:
    """``findings`` with the name on the other side of an "and" from each
    ``PERSON`` that opens with a given name added ("Kees en Marloes"), where
    nothing was found there and it is not on the allow list (``allowed``).

    The words joined must be capitalised and read as a name (see
    :func:`_name_like`); a name added this way is read again, so a list
    ("Anna und Rose und Will") is followed to its end. A ``PERSON`` that
    does not open with a given name may be a place the models mistook,
    and what stands beside it one too ("zwischen Quellbach und Varnholm").
    Sorted by start.
    """
    result = sorted(findings, key=lambda f: f.start)
    conjunctions = frozenset({"and", "&", *_AND.get(language, "").split()})
    queue = [f for f in result if f.entity == "PERSON"]
    while queue:
        person = queue.pop()
        first = _SPACED_WORD.match(text, person.start, person.end)
        if first is None or not given_word(first.group(), lexicon):
            continue
        for start, end in (
            _after(text, person.end, conjunctions, lexicon, language),
            _before(text, person.start, conjunctions, lexicon, language),
        ):
            if (
                start < end
                and all(f.end <= start or end <= f.start for f in result)
                and not allowed(text[start:end])
            ):
                name = Finding(
                    start, end, "PERSON", CONTEXT_NAME_SCORE, COORDINATED_SOURCE
                )
                result.append(name)
                queue.append(name)
    return sorted(result, key=lambda f: f.start)


def _after(
    text: str, end: int, conjunctions: frozenset[str], lexicon: Lexicon, language: str
) -> tuple[int, int]:
    """The name words after "and" right after ``end``, as ``(start, end)``;
    an empty span when there are none."""
    match = _AFTER.match(text, end)
    if match is None or match.group(1).lower() not in conjunctions:
        return end, end
    words = list(_SPACED_WORD.finditer(text, match.start(2), match.end(2)))
    taken = 0
    while taken < len(words) and _name_like(words[taken].group(), lexicon, language):
        taken += 1
    if not taken:
        return end, end
    return words[0].start(), words[taken - 1].end()


def _before(
    text: str, start: int, conjunctions: frozenset[str], lexicon: Lexicon, language: str
) -> tuple[int, int]:
    """The name words before an "and" right before ``start``, as
    ``(start, end)``; an empty span when there are none."""
    match = _BEFORE.search(text, max(0, start - _LOOKBACK), start)
    if match is None or match.group(2).lower() not in conjunctions:
        return start, start
    words = list(_SPACED_WORD.finditer(text, match.start(1), match.end(1)))
    taken = 0
    while taken < len(words) and _name_like(
        words[-1 - taken].group(), lexicon, language
    ):
        taken += 1
    if not taken:
        return start, start
    return words[-taken].start(), words[-1].end()


def _name_like(word: str, lexicon: Lexicon, language: str) -> bool:
    """Whether a word joined to a name by "and" reads as a name: a given
    name (see :func:`given_word`), or a capitalised word no part of which
    is a place or an ordinary word ("Jansen"), outside German text one that
    is rare in the text's language (Zipf :data:`_RARE_ZIPF` or less:
    "Marloes"): German capitalises its nouns ("Geduld", "Pop-Songs")."""
    if given_word(word, lexicon):
        return True
    if not _capitalised(word) or word.lower() in _GROUPS:
        return False
    german = language in CAPITALISED_NOUNS
    return all(
        part not in lexicon.places
        and (
            not lexicon.is_ordinary(part)
            or (not german and lexicon.frequency(part, language) <= _RARE_ZIPF)
        )
        for part in word.lower().split("-")
    )


def _capitalised(word: str) -> bool:
    """A word with a capital first letter, not all in capitals."""
    return word[:1].isupper() and not (len(word) > 1 and word.isupper())
