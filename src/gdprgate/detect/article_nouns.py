"""German nouns that a model read as a name: "die größte Chance".

German capitalises every noun, and Rampart reads many of them as names:
"die größte Chance", "der rechten Wade", "das reine Grausen", "beim
speziellen Strommix". Many are names in some language too ("Chance",
"Wade"), so the common-word filters keep them. What
tells the noun is the phrase it ends: an article or another determiner and
an inflected adjective between it and the word ("der rechten", "das
reine") or an ordinal ("der 3."). A person's name seldom stands there:
"der junge Müller" or "die umworbene Laura" do, but a given name is
left alone ("in der 3. Liga" stays masked: "Liga" is a given name), and so
are the adjectives that stand before people ("jung", "ehemalig",
"heilig" ...) and participles ("der amtierende", "der eingewechselte",
"der verletzte").

:func:`without_article_nouns` drops, in German text, each ``PERSON`` of one
word after such a phrase when the word is no given name of
:attr:`Lexicon.given`. A determiner without an adjective is not enough:
it is also a relative pronoun ("..., in dem Miss Marple ermittelt", "den
Blair ...") and a possessive before a pet name ("seiner Talea"). Other
languages are left alone: their nouns are not capitalised.

Only a neuter determiner ("das", "ins", "dieses", "jedes") or an ordinal
drops the word: no person is neuter. After "der", "die", "dem" or "des"
an adjective stands before a surname as often as before a noun, in
sports and local news above all ("der starke Kamara", "die fleißige Marx",
"dem wackeren Rottenbacher"), and no list of adjectives tells them apart
("glücklos", "kämpferisch", "schwanger"...). With every determiner the
rule unmasked 14 lone surnames in 300 hand-written texts (10 of them
alone, 4 with the name scorer's probe) to drop 4 nouns on GermEval dev
("die größte Chance", "der rechten Wade", "seines tauben Ohres", "das
reine Grausen"); narrowed it unmasks none of them and drops the last
(PERSON precision 0.832 -> 0.830, recall 0.902 unchanged).

Measured first on GermEval 2014 dev, with every determiner and the
detector's other rules on: PERSON
precision 0.811 to 0.816, recall 0.868 unchanged; the seven words dropped
were no person's (one was a place, "Im sicheren Argentan").
Tried and left out: a given name that is above all a German word ("Liga",
"Roman": so are "Hans" and "Klaus"); a noun joined by "und" to a German
noun ("Gitarre und Sitar": two words, one of them a place).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from gdprgate.detect.finding import Finding
from gdprgate.detect.gate import Lexicon
from gdprgate.detect.lists import SOURCE as DENY_SOURCE

# Languages whose article phrases the rule reads.
LANGUAGES = frozenset({"de"})

# Determiners, and the prepositions that hold an article.
_DETERMINERS = r"""
der die das den dem des ein eine einen einem einer eines
kein keine keinen keinem keiner keines
mein meine meinen meinem meiner meines dein deine deinen deinem deiner deines
sein seine seinen seinem seiner seines ihr ihre ihren ihrem ihrer ihres
unser unsere unseren unserem unserer unseres
dieser diese diesen diesem dieses jeder jede jeden jedem jedes
im ins am ans zum zur vom beim
"""
# Adjectives that stand before a person ("der junge Müller", "der heilige
# Petrus", "die gebürtige Schmidt"): their stems, in lower case. Present
# participles ("der amtierende", "den leidenden") count too: they tell
# what someone does.
_PERSON_ADJECTIVES = """
jung alt klein groß ehemalig früher damalig spät jetzig neu heilig selig
legendär berühmt bekannt verstorben verheiratet gebürtig designiert
umstritten jüngst ältest
"""
_PERSON_STEMS = tuple(_PERSON_ADJECTIVES.split())
_PARTICIPLE = re.compile(r"end(?:e|en|er|es|em)$")
# A past participle: "ge-" inside ("der eingewechselte", "der gesperrte")
# or an unstressed prefix ("der verletzte", "der entlassene"), then "-t" or
# "-en" before the ending. They tell what befell someone.
_PAST_PARTICIPLE = re.compile(
    r"^(?:\w*ge|be|ver|er|ent|zer|miss)\w*(?:t|en)(?:e|en|er|es|em)$"
)
_DETERMINER = "|".join(_DETERMINERS.split())
# An inflected adjective (lower case, ending in -e, -en, -er, -es or -em)
# or an ordinal ("3.").
_ADJECTIVE = r"(?:[a-zäöüß][a-zäöüß-]*(?:e|en|er|es|em)|\d{1,3}\.)"
_PHRASE = re.compile(rf"(?<![\w-])((?i:{_DETERMINER}))((?:\s+{_ADJECTIVE}){{1,3}})\s+$")
# Determiners of a neuter noun alone: no person's name follows them ("das
# reine Grausen", "ins kalte Wasser"). A masculine or feminine one, and
# "dem" or "des", stand before people as often as before nouns ("der
# starke Okonkwo", "die fleißige Marx", "dem wackeren Rottenbacher").
_NEUTER = frozenset({"das", "ins", "dieses", "jedes"})
_ORDINAL = re.compile(r"\d{1,3}\.")
_ONE_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_WORD = re.compile(r"\S+")


def without_article_nouns(
    text: str, findings: Iterable[Finding], language: str, lexicon: Lexicon
) -> list[Finding]:
    """``findings`` without each one-word ``PERSON`` that ends a German
    noun phrase; see the module."""
    found = list(findings)
    if language not in LANGUAGES:
        return found
    return [f for f in found if not _article_noun(text, f, lexicon)]


def _plain_word(value: str, finding: Finding, lexicon: Lexicon) -> bool:
    """Whether ``finding`` is a ``PERSON`` of one capitalised word, not
    deny-listed, and no given name."""
    return (
        finding.entity == "PERSON"
        and finding.source != DENY_SOURCE
        and _ONE_WORD.fullmatch(value) is not None
        and value[:1].isupper()
        and value.lower() not in lexicon.given
    )


def _article_noun(text: str, finding: Finding, lexicon: Lexicon) -> bool:
    """Whether ``finding`` is one capitalised word, no given name, after
    a determiner and an adjective that does not stand before people."""
    if not _plain_word(text[finding.start : finding.end], finding, lexicon):
        return False
    phrase = _PHRASE.search(text[max(0, finding.start - 80) : finding.start])
    if phrase is None:
        return False
    adjectives = [word.lower() for word in _WORD.findall(phrase.group(2))]
    ordinal = any(_ORDINAL.fullmatch(word) for word in adjectives)
    if phrase.group(1).lower() not in _NEUTER and not ordinal:
        return False
    return not any(
        adjective.startswith(_PERSON_STEMS)
        or "jährig" in adjective
        or _PARTICIPLE.search(adjective)
        or _PAST_PARTICIPLE.match(adjective)
        for adjective in adjectives
    )
