"""User names: social handles (``@name``, ``u/name``), values after a username
label and names after a user word ("for user jdoe", "für Benutzer
j.schaefer") or an author word ("posted by", "Gepostet von"), shaped like a
handle ("lisa_m_1994") or dotted in lower case ("Signed for by: a.hossain"),
and a dotted login right after a verb that takes a person ("ask j.doe",
"chiedi a l.ferri"), when an initial or a given name opens it.

A date or a time after the label is none: "Letzter Login: 2024-05-01 08:33"
tells when, not who. Neither are accounts that identify nobody (``root``,
``www-data``), ``@`` words that address everyone (``@channel``), package
scopes (``@acme/renderer``) or annotations (``@Test`` above a method).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from typing import ClassVar

from gdprgate.detect.context_words import CONTEXT_WORDS
from gdprgate.detect.patterns.accounts import is_account_of_nobody
from gdprgate.detect.patterns.base import FORMAT_SCORE, PatternRecognizer
from gdprgate.detect.patterns.scan import Feature, TextScan
from gdprgate.detect.patterns.user_words import (
    USER_WORD,
    is_ordinary_word,
    is_user_name_after,
    pattern_lexicon,
)

# The "@" comes before the look behind it, so that ``re`` jumps from one "@"
# to the next. A handle is taken whole with its dots and hyphens, in any
# script ("@älgmannen", "@jürgen_k"); one followed by "/" is a package scope
# ("@acme/renderer"), one followed by "(" an annotation or a decorator with
# arguments.
_HANDLE = re.compile(r"@(?<![\w@.+-]@)\w(?:[\w.-]{0,28}\w)?(?![\w@/(]|[.-]\w)")
# Keys of cookies and forms that hold a user name, besides the context
# words: "uname=torvald.eriksen".
_KEY_LABELS = ("uname", "user_name", "login_name")
_LABEL_WORDS = {word for words in CONTEXT_WORDS["username"].values() for word in words}
_LABELS = sorted(_LABEL_WORDS | set(_KEY_LABELS), key=len, reverse=True)
# A token shaped like a handle ("stefan_b_1984": letters, "_" and a digit)
# is a user name when a username word stands before it on its line
# ("Nutzername im Forum ist stefan_b_1984"), taken whole.
_SHAPED = re.compile(r"(?<![\w@.-])[^\W\d_][^\W_]*+_\w*?\d\w*+(?![@(]|[.-]\w)")
# Letters in lower case joined by dots, with no digit ("a.hossain",
# "priya.k"), are a login after a username or author word as well; not a
# file or a host ("notes.txt", "example.org"), not an abbreviation ("e.g",
# "i.e": no part longer than one letter) and not ordinary words alone
# ("build.bot").
_DOTTED = re.compile(r"(?<![\w@./-])[a-z]+(?:\.[a-z]+)+(?![\w@(/]|[.-]\w)")
_NO_LOGIN_END_TEXT = """
com org net edu gov io de fr es it nl pl pt se uk eu info biz txt log md py js
ts json yaml yml toml csv pdf doc docx xls xlsx html htm xml sh conf cfg ini exe
zip gz png jpg jpeg svg css sql bak env lock
"""
_NO_LOGIN_ENDS = frozenset(_NO_LOGIN_END_TEXT.split())
_LABEL_WORD = re.compile(
    r"(?<![^\W_])(?i:"
    + "|".join(re.escape(word) for word in sorted(_LABEL_WORDS, key=len, reverse=True))
    + r")(?![^\W_])"
)
_LABEL_REACH = 40
# Who wrote a post or signed for a parcel: a handle-shaped token after these
# is a user name as after a username word ("Gepostet von lisa_m_1994").
_AUTHOR_WORDS = (
    "posted by|signed for by|signed by|gepostet von|geschrieben von|publié par"
    "|publicado por|pubblicato da|geplaatst door|opublikowane przez"
    "|postado por|postat av|skrevet af|kirjoittanut"
)
_AUTHOR_WORD = re.compile(rf"(?<![^\W_])(?i:{_AUTHOR_WORDS}):?(?![^\W_])")
# Verbs that take a person, one line per language (en, de, fr, es, it, nl,
# pl, pt, sv), with the little word some of them need: a dotted login
# right after one is someone's ("ask j.doe", "frag m.berg", "chiedi a
# l.ferri"), with no user word before it.
_CONTACT_VERBS = r"""
ask|asked|tell|told|ping|pinged|cc|bcc|contact|contacted|e-?mail|e-?mailed
|message|dm|thanks|thank|thx|remind|cc:|bcc:
|frag|frage|fragt|fragen|kontaktiere|kontaktieren|schreib|danke
|demande\s+à|demandez\s+à|contacte|contactez|écris\s+à|merci
|pregunta\s+a|pregúntale\s+a|contacta\s+a|escribe\s+a|gracias
|chiedi\s+a|chiedere\s+a|contatta|scrivi\s+a|grazie
|vraag|vraag\s+het\s+aan|mail|bedankt
|zapytaj|napisz\s+do|dzięki
|pergunte\s+a|pergunta\s+a|contate|contacte|escreva\s+para|obrigado|obrigada
|fråga|kontakta|maila|tack
"""
_ADDRESSED_LOGIN = re.compile(
    rf"(?<![^\W_])(?i:{''.join(_CONTACT_VERBS.split())})[ \t]+"
    r"(?P<login>(?<![\w@./-])[a-z]+(?:\.[a-z]+){1,2}(?![\w@(/]|[.-]\w))"
)
# A Reddit user ("u/throwaway_renter22"), not inside a path or a URL.
_REDDIT_USER = re.compile(r"(?<![\w/.])u/[A-Za-z0-9][\w-]{2,19}(?![\w/])")
# "username: anna_k", "Benutzername = schmidt.a", '"login": "anna42"',
# "last_user=nora.finch" (a label may end a longer key).
_LABELLED = re.compile(
    r"(?<![^\W_])(?i:"
    + "|".join(re.escape(label) for label in _LABELS)
    + r")[\"']?\ ?[:=]\ ?[\"']?([\w][\w.@-]{1,62}[\w])(?![\w@(-]|\.\w)"
)
# A value with a digit, a dot, "_", "-" or "@" is shaped like a user name.
_LABELLED_SHAPE = re.compile(r"[\d._@-]")
# Values of code, not names: "user = await getUser()", "user = None".
_CODE_WORD_TEXT = "await false nil none null new self this true undefined"
_CODE_WORDS = frozenset(_CODE_WORD_TEXT.split())
# A date ("2024-05-01", "01.05.2024") or a time ("08:33" is cut at the colon).
_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")

# "@" words that address a whole channel, not one person.
_BROADCASTS = frozenset({"all", "channel", "everyone", "here", "room"})
# CSS and Sass at-rules are no handles either.
_AT_RULE_WORDS = """
    apply charset container each else extend font-face forward if import
    include keyframes layer media mixin namespace page return supports
    tailwind use
