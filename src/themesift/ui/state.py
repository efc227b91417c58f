"""Widget state that must outlive a rerun: across pages, for a new default, or gone stale.

Streamlit forgets a widget's value when a run does not draw it (another page is
open), gives a keyed widget's old value priority over a new default, and keeps
a chosen option that an edit (perhaps in another tab) has since removed.  These
helpers handle the three cases; pages call them before drawing the widget.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence

import streamlit as st

# Choices a researcher expects to find again on coming back to a page.
KEPT = ("theme_pick", "theme_search",
        "edit_rename_theme", "edit_rename_label", "edit_merge_themes", "edit_merge_label",
        "edit_split_theme", "edit_split_k", "edit_delete_theme", "edit_delete_where",
        "export_fmt", "export_per", "export_model", "export_replace")

LOST = ("The theme you had chosen no longer exists (an edit, perhaps in another tab, removed "
        "it). Nothing was changed: check the choice above and click again.")


def keep_widgets(keys: Iterable[str] = KEPT) -> None:
    """At the top of every run: keep these widgets' values while their page is not shown.

    Writing a widget's value back to Session State makes it the app's value, which
    Streamlit does not clean up (the documented way to interrupt widget clean-up).
    """
    state = st.session_state
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


def forget_stale(key: str, ids: Sequence[int], *, many: bool = False) -> None:
    """Before a theme chooser is drawn: drop chosen themes that no longer exist.

    The chooser then falls back to its default, so this run's button must not act
    on it: :func:`choice_lost` tells the caller.
    """
    state = st.session_state
    lost = False
    if key in state:
        value = state[key]
        if many:
            kept = [v for v in value if v in ids]
            lost = len(kept) != len(value)
            if lost:
                state[key] = kept
        elif value not in ids:
            lost = True
            del state[key]
    state[f"{key}__lost"] = lost


def choice_lost(key: str) -> bool:
    return bool(st.session_state.get(f"{key}__lost"))
