"""Surnames with a particle that no model read: "Hanneke de Vries", "Herr
von Bülow", "Karl von der Leyen".

After a title the first particle may be capitalised ("sig. Di Stefano",
"Mme Le Goff", "Sr. De la Fuente"): a title must stand right before it.

"De Vries" is the commonest Dutch surname, yet "Vries" is also a village
and a Dutch word, "Dijk" a dike and "Leyen" a German word. Rampart is
unsure of such names, the scorer leaves the surname out, and the rule of
:mod:`gdprgate.detect.particles` only extends a ``PERSON`` found already.
:func:`particle_names` finds them on their own: a particle run ("de",
"van der", "von der") written in lower case between

- a title ("Herr", "Mevrouw", "de heer") or a given name the lexicon knows,
  frequent word or not ("Sem", "Bas", "Karl"; no month), or, in Dutch, a
  capitalised word inside a sentence that is rare (Zipf 3.5 or less) and
  no place, before a surname that is no place and word at once ("Ik heb
  Hanneke de Vries gebeld"; not "Rijksmuseum van Amsterdam");
- and a capitalised word that is no acronym and no place alone (a place
  that is also a person's name counts: "Vries"); outside Dutch and German
  also no ordinary word unless a known name ("Rui dos Santos"; not
  "Miranda do Douro").

German capitalises its nouns: there the surname must be rare in German
("Bülow", "Leyen"; not "Bank" or "Post": "Herr von der Bank"), and a lone
article ("der", "den") is no particle. Places and bodies stay out: "Bank
van Nederland", "Rotterdam van ...", "Universiteit van Amsterdam" (a place
alone after the particle, or no given name before it); "Bergen op Zoom"
and "Frankfurt am Main" have no particle of the list.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from gdprgate.detect.finding import Finding, SpanIndex
from gdprgate.detect.gate import CAPITALISED_NOUNS, GERMAN_ARTICLE_PARTICLES, Lexicon
from gdprgate.detect.lone_particles import lone_particle_surnames
from gdprgate.detect.titles import title_run_start

PARTICLE_NAME_SCORE = 0.75
PARTICLE_NAME_SOURCE = "particle-name"

# Particles as written inside a name, in lower case. "te" ("Jansen te
# Amsterdam") and "op" ("Bergen op Zoom") are no particles here.
_PARTICLE_LIST = """
van von der den dem de del della delle dei degli di da das do dos du des
la le zu zur ter ten het af dal dalla 't ’t
"""
_PARTICLE = "|".join(
    re.escape(p) for p in sorted(_PARTICLE_LIST.split(), key=len, reverse=True)
)
# After a title a particle may be capitalised: "sig. Di Stefano", "Mme Le
# Goff", "Sr. De la Fuente"; a title must stand right before it.
_CAPITALISED = "|".join(
    sorted(
        {p.capitalize() for p in _PARTICLE_LIST.split() if p[0].isalpha()},
        key=len,
        reverse=True,
    )
)
_WORD = r"[^\W\d_]+(?:-[^\W\d_]+)*"
# The blanks between the words of a name and the particles in a row are
# few ("van der", "van de la"). Bounded, each start of the search reads a
# few characters only: a megabyte of blanks or of "van de " takes linear
# time, not quadratic.
_GAP = 3
_MOST_PARTICLES = 4
# The word before, the particles and the surname.
_PARTICLE_NAME = re.compile(
    rf"""
    (?<![\w'’.-])(?P<first>{_WORD})?
    (?P<particles>(?:[ \t]{{1,{_GAP}}}(?:{_PARTICLE})){{1,{_MOST_PARTICLES}}})
    [ \t]{{1,{_GAP}}}(?P<surname>{_WORD})(?![\w'’])
    """,
    re.VERBOSE,
)
_TITLED_PARTICLE_NAME = re.compile(
    rf"""
    (?<=[ \t])
    (?P<particles>(?:{_CAPITALISED})(?:[ \t]{{1,{_GAP}}}(?:{_PARTICLE})){{0,3}})
    [ \t]{{1,{_GAP}}}(?P<surname>{_WORD})(?![\w'’])
    """,
    re.VERBOSE,
)
# A particle between blanks: a text without one is skipped at once.
_ANY_PARTICLE = re.compile(rf"[ \t](?:{_PARTICLE})[ \t]")
# Languages where a capitalised word before a particle may be a given name
# the lexicon lacks: they write their nouns in lower case and put "de" or
# "van" before most surnames.
_OPEN_GIVEN = frozenset({"nl"})
# A word this frequent (Zipf) before a particle is a noun ("Museum van",
# "Koninkrijk der"), and an article alone opens a body's name ("Tweede
# Kamer der Staten-Generaal").
_OPEN_ZIPF = 3.5
_NO_OPEN_PARTICLES = (["der"], ["des"], ["het"], ["den"])
# A surname this frequent in German (Zipf) is a noun: "von der Bank".
_GERMAN_NOUN_ZIPF = 4.0
# What ends a sentence before a word.
_SENTENCE_END = re.compile(r"(?:^|[.!?:\n])[\s\"'“„«(\[]*\Z")


def particle_names(
    text: str, language: str, lexicon: Lexicon, is_given: Callable[[str], bool]
) -> list[Finding]:
    """Every name of a title or given name, particles and a surname in
    ``text`` (see the module doc); ``is_given`` tells a capitalised given
    name. A title before the particles is in the span. Dutch surnames with
    a particle standing alone (:mod:`gdprgate.detect.lone_particles`) come
    where none of these is."""
    found = _led_particle_names(text, language, lexicon, is_given)
    taken = SpanIndex(found)
    lone = lone_particle_surnames(text, language, lexicon)
    found += [f for f in lone if not taken.touches(f.start, f.end)]
    return sorted(found, key=lambda f: f.start)


def _led_particle_names(
    text: str, language: str, lexicon: Lexicon, is_given: Callable[[str], bool]
) -> list[Finding]:
    """The names of :func:`particle_names` led by a title or a given name."""
    found = list(_titled_particle_names(text, language, lexicon))
    if _ANY_PARTICLE.search(text) is None:
        return found
    for match in _PARTICLE_NAME.finditer(text):
        if not _surname(match.group("surname"), language, lexicon):
            continue
        particles = match.group("particles").split()
        if language in CAPITALISED_NOUNS and particles[0] in GERMAN_ARTICLE_PARTICLES:
            continue  # an article before a noun: "Karl den Vertrag"
        start = _name_start(text, match, language, lexicon, is_given)
        if start is not None:
            found.append(
                Finding(
                    start,
                    match.end(),
                    "PERSON",
                    PARTICLE_NAME_SCORE,
                    PARTICLE_NAME_SOURCE,
                )
            )
    return found


def _titled_particle_names(
    text: str, language: str, lexicon: Lexicon
) -> Iterator[Finding]:
    """Every title, capitalised particle and surname ("sig. Di Stefano")."""
    for match in _TITLED_PARTICLE_NAME.finditer(text):
        if not _surname(match.group("surname"), language, lexicon):
            continue
        start = title_run_start(text, match.start(), True)
        if start is not None:
            yield Finding(
                start, match.end(), "PERSON", PARTICLE_NAME_SCORE, PARTICLE_NAME_SOURCE
            )


def _name_start(
    text: str,
    match: re.Match[str],
    language: str,
    lexicon: Lexicon,
    is_given: Callable[[str], bool],
) -> int | None:
    """Where the name of ``match`` starts: at a title run right before the
    particles, or at the word before them when it reads as a given name."""
    blanks = match.group("particles")
    titled = title_run_start(
        text, match.start("particles") + len(blanks) - len(blanks.lstrip()), True
    )
    if titled is not None:
        return titled
    first = match.group("first")
    if first is None or not first[0].isupper() or first.isupper():
        return None
    if is_given(first):
        return match.start("first")
    lower = first.lower()
    if (
        language in _OPEN_GIVEN
        and len(first) > 2
        and lower not in lexicon.frequent
        and lexicon.frequency(lower, language) <= _OPEN_ZIPF
        and lower not in lexicon.places
        and match.group("particles").split() not in _NO_OPEN_PARTICLES
        and _no_place(match.group("surname"), lexicon)
        and _SENTENCE_END.search(text, max(0, match.start() - 8), match.start()) is None
    ):
        return match.start("first")
    return None


def _no_place(word: str, lexicon: Lexicon) -> bool:
    """Whether no part of ``word`` is a place that is also an ordinary word
    ("Amsterdam"); a place that is a name and no word ("Vries") is none."""
    return not any(
        part in lexicon.places and (part in lexicon.words or part not in lexicon.names)
        for part in word.lower().split("-")
    )


def _surname(word: str, language: str, lexicon: Lexicon) -> bool:
    """Whether ``word`` after the particles may be a surname."""
    if not word[0].isupper() or (len(word) > 1 and word.isupper()):
        return False
    parts = word.lower().split("-")
    if any(part in lexicon.places and part not in lexicon.names for part in parts):
        return False
    if language in CAPITALISED_NOUNS:
        return all(
            lexicon.frequency(part, language) < _GERMAN_NOUN_ZIPF for part in parts
        )
    if language in _OPEN_GIVEN:
        return True
    # Elsewhere a word after the particle is more often a place's: "Miranda
    # do Douro"; a known name or no word at all is a surname.
    return all(part in lexicon.names or part not in lexicon.words for part in parts)
