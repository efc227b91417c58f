"""Sentiment: per comment and clause (VADER), and per theme or family."""

from themesift.sentiment.score import (
    MIXED,
    NEGATIVE,
    NEUTRAL,
    POSITIVE,
    SIDES,
    clauses,
    combine,
    compound,
    score_texts,
    side,
)
from themesift.sentiment.summary import (
    analysis_sentiment,
    grain_sentiment,
    row_sentiment,
    sentiment_by_family,
    sentiment_by_theme,
)
from themesift.sentiment.themes import ClauseIndex, theme_sentiment

__all__ = ["MIXED", "NEGATIVE", "NEUTRAL", "POSITIVE", "SIDES", "ClauseIndex",
           "analysis_sentiment", "clauses", "combine", "compound", "grain_sentiment",
           "row_sentiment", "score_texts", "sentiment_by_family", "sentiment_by_theme", "side",
           "theme_sentiment"]
