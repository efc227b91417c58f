"""Sentiment per theme: clauses go to the themes whose keywords they use."""

from __future__ import annotations

import numpy as np

from themesift.sentiment import score_texts, theme_sentiment

TEXTS = ["The parking was awful. The nurses were wonderful.",  # parking (0) and nurses (1)
         "Wonderful nurses, so kind.",
         "Parking is terrible and far too expensive."]


def _run(weights: list[int]) -> dict:
    X = np.eye(3, dtype=np.float32)
    cents = {0: np.array([0, 0, 1], np.float32), 1: np.array([0, 1, 0], np.float32)}
    return theme_sentiment(TEXTS, np.array(weights), [(0, 1), (1,), (0,)],
                           {0: ("parking", "car park"), 1: ("nurse", "kind")},
                           score_texts(TEXTS), X, cents)


def test_a_comment_about_two_themes_praises_one_and_criticises_the_other() -> None:
    out = _run([1, 1, 1])
    assert dict(out[0].counts) == {"positive": 0, "negative": 2, "mixed": 0, "neutral": 0}
    assert dict(out[1].counts) == {"positive": 2, "negative": 0, "mixed": 0, "neutral": 0}
    assert out[1].n == 2 and out[1].share("positive") == 1.0


def test_counts_are_rows_and_typical_quotes_are_nearest_the_centre() -> None:
    out = _run([1, 5, 2])
    assert out[1].counts["positive"] == 6 and out[0].counts["negative"] == 3
    assert out[0].typical == {"negative": 2}  # text 2 is the parking centre
    assert out[1].typical == {"positive": 1}
