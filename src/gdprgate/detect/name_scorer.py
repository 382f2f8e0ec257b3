"""A second opinion on every word that might be part of a name.

Rampart reads text in lower case, and in German (where every noun is
capitalised) it calls many nouns names ("Forscher", "Anteil") while it
leaves famous surnames it has not seen near zero ("Röttgen", "Obama"). The
scorer looks at each *candidate* word (a capitalised word, or one the model
calls a name part) with what the model cannot see: capitals, the position
in the sentence, the lexicon (ordinary word, known name, given name, the
head of a compound noun, how frequent the word is in the text's language
and in the lexicon's other languages: a famous surname is about as
frequent everywhere, a noun at home only), a title or role word before it ("Kanzlerin",
"Herr", "Trainer", and German compounds ending in a role: "Finanzminister",
"Bäderleiter"; GermEval dev PERSON recall 0.850 -> 0.851), a given name
before it, a genitive "s" after a known name, and the model's own name
and place probabilities for the word and its neighbours.

A logistic regression (the weights in :data:`WEIGHTS`, numpy only) turns
these features into the probability that the word is part of a person's
name. It was fitted on the GermEval 2014 dev split (German news and
Wikipedia) with five-fold cross-validation inside that split choosing the
features, the L2 penalty and the threshold; no text of the data set is
kept, only the weights below, and the feature names say what each weight
reads. The threshold is folded into the bias: a word is a name part when
its probability reaches 0.5. ``bench/train_name_scorer.py`` refits them.

Held out (five folds), the candidate words of GermEval dev went from
precision 0.687 / recall 0.779 (the model and ``NAME_FLOOR``) to 0.780 /
0.826 at the chosen threshold (0.3, L2 penalty 1.0), and to 0.782 / 0.854
with the two frequencies (penalty 0.1 did as well held out, 0.787 / 0.856,
but with far larger weights on rare features; the scorer also reads
languages it was not fitted on). Word
endings (hashed letter n-grams), word-piece counts, organisation words
and a genitive-before-noun rule each moved the held-out F1 by 0.005 or
less, and were left out. The model's last hidden layer did better (F1
0.822 -> 0.833 held out): where the model hands it over, German, Spanish
and French text is scored with the weights of
:mod:`gdprgate.detect.name_probe` instead.

The scorer decides only for candidates: a lower-case word the model left
outside stays outside. Profiles of the words seen are kept (up to
:data:`KNOWN_WORDS`), so a word costs its lexicon look-ups once. See
:func:`name_probabilities`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from gdprgate.detect.gate import NAME_PARTICLES, Lexicon
from gdprgate.detect.titles import title_run_start

if TYPE_CHECKING:
    from gdprgate.detect.name_probe import Probe

FloatArray = npt.NDArray[np.float32]

# Words that stand right before a person's name: titles, offices, roles,
# kinship. Lower case; one line per language (de, en, fr, es/pt, it/nl, sv).
_ROLE_LIST = """
herr herrn frau fräulein dr prof kanzler kanzlerin bundeskanzler
bundeskanzlerin präsident präsidentin bundespräsident minister ministerin
ministerpräsident bürgermeister bürgermeisterin trainer trainerin kapitän
sänger sängerin schauspieler schauspielerin regisseur autor autorin
kollege kollegin vater mutter bruder schwester sohn tochter onkel tante
papst könig königin kaiser kaiserin fürst graf gräfin herzog prinz
prinzessin bischof pfarrer genosse chef chefin sprecher sprecherin
geschäftsführer vorsitzende vorsitzender abgeordnete abgeordneter
senator stürmer torwart spieler spielerin anwalt richter richterin
mr mrs ms miss sir lady lord president minister chancellor coach
mayor judge king queen prince princess pope father mother brother sister
son daughter uncle aunt senator governor captain singer actor actress
m mme mlle monsieur madame président ministre roi reine père mère fils
fille juge maître
sr sra don doña señor señora presidente ministro ministra rey reina
padre madre hijo hija juez senhor senhora dona filho filha
signor signora dott re regina meneer mevrouw heer
herr fru kung drottning statsminister ministern presidenten kungen
"""
ROLE_WORDS = frozenset(_ROLE_LIST.split())
# Heads of German compound roles ("Finanzminister", "Bäderleiter",
# "Fußball-Experte", "Parteikollegen").
_ROLE_HEADS = (
    "minister",
    "ministerin",
    "präsident",
    "präsidentin",
    "trainer",
    "trainerin",
    "sprecher",
    "sprecherin",
    "leiter",
    "leiterin",
    "direktor",
    "direktorin",
    "experte",
    "expertin",
    "kollege",
    "kollegen",
    "kollegin",
    "vorsitzende",
    "vorsitzender",
    "kandidat",
    "kandidatin",
    "meister",
    "meisterin",
    "anwalt",
    "anwältin",
    "richter",
    "richterin",
    "manager",
    "managerin",
    "kapitän",
    "stürmer",
    "spieler",
    "spielerin",
    "sekretär",
    "sekretärin",
    "kommissar",
    "kommissarin",
)


def is_role(lower: str) -> bool:
    """Whether lower-cased ``lower`` is a role word, or a German compound
    ending in one ("finanzminister", "fußball-experte")."""
    return lower in ROLE_WORDS or (len(lower) > 8 and lower.endswith(_ROLE_HEADS))


# Little words that join the parts of one name ("Ludwig van Beethoven").
PARTICLES = NAME_PARTICLES
# Lower-case words inside a name that a model may call a name part and
# that stay in it: the particles and the Arabic and Portuguese links ("Ali
# al-Nuaimi", "Ali bin Hassan", "Maria do Carmo").
NAME_LINKS = NAME_PARTICLES | frozenset(
    {"al", "el", "bin", "ibn", "ben", "bint", "abu", "do", "dos", "das", "e", "y"}
)
# Articles and prepositions: in German, a name rarely takes an article,
# and a place often follows a preposition.
_ARTICLE_LIST = """
der die das den dem des ein eine einer eines einem einen the a an le la les
un une el los las una il lo gli o os um uma en ett het
"""
ARTICLES = frozenset(_ARTICLE_LIST.split())
_PREPOSITION_LIST = """
in im nach aus bei beim am an zum zur vom gegen über durch
to from at into par pour en dans à au aux em no na para por på till från
"""
PREPOSITIONS = frozenset(_PREPOSITION_LIST.split())
# Endings of abstract and collective nouns, never of a name.
_NOUN_SUFFIXES = (
    "ung",
    "heit",
    "keit",
    "schaft",
    "tion",
    "ismus",
    "ität",
    "nis",
    "tum",
    "chen",
    "lein",
    "ungen",
    "ismo",
    "ção",
    "dade",
    "ering",
    "ande",
    "ment",
)
_QUOTES = "\"'„“”‚‘’«»‹›([{"
_CLOSING = "\"'’”)]»"
_MARKS = _QUOTES + _CLOSING
_SENTENCE_ENDS = ".!?:;…"
_SPACES = " \t\u00a0"

# What the model said of the word and its neighbours.
MODEL_FEATURES = (
    "name_logit",
    "name_prob",
    "place_prob",
    "other_prob",
    "model_name",
    "previous_name_prob",
    "next_name_prob",
)
# The word's shape and what the lexicon knows of it.
WORD_FEATURES = (
    "lower_case",
    "all_capitals",
    "short",
    "digit",
    "ordinary",
    "common",
    "known_name",
    "given_name",
    "genitive_of_name",
    "compound_head",
    "noun_suffix",
    "role_word",
    "home_frequency",
    "foreign_frequency",
)
# The words and marks around it.
CONTEXT_FEATURES = (
    "sentence_start",
    "previous_capital",
    "next_capital",
    "previous_lower",
    "next_lower",
    "previous_given",
    "next_given",
    "next_capital_unknown",
    "previous_capital_noun",
    "role_before",
    "particle_before",
    "article_before",
    "preposition_before",
    "quote_before",
    "hyphen_after",
    "particle_in_name",
)
FEATURES = (
    "bias",
    *MODEL_FEATURES,
    *WORD_FEATURES,
    *CONTEXT_FEATURES,
    "ordinary_x_name_prob",
    "start_x_ordinary",
)
# Fitted weights, one per feature (see the module doc).
# BEGIN WEIGHTS
WEIGHTS: dict[str, float] = {
    "bias": 1.3412,
    "name_logit": 2.3286,
    "name_prob": -1.0152,
    "place_prob": -0.2881,
    "other_prob": -0.0363,
    "model_name": -0.2206,
    "previous_name_prob": 0.4343,
    "next_name_prob": 0.0197,
    "lower_case": -2.5975,
    "all_capitals": -1.8792,
    "short": 1.7433,
    "digit": 0.7628,
    "ordinary": -0.3925,
    "common": -0.3476,
    "known_name": 0.8624,
    "given_name": 1.4113,
    "genitive_of_name": 0.7835,
    "compound_head": -1.0211,
    "noun_suffix": -0.5414,
    "role_word": -0.0208,
    "home_frequency": -2.7164,
    "foreign_frequency": 1.3978,
    "sentence_start": 0.6871,
    "previous_capital": 0.1581,
    "next_capital": -0.1945,
    "previous_lower": 0.1010,
    "next_lower": -0.3687,
    "previous_given": 2.4772,
    "next_given": -0.9681,
    "next_capital_unknown": 0.6672,
    "previous_capital_noun": -0.5974,
    "role_before": 2.2821,
    "particle_before": -0.2447,
    "article_before": -0.9453,
    "preposition_before": -0.8011,
    "quote_before": -0.6784,
    "hyphen_after": -0.3626,
    "particle_in_name": 0.0000,
    "ordinary_x_name_prob": 0.2068,
    "start_x_ordinary": -1.2207,
}
# END WEIGHTS

# ``(start, end, type probabilities)`` of one word, as ``decode_parts``
# hands it over.
WordProbs = tuple[int, int, FloatArray]
FloatMatrix = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Columns:
    """Where the scorer's types sit among the model's type columns."""

    given: int
    surname: int
    places: tuple[int, ...]
    others: tuple[int, ...]


def columns(type_names: Sequence[str], places: frozenset[str]) -> Columns | None:
    """The columns of ``type_names``; ``None`` without both name types."""
    names = list(type_names)
    if "GIVEN_NAME" not in names or "SURNAME" not in names:
        return None
    given, surname = names.index("GIVEN_NAME"), names.index("SURNAME")
    place = tuple(i for i, name in enumerate(names) if name in places)
    other = tuple(
        i for i in range(1, len(names)) if i not in place and i not in (given, surname)
    )
    return Columns(given, surname, place, other)


def feature_matrix(
    text: str,
    words: Sequence[WordProbs],
    cols: Columns,
    lexicon: Lexicon,
    known: dict[tuple[str, str], Profile] | None = None,
    language: str = "",
) -> tuple[list[int], FloatMatrix]:
    """The candidates among ``words`` of a ``language`` text and one row of
    :data:`FEATURES` each.

    A candidate is a word that starts with a capital letter, or one the
    model calls a name part. ``known`` keeps the profiles of words already
    seen (see :class:`Profile`) from call to call.
    """
    if not words:
        return [], np.zeros((0, len(FEATURES)))
    probs = np.stack([probs for _, _, probs in words])
    best = probs.argmax(axis=1)
    called = ((best == cols.given) | (best == cols.surname)).tolist()
    values = [text[start:end] for start, end, _ in words]
    # A lower-case particle the model puts in a name ("Pieter van den
    # Heuvel") keeps the model's choice: the scorer, trained on news text
    # where such names are rare, would cut the name in two.
    candidates = [
        index
        for index, value in enumerate(values)
        if value[:1].isalpha()
        and (value[0].isupper() or called[index])
        and not (called[index] and value in PARTICLES)
    ]
    matrix = np.zeros((len(candidates), len(FEATURES)))
    if not candidates:
        return candidates, matrix

    previous, following = _neighbours(text, words, values)
    starts = _sentence_starts(values)
    matrix[:, 0] = 1.0
    model = 1 + len(MODEL_FEATURES)
    matrix[:, 1:model] = _model_block(probs, cols, candidates, previous, following)
    known = {} if known is None else known
    nobody = _profile("", language, lexicon, known)
    rows = []
    for index in candidates:
        before, after = (
            _profile(values[other], language, lexicon, known) if other >= 0 else nobody
            for other in (previous[index], following[index])
        )
        own = _profile(values[index], language, lexicon, known)
        start, end = words[index][0], words[index][1]
        rows.append(
            [
                *own.own,
                float(starts[index]),
                before.capital,
                after.capital,
                before.lower_case,
                after.lower_case,
                before.capital_given,
                after.capital_given,
                after.capital_unknown,
                before.capital_noun,
                before.role,
                before.particle,
                before.article,
                before.preposition,
                float(start > 0 and text[start - 1] in _QUOTES),
                float(text[end : end + 1] == "-"),
                float(
                    own.particle > 0
                    and before.capital > 0
                    and (after.capital > 0 or after.particle > 0)
                ),
            ]
        )
    matrix[:, model : len(FEATURES) - 2] = rows
    _frequencies_beside_names(matrix)
    ordinary = matrix[:, FEATURES.index("ordinary")]
    matrix[:, -2] = ordinary * matrix[:, FEATURES.index("name_prob")]
    matrix[:, -1] = ordinary * matrix[:, FEATURES.index("sentence_start")]
    return candidates, matrix


def _frequencies_beside_names(matrix: FloatMatrix) -> None:
    """Leave the frequencies out (zero) for a word right after a given name
    or a title or role, and for a given name right before a capitalised
    word: there a word frequent in the language is a surname all the same
    ("Ute Froh", "Sara Monti", "Markus Süß", "Dr. Lang"), and a person
    named so must not stay in clear (fail closed)."""
    column = FEATURES.index
    beside = (
        (matrix[:, column("previous_given")] > 0)
        | (matrix[:, column("role_before")] > 0)
        | (
            (matrix[:, column("given_name")] > 0)
            & (matrix[:, column("next_capital")] > 0)
        )
    )
    matrix[beside, column("home_frequency")] = 0.0
    matrix[beside, column("foreign_frequency")] = 0.0


@dataclass(frozen=True)
class Profile:
    """What one word's letters say, as a candidate (``own``: the
    :data:`WORD_FEATURES`) and as the neighbour of one (1.0 or 0.0 each)."""

    own: list[float]
    capital: float
    lower_case: float
    capital_given: float
    capital_unknown: float
    capital_noun: float
    role: float
    particle: float
    article: float
    preposition: float


# Words whose profiles a scorer keeps; beyond, it starts afresh.
KNOWN_WORDS = 50_000


def _profile(
    value: str, language: str, lexicon: Lexicon, known: dict[tuple[str, str], Profile]
) -> Profile:
    """The profile of ``value`` in a ``language`` text, from ``known`` or
    made and kept there."""
    profile = known.get((value, language))
    if profile is not None:
        return profile

    lower = value.lower()
    capital = value[:1].isupper()
    ordinary = lexicon.is_ordinary(lower)
    role = is_role(lower)
    compound = _compound_head(lower, lexicon)
    capital_noun = capital and not role and (ordinary or compound)
    profile = Profile(
        own=_word_row(value, lower, ordinary, compound, lexicon, language),
        capital=float(capital),
        lower_case=float(value[:1].islower()),
        capital_given=float(capital and lower in lexicon.given),
        capital_unknown=float(capital and not ordinary),
        capital_noun=float(capital_noun),
        role=float(role),
        particle=float(value in PARTICLES),
        article=float(lower in ARTICLES),
        preposition=float(lower in PREPOSITIONS),
    )
    if len(known) >= KNOWN_WORDS:
        known.clear()
    known[value, language] = profile
    return profile


def _neighbours(
    text: str, words: Sequence[WordProbs], values: Sequence[str]
) -> tuple[list[int], list[int]]:
    """For each word, the index of the word before and after it (-1: none):
    a word of letters or digits with nothing or only spaces between."""
    joined = [False] * len(words)
    for index in range(1, len(words)):
        gap = text[words[index - 1][1] : words[index][0]]
        joined[index] = not gap.strip(_SPACES)
    alnum = [value.isalnum() for value in values]
    previous = [
        index - 1 if index > 0 and joined[index] and alnum[index - 1] else -1
        for index in range(len(words))
    ]
    following = [
        index + 1
        if index + 1 < len(words) and joined[index + 1] and alnum[index + 1]
        else -1
        for index in range(len(words))
    ]
    return previous, following


def _model_block(
    probs: FloatArray,
    cols: Columns,
    candidates: list[int],
    previous: list[int],
    following: list[int],
) -> FloatMatrix:
    """The :data:`MODEL_FEATURES` columns of the candidates."""
    name = (probs[:, cols.given] + probs[:, cols.surname]).astype(np.float64)
    # Index -1 (no neighbour) reads the 0.0 appended at the end.
    padded = np.append(name, 0.0)
    picked = np.array(candidates)
    own = name[picked]
    clipped = np.clip(own, 1e-4, 1 - 1e-4)
    best = probs[picked].argmax(axis=1)
    return np.column_stack(
        [
            np.log(clipped / (1 - clipped)) / 5,
            own,
            probs[picked][:, list(cols.places)].sum(axis=1),
            probs[picked][:, list(cols.others)].sum(axis=1),
            (best == cols.given) | (best == cols.surname),
            padded[[previous[i] for i in candidates]],
            padded[[following[i] for i in candidates]],
        ]
    )


def _word_row(
    value: str,
    lower: str,
    ordinary: bool,
    compound: bool,
    lexicon: Lexicon,
    language: str,
) -> list[float]:
    """The :data:`WORD_FEATURES` of one word of a ``language`` text."""
    genitive = (
        len(lower) > 3
        and lower.endswith("s")
        and lower[:-1] in lexicon.names
        and not ordinary
    )
    return [
        float(value[:1].islower()),
        float(len(value) > 1 and value.isupper()),
        float(len(value) <= 2),
        float(any(char.isdigit() for char in value)),
        float(ordinary),
        float(lower in lexicon.common),
        float(lower in lexicon.names),
        float(lower in lexicon.given),
        float(genitive),
        float(compound),
        float(len(lower) > 5 and lower.endswith(_NOUN_SUFFIXES)),
        float(is_role(lower)),
        lexicon.frequency(lower, language) / _ZIPF_SCALE,
        lexicon.foreign_frequency(lower, language) / _ZIPF_SCALE,
    ]


# Frequencies (Zipf scale, 0 to 8) enter the scorer divided by this.
_ZIPF_SCALE = 8.0


def _sentence_starts(values: Sequence[str]) -> list[bool]:
    """Whether each word opens a sentence: no word but quotes and brackets
    stands between it and the start of the text or a sentence's end."""
    starts = []
    last = ""
    for value in values:
        starts.append(not last or last[-1] in _SENTENCE_ENDS)
        if value.strip(_MARKS):
            last = value
    return starts


