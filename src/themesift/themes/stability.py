"""How robust each theme is: refit the clustering on subsamples and look for it again.

For each of ``config.stability_resamples`` seeded subsamples holding 80% of the
distinct comments, the clustering step is run again with the same number of
themes (the embeddings are reused; no labelling, no spaCy).  A theme's score
in one resample is its best Jaccard overlap with any refitted theme, counted
on the comments of that subsample; its stability is the mean over resamples,
in [0, 1].  As a rule of thumb (Hennig's clusterboot), >= 0.75 is a robust
theme and < 0.5 one that dissolves when the data change a little.

Cost is capped: above ``config.stability_max_comments`` distinct comments the
resamples are drawn from a fixed seeded sample of that size, so the extra time
stays flat however big the corpus.  Subsamples are drawn over the canonical
(sorted) row order, so the scores do not depend on the order of the input file.
"""

from __future__ import annotations

import logging

import numpy as np

from themesift.config import Config
from themesift.themes.cluster import find_themes
from themesift.types import FloatArray, IntArray

log = logging.getLogger(__name__)

RESAMPLE_SHARE = 0.8


def jaccard_match(members: IntArray, other: IntArray, within: IntArray) -> float:
    """Best Jaccard overlap of the rows in ``members`` with any theme of ``other``.

    ``other[i]`` is the refitted theme of row ``within[i]`` (-1: none); only
    rows in ``within`` count.
    """
    inside = np.isin(within, members)
    size = int(inside.sum())
    if size == 0:
        return 0.0
    best = 0.0
    for theme in np.unique(other[other >= 0]):
        in_theme = other == theme
        inter = int((inside & in_theme).sum())
        if inter:
            best = max(best, inter / int((inside | in_theme).sum()))
    return best


def theme_stability(X: FloatArray, labels: IntArray, config: Config) -> dict[int, float]:
    """Stability in [0, 1] of every theme id >= 0 in ``labels`` (rows of ``X``)."""
    ids = [int(t) for t in np.unique(labels[labels >= 0])]
    resamples = config.stability_resamples
    if not ids or resamples <= 0:
        return {}
    rng = np.random.RandomState(config.random_state)
    base = np.arange(len(X))
    if len(base) > config.stability_max_comments:
        base = np.sort(rng.choice(len(base), config.stability_max_comments, replace=False))
    size = max(2, int(round(RESAMPLE_SHARE * len(base))))
    refit_config = config.with_(n_themes=len(ids))
    scores: dict[int, list[float]] = {t: [] for t in ids}
    for r in range(resamples):
        rows = np.sort(np.random.RandomState(config.random_state + 1 + r).choice(
            base, min(size, len(base)), replace=False))
        if len(rows) < 3:
            refit = np.zeros(len(rows), dtype=np.int64)
        else:
            refit, _ = find_themes(X[rows], refit_config)
        for t in ids:
            scores[t].append(jaccard_match(np.flatnonzero(labels == t), refit, rows))
    log.info("stability from %d resamples of %d comments", resamples, len(base))
    return {t: float(np.mean(v)) for t, v in scores.items()}
