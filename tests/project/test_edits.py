"""Edit operations as pure functions over EditState (no models, no Streamlit)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from themesift.config import Config
from themesift.project.edits import (
    Context,
    Delete,
    EditError,
    EditState,
    Merge,
    Move,
    Rename,
    Split,
)
from themesift.project.grain_edits import MoveToFamily, Recluster, RenameFamily, SetFamilies
from themesift.project.ops import from_params, to_params
from themesift.project.project import text_assignments
from themesift.types import UNASSIGNED


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)


@pytest.fixture()
def ctx() -> Context:
    """Four tight clusters on orthogonal axes: A (10 texts), B1 (6) + B2 (5), C (4)."""
    rng = np.random.default_rng(0)
    dims = 8
    centres = {"A": 0, "B1": 1, "B2": 2, "C": 3}
    sizes = {"A": 10, "B1": 6, "B2": 5, "C": 4}
    rows = []
    for name, n in sizes.items():
        base = np.zeros(dims)
        base[centres[name]] = 1.0
        rows.append(base + 0.05 * rng.standard_normal((n, dims)))
    X = _unit(np.vstack(rows))
    weights = np.ones(len(X), dtype=np.int64)
    weights[0] = 3  # a text written three times
    return Context(X=X, weights=weights, config=Config())


@pytest.fixture()
def state() -> EditState:
    # theme 0 = A, theme 1 = B1+B2 (two sub-groups), theme 2 = C
    return EditState.initial(np.array([0] * 10 + [1] * 11 + [2] * 4, dtype=np.int64))


def test_initial_state_numbers_new_themes_after_the_last(state: EditState) -> None:
    assert state.next_id == 3
    assert state.theme_ids() == [0, 1, 2]


def test_rename_sets_a_custom_label_and_checks_it(state: EditState, ctx: Context) -> None:
    s = Rename(2, "  Waiting   times ").apply(state, ctx)
    assert s.custom == {2: "Waiting times"}
    assert np.array_equal(s.labels, state.labels)
    with pytest.raises(EditError, match="empty"):
        Rename(2, "   ").apply(state, ctx)
    with pytest.raises(EditError, match="already called"):
        Rename(1, "waiting times").apply(s, ctx)
    with pytest.raises(EditError, match="does not exist"):
        Rename(9, "x").apply(state, ctx)


def test_merge_goes_into_the_biggest_theme(state: EditState, ctx: Context) -> None:
    s = Merge((2, 1)).apply(state, ctx)  # theme 1 has 11 rows, theme 2 has 4
    assert s.theme_ids() == [0, 1]
    assert (s.labels == 1).sum() == 15
    assert s.custom == {}


def test_merge_keeps_a_custom_label_of_a_smaller_theme(state: EditState, ctx: Context) -> None:
    s = Rename(2, "Parking").apply(state, ctx)
    s = Merge((1, 2)).apply(s, ctx)
    assert s.custom == {1: "Parking"}
    both = Rename(1, "Staff").apply(Rename(2, "Parking").apply(state, ctx), ctx)
    assert Merge((1, 2)).apply(both, ctx).custom == {1: "Staff"}  # the biggest's own wins
    assert Merge((1, 2), "Everything").apply(both, ctx).custom == {1: "Everything"}


def test_merge_needs_two_existing_themes(state: EditState, ctx: Context) -> None:
    with pytest.raises(EditError, match="at least two"):
        Merge((1, 1)).apply(state, ctx)
    with pytest.raises(EditError, match="does not exist"):
        Merge((1, 7)).apply(state, ctx)


def test_split_separates_sub_groups_and_is_repeatable(state: EditState, ctx: Context) -> None:
    s = Rename(1, "Mixed").apply(state, ctx)
    out = Split(1, 2).apply(s, ctx)
    again = Split(1, 2).apply(s, ctx)
    assert np.array_equal(out.labels, again.labels)
    assert out.theme_ids() == [0, 1, 2, 3]
    assert out.next_id == 4
    # The bigger part (B1, 6 texts) keeps id 1 and the custom label; B2 becomes theme 3.
    assert list(out.labels[10:16]) == [1] * 6
    assert list(out.labels[16:21]) == [3] * 5
    assert out.custom == {1: "Mixed"}
    assert np.array_equal(out.labels[:10], state.labels[:10])


def test_split_refuses_too_few_comments(state: EditState, ctx: Context) -> None:
    with pytest.raises(EditError, match="too few"):
        Split(2, 5).apply(state, ctx)
    with pytest.raises(EditError, match="2 to"):
        Split(0, 1).apply(state, ctx)


def test_move_marks_texts_as_manual_and_drops_emptied_labels(
        state: EditState, ctx: Context) -> None:
    s = Rename(2, "Car park").apply(state, ctx)
    s = Move((21, 22, 23, 24), 0).apply(s, ctx)
    assert 2 not in s.theme_ids()
    assert s.custom == {}  # theme 2 is gone with its label
    assert s.manual == frozenset({21, 22, 23, 24})
    s = Move((0,), UNASSIGNED).apply(s, ctx)
    assert s.labels[0] == UNASSIGNED
    with pytest.raises(EditError, match="does not exist"):
        Move((1,), 2).apply(s, ctx)
    with pytest.raises(EditError, match="at least one"):
        Move((), 0).apply(s, ctx)


def test_move_summary_counts_comments_with_their_duplicates(ctx: Context) -> None:
    labels = {0: "A", 1: "B"}
    assert Move((1, 0), 1).describe(labels, ctx) == "Moved 4 comments (2 distinct texts) to 'B'"
    assert Move((0,), 1).describe(labels, ctx) == "Moved 3 comments (1 distinct text) to 'B'"
    assert Move((5,), UNASSIGNED).describe(labels, ctx) == "Moved 1 comment to unassigned"


def test_delete_to_unassigned_or_next_best(state: EditState, ctx: Context) -> None:
    gone = Delete(2).apply(Rename(2, "C").apply(state, ctx), ctx)
    assert list(gone.labels[21:]) == [UNASSIGNED] * 4
    assert gone.custom == {}
    # Next-best: B2 texts go back to the closest remaining centre, or stay unassigned when
    # no centre is close enough (the clusters here are orthogonal: cosine ~0).
    s = Split(1, 2).apply(state, ctx)
    nxt = Delete(3, to_next=True).apply(s, ctx)
    assert 3 not in nxt.theme_ids()
    assert list(nxt.labels[16:21]) == [UNASSIGNED] * 5
    X = ctx.X.copy()
    X[16:21] = _unit(X[16:21] + X[10:16].mean(axis=0))  # now B2 leans towards B1
    near = Context(X, ctx.weights, ctx.config)
    assert list(Delete(3, to_next=True).apply(s, near).labels[16:21]) == [1] * 5


@pytest.mark.parametrize("edit", [Rename(1, "x"), Merge((1, 2), None), Merge((0, 2), "y"),
                                  Split(1, 3), Move((1, 2), -1), Delete(2, True),
                                  RenameFamily(1, "x"), SetFamilies(3), MoveToFamily(1, 2),
                                  Recluster(4)])
def test_params_round_trip_through_json(edit: object) -> None:
    params = json.loads(json.dumps(to_params(edit)))  # type: ignore[arg-type]
    assert from_params(edit.op, params) == edit  # type: ignore[attr-defined]


def test_unknown_op_is_an_edit_error() -> None:
    with pytest.raises(EditError):
        from_params("explode", {})


def test_a_manual_move_wins_over_the_nearest_centre(state: EditState, ctx: Context) -> None:
    from themesift.themes.cluster import centroids_of

    moved = Move((0,), 2).apply(state, ctx)  # text 0 is an "A" text, now in C by hand
    ids, cents = centroids_of(ctx.X, moved.labels)
    a = text_assignments(moved, ctx.X, cents, ids, ctx.config)
    assert a.primary[0] == 2
    assert a.themes[0][0] == 2 and 0 in a.themes[0][1:]  # its nearest theme is listed next
    assert a.confidence[0] < 0.05  # far from C's centre
    assert a.primary[1] == 0 and a.confidence[1] > 0.9


def test_recluster_starts_the_themes_afresh_with_new_ids(state: EditState, ctx: Context) -> None:
    named = Rename(0, "Mine").apply(state, ctx)
    again = Recluster(4).apply(named, ctx)
    ids = again.theme_ids()
    assert len(ids) == 4 and min(ids) >= state.next_id  # no id of an old theme reused
    assert again.custom == {} and again.manual == frozenset()
    sizes = [int((again.labels == t).sum()) for t in ids]
    assert sizes == sorted(sizes, reverse=True) == [10, 6, 5, 4]  # biggest first
    assert Recluster(4).apply(state, ctx).labels.tolist() == again.labels.tolist()  # seeded
    with pytest.raises(EditError, match="number of themes"):
        Recluster(0).apply(state, ctx)


def test_family_edits_check_their_themes(state: EditState, ctx: Context) -> None:
    with pytest.raises(EditError):
        MoveToFamily(0, 99).apply(state, ctx)
    with pytest.raises(EditError):
        RenameFamily(0, "   ").apply(state, ctx)
    with pytest.raises(EditError):
        SetFamilies(-1).apply(state, ctx)
    moved = MoveToFamily(0, 1).apply(state, ctx)
    assert moved.family_links == {0: 1}
    assert SetFamilies(0).apply(moved, ctx).n_families is None
