"""A project's families (regrouped after edits, renamed, more or fewer, flat) and the
sentiment it stores."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from app_support import copy_project, embed
from themesift.project import MoveToFamily, Recluster, RenameFamily, SetFamilies
from themesift.project.project import apply_edit, build_view, load_base, undo
from themesift.project.store import ProjectStore
from themesift.sentiment import score_texts

pytestmark = pytest.mark.slow


@pytest.fixture()
def store(tmp_path: Path) -> ProjectStore:
    return ProjectStore(copy_project(tmp_path))


def _partition(view) -> list[tuple[int, ...]]:  # type: ignore[no-untyped-def]
    return sorted(f.theme_ids for f in view.families)


def test_families_hold_every_theme_once(store: ProjectStore) -> None:
    view = build_view(load_base(store), store)
    held = sorted(t for f in view.families for t in f.theme_ids)
    assert held == sorted(t.id for t in view.themes)
    assert 1 <= len(view.families) <= len(view.themes)
    assert sum(f.size for f in view.families) == sum(t.size for t in view.themes)


def test_renaming_asking_for_more_and_flattening_families(store: ProjectStore) -> None:
    base = load_base(store)
    v0 = build_view(base, store)
    auto = _partition(v0)
    apply_edit(store, base, SetFamilies(len(v0.themes) + 5), embed())  # flat
    flat = build_view(base, store)
    assert _partition(flat) == [(t.id,) for t in sorted(flat.themes, key=lambda t: t.id)]
    assert flat.history[-1].summary == "Flattened the families"
    apply_edit(store, base, SetFamilies(2), embed())
    assert len(build_view(base, store).families) == 2
    apply_edit(store, base, SetFamilies(0), embed())  # automatic again
    assert _partition(build_view(base, store)) == auto
    anchor = v0.families[0].theme_ids[0]
    apply_edit(store, base, RenameFamily(anchor, "  Money   and plans "), embed())
    reopened = ProjectStore(store.path)
    view = build_view(load_base(reopened), reopened)
    named = next(f for f in view.families if anchor in f.theme_ids)
    assert named.label == "Money and plans" and named.custom_label
    undo(store, base, embed())
    named = next(f for f in build_view(base, store).families if anchor in f.theme_ids)
    assert named.label != "Money and plans" and not named.custom_label


def test_the_project_stores_its_texts_sentiment(store: ProjectStore) -> None:
    base = load_base(store)
    fresh = score_texts(base.distinct.texts)
    assert base.sentiment is not None
    assert base.sentiment.label == fresh.label
    assert np.array_equal(base.sentiment.score, fresh.score)
    view = build_view(base, store)
    by_theme, by_family = view.sentiment
    assert set(by_theme) == {t.id for t in view.themes}
    assert set(by_family) == {f.id for f in view.families}
    analysis = view.as_analysis()
    assert analysis.families == view.families and analysis.sentiment is base.sentiment


def test_regrouping_a_theme_by_hand_and_clustering_again(store: ProjectStore) -> None:
    base = load_base(store)
    v0 = build_view(base, store)
    pair = next(f for f in v0.families if len(f.theme_ids) > 1)
    alone = next(f for f in v0.families if len(f.theme_ids) == 1).theme_ids[0]
    apply_edit(store, base, MoveToFamily(alone, pair.theme_ids[0]), embed())
    joined = next(f for f in build_view(base, store).families if alone in f.theme_ids)
    assert set(pair.theme_ids) | {alone} == set(joined.theme_ids)
    apply_edit(store, base, MoveToFamily(pair.theme_ids[1], pair.theme_ids[1]), embed())
    view = build_view(base, store)
    assert (pair.theme_ids[1],) in [f.theme_ids for f in view.families]
    apply_edit(store, base, Recluster(3), embed())
    view = build_view(base, store)
    assert len(view.themes) == 3 and min(t.id for t in view.themes) >= len(v0.themes)
    assert view.history[-1].summary.startswith("Clustered the comments again into 3 themes")
    undo(store, base, embed())
    back = build_view(base, store)
    assert sorted(t.id for t in back.themes) == sorted(t.id for t in v0.themes)
    assert (pair.theme_ids[1],) in [f.theme_ids for f in back.families]  # the regrouping too
