"""Given names that are also words, where the sentence wants a person:
"I spoke to Lily", "Ask Mark if ...", "bij Mark", "com a Graça".

"Will", "Mark", "Hope" or "Lily" alone are dropped as common words (see
:mod:`gdprgate.detect.common_names`) unless something around them tells a
name. Here the word before tells it: a verb or phrase that takes a person
("spoke to", "ask", "tell", "cc", "thanks", "according to") or a
preposition of the text's language ("with", "bij", "mit", "con", "avec",
Portuguese "com a" and the article "o"/"a" that Portuguese puts before a
person's name). A capitalised given name (see
:func:`gdprgate.detect.common_names.given_word`) right after it, inside a
sentence, is a ``PERSON`` with the capitalised words that follow it
("Please ask Summer Lake to sign"). In English, a given name that opens a
sentence is one too before a verb only people take ("Hope is on leave",
"Will called").

What stays out: a month after a preposition or a plain verb ("by May",
"met June"; after "ask" or "spoke to" it is a person), a holiday ("a
Natale", "à Noël"), a place after a preposition of direction ("a
Santiago", "till Lund"), a German noun ("mit Ernst"), "Will" as a modal
("Will you send it?": no word before it), two common-word names joined by
"and" ("with Hope and Faith") and a model number ("with Mark II").

A given name that is an everyday word ("Hope", "Lily", "clara", "Graça")
needs more: no compound with the next word ("Rose Bowl", "Lily bulbs"),
and after a weak preposition ("with", "avec", "con", "mit", "met", every
Portuguese one) a surname, a verb of meeting before ("spoke with", "falei
com a") or a person's verb after ("Hope is on leave", "a clara disse"),
never inside a Title-Case heading ("Dancing With Grace").

In English a given name's possessive before a relative or a person's role
is a person wherever it stands ("Lily's mum here", "Will's teacher").
"""

from __future__ import annotations

import re

from gdprgate.detect.common_names import COMMON_WORD_NAMES, MORE_GIVEN, given_word
from gdprgate.detect.finding import Finding
from gdprgate.detect.gate import CAPITALISED_NOUNS, Lexicon, german_noun

ADDRESSED_SCORE = 0.7
ADDRESSED_SOURCE = "addressed"