def _compound_head(lower: str, lexicon: Lexicon) -> bool:
    """Whether ``lower`` ends in an ordinary word of four letters or more
    after three letters or more ("wasserglas": "glas")."""
    if len(lower) < 8 or lower in lexicon.names:
        return False
    return any(lexicon.is_ordinary(lower[cut:]) for cut in range(3, len(lower) - 3))


# The model's probability of a name part at which the hidden layer cannot
# overrule the features (see :func:`name_probabilities`).
MODEL_SURE = 0.95


def name_probabilities(
    text: str,
    words: Sequence[WordProbs],
    cols: Columns,
    lexicon: Lexicon,
    weights: dict[str, float] | None = None,
    known: dict[tuple[str, str], Profile] | None = None,
    language: str = "",
    hidden: tuple[dict[str, float], FloatArray] | None = None,
) -> list[float | None]:
    """The probability that each word of a ``language`` text is part of a
    name; ``None`` for a word that is no candidate (see
    :func:`feature_matrix`).

    ``hidden``: the weights of the probe (see
    :mod:`gdprgate.detect.name_probe`) and, per word, the hidden layer's
    share of its log-odds. With it, a candidate is scored by the probe,
    except that two kinds of words keep the higher of the two opinions
    (fail closed): a known given name (fitted on news, where a given name
    nearly always comes with its surname, the probe doubts a given name
    alone: "Kannst du Christiane fragen"; names audit, German full names,
    recall 0.996 -> 0.978 without this rule), and a word the model itself
    calls a name part with :data:`MODEL_SURE` or more ("Kafka hat den
    Server neu gestartet": a person the features accept, which the hidden
    layer reads as the software). Held out on GermEval dev, the two rules
    cost candidate-word precision 0.797 -> 0.788 at recall 0.872 -> 0.875.
    A third kind keeps the higher opinion too: a capitalised word the
    lexicon knows as no word at all (see :func:`_unknown_capitalised`).
    Such words are mostly surnames and nicknames, and the probe dropped
    some the features had kept, all near the threshold ("Der schnelle
    Okonkwo lief ...", "Der dicke Wallraff", "dite « Lolo »"; 5 of 300
    hand-written texts). Over the whole detector: ECHR dev ES-all PERSON
    recall 0.936 -> 0.944 (precision 0.708 -> 0.692), all personal data
    0.782 -> 0.786; ES-manual all 0.753 -> 0.756; the French splits
    unchanged; GermEval dev PERSON precision 0.830 -> 0.810 at recall
    0.902 -> 0.907 (in-sample for the probe, so its precision gain there
    is overstated: the words given back are rare nouns and terms,
    "Strommix", "Cyhalothrin").
    """
    table = weights or WEIGHTS
    candidates, matrix = feature_matrix(text, words, cols, lexicon, known, language)
    result: list[float | None] = [None] * len(words)
    if not candidates:
        return result
    column = FEATURES.index
    logits = matrix @ np.array([table[name] for name in FEATURES])
    if hidden is not None:
        probe_weights, share = hidden
        probed = matrix @ np.array([probe_weights[name] for name in FEATURES])
        probed += share[candidates].astype(np.float64)
        kept = (
            (matrix[:, column("given_name")] > 0)
            | (matrix[:, column("name_prob")] >= MODEL_SURE)
            | _unknown_capitalised(matrix)
        )
        logits = np.where(kept, np.maximum(logits, probed), probed)
    scores = 1.0 / (1.0 + np.exp(-logits))
    # An ordinary lower-case word next to a capitalised word is no part of
    # its name ("Detlef Untermann ließ Blaszkiewitz"), however sure the
    # model is; particles are no candidates (see feature_matrix).
    ordinary_lower = (matrix[:, column("lower_case")] > 0) & (
        matrix[:, column("ordinary")] > 0
    )
    by_capital = (matrix[:, column("previous_capital")] > 0) | (
        matrix[:, column("next_capital")] > 0
    )
    linking = np.array(
        [text[words[i][0] : words[i][1]] in NAME_LINKS for i in candidates]
    )
    scores[ordinary_lower & by_capital & ~linking] = 0.0
    for index, score in zip(candidates, scores.tolist(), strict=True):
        result[index] = score
    return _beside_names(text, words, cols, lexicon, result)