"""
_AT_RULES = frozenset(_AT_RULE_WORDS.split())
# What follows an annotation or a decorator: another one, or a declaration.
_DECLARATION = re.compile(
    r"[ \t]*(?:\n\s*)?(?:@\w|(?:abstract|async|class|const|def|enum|export|final"
    r"|fun|func|function|interface|internal|open|override|private|protected"
    r"|public|record|static|suspend|val|var|void)\b"
    r"|[A-Z]\w*(?:<[^>\n]*>)?[ \t]+\w+[ \t]*[(;=])"
)
_DOC_COMMENT = re.compile(r"[ \t]*(?:/\*\*|\*)[ \t]*\Z")


class UsernameRecognizer(PatternRecognizer):
    """``@handle`` mentions, values written after a username label and
    names after a user word."""

    name = "username"
    entity = "USERNAME"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (
        _HANDLE,
        _LABELLED,
        USER_WORD,
        _SHAPED,
        _DOTTED,
        _ADDRESSED_LOGIN,
        _REDDIT_USER,
    )
    explanation = (
        "an @handle, a value after 'username:' and its translations, or a "
        "name after 'for user', 'Benutzer', 'utilisateur' and their kind"
    )
    score = FORMAT_SCORE

    def patterns_for(self, scan: TextScan) -> Sequence[re.Pattern[str]]:
        """A handle needs an ``@``, a labelled value a ``:`` or ``=``."""
        patterns: tuple[re.Pattern[str], ...] = ()
        if Feature.AT_SIGN in scan.features:
            patterns += (_HANDLE,)
        if scan.features & (Feature.COLON | Feature.EQUALS_SIGN):
            patterns += (_LABELLED,)
        if Feature.DIGIT in scan.features:
            patterns += (_SHAPED,)
        return (*patterns, _DOTTED, _ADDRESSED_LOGIN, USER_WORD, _REDDIT_USER)

    def candidates(self, text: str, scan: TextScan) -> Iterator[tuple[int, int]]:
        """Spans the patterns match, without the handles that are no one's
        and the ordinary words after a user word ("user interface")."""
        label_ends: list[int] = []
        for pattern in self.patterns_for(scan):
            if pattern in (_SHAPED, _DOTTED) and not label_ends:
                label_ends = sorted(
                    word.end()
                    for words in (_LABEL_WORD, _AUTHOR_WORD)
                    for word in words.finditer(text)
                )
            for match in pattern.finditer(text):
                if pattern is _HANDLE:
                    if _is_handle(text, match.start(), match.end()):
                        yield match.span()
                elif pattern is _LABELLED:
                    if _is_labelled_name(match.group(1)):
                        yield match.span(1)
                elif pattern is _SHAPED:
                    yield from _after_label_word(text, match, label_ends)
                elif pattern is _DOTTED:
                    if _is_dotted_login(match.group()):
                        yield from _after_label_word(text, match, label_ends)
                elif pattern is _ADDRESSED_LOGIN:
                    if _is_addressed_login(match.group("login")):
                        yield match.span("login")
                elif pattern is _REDDIT_USER:
                    yield match.span()
                elif is_user_name_after(text, match):
                    yield match.span("name")

    def validate(self, value: str) -> bool:
        """Not an e-mail address (the e-mail recognizer takes those), nor a
        date, nor an account that identifies nobody."""
        return (
            "@" not in value[1:]
            and _DATE.fullmatch(value) is None
            and value.lower() not in _CODE_WORDS
            and not is_account_of_nobody(value)
        )


def _is_handle(text: str, start: int, end: int) -> bool:
    """Whether the ``@`` word at ``start`` names someone: not a broadcast,
    a CSS rule, a doc tag or an annotation above a declaration."""
    word = text[start + 1 : end].lower()
    if word in _BROADCASTS or word in _AT_RULES:
        return False

    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    if _DOC_COMMENT.fullmatch(before):
        return False
    return not (before.strip() == "" and _DECLARATION.match(text, end))


def _is_labelled_name(value: str) -> bool:
    """Whether the value after a label may be a user name: shaped like one
    ("anna_k", "schmidt.a") or no ordinary word ("login = 'enabled'",
    "account = 'checking'" are states and kinds)."""
    return _LABELLED_SHAPE.search(value) is not None or not is_ordinary_word(value)


def _is_dotted_login(value: str) -> bool:
    """Whether dotted lower-case letters may be a login: one part longer
    than a letter, an ending that is no file type or domain, and not words
    alone ("build.bot", "admin.team")."""
    parts = value.split(".")
    long_parts = [part for part in parts if len(part) > 1]
    return (
        bool(long_parts)
        and parts[-1] not in _NO_LOGIN_ENDS
        and not all(is_ordinary_word(part) for part in long_parts)
    )


def _is_addressed_login(value: str) -> bool:
    """Whether dotted lower-case letters after a verb that takes a person
    may be a login: an initial or a given name before the dot ("j.doe",
    "max.power"), or a dotted login by :func:`_is_dotted_login`; not a
    host or a call ("db.internal", "np.array")."""
    parts = value.split(".")
    if parts[-1] in _NO_LOGIN_ENDS or all(len(part) == 1 for part in parts):
        return False
    if len(parts[0]) == 1 or parts[0] in pattern_lexicon().given:
        return True
    return _is_dotted_login(value)


def _after_label_word(
    text: str, match: re.Match[str], label_ends: list[int]
) -> Iterator[tuple[int, int]]:
    """The span of ``match`` when a username word ends shortly before it,
    on its line and in its clause (``label_ends``: where every one ends)."""
    start = match.start()
    index = bisect.bisect_right(label_ends, start) - 1
    if index < 0 or start - label_ends[index] > _LABEL_REACH:
        return
    between = text[label_ends[index] : start]
    if not any(char in between for char in "\n,;()"):
        yield match.span()
