"""The name scorer's weights with Rampart's last hidden layer.

The scorer's features (see :mod:`gdprgate.detect.name_scorer`) see a word
from outside: its letters, the lexicon, its neighbours and the model's
probabilities. What the model read of the word in its context before its
classifier squeezed it into types is richer: the 384 numbers of the last
hidden layer for the word (the mean of its word pieces'; first pieces only:
held-out F1 0.829 against 0.833). This table is the scorer's logistic
regression refitted with those numbers beside its features (standardised,
with an L2 penalty of their own), on the candidate words of GermEval 2014
dev, where five-fold cross-validation over sentences chose the penalty
(30; the features' stays 1.0) and the threshold (0.3 at first, now 0.25,
see below; folded into the bias), as for
:data:`gdprgate.detect.name_scorer.WEIGHTS`. No text of the
data set is kept. ``bench/train_name_scorer.py --write`` refits it.

Held out (five folds, threshold 0.3), the candidate words went from
precision 0.789 / recall 0.858 / F1 0.822 (the features alone, refitted on
the same words) to 0.797 / 0.872 / 0.833, and to 0.788 / 0.875 / 0.829
with the scorer's rules that a known given name and a word the model is
sure of keep the higher of the two opinions (see
:func:`gdprgate.detect.name_scorer.name_probabilities`).
Over the whole detector, GermEval dev PERSON precision / recall went from
0.796 / 0.867 to 0.818 / 0.902 (in-sample: the table was fitted on this
split; the held-out figures above are the fair ones).

The threshold was then chosen on the whole detector out of fold
(``bench/train_name_scorer.py --detector-folds``: each fold of GermEval
dev read with a table fitted on the other four), where GermEval dev PERSON
precision / recall came out 0.758 / 0.920 at 0.2, 0.786 / 0.914 at 0.25,
0.791 / 0.899 at 0.3, 0.816 / 0.887 at 0.4 and 0.823 / 0.872 at 0.5 (a
larger hidden penalty, 100 or 300, moved along the same line: 0.800 / 0.892,
0.804 / 0.888). 0.25 gives 0.015 of recall for 0.005 of precision against
0.3; in-sample the detector went from 0.811 / 0.919 to 0.798 / 0.927, the
names audit's lone surnames from 0.912 to 0.921 recall (Spanish 0.971 to
0.976, Dutch 0.871 to 0.875, precision unchanged), Sierro's ECHR ES-manual
dev all-data recall from 0.756 to 0.763 (FR-manual dev unchanged).

The table is used for German, Spanish and French text (and, below,
Dutch, Portuguese and Swedish). On the ECHR dev
splits (French and Spanish court judgments, not fitted on) PERSON recall
went 0.969 -> 0.982 (FR-all), 0.923 -> 0.936 (ES-all), 0.877 -> 0.896
(FR-rev), 0.960 -> 0.980 (ES-rev), with precision up on each (FR-manual:
recall 0.843 -> 0.829, one word of 70; precision 0.797 -> 0.817). On
``bench/names_audit.py --per-language 100`` lone surnames went 0.871 ->
0.881 (German) and 0.910 -> 0.900 (Spanish, one word), German full names
0.996 -> 0.987 (two words). With the table on for every scored language,
Italian and Dutch lone surnames went down (0.960 -> 0.950, 0.445 ->
0.438) and Swedish and Portuguese moved by one word up. Once a word the
lexicon does not know kept the higher of the two opinions (below), the
audit at 300 sentences per language gave PERSON recall pt 0.967 -> 0.972,
sv 0.962 -> 0.966, nl 0.832 -> 0.834, it 0.971 either way and pl 0.971 ->
0.967, precision unchanged: the table is used for Dutch, Portuguese and
Swedish too, and Italian and Polish keep
:data:`~gdprgate.detect.name_scorer.WEIGHTS` until data
says otherwise. English is not scored at all (see
:mod:`gdprgate.detect.rampart`).

What it costs: a place the features took for a person and the hidden
layer does not is no longer masked as one, and the model leaves most of
them outside (ECHR ES-manual dev, all personal data, recall 0.763 ->
0.753: country and town names; GermEval dev 0.545 -> 0.542). The same
held for surnames the lexicon does not know, near the threshold ("Der
dicke Wallraff"): such a word now keeps the higher of the two opinions
(see :func:`gdprgate.detect.name_scorer.name_probabilities`; ES-manual
all 0.753 -> 0.756).

The table lives in ``name_probe.json`` beside this module (package data):
the weights of the scorer's features, and per hidden unit the mean and
scale it was standardised with and its weight. Loading folds the
standardisation into one projection, so the model layer hands the scorer
one number per word (the hidden layer's share of the word's log-odds, see
:class:`Probe`), not 384. A table that does not match the scorer's features
or the model's width is not used (logged); the scorer then keeps its
weights without the hidden layer.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from gdprgate.detect.name_scorer import FEATURES
from gdprgate.detect.rampart_spans import HIDDEN_PIECES

logger = logging.getLogger("gdprgate.detect")

TABLE = "name_probe.json"
FloatArray = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Probe:
    """A weight table that reads the hidden layer.

    ``weights``: one per :data:`FEATURES`, the constant share of the hidden
    layer folded into the bias. ``projection``: ``(hidden units, 1)``; a
    token's hidden vector times it is that token's share of the log-odds.
    ``languages``: the text languages it is used for.
    """

    weights: dict[str, float]
    projection: FloatArray
    languages: frozenset[str]


@functools.cache
def load_probe() -> Probe | None:
    """The packaged table (see the module doc), or ``None`` when it is
    missing or does not fit the scorer."""
    try:
        source = importlib.resources.files("gdprgate.detect").joinpath(TABLE)
        data = json.loads(source.read_text("utf-8"))
        return probe_from(data, FEATURES)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        logger.warning("name probe table not used (%s)", type(exc).__name__)
        return None


def probe_from(data: dict[str, Any], features: Sequence[str]) -> Probe:
    """A :class:`Probe` from a table's JSON ``data`` for ``features``;
    ``ValueError`` when the two do not match."""
    weights = {str(name): float(value) for name, value in data["features"].items()}
    if list(weights) != list(features):
        msg = "the probe table's features are not the scorer's"
        raise ValueError(msg)
    mean = np.asarray(data["hidden_mean"], dtype=np.float64)
    scale = np.asarray(data["hidden_scale"], dtype=np.float64)
    hidden = np.asarray(data["hidden_weights"], dtype=np.float64)
    size = int(data["hidden_size"])
    if not mean.shape == scale.shape == hidden.shape == (size,) or (scale <= 0).any():
        msg = "the probe table's hidden layer is malformed"
        raise ValueError(msg)
    if data["pieces"] != HIDDEN_PIECES:
        msg = "the probe table reads words from other pieces than the layer"
        raise ValueError(msg)

    # (h - mean) / scale @ w  ==  h @ (w / scale)  -  mean / scale @ w
    projection = (hidden / scale).astype(np.float32).reshape(size, 1)
    weights["bias"] -= float((mean / scale) @ hidden)
    return Probe(
        weights=weights,
        projection=projection,
        languages=frozenset(str(item) for item in data["languages"]),
    )