# English verbs and phrases that take a person: a month after them is a
# person too ("ask May").
_PERSON_VERBS = r"""
(?:spoke|speak|speaking|spoken|talk|talked|talking|write|wrote|written
 |writing|reply|replied|replying|report|reported|listen|listened
 |introduce|introduced|according|thanks|sent\s+it|send\s+it|forward\s+it
 |give\s+it|gave\s+it|hand\s+it|handed\s+it)\s+to
|ask|asked|asking|asks|tell|told|telling|tells|remind|reminded|ping|pinged
|e-?mail|e-?mailed|contact|contacted|thank|thanked|thank\s+you|b?cc:?
"""
# Thanks in chat: the name must end the clause ("thx will", not "thanks,
# will do").
_THANKS = r"thanks|thx|ty"
_CLAUSE_END = re.compile(r"[ \t]*(?:[,.!?;:)]|\r?\n|\Z)")
# Prepositions and verbs that may take a month or a thing as well.
_PLAIN_WORDS = {
    "en": r"with|by|call|called|phone|phoned|meet|met|invite|invited",
    "de": r"mit|bei|an",
    "fr": r"avec|à|chez",
    "es": r"con|a",
    "it": r"con|a|per",
    "nl": r"bij|met|aan|tegen",
    "pl": r"z|do",
    "pt": r"com|com\s+[oa]|[oa]|d[oa]|ao|à|pel[oa]",
    "sv": r"med|till|hos",
}
# Prepositions of direction: a place after them is a place.
_DIRECTIONS = frozenset({"a", "à", "an", "aan", "ao", "o", "do", "da", "till"})
# A person's verb after a given name that opens an English sentence.
_PREDICATE = re.compile(
    r"""
    [ \t]+(?:is|was)[ \t]+(?:on[ \t]+(?:leave|holiday|vacation)|sick|ill|away
      |off[ \t]+sick|out[ \t]+of[ \t]+(?:the[ \t]+)?office)
    |[ \t]+(?:will|would|can|could)[ \t]+(?:send|call|sign|reply|confirm|join)
    |[ \t]+(?:called|phoned|rang|emailed|e-mailed|mentioned|confirmed|replied
      |said|says|wrote|writes|asked|asks|told|tells|turned[ \t]+up
      |showed[ \t]+up)
    (?![\w'’])
    """,
    re.VERBOSE,
)
_WORD = r"[^\W\d_]+(?:-[^\W\d_]+)?"
# A capitalised word after blanks, and what ends a sentence before one.
_NEXT = re.compile(rf"[ \t]+({_WORD})(?![\w'’])")
_OPENS = re.compile(r"(?:^|[.!?\n])[\s\"'“„«(\[]*\Z")
_CANDIDATE = re.compile(rf"(?<![\w'’-]){_WORD}(?![\w'’])")
# Months and holidays (their other languages' months stay lower case).
_CALENDAR_LIST = """
january february march april may june july august september october
november december monday tuesday wednesday thursday friday saturday
sunday natale pasqua noël noel natal navidad pascua
"""
_CALENDAR = frozenset(_CALENDAR_LIST.split())
_AND = re.compile(rf"[ \t]+(?:and|&)[ \t]+({_WORD})")
_BEFORE_AND = re.compile(rf"({_WORD})[ \t]+(?:and|&)[ \t]+\Z")
# A Portuguese article before a name, and how far back the words before a
# name are read.
_ARTICLE = re.compile(r"(?<![\w])(?:[oa]|d[oa])[ \t]+\Z", re.IGNORECASE)
_LOOKBACK = 40
# Short forms of given names that count in lower case ("o rafa", "com a
# bia"); the given names that are also words ("graça", "will") do not.
_SHORT_FORMS = frozenset({"rafa", "bia", "manu", "guga", "juju"})
_MODEL_NUMBER = re.compile(r"[ \t]+(?:[IVX]+|\d+)(?![\w])")
# How many capitalised words may follow the given name.
_MORE_WORDS = 2

# Given names that are everyday words of the other languages ("com a
# clara do ovo", "con Dolores de cabeza", "con Gioia"), besides the
# English ones of :data:`COMMON_WORD_NAMES` and the lexicon's ordinary
# words and places.
_WORD_NAME_LIST = """
clara luz paz rosa vitória franco glória graça sol lua dores flor aurora
estrela fé esperança alegria branca celeste socorro piedade conceição
amparo serena bela neve pérola violeta margarida
dolores consuelo soledad pilar rocío mercedes esperanza victoria gloria
blanca estrella remedios caridad
gioia speranza vittoria stella luce fortunata
rose violette marguerite aurore espérance constance prudence blanche
"""
_LOCAL_WORD_NAMES = frozenset(_WORD_NAME_LIST.split())
_WORD_NAMES = _LOCAL_WORD_NAMES | COMMON_WORD_NAMES
# Prepositions whose object is as often a thing as a person ("with Hope
# in our hearts", "avec Rose, le jardin"), and every Portuguese article
# or preposition: a given name that is a word needs more after them.
_WEAK = frozenset({"with", "avec", "con", "mit", "met"})
# Verbs and nouns of meeting that take a person before such a preposition
# ("spoke with", "falei com a", "Gespräch mit"), one word between them at
# most ("met up with").
_TALKED = re.compile(
    r"""
    (?<![\w'’-])(?i:spoke|speak|speaking|talk|talked|talking|met|meet|meeting
     |discuss|discussed|discussing|chat|chatted|agreed|check|checked|consult
     |consulted|call|called|sync|synced|work|worked|working|interview
     |gespräch|termin|treffen|besprechung|telefonat|réunion|entretien
     |reunión|riunione|colloquio|gesprek|afspraak|overleg|reunião|conversa
     |parlé|discuté|rencontré|hablé|habló
     |hablamos|hablar|quedé|quedamos|parlato|parlo|parlare|incontrato
     |gesprochen|sprach|telefoniert|geredet|getroffen|gesproken|gebeld
     |overlegd|afgesproken|falei|falou|falamos|falar|fala|conversei|conversou
     |conversamos|liguei|ligou|encontrei|encontrou|combinei|combinou)
    [ \t]+(?:[^\W\d_]+[ \t]+)?\Z
    """,
    re.VERBOSE,
)
# A Portuguese person's verb after a name ("a clara disse", "o franco
# ligou").
_PT_PREDICATE = re.compile(
    r"[ \t]+(?i:disse|diz|vem|veio|vai|chegou|chega|ligou|liga|falou|mandou"
    r"|pediu|respondeu|escreveu|avisou|perguntou)(?![\w'’])"
)


