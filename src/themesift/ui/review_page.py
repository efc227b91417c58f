"""Review: the comments the model is least sure of, to code first; the model learns."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from themesift.project import View, review_queue
from themesift.types import UNASSIGNED

CodeFn = Callable[[tuple[int, ...], tuple[int, ...]], None]
SKIP = -99  # choice: leave this comment for now


def _name_of(labels: dict[int, str], first: int, second: int) -> Callable[[int], str]:
    names = {**labels, UNASSIGNED: "(none of these: unassigned)", SKIP: "(not coded yet)",
             first: f"✓ {labels[first]} (the model's choice)",
             second: f"{labels[second]} (runner-up)"}
    return lambda t: names[t]


def render_review(view: View, *, on_code: CodeFn, key: str = "review") -> None:
    st.header("Least certain first")
    st.caption("The comments whose two closest themes are nearly as close as each other: "
               "where the model is weakest. For each, confirm the model's choice or choose "
               "another theme (comments left 'not coded yet' are not touched), then code them. "
               "Comments you code keep their theme; the model learns from every comment coded "
               "by hand (here or moved on the Theme page) and moves other comments only where "
               "your coding says it was wrong.")
    coded = len(view.state.manual)
    st.caption(f"Coded by hand so far: {coded} distinct comment{'s' if coded != 1 else ''}.")
    n = int(st.number_input("How many comments", min_value=1, max_value=50, value=10,
                            key=f"{key}_n"))
    queue = review_queue(view, n)
    if not queue:
        st.info("Nothing to review: the project needs two themes and comments not yet coded.")
        return
    labels = {t.id: t.label for t in view.themes}
    texts = view.base.distinct.texts
    choices: list[tuple[int, int]] = []
    for i, item in enumerate(queue):
        options: list[int] = [
            SKIP, item.first, item.second,
            *[t.id for t in view.themes if t.id not in (item.first, item.second)],
            UNASSIGNED]
        st.markdown(f"**{i + 1}.** {texts[item.text]}")
        choice = st.selectbox(
            f"Theme for comment {i + 1}", options,
            format_func=_name_of(labels, item.first, item.second),
            help=f"The model finds '{labels[item.first]}' and '{labels[item.second]}' almost "
                 f"equally close (difference in similarity {item.margin:.3f}).",
            key=f"{key}_{view.base.uid}_{view.version}_{item.text}")
        choices.append((item.text, int(choice if choice is not None else SKIP)))
    picked = [(t, c) for t, c in choices if c != SKIP]
    if st.button(f"Code {len(picked)} comment{'s' if len(picked) != 1 else ''} and teach",
                 key=f"{key}_code", type="primary", disabled=not picked):
        with st.spinner("Coding and teaching the model…"):
            on_code(tuple(t for t, _ in picked), tuple(c for _, c in picked))
