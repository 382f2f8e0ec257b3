"""Turning Rampart's per-token probabilities into findings.

Pure functions, kept apart from the model so they can be tested on made-up
probabilities. The steps:

1. **Types.** The model scores ``B-`` and ``I-`` labels per token. Its
   ``B``/``I`` tags are unreliable on word pieces, so the two are summed into
   one probability per type (``GIVEN_NAME``, ``CITY``, ...) plus ``O``.
2. **Words.** Word pieces of one word (as the tokenizer's pre-tokenizer cut
   them: runs of letters and digits, or one punctuation mark) get the mean of
   their probabilities; the word takes the most likely type. A span therefore
   never starts or ends inside a word. A capitalised word the model leaves
   outside (``O``) is still a name part when the two name types together get
   :data:`NAME_FLOOR` and the caller's ``maybe_name`` accepts the word (the
   detector's: not an ordinary word, or a known name); the model is
   unsure of surnames it has not seen in running text ("distanzierte sich
   Moranek"). A caller's ``rescore`` (the name scorer of
   :mod:`gdprgate.detect.name_scorer`) overrules both for every word it
   judges: a word it gives 0.5 or more is a name part, any other takes the
   model's best type besides the name types.
3. **Parts.** Neighbouring words of the same type, with nothing or only
   spaces between them, become one part.
4. **Groups.** Name parts separated only by spaces, one hyphen or
   lower-case particles ("von", "de la", "dos") become one ``PERSON`` (a
   given name after a group's given name and surname starts the next
   person); address parts separated only by spaces, one comma or
   one line break become one ``LOCATION``. Other types map one to one (see
   :data:`ENTITY_NAMES`). Nothing is joined across any other text.

A finding's score is the mean of its words' probabilities, capped at
:data:`MAX_MODEL_SCORE` so a validated pattern (1.0) always wins an overlap.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from gdprgate.detect.finding import Finding
from gdprgate.detect.titles import TITLE_WORDS

MAX_MODEL_SCORE = 0.99
SOURCE = "rampart"
# The probability of the two name types together that makes a capitalised
# word the model left outside a name part (see step 2). Tuned on GermEval
# 2014 dev: PERSON recall 0.747 -> 0.800, precision 0.770 -> 0.731, F2
# 0.752 -> 0.785; the presidio-research synth, TAB dev and ECHR dev scores
# moved by at most 0.002.
NAME_FLOOR = 0.15

# Rampart's own types that are not names or address parts, and the
# Presidio-style entity each becomes. Presidio names its identifiers per
# country (US_PASSPORT, ...); the model does not tell the country, so the
# names below drop the prefix.
ENTITY_NAMES = {
    "EMAIL": "EMAIL_ADDRESS",
    "PHONE": "PHONE_NUMBER",
    "URL": "URL",
    "BANK_ACCOUNT": "IBAN_CODE",
    "ROUTING_NUMBER": "ABA_ROUTING_NUMBER",
    "TAX_ID": "TAX_ID",
    "GOVERNMENT_ID": "ID_NUMBER",
    "PASSPORT": "PASSPORT",
    "DRIVERS_LICENSE": "DRIVER_LICENSE",
}
NAME_PARTS = frozenset({"GIVEN_NAME", "SURNAME"})
ADDRESS_PARTS = frozenset(
    {"BUILDING_NUMBER", "STREET_NAME", "SECONDARY_ADDRESS", "CITY", "STATE", "ZIP_CODE"}
)
# An address group made only of these says too little to be a place on its
# own (a house number, "Apt 4", a postcode) and is dropped.
WEAK_ADDRESS_PARTS = frozenset({"BUILDING_NUMBER", "SECONDARY_ADDRESS", "ZIP_CODE"})

_SPACES = re.compile(r"[ \t\u00a0]*")
# Lower-case particles that join the parts of one name ("Pepe de la
# Matrona", "Maria da Silva"): the model often leaves them outside.
_PARTICLE = (
    r"(?:von|vom|van|de|di|da|du|do|dos|das|del|della|dei|degli|af|ten|ter)"
    r"(?:[ \t\u00a0]+(?:der|den|de|la|le|lo|los|las))?"
)
_NAME_GAP = re.compile(rf"[ \t\u00a0]+(?:{_PARTICLE}[ \t\u00a0]+)?|-|")
_ADDRESS_GAP = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*)?")
_EDGE_PUNCTUATION = " \t\r\n\u00a0.,;:!?\"'"
# Suffixes a full stop inside a name may follow, besides titles.
_SUFFIXES = frozenset({"jr", "sr", "st"})

FloatArray = npt.NDArray[np.float32]
# A second opinion on the words of a text (see
# :mod:`gdprgate.detect.name_scorer`): for each ``(start, end,
# probabilities)`` word, the probability that it is part of a name, or
# ``None`` to keep the model's choice. The third argument holds one row per
# word read from the model's hidden layer (see :func:`word_vectors`), or
# ``None`` when the model gives none.
Rescore = Callable[
    [str, Sequence[tuple[int, int, FloatArray]], FloatArray | None],
    Sequence[float | None],
]
# Which of a word's pieces its hidden-layer row is read from: ``"first"``
# (the first piece's) or ``"mean"`` (all of them, averaged). With the name
# scorer's probe (see :mod:`gdprgate.detect.name_probe`), held out on
# GermEval 2014 dev: candidate-word F1 0.829 (first) and 0.833 (mean).
HIDDEN_PIECES = "mean"
# The rescorer's probability that makes a word a name part.
RESCORE_THRESHOLD = 0.5


@dataclass
class Part:
    """Neighbouring words the model gave one type."""

    start: int
    end: int
    kind: str
    scores: list[float] = field(default_factory=list)


def label_types(id2label: dict[int, str]) -> tuple[list[str], FloatArray]:
    """Type names (``"O"`` first) and the matrix that sums labels into types.

    ``probabilities @ matrix`` turns a ``(tokens, labels)`` array into a
    ``(tokens, types)`` one where ``B-X`` and ``I-X`` are added up.
    """
    names = ["O"]
    for label in (id2label[index] for index in sorted(id2label)):
        kind = label[2:] if label[:2] in ("B-", "I-") else label
        if kind not in names:
            names.append(kind)

    matrix = np.zeros((len(id2label), len(names)), dtype=np.float32)
    for index, label in id2label.items():
        kind = label[2:] if label[:2] in ("B-", "I-") else label
        matrix[index, names.index(kind)] = 1.0
    return names, matrix


def decode_parts(
    text: str,
    offsets: Sequence[tuple[int, int]],
    word_ids: Sequence[int | None],
    type_probs: FloatArray,
    type_names: Sequence[str],
    maybe_name: Callable[[str], bool] | None = None,
    rescore: Rescore | None = None,
    hidden: FloatArray | None = None,
) -> list[Part]:
    """Steps 2 and 3: words from word pieces, then parts from words.

    ``maybe_name`` (a capitalised word) says whether a word the model left
    outside may still be a name part; ``None`` keeps the model's choice.
    ``rescore`` (see :data:`Rescore`), when given, decides instead of
    ``maybe_name`` for every word it gives a probability; ``hidden`` (one
    row per token, from the model's hidden layer) is handed to it per word.
    """
    given, surname = _name_columns(type_names)
    words = _words(offsets, word_ids, type_probs)
    opinions: Sequence[float | None] = [None] * len(words)
    if rescore is not None and given >= 0 and surname >= 0:
        vectors = None
        if hidden is not None:
            vectors = word_vectors(offsets, word_ids, hidden, HIDDEN_PIECES)
        opinions = rescore(text, words, vectors)
    parts: list[Part] = []
    for (start, end, probs), opinion in zip(words, opinions, strict=True):
        best = int(np.argmax(probs))
        kind, score = type_names[best], float(probs[best])
        if opinion is not None:
            named = _rescored(probs, opinion, type_names, given, surname)
            if named is None:
                continue
            kind, score = named
        elif best == 0:
            if maybe_name is None or given < 0 or surname < 0:
                continue
            mass = float(probs[given] + probs[surname])
            word = text[start:end]
            if mass < NAME_FLOOR or not maybe_name(word):
                continue
            kind = type_names[given if probs[given] >= probs[surname] else surname]
            # Above the default ``min_score`` (0.5), below a sure name.
            score = 0.5 + mass / 2

        last = parts[-1] if parts else None
        if kind in NAME_PARTS and _sentence_stop(text, start, end, last):
            continue
        if last and last.kind == kind and _SPACES.fullmatch(text, last.end, start):
            last.end = end
            last.scores.append(score)
        else:
            parts.append(Part(start, end, kind, [score]))
    return parts


def _sentence_stop(text: str, start: int, end: int, last: Part | None) -> bool:
    """Whether the word ``text[start:end]`` is a full stop that ends a
    sentence, not an initial's or a title's: a name part never runs on
    over it ("Sarah Connor. Connor said" is two mentions)."""
    if text[start:end] != ".":
        return False
    if last is None or last.end != start:
        return True
    before = text[last.start : last.end].split()[-1:]
    word = before[0] if before else ""
    lower = word.lower()
    return not (len(word) == 1 or lower in TITLE_WORDS or lower in _SUFFIXES)


def _rescored(
    probs: FloatArray,
    opinion: float,
    type_names: Sequence[str],
    given: int,
    surname: int,
) -> tuple[str, float] | None:
    """The type and score of a word the rescorer judged (``None``: outside).

    A name part the model called one scores the two name types together
    (a majority of the model's mass passes the default ``min_score``); one
    the model left outside scores ``0.5 + opinion / 2``. A word that is no
    name part takes the model's best other type.
    """
    best = int(np.argmax(probs))
    if opinion >= RESCORE_THRESHOLD:
        kind = given if probs[given] >= probs[surname] else surname
        if best in (given, surname):
            return type_names[kind], float(probs[given] + probs[surname])
        return type_names[kind], 0.5 + opinion / 2
    others = probs.copy()
    others[[given, surname]] = -1.0
    other = int(np.argmax(others))
    if other == 0:
        return None
    return type_names[other], float(probs[other])


def _name_columns(type_names: Sequence[str]) -> tuple[int, int]:
    """Where ``GIVEN_NAME`` and ``SURNAME`` sit among the types (-1: absent)."""
    names = list(type_names)
    given = names.index("GIVEN_NAME") if "GIVEN_NAME" in names else -1
    surname = names.index("SURNAME") if "SURNAME" in names else -1
    return given, surname


def _words(
    offsets: Sequence[tuple[int, int]],
    word_ids: Sequence[int | None],
    type_probs: FloatArray,
) -> list[tuple[int, int, FloatArray]]:
    """``(start, end, mean probabilities)`` of every word, in text order."""
    words: list[tuple[int, int, FloatArray]] = []
    for pieces in _word_pieces(offsets, word_ids):
        start = offsets[pieces[0]][0]
        end = max(offsets[i][1] for i in pieces)
        words.append((start, end, type_probs[pieces].mean(axis=0)))
    return words


def word_vectors(
    offsets: Sequence[tuple[int, int]],
    word_ids: Sequence[int | None],
    hidden: FloatArray,
    pieces: str = HIDDEN_PIECES,
) -> FloatArray:
    """One row of ``hidden`` (one row per token) for each word of
    :func:`_words`, in the same order: its first piece's row
    (``pieces="first"``) or the mean of its pieces' rows (``"mean"``)."""
    grouped = _word_pieces(offsets, word_ids)
    if not grouped:
        return np.zeros((0, hidden.shape[1]), dtype=np.float32)
    if pieces == "first":
        return hidden[[group[0] for group in grouped]]
    return np.stack([hidden[group].mean(axis=0) for group in grouped])


def _word_pieces(
    offsets: Sequence[tuple[int, int]], word_ids: Sequence[int | None]
) -> list[list[int]]:
    """The token indices of every word, in text order."""
    words: list[list[int]] = []
    first = 0
    for index in range(1, len(offsets) + 1):
        if index < len(offsets) and word_ids[index] == word_ids[first]:
            continue

        # Zero-width tokens (from normalisation) carry no text of their own.
        pieces = [i for i in range(first, index) if offsets[i][1] > offsets[i][0]]
        if pieces:
            words.append(pieces)
        first = index
    return words


def group_parts(text: str, parts: Sequence[Part]) -> list[Finding]:
    """Step 4: join names and addresses, map every group to an entity."""
    groups: list[list[Part]] = []
    for part in _trimmed(text, parts):
        previous = groups[-1][-1] if groups else None
        if (
            previous is not None
            and _joins(text, previous, part)
            and not _next_person(groups[-1], part)
        ):
            groups[-1].append(part)
        else:
            groups.append([part])

    findings = [_to_finding(text, group) for group in groups]
    return [finding for finding in findings if finding is not None]


def _next_person(group: Sequence[Part], part: Part) -> bool:
    """Whether a given name after a surname starts another person: in
    "traf Jonas Weber Anna Schmidt" the group has had its given name, so
    "Anna" begins the next one ("Anna Maria Weber" stays one)."""
    return (
        part.kind == "GIVEN_NAME"
        and group[-1].kind == "SURNAME"
        and any(earlier.kind == "GIVEN_NAME" for earlier in group)
    )


def _trimmed(text: str, parts: Sequence[Part]) -> list[Part]:
    """Parts without prose punctuation on their edges (``"6XE."``).

    Trimming before joining keeps a sentence's full stop from gluing the end
    of one address to whatever the next sentence starts with.
    """
    trimmed: list[Part] = []
    for part in parts:
        start, end = part.start, part.end
        while start < end and text[start] in _EDGE_PUNCTUATION:
            start += 1
        while end > start and text[end - 1] in _EDGE_PUNCTUATION:
            end -= 1
        if start < end:
            trimmed.append(Part(start, end, part.kind, part.scores))
    return trimmed


def _joins(text: str, left: Part, right: Part) -> bool:
    """Whether two neighbouring parts belong to one person or one address."""
    if left.kind in NAME_PARTS and right.kind in NAME_PARTS:
        return _NAME_GAP.fullmatch(text, left.end, right.start) is not None
    if left.kind in ADDRESS_PARTS and right.kind in ADDRESS_PARTS:
        return _ADDRESS_GAP.fullmatch(text, left.end, right.start) is not None
    return False


def _to_finding(text: str, group: Sequence[Part]) -> Finding | None:
    """The finding for one group, or ``None`` when it says too little."""
    kinds = {part.kind for part in group}
    if kinds <= NAME_PARTS:
        entity = "PERSON"
    elif kinds <= WEAK_ADDRESS_PARTS:
        return None
    elif kinds <= ADDRESS_PARTS:
        entity = "LOCATION"
    else:
        entity = ENTITY_NAMES.get(group[0].kind, group[0].kind)

    span = _clean_span(text, group[0].start, group[-1].end)
    if span is None:
        return None

    scores = [score for part in group for score in part.scores]
    score = min(sum(scores) / len(scores), MAX_MODEL_SCORE)
    return Finding(span[0], span[1], entity, score, SOURCE)


def _clean_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Strip prose punctuation off the edges and widen to whole words."""
    while start < end and text[start] in _EDGE_PUNCTUATION:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCTUATION:
        end -= 1

    while (
        0 < start < end
        and _is_word_char(text[start - 1])
        and _is_word_char(text[start])
    ):
        start -= 1
    while (
        start < end < len(text)
        and _is_word_char(text[end - 1])
        and _is_word_char(text[end])
    ):
        end += 1
    return (start, end) if start < end else None


def _is_word_char(char: str) -> bool:
    """Letters and digits of scripts that separate words with spaces."""
    return char.isalnum() and unicodedata.east_asian_width(char) not in ("W", "F")