def _context(language: str) -> re.Pattern[str]:
    """The words before a name, for ``language``: group ``verb`` for the
    words that take only people, ``plain`` for the others."""
    english = language == "en"
    verbs = re.sub(r"\s+", "", _PERSON_VERBS) if english else ""
    plain = _PLAIN_WORDS.get(language, "")
    alternatives = [
        f"(?P<verb>{verbs})" if english else "",
        f"(?P<thanks>{_THANKS})" if english else "",
        f"(?P<plain>{plain})",
    ]
    words = "|".join(a for a in alternatives if a)
    return re.compile(rf"(?<![\w'’-])(?:{words})[ \t]+\Z", re.IGNORECASE)


_CONTEXTS = {language: _context(language) for language in _PLAIN_WORDS}


def addressed_names(
    text: str, language: str, lexicon: Lexicon, without_case: bool = False
) -> list[Finding]:
    """Every given name in ``text`` that the words around it make a person
    (see the module doc). In a text ``without_case`` a given name in lower
    case counts too after an English verb that takes people ("ask mark")
    or a Portuguese article ("o thiago", "com a bia")."""
    context = _CONTEXTS.get(language)
    found: list[Finding] = []
    position = 0
    for match in _CANDIDATE.finditer(text):
        start, end = match.span()
        if start < position:
            continue
        word = match.group()
        lower = not text[start].isupper()
        # Cheap tests first: few words are given names.
        plain = lower and _lower_given(word, lexicon)
        if lower and not (without_case and (plain or word in MORE_GIVEN)):
            continue
        if not lower and (not given_word(word, lexicon) or _paired_common(text, match)):
            continue
        before = None
        if context is not None:
            before = context.search(text, max(0, start - _LOOKBACK), start)
        if lower:
            # A given name that is also a word ("will") only after thanks,
            # or after a verb that takes people at the end of a clause
            # ("ask will, his number is"), or opening a sentence or a
            # clause ("but then") before a person's verb ("mark turned up").
            thanked = before is not None and before.groupdict().get("thanks")
            asked = (
                before is not None
                and before.groupdict().get("verb") is not None
                and _CLAUSE_END.match(text, end) is not None
            )
            if (
                language == "en"
                and (_opens(text, start) or _after_discourse(text, start))
                and _PREDICATE.match(text, end)
            ):
                pass
            elif not (plain or thanked or asked) or not _lower_context(
                word, before, language, lexicon
            ):
                continue
            if (
                language == "pt"
                and word in _WORD_NAMES
                and before is not None
                and not _person_context(text, before.start(), end, language)
            ):
                continue  # "com a clara do ovo"
        elif before is not None and _wanted(word, before, language, lexicon):
            if not _wanted_here(text, match, before, language, lexicon):
                continue
            end = _name_end(text, end, language, lexicon)
        elif not (
            language == "en"
            and _opens(text, start)
            and _PREDICATE.match(text, end) is not None
        ):
            continue
        if _MODEL_NUMBER.match(text, end):
            continue
        if (
            before is not None
            and before.groupdict().get("thanks") is not None
            and _CLAUSE_END.match(text, end) is None
        ):
            continue  # "thanks, will do"
        found.append(Finding(start, end, "PERSON", ADDRESSED_SCORE, ADDRESSED_SOURCE))
        position = end
    if language == "en":
        found.extend(_kin_of(text, lexicon, found))
    return sorted(found, key=lambda finding: finding.start)


