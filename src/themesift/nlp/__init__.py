"""spaCy: loading the bundled pipeline, and the worker processes that share its work."""

from themesift.nlp.spacy_model import SPACY_MODEL, is_default_nlp, load_nlp
from themesift.nlp.workers import default_workers, seconds_in, shutdown, split_work

__all__ = ["SPACY_MODEL", "default_workers", "is_default_nlp", "load_nlp", "seconds_in",
           "shutdown", "split_work"]
