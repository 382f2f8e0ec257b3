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
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from gdprgate.detect.context import has_context
from gdprgate.detect.context_words import CONTEXT_LANGUAGES
from gdprgate.detect.finding import Finding

# English words only (see the module doc). Kept short on purpose: a name
# that is rarely a word ("Victor") is not on it.
_WORDS = """
may will hope grace faith joy june april august summer dawn rose daisy lily
iris ivy holly amber ruby pearl sky river mark bill frank sunny guy art rob
sue pat drew chase hunter miles page penny sandy earl king prince bishop
baker angel star honey olive violet hazel heather ginger sage
"""
COMMON_WORD_NAMES = frozenset(_WORDS.split())


def drop_common_word_names(
    text: str,
    findings: Iterable[Finding],
    languages: Sequence[str] = CONTEXT_LANGUAGES,
) -> list[Finding]:
    """``findings`` without one-word ``PERSON`` spans that are common words."""
    kept: list[Finding] = []
    for finding in findings:
        value = text[finding.start : finding.end]
        if (
            finding.entity == "PERSON"
            and value.casefold() in COMMON_WORD_NAMES
            and not has_context(
                text, finding.start, finding.end, "person", languages, (3, 0)
            )
        ):
            continue
        kept.append(finding)
    return kept
