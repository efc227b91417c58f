"""Widget state that must outlive a rerun: across pages, for a new default, or gone stale.

Streamlit forgets a widget's value when a run does not draw it (another page is
open), gives a keyed widget's old value priority over a new default, and keeps
a chosen option that an edit (perhaps in another tab) has since removed.  These
helpers handle the three cases; pages call them before drawing the widget.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping

import streamlit as st

# Choices a researcher expects to find again on coming back to a page.
KEPT = ("theme_pick", "theme_search",
        "edit_rename_theme", "edit_rename_label", "edit_merge_themes", "edit_merge_label",
        "edit_split_theme", "edit_split_k", "edit_delete_theme", "edit_delete_where",
        "export_fmt", "export_per", "export_model")
# Never carried to another project (a ticked "Replace" must be ticked for that project).
RESET = ("export_replace", "theme_nquotes")

LOST = ("The theme you had chosen was changed or removed since this page was drawn (by an "
        "edit, perhaps in another tab). Nothing was changed: check the choice above and click "
        "again.")


def keep_widgets(project: str | None, keys: Iterable[str] = KEPT) -> None:
    """Before any page is drawn: keep these widgets' values while their page is not shown,
    and forget them (and ``RESET``) when another project is opened.

    Writing a widget's value back to Session State makes it the app's value, which
    Streamlit does not clean up (the documented way to interrupt widget clean-up).
    """
    state = st.session_state
    if state.get("_kept_for") != project:
        for key in (*keys, *RESET):
            state.pop(key, None)
        state["_kept_for"] = project
        return
    for key in keys:
        if key in state:
            state[key] = state[key]


def default_for(key: str, value: object, *, owner: Hashable) -> None:
    """Set a widget's starting value; set it again when ``owner`` (a file, a project) changes.

    The widget must then be drawn without its own default (``value=``/``index=``).
    """
    state = st.session_state
    mark = f"{key}__owner"
    if key not in state or state.get(mark) != owner:
        state[key] = value
        state[mark] = owner


def forget_stale(key: str, themes: Mapping[int, Hashable], *, many: bool = False) -> None:
    """Before a theme chooser is drawn: check the chosen themes against ``themes``
    (id -> what the chooser shows of it, e.g. label and size).

    A chosen theme that no longer exists is dropped, so the chooser falls back to its
    default; one that changed since this session last drew the chooser (merged into,
    relabelled, or an id reused after an undo) stays chosen.  Either way this run's
    button must not act: :func:`choice_lost` tells the caller.
    """
    state = st.session_state
    seen = state.get(f"{key}__seen", {})
    lost = False
    if key in state:
        chosen = list(state[key]) if many else [state[key]]
        gone = [v for v in chosen if v not in themes]
        lost = bool(gone) or any(v in seen and seen[v] != themes[v] for v in chosen)
        if gone and many:
            state[key] = [v for v in chosen if v in themes]
        elif gone:
            del state[key]
    state[f"{key}__lost"] = lost
    state[f"{key}__seen"] = dict(themes)


def choice_lost(key: str) -> bool:
    return bool(st.session_state.get(f"{key}__lost"))
