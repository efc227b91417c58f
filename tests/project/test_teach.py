"""Corrections teach: taught_labels and the CodeComments edit (themesift.project.edits)."""

from __future__ import annotations

import numpy as np
import pytest

from themesift.config import Config
from themesift.project import CodeComments, Context, EditError, EditState, taught_labels
from themesift.themes import CodeClassifier
from themesift.types import UNASSIGNED


def _ctx() -> tuple[EditState, Context]:
    rng = np.random.default_rng(0)
    centres = np.eye(4, dtype=np.float32)[:3]
    X = np.vstack([c + 0.35 * rng.normal(size=(20, 4)) for c in centres]).astype(np.float32)
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    labels = np.repeat(np.arange(3), 20)
    labels[[5, 6, 7]] = 1  # three comments of theme 0 sit in theme 1 as the clustering left them
    return EditState.initial(labels), Context(X, np.ones(60, dtype=np.int64), Config())


def test_nothing_is_taught_before_two_themes_have_coded_comments() -> None:
    state, ctx = _ctx()
    assert taught_labels(state, ctx) is state.labels
    one = CodeComments((0,), (0,)).apply(state, ctx)
    assert np.array_equal(one.labels, state.labels)


def test_coded_comments_keep_their_theme_and_teach_the_rest() -> None:
    state, ctx = _ctx()
    coded = (0, 1, 2, 5, 20, 21, 22, 40, 41, 42)
    themes = (0, 0, 0, 0, 1, 1, 1, 2, 2, 2)  # comment 5 corrected back to theme 0
    new = CodeComments(coded, themes).apply(state, ctx)
    assert set(coded) <= new.manual
    assert [int(new.labels[i]) for i in coded] == list(themes)
    assert int(new.labels[6]) == 0 and int(new.labels[7]) == 0  # learned from the correction
    assert (new.labels[20:40] == 1).mean() >= 0.85 and (new.labels[40:] == 2).mean() >= 0.85


def test_a_comment_far_from_every_theme_stays_unassigned() -> None:
    state, ctx = _ctx()
    X = ctx.X.copy()
    X[59] = -X[:59].mean(axis=0) / np.linalg.norm(X[:59].mean(axis=0))
    ctx = Context(X, ctx.weights, ctx.config)
    new = CodeComments((0, 20, 40), (0, 1, 2)).apply(state, ctx)
    assert int(new.labels[59]) == UNASSIGNED


def test_bad_codings_are_refused() -> None:
    state, ctx = _ctx()
    with pytest.raises(EditError):
        CodeComments((), ()).apply(state, ctx)
    with pytest.raises(EditError):
        CodeComments((0, 1), (0,)).apply(state, ctx)
    with pytest.raises(EditError):
        CodeComments((0,), (99,)).apply(state, ctx)


def test_the_classifier_balances_codes_and_keeps_two_codes_symmetric() -> None:
    P = np.eye(3, dtype=np.float32)[:2]
    X = np.vstack([np.tile([1, 0.1, 0], (30, 1)), [[0.1, 1, 0]]]).astype(np.float32)
    y = np.array([0] * 30 + [1])
    clf = CodeClassifier().fit(X, y, P)
    assert clf.coef_.shape == (2, 3) and clf.n_examples_.tolist() == [30, 1]
    probs = clf.predict_proba(np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]], dtype=np.float32))
    assert np.allclose(probs.sum(axis=1), 1.0)
    assert clf.predict(np.array([[0.0, 1.0, 0.0]], dtype=np.float32)).tolist() == [1]
