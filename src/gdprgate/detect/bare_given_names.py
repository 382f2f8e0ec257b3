"""Given names that stand alone: in lower case in a chat message ("die
lisa kommt auch", "raga stasera da marco?"), or as the subject that opens
a sentence ("Sem is vandaag ziek", "Jakub jest chory.").

Neither has a surname beside it, and the model lets many pass: in lower
case nothing marks a name, and a capital at a sentence's start marks
every word. The name is known all the same, when it is a given name of
the lexicon (or of :data:`gdprgate.detect.common_names.MORE_GIVEN`) and
no everyday word of the text's language (see :func:`everyday`): "lisa",
"daan", "kalle", "gigi"; not "ben" or "will" (Dutch "ben" and English
"will" are verbs), "fede" (Italian "faith", and the wedding ring), a
month, a place ("till lund") or, in English, a common-word name ("mark",
"rose", "hope"; see :data:`gdprgate.detect.common_names.COMMON_WORD_NAMES`).

- :func:`lower_given_names`: a given name in lower case right after a
  word of the text's language that takes a person: a preposition ("mit",
  "tegen", "da", "till", "avec"), the article that Italian, Spanish,
  Portuguese and spoken German put before a name ("la", "il", "die"), a
  greeting ("tjena", "slt") or an introduction ("c'est", "det är", "hier
  ist"). German is here in any text: German capitalises its nouns, so a
  German chat message written with them ("Kannst du lisa sagen, dass das
  Spiel ausfällt?") is no text without case (see
  :func:`gdprgate.detect.gate.caseless`), and its names in lower case were
  read like words (29 of 30 common given names leaked in that frame).
- :func:`opening_given_names`: a capitalised given name that opens a
  sentence or a clause (after a comma) and is followed by a word in lower
  case, its verb. English is left to
  :mod:`gdprgate.detect.addressed_names` there, where a verb only people
  take makes a common-word name a person ("Hope is on leave").
- :func:`initialled_given_names`: a capitalised given name and the
  initial of a surname at the end of a signature or an item ("— Graça
  M., Setúbal").
"""

from __future__ import annotations

import re

from gdprgate.detect.common_names import COMMON_WORD_NAMES, MORE_GIVEN
from gdprgate.detect.finding import Finding
from gdprgate.detect.gate import Lexicon

BARE_SCORE = 0.7
LOWER_SOURCE = "lower-given"
OPENING_SOURCE = "opening-given"
INITIALLED_SOURCE = "initialled-given"

# A word this frequent (Zipf scale) in the text's language, and an
# ordinary word of the lexicon, is that word: Dutch "ben" (6.5), Italian
# "fede" (5.0), English "will"; not Dutch "sem" (3.5), Portuguese for
# "without".
EVERYDAY_ZIPF = 4.5
# Shortest given name that counts ("bo", "al" and "ed" are words too).
MIN_LENGTH = 3

# Words before a given name in lower case that make it a person, per
# language; a space stands for any run of blanks.
_BEFORE_LIST = {
    "en": "with|from|hi|hey|hello|dear|this is|it's|it is|i'm",
    "de": (
        "mit|bei|an|für|von|vom|zu|die|der|den|dem|du|sag|sagt|frag|fragt|ist"
        "|hier ist|hallo|hi|hey|servus|moin|liebe|lieber|grüße an|gruß an"
    ),
    "fr": (
        "c'est|c’est|à|a|avec|chez|de|pour|salut|slt|coucou|bonjour|cc"
        "|chère|cher|moi c'est|moi c’est"
    ),
    "es": "a|la|el|con|de|del|al|para|soy|hola|querida|querido",
    "it": ("da|con|a|la|il|lo|per|di|dal|dalla|al|alla|col|sono|ciao|caro|cara"),
    "nl": "tegen|met|bij|aan|van|voor|zeg|vraag|hier is|dit is|hoi|hallo|hey",
    "pl": (
        "z|ze|do|dla|u|od|to|tu|jestem|cześć|hej|powiedz|powiedzieć|zapytaj"
        "|zapytać|przekaż"
    ),
    "pt": "com|para|ao|à|sou|oi|olá",
    "sv": "till|med|hos|åt|från|för|är|hej|tjena|hallå|kära",
}


def _before(words: str) -> re.Pattern[str]:
    """The words of ``words`` ("a|b c") right before a position, each a
    whole word, then blanks (and, after a greeting, a comma)."""
    alternatives = words.replace(" ", r"[ \t]+")
    return re.compile(
        rf"(?<![\w'’-])(?:{alternatives})(?:[ \t]*,)?[ \t]+\Z", re.IGNORECASE
    )


