import numpy as np

from themesift.config import Config
from themesift.themes.assign import assign
from themesift.themes.mmr import mmr
from themesift.themes.quotes import select_quotes
from themesift.types import UNASSIGNED


def _unit(rows):
    a = np.asarray(rows, dtype=np.float32)
    return a / np.linalg.norm(a, axis=1, keepdims=True)


def test_mmr_prefers_diverse_items():
    # Two near-identical relevant items and one different, less relevant one.
    v = _unit([[1, 0, 0], [0.99, 0.01, 0], [0, 1, 0]])
    assert mmr(v, np.array([1.0, 0.99, 0.5]), k=2, diversity=0.7) == [0, 2]
    assert mmr(v, np.array([1.0, 0.99, 0.5]), k=2, diversity=0.0) == [0, 1]


def test_mmr_k_larger_than_items():
    v = _unit([[1, 0], [0, 1]])
    assert sorted(mmr(v, np.array([0.2, 0.1]), k=5)) == [0, 1]
    assert mmr(v[:0], np.array([]), k=3) == []


def test_assign_primary_secondary_and_unassigned():
    cents = _unit([[1, 0, 0], [0, 1, 0]])
    X = _unit([[1, 0.05, 0], [1, 0.95, 0], [0, 0, 1]])
    cfg = Config(unassigned_below=0.2, secondary_min=0.45, secondary_margin=0.1)
    a = assign(X, cents, np.array([7, 9]), cfg)
    assert a.primary.tolist() == [7, 7, UNASSIGNED]
    assert a.themes[0] == (7,)
    assert a.themes[1] == (7, 9)  # nearly as close to both centres
    assert a.themes[2] == ()
    assert a.confidence[2] == 0
    assert 0.5 < a.confidence[0] <= 1.0
    assert a.confidence[1] < a.confidence[0]


def test_select_quotes_are_members_close_and_diverse():
    rng = np.random.RandomState(0)
    X = _unit(rng.normal(size=(50, 8)))
    members = np.arange(0, 50, 2)
    cent = _unit(X[members].mean(axis=0, keepdims=True))[0]
    q = select_quotes(members, X, cent, k=5)
    rows = [r for r, _ in q]
    assert len(rows) == 5 and len(set(rows)) == 5
    assert set(rows) <= set(members.tolist())
    best = members[np.argmax(X[members] @ cent)]
    assert rows[0] == best
