"""Distinct texts: each substantive text analysed once, and results spread back to rows.

Duplicates (rows whose cleaned text repeats another's) share one embedding and
one theme.  The distinct texts come in a canonical (sorted) order and each is
shown by the row with the smallest id, so nothing depends on the row order of
the input file.
"""

from __future__ import annotations

import hashlib

import numpy as np

from themesift.types import (
    EMPTY,
    NON_ANSWER,
    Assignments,
    CleanedCorpus,
    Distinct,
    IntArray,
    Status,
)


def distinct_texts(cleaned: CleanedCorpus) -> Distinct:
    """Group duplicates; choose a representative independent of row order."""
    ids = cleaned.corpus.ids
    groups: dict[int, list[int]] = {}
    for r, st in enumerate(cleaned.status):
        if st is Status.SUBSTANTIVE:
            root = cleaned.duplicate_of[r] if cleaned.duplicate_of[r] >= 0 else r
            groups.setdefault(root, []).append(r)
    reps = [min(rows, key=lambda r: (cleaned.texts[r], ids[r])) for rows in groups.values()]
    members = list(groups.values())
    order = sorted(range(len(reps)), key=lambda g: (cleaned.texts[reps[g]], ids[reps[g]]))
    source = np.full(len(cleaned), -1, dtype=np.int64)
    for i, g in enumerate(order):
        source[members[g]] = i
    return Distinct(
        texts=tuple(cleaned.texts[reps[g]] for g in order),
        weights=np.array([len(members[g]) for g in order], dtype=np.int64),
        row_of=np.array([reps[g] for g in order], dtype=np.int64),
        source=source,
    )


def expand(cleaned: CleanedCorpus, source: IntArray, distinct: Assignments) -> Assignments:
    """Per-row assignments from per-distinct-text assignments."""
    n = len(cleaned)
    primary = np.empty(n, dtype=np.int64)
    confidence = np.zeros(n, dtype=np.float32)
    themes: list[tuple[int, ...]] = []
    for r in range(n):
        d = int(source[r])
        if d >= 0:
            primary[r] = distinct.primary[d]
            confidence[r] = distinct.confidence[d]
            themes.append(distinct.themes[d])
        else:
            primary[r] = NON_ANSWER if cleaned.status[r] is Status.NON_ANSWER else EMPTY
            themes.append(())
    return Assignments(primary=primary, confidence=confidence, themes=tuple(themes))


def data_hash(cleaned: CleanedCorpus) -> str:
    """Order-independent hash of the texts a model was trained on."""
    h = hashlib.sha256()
    for t in sorted(cleaned.texts):
        h.update(t.encode())
        h.update(b"\0")
    return h.hexdigest()
