"""Codes learned from the comments a researcher coded: a class-balanced logistic regression
over the sentence embeddings.  Each code's prototype (name, description, examples; see
:mod:`themesift.themes.codebook`) is one more example of it, so a code that has no coded
comments yet still has its place (the prior)."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from sklearn.base import BaseEstimator
from sklearn.linear_model import LogisticRegression

from themesift.themes.assign import taught_proba
from themesift.types import FloatArray, IntArray, Taught

__all__ = ["CodeClassifier"]


class CodeClassifier(BaseEstimator):  # type: ignore[misc]  # sklearn has no types
    """Which of k codes a comment belongs to (scikit-learn conventions).

    ``fit(X, y, prototypes)``: ``X`` the unit embeddings of the coded comments, ``y`` their
    code (0..k-1), ``prototypes`` one unit vector per code.  Classes are weighted to
    balance (a code with 3 examples counts as much as one with 300).  Fitted attributes:
    ``coef_`` (k x d), ``intercept_`` (k), ``n_examples_`` (coded comments per code).  The
    fitted state is arrays only, so a saved model holds no pickle.
    """

    def __init__(self, C: float = 4.0, prior_weight: float = 1.0, random_state: int = 0
                 ) -> None:
        self.C = C
        self.prior_weight = prior_weight
        self.random_state = random_state

    def fit(self, X: FloatArray, y: IntArray, prototypes: FloatArray,
            sample_weight: npt.NDArray[np.float64] | None = None) -> CodeClassifier:
        """``sample_weight``: how much each comment counts (default 1 each), e.g. less for
        comments whose theme is only the analysis's guess than for hand-coded ones."""
        k = len(prototypes)
        X = np.asarray(X, dtype=np.float32).reshape(-1, np.asarray(prototypes).shape[1])
        y = np.asarray(y, dtype=np.int64)
        if len(X) != len(y) or (len(y) and (y.min() < 0 or y.max() >= k)):
            raise ValueError("y must give each coded comment a code from 0 to k-1")
        self.n_examples_ = np.bincount(y, minlength=k).astype(np.int64)
        if k == 1:  # one code: nothing to tell apart
            self.coef_ = np.zeros((1, X.shape[1]), dtype=np.float32)
            self.intercept_ = np.zeros(1, dtype=np.float32)
            return self
        Xa = np.vstack([X, np.asarray(prototypes, dtype=np.float32)])
        ya = np.concatenate([y, np.arange(k)])
        own = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, float)
        w = np.concatenate([own, np.full(k, self.prior_weight)])
        mass = np.bincount(ya, weights=w, minlength=k)
        w *= w.sum() / (k * mass[ya])  # balanced classes
        model = LogisticRegression(C=self.C, max_iter=2000, random_state=self.random_state)
        model.fit(Xa, ya, sample_weight=w)
        coef, intercept = model.coef_, model.intercept_
        if k == 2:  # scikit-learn keeps one row for two classes
            coef = np.vstack([-coef[0] / 2, coef[0] / 2])
            intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
        self.coef_ = coef.astype(np.float32)
        self.intercept_ = intercept.astype(np.float32)
        return self

    def predict_proba(self, X: FloatArray) -> npt.NDArray[np.float64]:
        """Each comment's probability of each code (rows sum to 1)."""
        return taught_proba(self.taught(np.arange(len(self.coef_))), X)

    def taught(self, theme_ids: IntArray) -> Taught:
        """The fitted classifier as plain arrays, its codes named by ``theme_ids``."""
        return Taught(self.coef_, self.intercept_, np.asarray(theme_ids, dtype=np.int64))

    def predict(self, X: FloatArray) -> IntArray:
        out: IntArray = np.argmax(self.predict_proba(X), axis=1).astype(np.int64)
        return out
