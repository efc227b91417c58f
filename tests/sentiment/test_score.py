"""Sentiment per comment and clause (VADER)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from themesift.sentiment import clauses, combine, score_texts, side


def test_clauses_cut_at_sentence_ends_line_breaks_and_contrast_words() -> None:
    text = "Staff were lovely but the wait was awful. Parking:\nterrible"
    parts = [text[a:b] for a, b in clauses(text)]
    assert parts == ["Staff were lovely", "but the wait was awful.", "Parking", "terrible"]
    assert list(clauses("")) == []
    assert list(clauses("...")) == []


def test_a_comment_praising_one_thing_and_criticising_another_is_mixed() -> None:
    s = score_texts(["The nurses were wonderful. The food was awful.",
                     "Staff were lovely but the wait was terrible",
                     "Wonderful, kind nurses.", "The food was awful.", "I came on Tuesday."])
    assert s.label == ("mixed", "mixed", "positive", "negative", "neutral")
    assert s.score[2] > 0.05 > -0.05 > s.score[3]
    assert len(s.clause_text) == len(s.clause_score) == len(s.clause_span) == 2 + 2 + 1 + 1 + 1
    assert np.all(np.diff(s.clause_text) >= 0)


def test_labels_follow_vaders_thresholds() -> None:
    assert side(0.05) == "positive" and side(-0.05) == "negative" and side(0.0) == "neutral"
    assert combine(0.4, [0.6, -0.3]) == "mixed"
    assert combine(0.4, [0.6, 0.0]) == "positive"
    assert combine(-0.01, [0.01, -0.01]) == "neutral"


def test_empty_input() -> None:
    s = score_texts([])
    assert len(s) == 0 and s.clause_span.shape == (0, 2)
    assert score_texts([""]).label == ("neutral",)


def test_praise_idioms_of_feedback_forms_are_not_read_as_negations() -> None:
    praise = ["Nothing could be better", "Nothing, everything was perfect",
              "No improvements needed", "Couldn't fault them", "Could not have been better",
              "Nothing to improve, staff were great", "The care was second to none"]
    assert set(score_texts(praise).label) == {"positive"}
    criticism = ["No one could be bothered to help", "Nothing was done about my pain",
                 "The staff could not care less"]
    assert set(score_texts(criticism).label) == {"negative"}


def test_the_windowed_vader_scores_exactly_as_vader_does() -> None:
    import pandas as pd
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from themesift.sentiment.score import _analyzer

    root = Path(__file__).resolve().parents[2] / "data"
    texts = [*pd.read_csv(root / "nhs_fft_sample.csv")["text"].dropna().astype(str),
             *pd.read_csv(root / "hcsa_stp_2017_quotes.csv")["text"].astype(str),
             "never so good", "without doubt the best", "kind of good", "not bad at all",
             "NO!!! not good", "at least it was clean", "it cut the mustard", "the bomb",
             "Nothing, it was fine", "no", "x"]
    stock = SentimentIntensityAnalyzer()
    assert [_analyzer().polarity_scores(t) for t in texts] == \
        [stock.polarity_scores(t) for t in texts]