_BEFORE = {language: _before(words) for language, words in _BEFORE_LIST.items()}
_LOOKBACK = 24
_WORD = re.compile(r"(?<![\w'’@#/\\.-])[^\W\d_]+(?![\w'’@-])")
# Words that join a name to what follows rather than a verb: "Flora und
# Fauna", "Earl of Totnes".
_JOINING = frozenset(
    ["und", "and", "et", "e", "y", "i", "och", "en", "oder", "or", "ou", "o", "of"]
)
# The word after the name (its verb when in lower case).
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")
# A sentence or a clause opens before a position: the text's start, or
# ".", "!", "?", ":", ",", ";" or a line break, then blanks and quotes.
_OPENS = re.compile(r"(?:^|(?<!\d)[.!?:;,\n])[ \t\"'“„«(\[]*\Z")
# Given names that are everyday words of a language, which its word
# frequencies cannot tell apart from names: "die rose", "mit ernst", "al
# mare", "la rosa". English has those of
# :data:`gdprgate.detect.common_names.COMMON_WORD_NAMES` and
# :data:`_EVERYDAY_EN_LIST`. The lexicon's words leave out every name, so a word
# frequent in one language and a name elsewhere must be listed here: the
# lines after the first of each language hold such words, each frequent in
# its language (Zipf 4 or more) and far less so in the others ("versie",
# "solange", "levar", "jorden", "la vera storia", "c'est beau"); names
# mostly used as names there ("Toon", "Ángel", "Grazia", "Leone") are not.
_EVERYDAY_LIST = {
    "de": (
        "rose rosa mark ernst heide frank liebe wolf engel sommer winter christ"
        " solange naja tor tore osten reine klare kenn wirt saal lupe kiefer"
        " fügen ferne eimer döner brennen hellen olympia"
    ),
    "fr": (
        "rose violette marguerite aurore espérance constance prudence blanche"
        " france marine reine claire olive victoire jolie amie constant"
        " clément désiré aimé sage"
        " beau signe noël mari maire lois demi clair rares paye mignon jure"
        " joli franc fleur destin chante asie talon savon romaine normand"
        " liban finis engin deviner aimable vit sol lance"
    ),
    "es": (
        "rosa paz luz sol dolores consuelo soledad pilar rocío mercedes"
        " esperanza victoria gloria blanca estrella remedios caridad alba"
        " domingo salud cielo santos reina amparo clemente modesto justo alma"
        " isla verla tránsito risa refugio nena gracia felicidad dulce dejan"
        " cierra charla bienvenida viera verle veis rollo pluma orilla nacer"
        " miro miran gustas gallego elige desean cordero calla brinda toma"
        " santa rico reino mira ido luna cruz don sierra tono reyes"
    ),
    "it": (
        "mare rosa fede vittoria gioia felice domenica stella luce speranza"
        " marina viola gemma bianca serena celeste franco sole alba aurora"
        " primavera fortunata pelle cari amico giovani"
        " vera siti mette manca lotta aria veda vada retta pietra palle"
        " merita gusti greca basi amare vernice valere stanca resi panini"
        " metta lode letta esteri fedele desiderio benvenuto netta carri cori"
        " esco abbi beato darci mandi frode drago delfino fiamma santa cielo"
        " tono marcia"
    ),
    "nl": (
        "roos hoop"
        " versie redden lieve erin roze olie oren missie gaven boel blanke gok"
        " emmer adem reet jas kent"
    ),
    "pl": (
        "róża wiktoria jagoda kalina malina wiosna idę idą jaka mieszka masa celem"
        " sami obie macie dawna traci rana pada marzenie jasna dania londyn"
        " kara winny winni willa tempie sile kole kody goli grania dary dawne"
        " hali stan mile metod marcu"
    ),
    "pt": (
        "clara luz paz rosa vitória franco glória graça sol lua dores flor"
        " aurora estrela fé esperança alegria branca celeste socorro piedade"
        " conceição amparo serena bela neve pérola violeta margarida"
        " levar nele gosta vira tia nela leia daria anel lute grega gajo erva"
        " valer linda liga alma toma santa rico reino"
    ),
    "sv": (
        "björn sten stig örn maj linnea osten"
        " spela talat reda leta leda jorden illa bror antal stilla rena lura"
        " lova lita valda vagn rida lera kyla kylan manus gul etta elden burk"
        " anka afton vit sol ica kristen"
    ),
}
# English words the lexicon has as given names only, beside the common-word
# names ("with age", "it's lucky", "from floor three", "with tea").
_EVERYDAY_EN_LIST = """
age lucky floor toy marry loan lawyer joke harm governor charity autumn
treasure theres shade pleasant nail lone ivory infant harsh gauge danish
cord bliss blessing baptist tea lady german india israel urban
"""
_EVERYDAY = {
    language: frozenset(words.split()) for language, words in _EVERYDAY_LIST.items()
}
_EVERYDAY["en"] = COMMON_WORD_NAMES | frozenset(_EVERYDAY_EN_LIST.split())
_CALENDAR_LIST = """
january february march april may june july august september october
november december januar februar märz mai juni juli oktober dezember
avril juin juillet août mars abril mayo junio julio agosto aprile
maggio giugno luglio
"""
_CALENDAR = frozenset(_CALENDAR_LIST.split())