# Columns that tell a word the lexicon knows as an ordinary word of some
# language (see :func:`_unknown_capitalised`).
_WORD_SIGNS = (
    "lower_case",
    "all_capitals",
    "digit",
    "ordinary",
    "common",
    "compound_head",
    "noun_suffix",
    "home_frequency",
    "foreign_frequency",
)


def _unknown_capitalised(matrix: FloatMatrix) -> npt.NDArray[np.bool_]:
    """Per candidate row, whether the word is capitalised and the lexicon
    knows it as no word of any language: no ordinary or frequent word, no
    compound, no noun ending ("Okonkwo", "Rottenbacher", "Wallraff",
    "Lolo"). Most such words are surnames or nicknames; the hidden layer
    has little to tell them by. A word right after a given name, a title
    or a role counts too: its frequencies are left out there (see
    :func:`_frequencies_beside_names`), as it is a surname all the same."""
    signs = matrix[:, [FEATURES.index(name) for name in _WORD_SIGNS]]
    return np.asarray((signs == 0).all(axis=1))


# The probability at which a word is a name part (the threshold is folded
# into the weights' bias).
NAME_PART = 0.5
KNOWN_NAME_PART = 0.3


def _beside_names(
    text: str,
    words: Sequence[WordProbs],
    cols: Columns,
    lexicon: Lexicon,
    result: list[float | None],
) -> list[float | None]:
    """``result`` with doubted capitalised words accepted (fail closed):

    - a word the model called a name part that is no ordinary word, right
      beside an accepted one ("Kessler" of "mit der Kessler Brandt AG" must
      not stay in clear next to a masked "Brandt"), or known to the lexicon
      as a person's name and given :data:`KNOWN_NAME_PART` or more ("sich
      über Hoffmann beschwert"; names audit, lone surnames, recall 0.865 ->
      0.869; GermEval dev PERSON precision 0.812 -> 0.811);
    - a word the model called a name part right after a title ("Dr. Lang");
    - a known person's name given :data:`KNOWN_NAME_PART` or more beside
      an accepted word ("Lies Koning", "Luce Fabbri"): the two are read as
      one person.
    """
    values = [text[start:end] for start, end, _ in words]
    previous, following = _neighbours(text, words, values)
    accepted = [(score or 0.0) >= NAME_PART for score in result]
    named = [value.lower() in lexicon.people for value in values]
    lifted = list(result)
    for index, score in enumerate(result):
        value = values[index]
        if score is None or score >= NAME_PART or not value[:1].isupper():
            continue
        best = int(words[index][2].argmax())
        called = best in (cols.given, cols.surname)
        beside = [o for o in (previous[index], following[index]) if o >= 0]
        next_to_name = any(accepted[other] for other in beside)
        likely = score >= KNOWN_NAME_PART
        plain = called and not lexicon.is_ordinary(value.lower())
        known = likely and value.lower() in lexicon.people
        paired = likely and named[index] and any(accepted[o] for o in beside)
        titled = (
            called and title_run_start(text, words[index][0], lower=True) is not None
        )
        if (plain and (known or next_to_name)) or paired or titled:
            lifted[index] = NAME_PART
    return lifted


