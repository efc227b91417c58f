"""Edit: rename, merge, split and delete themes; undo; the edit history."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from themesift.project import (
    MAX_SPLIT,
    Delete,
    Edit,
    Merge,
    MoveToFamily,
    Recluster,
    Rename,
    RenameFamily,
    SetFamilies,
    Split,
    View,
)
from themesift.ui.frames import history_frame
from themesift.ui.state import LOST, choice_lost, forget_stale
from themesift.ui.theme_page import pick_theme

EditFn = Callable[[Edit], None]


def render_edit(view: View, *, on_edit: EditFn, on_undo: Callable[[], None],
                key: str = "edit") -> None:
    st.header("Edit themes")
    st.caption("Every edit is saved at once; counts, keywords, label suggestions and quotes are "
               "recomputed. Labels you write are never overwritten. To move comments, select "
               "them on the Theme page.")
    active = view.edits_in_effect
    c1, c2 = st.columns([1, 3])
    if c1.button("Undo last edit", key=f"{key}_undo", disabled=not active):
        on_undo()
    c2.caption(f"Would undo: {active[-1].summary}" if active else "Nothing to undo.")
    if not view.themes:
        st.info("No themes to edit.")
    else:
        _rename(view, on_edit, f"{key}_rename")
        _merge(view, on_edit, f"{key}_merge")
        _split(view, on_edit, f"{key}_split")
        _delete(view, on_edit, f"{key}_delete")
        _families(view, on_edit, f"{key}_families")
        _recluster(view, on_edit, f"{key}_recluster")
    st.subheader("History")
    hist = history_frame(view)
    if len(hist):
        st.dataframe(hist, key=f"{key}_history", hide_index=True, width="stretch")
    else:
        st.caption("No edits yet.")


def _rename(view: View, on_edit: EditFn, key: str) -> None:
    with st.expander("Rename a theme", expanded=True):
        tid = pick_theme(view, key=f"{key}_theme")
        assert tid is not None
        theme = view.theme(tid)
        if theme.label_suggestions:
            st.caption("Suggestions: " + "; ".join(theme.label_suggestions))
        label = st.text_input("New label", key=f"{key}_label", max_chars=120)
        if _clicked("Rename", key):
            on_edit(Rename(tid, label))


def _merge(view: View, on_edit: EditFn, key: str) -> None:
    with st.expander("Merge themes"):
        names = {t.id: f"{t.label} ({t.size})" for t in view.themes}
        forget_stale(f"{key}_themes", names, many=True)
        chosen = st.multiselect("Themes to merge (two or more)", list(names),
                                format_func=lambda i: names[i], key=f"{key}_themes")
        label = st.text_input("Label for the merged theme (optional)", key=f"{key}_label",
                              max_chars=120,
                              help="Empty: keep a label you wrote, else name it from its comments."
                              )
        if _clicked("Merge", key, chooser=f"{key}_themes"):
            on_edit(Merge(tuple(int(t) for t in chosen), label.strip() or None))


def _split(view: View, on_edit: EditFn, key: str) -> None:
    with st.expander("Split a theme"):
        tid = pick_theme(view, key=f"{key}_theme")
        assert tid is not None
        st.session_state.setdefault(f"{key}_k", 2)
        k = st.number_input("Into how many sub-themes", min_value=2, max_value=MAX_SPLIT, step=1,
                            key=f"{key}_k")
        st.caption("Re-clusters the theme's comments with k-means (seeded: the same split "
                   "every time). The biggest part keeps the theme's label.")
        if _clicked("Split", key):
            on_edit(Split(tid, int(k)))


def _delete(view: View, on_edit: EditFn, key: str) -> None:
    with st.expander("Delete a theme"):
        tid = pick_theme(view, key=f"{key}_theme")
        assert tid is not None
        where = st.radio("Its comments", ["become unassigned", "go to their next-best theme"],
                         key=f"{key}_where", horizontal=True)
        if _clicked("Delete", key):
            on_edit(Delete(tid, to_next=where.startswith("go")))


def _families(view: View, on_edit: EditFn, key: str) -> None:
    with st.expander("Families: rename, more or fewer, flatten"):
        asked = view.state.n_families
        st.caption(f"{len(view.families)} families of {len(view.themes)} themes"
                   + (f" ({asked} asked for)." if asked else " (chosen automatically: about "
                      "three themes each, 4 to 12).") + " Families are regrouped after every "
                   "edit of the themes; a family's name follows its biggest theme.")
        if view.families:
            ids = [f.id for f in view.families]
            names = {f.id: f"{f.label} ({f.size})" for f in view.families}
            forget_stale(f"{key}_family", names)
            fid = st.selectbox("Family", ids, format_func=lambda i: names[i],
                               key=f"{key}_family")
            label = st.text_input("New family name", key=f"{key}_label", max_chars=120)
            if st.button("Rename family", key=f"{key}_rename"):
                family = next(f for f in view.families if f.id == fid)
                on_edit(RenameFamily(family.theme_ids[0], label))
            st.markdown("**Move a theme to another family**")
            tid = pick_theme(view, key=f"{key}_theme")
            assert tid is not None
            own = -1
            targets = [own, *(f.id for f in view.families if tid not in f.theme_ids)]
            forget_stale(f"{key}_to", {own: "", **names})
            to = st.selectbox("To", targets, key=f"{key}_to",
                              format_func=lambda i: "(a family of its own)" if i == own
                              else names[i])
            if st.button("Move theme", key=f"{key}_move"):
                join = next((f.theme_ids[0] for f in view.families if f.id == to), tid)
                on_edit(MoveToFamily(tid, join))
        c1, c2, c3 = st.columns(3)
        st.session_state.setdefault(f"{key}_n", max(1, len(view.families)))
        n = c1.number_input("Number of families", min_value=1,
                            max_value=max(1, len(view.themes)), step=1, key=f"{key}_n")
        if c1.button("Regroup", key=f"{key}_regroup"):
            on_edit(SetFamilies(int(n)))
        if c2.button("Flatten (one family per theme)", key=f"{key}_flat"):
            on_edit(SetFamilies(MAX_FAMILIES_ASKED))
        if c3.button("Automatic", key=f"{key}_auto", disabled=asked is None):
            on_edit(SetFamilies(0))


MAX_FAMILIES_ASKED = 200  # "as many families as themes"


def _recluster(view: View, on_edit: EditFn, key: str) -> None:
    with st.expander("More or fewer themes: cluster the comments again"):
        st.caption("Clusters every comment again into the number of themes you ask for. "
                   "The themes start afresh: labels you wrote, moves and family edits do "
                   "not carry over (Undo brings them back).")
        st.session_state.setdefault(f"{key}_n", max(1, len(view.themes)))
        n = st.number_input("Number of themes", min_value=1,
                            max_value=max(1, min(MAX_FAMILIES_ASKED, len(view.base.X))),
                            step=1, key=f"{key}_n")
        if st.button("Cluster again", key=f"{key}_go"):
            on_edit(Recluster(int(n)))


def _clicked(label: str, key: str, *, chooser: str | None = None) -> bool:
    """The button was clicked and the themes it acts on are still the ones chosen."""
    if not st.button(label, key=f"{key}_go"):
        return False
    if choice_lost(chooser or f"{key}_theme"):
        st.warning(LOST)
        return False
    return True