# A given name's possessive before a relative or a person's role, in
# English: only people have a mum ("Lily's mum", "Will's teacher").
_KIN = re.compile(
    rf"""(?<![\w'’-])({_WORD})['’]s[ \t]+
    (?:mum|mom|mummy|mommy|mother|dad|daddy|father|parents?|son|daughter
      |husband|wife|partner|boyfriend|girlfriend|fianc[eé]e?|brother|sister
      |grandma|grandmother|grandpa|grandfather|aunt|uncle|cousin|nan|nanny
      |teacher|carer|doctor|GP|manager|boss|colleague|friend|birthday)
    (?![\w'’])""",
    re.VERBOSE,
)


def _kin_of(text: str, lexicon: Lexicon, found: list[Finding]) -> list[Finding]:
    """Given names before "'s" and a relative or role ("Lily's mum"), that
    no finding of ``found`` covers."""
    kin = []
    for match in _KIN.finditer(text):
        start, end = match.span(1)
        if not given_word(match.group(1), lexicon):
            continue
        if any(f.start < end and start < f.end for f in found):
            continue
        kin.append(Finding(start, end, "PERSON", ADDRESSED_SCORE, ADDRESSED_SOURCE))
    return kin


def _wanted(word: str, before: re.Match[str], language: str, lexicon: Lexicon) -> bool:
    """Whether ``word`` after the context ``before`` is a person's name."""
    lower = word.lower()
    if before.group("plain") is None:
        # "ask May": a month that is a given name is a person after a verb.
        return lower not in _CALENDAR - COMMON_WORD_NAMES
    if lower in _CALENDAR:
        return False
    if before.group("plain").lower() in _DIRECTIONS and lower in lexicon.places:
        return False
    return not (language in CAPITALISED_NOUNS and _german_word(word, lexicon))


def _wanted_here(
    text: str,
    match: re.Match[str],
    before: re.Match[str],
    language: str,
    lexicon: Lexicon,
) -> bool:
    """Whether a given name that is also a word, after a plain word, is a
    person where it stands: not in a Title-Case heading ("Dancing With
    Grace"), not the first word of a compound ("Rose Bowl", "Summer
    deadlines") and, after a weak preposition ("with Hope in our hearts",
    "com a Graça"), only with a person context (see :func:`_person_context`)
    or a surname after it."""
    plain = before.group("plain")
    word = match.group()
    if plain is None or not _word_name(word, lexicon):
        return True

    end = match.end()
    follower = _NEXT.match(text, end)
    if follower is not None and _compound(follower.group(1), lexicon):
        return False
    weak = language == "pt" or plain.lower() in _WEAK
    if not weak:
        return True
    if plain[0].isupper() and not _opens(text, before.start()):
        return False  # a heading: "Living With Hope"
    surname = (
        follower is not None
        and follower.group(1)[0].isupper()
        and not _compound(follower.group(1), lexicon)
    )
    if surname:
        return True
    # A place that is also a word needs a person's verb after it: "Falei
    # com o Sol e com a Lua no poema".
    if word.lower() in lexicon.places and word.lower() in _LOCAL_WORD_NAMES:
        return _person_context(text, end, end, language, verb_before=False)
    return _person_context(text, before.start(), end, language)


def _word_name(word: str, lexicon: Lexicon) -> bool:
    """Whether given name ``word`` is also an everyday word: one of the
    lists, or an ordinary word of the lexicon that was not added as a
    given name on purpose ("Benedetta", "Fiore")."""
    lower = word.lower()
    return lower in _WORD_NAMES or (
        lexicon.is_ordinary(lower) and lower not in MORE_GIVEN
    )