class NameScorer:
    """The scorer for one model's types, as ``decode_parts`` calls it.

    With a ``probe`` (see :mod:`gdprgate.detect.name_probe`), a text of one
    of its languages whose words come with their hidden-layer share is
    scored with the probe (see :func:`name_probabilities`); any other with
    ``weights`` alone (by default :data:`WEIGHTS`).
    """

    def __init__(
        self,
        type_names: Sequence[str],
        places: frozenset[str],
        lexicon: Lexicon,
        weights: dict[str, float] | None = None,
        probe: Probe | None = None,
    ) -> None:
        self._columns = columns(type_names, places)
        self._lexicon = lexicon
        self._weights = weights
        self._probe = probe
        self._known: dict[tuple[str, str], Profile] = {}

    def __call__(
        self,
        text: str,
        words: Sequence[WordProbs],
        language: str = "",
        vectors: FloatArray | None = None,
    ) -> list[float | None]:
        """The probability of each word of a ``language`` text (see
        :func:`name_probabilities`); ``vectors``: one row per word, the
        hidden layer's share of its log-odds in the first column."""
        if self._columns is None:
            return [None] * len(words)
        hidden = None
        probe = self._probe
        if (
            probe is not None
            and vectors is not None
            and vectors.shape[1:] == (1,)
            and language in probe.languages
        ):
            hidden = probe.weights, vectors[:, 0]
        return name_probabilities(
            text,
            words,
            self._columns,
            self._lexicon,
            self._weights,
            self._known,
            language,
            hidden,
        )
