"""Cleaning: repair text, set non-answers and duplicates aside, redact personal data."""

from themesift.clean.corpus import (
    MAX_TEXT_CHARS,
    NON_ANSWERS,
    clean_corpus,
    is_dont_know,
    is_non_answer,
    normalise_key,
    repair,
    says_dont_know,
    shorten,
)
from themesift.clean.distinct import data_hash, distinct_texts, expand
from themesift.clean.redact import entity_spans, find_names, find_pii
from themesift.clean.spans import KINDS, Redaction, merge_spans, redact

__all__ = ["KINDS", "MAX_TEXT_CHARS", "NON_ANSWERS", "Redaction", "clean_corpus", "data_hash",
           "distinct_texts", "expand", "find_names", "find_pii", "is_dont_know", "is_non_answer",
           "merge_spans", "normalise_key", "entity_spans", "redact", "repair", "says_dont_know",
           "shorten"]
