"""The SQLite project store: exact reopening, one transaction per edit, undo, two readers."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

from app_support import copy_project, embed, hcsa_analysis
from themesift.errors import ThemesiftError
from themesift.project import project
from themesift.project.edits import EditError, Merge, Move, Rename, Split
from themesift.project.project import apply_edit, build_view, load_base, undo
from themesift.project.store import ProjectStore, list_projects, safe_name

pytestmark = pytest.mark.slow


@pytest.fixture()
def store(tmp_path: Path) -> ProjectStore:
    return ProjectStore(copy_project(tmp_path))


def test_reopening_restores_the_analysis_exactly(store: ProjectStore) -> None:
    analysis, _ = hcsa_analysis()
    base = load_base(store)
    assert base.cleaned.corpus.ids == analysis.cleaned.corpus.ids
    assert base.cleaned.texts == analysis.cleaned.texts
    assert base.cleaned.status == analysis.cleaned.status
    assert base.cleaned.report == analysis.cleaned.report
    assert base.distinct.texts == analysis.distinct.texts
    assert np.array_equal(base.distinct.source, analysis.distinct.source)
    assert np.array_equal(base.X, analysis.embeddings)  # float32, bit for bit
    assert base.X.dtype == np.float32
    assert base.cleaned.corpus.groups == analysis.cleaned.corpus.groups
    view = build_view(base, store)
    assert np.array_equal(view.row_labels, analysis.assignments.primary)
    assert sum(t.size for t in view.themes) + view.unassigned == analysis.cleaned.report.substantive


def test_file_is_wal_and_holds_no_pickle(store: ProjectStore) -> None:
    con = sqlite3.connect(store.path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    blob = con.execute("SELECT data FROM arrays WHERE name='embeddings'").fetchone()[0]
    con.close()
    assert not blob.startswith(b"\x80")  # raw float32 bytes, not a pickle stream
    assert len(blob) == load_base(store).X.size * 4


def test_an_edit_is_logged_and_survives_reopening(store: ProjectStore) -> None:
    base = load_base(store)
    before = build_view(base, store)
    tid = before.themes[0].id
    version = apply_edit(store, base, Rename(tid, "Not heard of STPs"), embed())
    reopened = ProjectStore(store.path)  # a fresh reader (another tab, or after a restart)
    view = build_view(load_base(reopened), reopened)
    assert view.version == version == before.version + 1
    assert view.theme(tid).label == "Not heard of STPs" and view.theme(tid).custom_label
    assert [e.op for e in view.history] == ["rename"]
    assert view.history[0].summary.startswith(f"Renamed '{before.themes[0].label}'")


def test_a_failed_edit_changes_nothing(store: ProjectStore,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    base = load_base(store)
    v0 = build_view(base, store)

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("describe failed half-way")

    monkeypatch.setattr(project, "recompute", boom)
    with pytest.raises(RuntimeError):
        apply_edit(store, base, Merge((v0.themes[0].id, v0.themes[1].id)), embed())
    v1 = build_view(base, store)
    assert v1.version == v0.version and v1.history == ()
    assert np.array_equal(v1.state.labels, v0.state.labels)
    with pytest.raises(EditError):
        apply_edit(store, base, Rename(999, "x"), embed())
    assert build_view(base, store).version == v0.version


def test_undo_restores_the_previous_state_exactly(store: ProjectStore) -> None:
    base = load_base(store)
    v0 = build_view(base, store)
    a, b = v0.themes[0].id, v0.themes[1].id
    apply_edit(store, base, Rename(b, "Cuts"), embed())
    v1 = build_view(base, store)
    apply_edit(store, base, Merge((a, b)), embed())
    apply_edit(store, base, Split(a, 2), embed())
    apply_edit(store, base, Move((0, 1), -1), embed())
    undo(store, base, embed())
    undo(store, base, embed())
    undo(store, base, embed())
    v = build_view(base, store)
    assert np.array_equal(v.state.labels, v1.state.labels)
    assert v.state.custom == v1.state.custom and v.state.manual == v1.state.manual
    assert [(t.id, t.label, t.size, t.keywords) for t in v.themes] == \
        [(t.id, t.label, t.size, t.keywords) for t in v1.themes]
    assert v.quote_rows == v1.quote_rows
    # The log only grows: four edits and three undos, one edit still in effect.
    assert [e.op for e in v.history] == ["rename", "merge", "split", "move", "undo", "undo",
                                         "undo"]
    assert [e.op for e in v.edits_in_effect] == ["rename"]
    undo(store, base, embed())
    assert build_view(base, store).state.custom == {}
    with pytest.raises(EditError, match="nothing to undo"):
        undo(store, base, embed())


def test_two_sessions_see_the_same_state(store: ProjectStore) -> None:
    tab1, tab2 = ProjectStore(store.path), ProjectStore(store.path)
    base = load_base(tab1)
    uid, v = tab2.token()
    tid = build_view(base, tab1).themes[-1].id
    apply_edit(tab1, base, Rename(tid, "From tab one"), embed())
    assert tab2.token() == (uid, v + 1)
    assert build_view(load_base(tab2), tab2).theme(tid).label == "From tab one"


def test_create_never_overwrites_a_project(store: ProjectStore) -> None:
    analysis, session = hcsa_analysis()
    before = store.token()
    with pytest.raises(ThemesiftError, match="already exists"):
        project.create_project(store.path, analysis, nlp=session.nlp, embed=embed())
    assert store.token() == before
    assert list_projects(store.path.parent) == ["sample"]
    assert not [p.name for p in store.path.parent.iterdir() if ".tmp" in p.name]


def test_project_names_are_safe() -> None:
    assert safe_name(" NHS survey: 2024/25 ") == "NHS-survey-2024-25"
    with pytest.raises(ThemesiftError):
        safe_name("../..")


def test_stability_stays_only_with_unchanged_themes(store: ProjectStore) -> None:
    analysis, _ = hcsa_analysis()
    scored = {t.id: t.stability for t in analysis.themes if t.stability is not None}
    base = load_base(store)
    assert base.stability == scored
    v0 = build_view(base, store)
    for t in v0.themes:
        if t.id in scored and np.array_equal(v0.state.labels == t.id, base.base_labels == t.id):
            assert t.stability == scored[t.id]
    a, b = v0.themes[0].id, v0.themes[1].id
    untouched = [t.id for t in v0.themes if t.id not in (a, b) and t.stability is not None]
    apply_edit(store, base, Merge((a, b)), embed())
    v1 = build_view(base, store)
    assert v1.theme(a).stability is None  # new membership: the old score no longer applies
    assert all(v1.theme(t).stability == scored[t] for t in untouched)


def test_taking_an_automatic_label_says_which_theme_was_relabelled(store: ProjectStore) -> None:
    base = load_base(store)
    before = build_view(base, store)
    a, b = before.themes[0], before.themes[1]
    apply_edit(store, base, Rename(b.id, "Nothing relabelled"), embed())
    assert store.history()[-1].summary == f"Renamed '{b.label}' to 'Nothing relabelled'"
    apply_edit(store, base, Rename(b.id, a.label), embed())  # takes theme a's automatic label
    after = build_view(base, store)
    assert after.theme(b.id).label == a.label
    moved = after.theme(a.id).label
    assert moved != a.label and not after.theme(a.id).custom_label
    assert store.history()[-1].summary == (
        f"Renamed 'Nothing relabelled' to '{a.label}' "
        f"(relabelled automatically: '{a.label}' is now '{moved}')")
