"""Lone surnames in German text, told by the words around them.

German news and biographies name a person in full once and by the surname
alone after that, often in a sentence of its own: "Kallweit war", "über
Kallweits Entscheidung". Rampart reads a surname it has not seen without
the capital that marks it and often leaves it outside, and the name scorer
cannot tell it from a German noun, which is capitalised too.
:func:`lone_surnames` reads the words around each capitalised word no
finding touches and makes it a ``PERSON`` (source ``lone-surname``, score
0.7) where the context says person:

- the genitive "s" or "'s" of a name part the text has as a ``PERSON``
  ("Merkels" where "Merkel" is one; :mod:`gdprgate.detect.mentions` finds
  the other mentions written the same way, not the genitive);
- a genitive "s" right before a noun, maybe after an adjective, with no
  determiner, inflected adjective or capitalised word before it ("über
  Kallweits Entscheidung", "um Kallweits gesundheitliche Verfassung";
  not "des Vereins Vorstand", "vom Kloster abhängigen Rektorats");
- the first word of a sentence before a finite verb ("Kallweit war seit
  1986 ...", "Kallweit studierte ...", "Kallweit sagte ...").

Except for the first rule the word (for a genitive, its stem) must look
like a surname: capitalised, no acronym, no German noun by the lexicon
(an ordinary word, or a compound ending in one of five letters or more:
"Leberkrebs", not "Kallweit"), none of the words German has among its
most frequent that no German is called ("Liga", "Chance"), no place,
title or role word, no noun by its ending ("-ung", "-heit", "-schaft",
"-ismus" ...), and not frequent in German ("Richter", "Kaiser" and
"Bauer" are nouns as often as names). Only German is read: other
languages write their nouns in lower case, and
:mod:`gdprgate.detect.name_rules` reads their lone surnames.

On GermEval 2014 dev (PERSON tokens, a count of this module's own): the
genitive of a found name 1 more right, nothing wrong; a genitive before
a noun 6 right ("Zapotockys Kollege" after a comma included), none
wrong; a sentence's first word before a verb 5 right, two wrong (the
adjectives "Kreideweiss soll er gewesen sein", "Grafisch war das
Spiel"). With `gdprgate eval`, PERSON 0.810/0.908 to 0.811/0.918. In 83
hand-written German sentences with a lone surname the detector masks 69
instead of 48, and adds nothing in 60 without people. Compound heads of
four letters (as :func:`gdprgate.detect.gate.german_noun` reads them)
cost 5 of the 69 and one right on dev, and kept out one wrong.
Tried and left out, for no gain or for more wrong than right on dev: a
verb of saying before the word ("sagte Kallweit", "so Kallweit": the
speaker rule and the scorer find them); a determiner and an adjective
before it ("der glücklose Kallweit": 25 nouns wrong, none right, as the
lexicon does not know plurals such as "Unterarten"; before a singular
verb or a full stop only: none right, one wrong); a finite verb or
"sich" before it ("hatte sich Kallweit darauf": 2 right, 4 wrong); a
role noun before it ("Schulrat Kallweit": none); a genitive after a noun
("einen Sieg Kallweits": 1 right, 12 wrong: clubs, places, plurals); a
model's place in the genitive before a noun read as a person (none
right).

Known misses: a surname that ends in a noun of five letters or more is
read as a compound noun ("Gölzhäuser": "Häuser"), and a surname after a
preposition alone ("eine Sprecherin von Kallweit") has no context that
tells it from a noun.

The text is read once, word by word; each word looks at two neighbours on
either side, so the rule is linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from gdprgate.detect.finding import Finding, SpanIndex
from gdprgate.detect.gate import Lexicon
from gdprgate.detect.name_scorer import is_role
from gdprgate.detect.titles import TITLE_WORDS

LANGUAGES = frozenset({"de"})
LONE_SURNAME_SCORE = 0.7
LONE_SURNAME_SOURCE = "lone-surname"

# Determiners that make the next capitalised word a noun of their phrase
# ("des Vereins Vorstand": "Vereins" is no genitive name).
_DETERMINER_LIST = """
der die das den dem des ein eine einen einem einer eines kein keine keinen
keinem keiner keines sein seine seinen seinem seiner seines ihr ihre ihren
ihrem ihrer ihres dieser diese diesen diesem dieses jeder jede jeden jedem
jedes im ins am ans zum zur vom beim
"""
_DETERMINERS = frozenset(_DETERMINER_LIST.split())
# Endings of German nouns, never of a surname.
_NOUN_ENDINGS = (
    "ung", "heit", "keit", "schaft", "tion", "sion", "ismus", "ität", "tät",
    "nis", "tum", "chen", "ment", "ling", "erei", "enz", "anz", "eur",
    "ator",
)  # fmt: skip
# German Zipf frequency from which a word is taken for a noun ("Kaiser",
# "Bauer", "Richter"): surnames such as "Schröder" or "Huber" stay below.
_NOUN_FREQUENCY = 4.5
_SHORTEST = 3

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# What opens a sentence: a full stop, "!", "?", a colon, a line break.
_SENTENCE_GAP = re.compile(r"[.!?:\n]")


@dataclass(frozen=True, slots=True)
class _Word:
    start: int
    end: int
    value: str
    gap: str  # the text between the word before and this one


def lone_surnames(
    text: str, findings: Sequence[Finding], language: str, lexicon: Lexicon
) -> list[Finding]:
    """``findings`` and a ``PERSON`` for each lone surname in German
    ``text`` that no finding touches, sorted by start (see the module)."""
    if language.split("-")[0].lower() not in LANGUAGES:
        return list(findings)
    words = _words(text)
    index = SpanIndex(findings)
    known = _found_name_parts(text, findings)
    looks = _SurnameTest(lexicon)
    added: list[Finding] = []
    for at in range(len(words)):
        span = _surname_span(words, at, known, looks)
        if span is None or index.touches(*span):
            continue
        if added and added[-1].end > span[0]:
            continue
        added.append(Finding(*span, "PERSON", LONE_SURNAME_SCORE, LONE_SURNAME_SOURCE))
    return sorted([*findings, *added], key=lambda f: f.start)


def _words(text: str) -> list[_Word]:
    """The words of ``text``, each with the text since the word before."""
    words: list[_Word] = []
    last = 0
    for match in _WORD.finditer(text):
        words.append(
            _Word(match.start(), match.end(), match.group(), text[last : match.start()])
        )
        last = match.end()
    return words


def _found_name_parts(text: str, findings: Sequence[Finding]) -> frozenset[str]:
    """The capitalised words of the ``PERSON`` findings."""
    parts = set()
    for finding in findings:
        if finding.entity == "PERSON":
            for match in _WORD.finditer(text, finding.start, finding.end):
                if match.group()[:1].isupper() and len(match.group()) >= _SHORTEST:
                    parts.add(match.group())
    return frozenset(parts)


def _surname_span(
    words: Sequence[_Word], at: int, known: frozenset[str], looks: _SurnameTest
) -> tuple[int, int] | None:
    """The span of word ``at`` when its context makes it a lone surname."""
    word = words[at]
    value = word.value
    if not value[:1].isupper() or value.isupper():
        return None
    stem = _genitive_stem(value)
    if stem is not None and stem in known:
        return word.start, word.end
    if (
        stem is not None
        and _before_a_noun(words, at, looks)
        and looks(stem)
        and not looks.is_noun(value)
    ):
        return word.start, word.end
    if looks(value) and _opens_before_a_verb(words, at, looks):
        return word.start, word.end
    return None


def _genitive_stem(value: str) -> str | None:
    """The name in a genitive ``value`` ("Kallweit" of "Kallweits",
    "Kallweit's"), or ``None``."""
    for ending in ("'s", "’s", "s"):
        if value.endswith(ending) and len(value) - len(ending) >= _SHORTEST:
            stem = value[: -len(ending)]
            if not stem.endswith(("s", "x", "z", "ß")):
                return stem
    return None


def _word(words: Sequence[_Word], at: int) -> _Word | None:
    """Word ``at`` of ``words``, or ``None`` outside them."""
    return words[at] if 0 <= at < len(words) else None


def _opens(word: _Word, at: int) -> bool:
    """Whether ``word`` (number ``at``) opens a sentence or the text."""
    return at == 0 or _SENTENCE_GAP.search(word.gap) is not None


def _adjective(value: str) -> bool:
    """Whether ``value`` may be an inflected German adjective."""
    return value.islower() and value.endswith(("e", "en", "er", "em", "es"))


def _before_a_noun(words: Sequence[_Word], at: int, looks: _SurnameTest) -> bool:
    """Whether word ``at`` stands before a noun ("Kallweits Entscheidung",
    "Kallweits neue Rolle") with no article or adjective before it."""
    word, before = words[at], _word(words, at - 1)
    after, then = _word(words, at + 1), _word(words, at + 2)
    if after is None or after.gap != " " or word.value.endswith(_NOT_GENITIVE):
        return False
    # Only a word right before it, with no punctuation between, tells
    # ("Buhl, Zapotockys Kollege" opens a phrase).
    if before is not None and not _opens(word, at) and word.gap.isspace():
        earlier = _word(words, at - 2)
        lower = before.value.lower()
        # A determiner or an inflected adjective before it: a noun's
        # phrase ("des Vereins", "abhängigen Rektorats").
        if lower in _DETERMINERS or (
            lower.endswith(_ADJECTIVE_ENDINGS) and lower not in _LINKS
        ):
            return False
        # A capitalised word before it: a noun ("Vereins Vorstand"), unless
        # a frequent word opens the sentence with it ("Über Kallweits").
        if before.value[:1].isupper() and not (
            _opens(before, at - 1) and looks.known(lower)
        ):
            return False
        if earlier is not None and earlier.value.lower() in _DETERMINERS:
            return False
    if _adjective(after.value):
        after = then if then is not None and then.gap == " " else None
    return (
        after is not None
        and after.value[:1].isupper()
        and not after.value.isupper()
        and looks.is_thing(after.value)
    )


# Endings of the German adjectives that stand before a noun.
_ADJECTIVE_ENDINGS = ("en", "em", "er", "es", "nde")
# Prepositions and conjunctions with such an ending ("über Kallweits").
_LINK_LIST = """
über unter hinter wider oder aber gegen wegen außer neben entgegen binnen
zwischen inmitten dagegen seitens
"""
_LINKS = frozenset(_LINK_LIST.split())
# Endings of a word in "s" that is no genitive of a name: Latin and Greek
# nouns and names ("Igelbus", "Panathinaikos"), plurals in "-es".
_NOT_GENITIVE = ("us", "os", "es", "ës", "ss")


def _opens_before_a_verb(words: Sequence[_Word], at: int, looks: _SurnameTest) -> bool:
    """Whether word ``at`` opens a sentence before a finite verb ("Kallweit
    war", "Kallweit studierte")."""
    word, after = words[at], _word(words, at + 1)
    if not _opens(word, at) or after is None or after.gap != " ":
        return False
    return after.value in _FINITE_VERBS or (
        after.value.islower()
        and after.value.endswith("te")
        and len(after.value) > 5
        and not looks.known(after.value)
    )


_FINITE_LIST = """
sagte sagt meinte meint erklärte erklärt betonte betont ergänzte ergänzt
war ist hat hatte wird wurde kann konnte muss musste soll sollte will wollte
darf durfte bleibt blieb gab gibt kam kommt ging geht sah sieht stand steht
nahm nimmt ließ lässt fand findet hielt hält zog trat starb sprach rief
gewann verlor wechselte spielte lebte arbeitete studierte
"""
_FINITE_VERBS = frozenset(_FINITE_LIST.split())


class _SurnameTest:
    """Whether a capitalised word may be a surname, with the answers kept
    (a text repeats its words)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        self._seen: dict[str, bool] = {}
        self._nouns: dict[str, bool] = {}

    @property
    def places(self) -> frozenset[str]:
        """The lexicon's one-word places."""
        return self._lexicon.places

    def known(self, value: str) -> bool:
        """Whether lower-case ``value`` is among German's frequent words."""
        return value in self._lexicon.frequent

    def is_thing(self, value: str) -> bool:
        """Whether capitalised ``value`` may be the noun a genitive name
        stands before: a German noun, or a word that is no place and no
        name ("Angaben", which the lexicon lacks; not "Athen")."""
        lower = value.lower()
        return lower not in self._lexicon.places and (
            self.is_noun(value) or lower not in self._lexicon.names
        )

    def _german_noun(self, value: str) -> bool:
        """Whether ``value`` is a German noun as
        :func:`gdprgate.detect.gate.german_noun` reads it, but with a
        compound's head of five letters or more: surnames end in short
        words that are no nouns ("weit" of "Kallweit", "acht")."""
        lexicon = self._lexicon
        parts = value.lower().split("-")

        def plain(part: str) -> bool:
            return lexicon.is_ordinary(part) and (
                not lexicon.frequencies or lexicon.frequency(part, "de") > 0
            )

        if any(plain(part) for part in parts):
            return True
        last = parts[-1]
        return len(last) >= 8 and any(
            plain(last[cut:]) for cut in range(3, len(last) - 4)
        )

    def is_noun(self, value: str) -> bool:
        """Whether ``value`` reads as a German noun."""
        noun = self._nouns.get(value)
        if noun is None:
            lower = value.lower()
            noun = (
                self._german_noun(value)
                or lower in self._lexicon.local_words
                or lower.endswith(_NOUN_ENDINGS)
                or self._lexicon.frequency(lower, "de") >= _NOUN_FREQUENCY
            )
            self._nouns[value] = noun
        return noun

    def __call__(self, value: str) -> bool:
        seen = self._seen.get(value)
        if seen is None:
            seen = self._may_be_surname(value)
            self._seen[value] = seen
        return seen

    def _may_be_surname(self, value: str) -> bool:
        lower = value.lower()
        if (
            len(value) < _SHORTEST
            or ("-" not in value and not value[1:].islower())
            or lower in TITLE_WORDS
            or is_role(lower)
            or lower in self._lexicon.places
            or lower in self._lexicon.frequent
        ):
            return False
        return not self.is_noun(value)
