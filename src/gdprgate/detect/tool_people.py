"""Where a word that names a tool stands as a person.

:mod:`gdprgate.detect.software` drops tools read as people ("Kafka",
"Jenkins") but never a word in a person's position: after a title, a
greeting, "by", "from", "tell", "ask", "ping" or a role ("reviewer:
Hudson"), before a verb of saying, at the start of a chat line as its
speaker ("Jenkins: done"), in a roster ("Jenkins (backend)") or next to a
phone number.
"""

from __future__ import annotations

import re

from gdprgate.detect.greetings import GREETING_WORDS
from gdprgate.detect.speakers import SPEECH_VERBS
from gdprgate.detect.titles import TITLE_WORDS

# Words right before a name that make it a person's (lower case).
_BEFORE_LIST = """
by from tell ask asked ping pinged cc call called email mail message contact
thank thanks user owner owners assignee assigned reviewer reviewers author
patient colleague colleagues admin manager lead engineer developer
von durch bei für par por door av przez
"""
PERSON_BEFORE = frozenset(_BEFORE_LIST.split()) | GREETING_WORDS
# Little words between a greeting and a name ("thanks to Salt").
_TO_WORDS = frozenset({"to", "a", "à", "an"})
_WORD = re.compile(r"[^\W\d_]+")
# At a line's start, after an optional time stamp: a chat speaker's slot.
# How far back the head of a line is looked for before a speaker.
_LINE_REACH = 256
_LINE_START = re.compile(
    r"(?:^|\n)[ \t]*(?:\[[^\]\n]{1,25}\][ \t]*|\d{1,2}:\d{2}[ \t]*)?\Z"
)
# A phone number: seven digits or more, spaces and dashes between.
_PHONE = re.compile(r"\+?\d(?:[ \t\-/]?\d){6,}")
_PHONE_REACH = 40


def person_position(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` of ``text`` stands where a person
    does (see the module's docstring)."""
    before = _WORD.findall(text[max(0, start - 40) : start].lower())
    if before and (before[-1] in PERSON_BEFORE or before[-1] in TITLE_WORDS):
        return True
    if len(before) > 1 and before[-1] in _TO_WORDS and before[-2] in GREETING_WORDS:
        return True

    after = text[end : end + 20].split()
    if after and after[0].strip(".,;:!?").lower() in SPEECH_VERBS:
        return True
    # The line's head lies a few characters back: a bounded search, not one
    # over all the text before (quadratic in a chat of many speakers).
    if text[end : end + 1] == ":" and _LINE_START.search(
        text, max(0, start - _LINE_REACH), start
    ):
        return True
    if re.match(r"[ \t]*\(", text[end : end + 3]):
        return True
    return _near_phone(text, start, end)


def _near_phone(text: str, start: int, end: int) -> bool:
    """Whether a phone number stands on the name's line close to it."""
    # Only the reach around the name is read: bounded, so linear in a long
    # line of names.
    line_start = text.rfind("\n", max(0, start - _PHONE_REACH), start) + 1
    line_end = text.find("\n", end, end + _PHONE_REACH)
    line_end = len(text) if line_end < 0 else line_end
    near = (
        text[max(line_start, start - _PHONE_REACH) : start]
        + " "
        + text[end : min(line_end, end + _PHONE_REACH)]
    )
    return bool(_PHONE.search(near))