def _compound(next_word: str, lexicon: Lexicon) -> bool:
    """Whether ``next_word`` after a given name makes the pair a compound: a
    capitalised word that is no name ("Rose Bowl") or a plural noun
    ("Lily bulbs", "Summer deadlines")."""
    lower = next_word.lower()
    if next_word[0].isupper():
        return lexicon.is_ordinary(lower) or lower in _CALENDAR
    return (
        len(lower) > 3
        and lower.endswith("s")
        and not lower.endswith("ss")
        and lower not in lexicon.frequent
        and lexicon.is_ordinary(lower)
    )


def _person_context(
    text: str, start: int, end: int, language: str, verb_before: bool = True
) -> bool:
    """Whether a verb that takes a person stands before ``start`` ("spoke
    with", "falei com a"; if ``verb_before``) or a person's verb after
    ``end`` ("Hope is on leave", "a clara disse")."""
    if verb_before and _TALKED.search(text, max(0, start - _LOOKBACK), start):
        return True
    if _PREDICATE.match(text, end) is not None:
        return True
    return language == "pt" and _PT_PREDICATE.match(text, end) is not None


def _name_end(text: str, end: int, language: str, lexicon: Lexicon) -> int:
    """The end of the name at ``end``, over up to two capitalised words
    that follow it ("Summer Lake"): no month, no place alone, no German
    noun."""
    for _ in range(_MORE_WORDS):
        match = _NEXT.match(text, end)
        if match is None:
            break
        word = match.group(1)
        lower = word.lower()
        if (
            not word[0].isupper()
            or (len(word) > 1 and word.isupper())
            or lower in _CALENDAR
            or (lower in lexicon.places and lower not in lexicon.names)
            or (language in CAPITALISED_NOUNS and _german_word(word, lexicon))
        ):
            break
        end = match.end()
    return end


def _lower_given(word: str, lexicon: Lexicon) -> bool:
    """Whether lower-case ``word`` is a given name in a text without case:
    a short form ("rafa", "bia") or a given name that is no ordinary word,
    no place and no month."""
    if word != word.lower() or word in _CALENDAR:
        return False
    return word in _SHORT_FORMS or (
        word in lexicon.given and not lexicon.is_ordinary(word)
    )


def _lower_context(
    word: str, before: re.Match[str] | None, language: str, lexicon: Lexicon
) -> bool:
    """Whether ``before`` makes lower-case ``word`` a person: an English
    verb that takes people ("ask mark") or a Portuguese article before a
    word that is no place ("o thiago", "com a bia")."""
    if before is None:
        return False
    if language == "en":
        return before.group("plain") is None
    return (
        language == "pt"
        and _ARTICLE.search(before.group()) is not None
        and (word in _SHORT_FORMS or word not in lexicon.places)
    )


def _german_word(word: str, lexicon: Lexicon) -> bool:
    """Whether ``word`` reads as a German noun or is a name that is also
    among a language's most frequent words ("mit Ernst")."""
    return word.lower() in lexicon.frequent_names or german_noun(word, lexicon)


def _paired_common(text: str, match: re.Match[str]) -> bool:
    """Whether a common-word name is joined by "and" to another ("Hope and
    Faith"), or follows one so joined: virtues, not people."""
    if match.group().lower() not in COMMON_WORD_NAMES:
        return False
    after = _AND.match(text, match.end())
    if after is not None and after.group(1).lower() in COMMON_WORD_NAMES:
        return True
    window = text[max(0, match.start() - _LOOKBACK) : match.start()]
    before = _BEFORE_AND.search(window)
    return before is not None and before.group(1).lower() in COMMON_WORD_NAMES


# Words of chat that open a clause before its subject: "so rose said",
# "but then mark turned up".
_DISCOURSE = re.compile(
    r"(?<![\w'’-])(?:so|then|but|and|lol|ok|okay|cos|coz|because|when|apparently)"
    r"[ \t]+\Z"
)


def _after_discourse(text: str, start: int) -> bool:
    """Whether a chat word that opens a clause stands right before ``start``."""
    return _DISCOURSE.search(text, max(0, start - 16), start) is not None


def _opens(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence or the text."""
    return _OPENS.search(text, max(0, start - 8), start) is not None