def everyday(lower: str, language: str, lexicon: Lexicon) -> bool:
    """Whether lower-cased ``lower`` is an everyday word in ``language``
    (see the module doc and :data:`_EVERYDAY_LIST`) or a month: no given
    name alone, then."""
    if lower in _CALENDAR or lower in _EVERYDAY.get(language, ()):
        return True
    return (
        lower in lexicon.words and lexicon.frequency(lower, language) >= EVERYDAY_ZIPF
    )


def _given(lower: str, language: str, lexicon: Lexicon) -> bool:
    """Whether lower-cased ``lower`` is a given name alone (see the module
    doc)."""
    return (
        len(lower) >= MIN_LENGTH
        and (lower in lexicon.given or lower in MORE_GIVEN)
        and not everyday(lower, language, lexicon)
    )


def lower_given_names(
    text: str, language: str, lexicon: Lexicon, without_case: bool
) -> list[Finding]:
    """Every given name of ``text`` in lower case after a word that takes
    a person (see the module doc); in a text ``without_case`` (``text`` is
    then its recased view, where plain names are capitalised) in any case.
    Only in a text without case or in German."""
    before = _BEFORE.get(language)
    if before is None or not (without_case or language == "de"):
        return []
    found: list[Finding] = []
    for match in _WORD.finditer(text):
        word = match.group()
        if not without_case and not word.islower():
            continue
        lower = word.lower()
        if len(lower) != len(word) or not _given(lower, language, lexicon):
            continue
        start = match.start()
        if before.search(text, max(0, start - _LOOKBACK), start) is None:
            continue
        found.append(Finding(start, match.end(), "PERSON", BARE_SCORE, LOWER_SOURCE))
    return found


def opening_given_names(
    text: str, language: str, lexicon: Lexicon, without_case: bool = False
) -> list[Finding]:
    """Every capitalised given name of ``text`` that opens a sentence or a
    clause and is followed by a word in lower case (see the module doc);
    none in English. In a text ``without_case`` (``text`` is then its
    recased view, where a sentence's first word is in lower case) the name
    may be in lower case. Only in the nine languages of the lexicon."""
    if language == "en" or language not in _BEFORE:
        return []
    found: list[Finding] = []
    for match in _WORD.finditer(text):
        word = match.group()
        if len(word) > 1 and not word[1:].islower():
            continue
        if not (word[0].isupper() or without_case):
            continue
        start, end = match.span()
        lower = word.lower()
        if not _given(lower, language, lexicon) or lower in lexicon.places:
            continue
        if _OPENS.search(text, max(0, start - 8), start) is None:
            continue
        after = _NEXT_WORD.match(text, end)
        if after is None or not after.group(1).islower() or after.group(1) in _JOINING:
            continue
        found.append(Finding(start, end, "PERSON", BARE_SCORE, OPENING_SOURCE))
    return found


# A given name and the initial of a surname, at the end of a signature or
# a list item: "— Graça M., Setúbal", "Sven K.".
_INITIALLED = re.compile(
    r"(?<![\w'’@#/\\.-])(?P<given>[^\W\d_][^\W\d_A-Z]+)[ \t]+[A-ZÀ-ÖØ-Þ]\."
    r"(?=[ \t]*(?:[,;)\r\n]|[—–-][ \t]|\Z))"
)


def initialled_given_names(text: str, language: str, lexicon: Lexicon) -> list[Finding]:
    """Every capitalised given name of ``text``, everyday word or not (a
    word takes no initial), followed by one initial and its full stop,
    where a comma, a bracket, a dash or the line's end follows: a name
    signed short ("— Graça M., Setúbal"). Only in the nine languages of
    the lexicon."""
    if language not in _BEFORE:
        return []
    found: list[Finding] = []
    for match in _INITIALLED.finditer(text):
        given = match.group("given")
        lower = given.lower()
        if (
            not given[0].isupper()
            or lower in _CALENDAR
            or not (lower in lexicon.given or lower in MORE_GIVEN)
        ):
            continue
        found.append(
            Finding(match.start(), match.end(), "PERSON", BARE_SCORE, INITIALLED_SOURCE)
        )
    return found
