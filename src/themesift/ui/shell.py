"""The app's frame: which project is open, the first-start sample, errors and edits.

``app.py`` calls these; pages only render.  Nothing here shows a stack trace:
input problems (ThemesiftError) become one st.error line, anything unexpected
is logged and reported in one line too, and the project file is untouched
unless an edit completed.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from themesift.api import analyses_qda_bytes, new_project, report_bytes, save_analysis
from themesift.config import Config
from themesift.errors import ThemesiftError
from themesift.ingest import read_table
from themesift.progress import stage_text
from themesift.project import (
    Edit,
    EditError,
    ProjectStore,
    SurveyIndex,
    View,
    apply_edit,
    list_projects,
    list_surveys,
    project_path,
    projects_dir,
    read_survey_index,
    safe_name,
    undo,
)
from themesift.types import Analysis, Progress, Question
from themesift.ui import cache
from themesift.ui.data_page import NewProject

log = logging.getLogger(__name__)

PAGES = ("Data", "Themes", "Theme", "Review", "Map", "Edit", "Export")
SURVEY_PAGES = ("Survey", *PAGES)  # a survey project: first an overview of its questions
SAMPLE_PROJECT = "sample"
DEFAULT_MAX_UPLOAD_MB = 100.0


@dataclass(frozen=True)
class Sample:
    file: Path
    text_col: str
    id_col: str | None
    group_cols: tuple[str, ...]


def first_start_sample(root: Path) -> Sample | None:
    """The sample analysed on first start: $THEMESIFT_SAMPLE ('nhs', 'hcsa', 'none')."""
    which = os.environ.get("THEMESIFT_SAMPLE", "nhs").lower()
    if which == "none":
        return None
    if which == "hcsa":
        return Sample(root / "data" / "hcsa_stp_2017_quotes.csv", "text", "id", ("report_theme",))
    return Sample(root / "data" / "nhs_fft_sample.csv", "text", "id", ("trust",))


def max_upload_mb() -> float:
    try:
        return float(os.environ.get("THEMESIFT_MAX_UPLOAD_MB", DEFAULT_MAX_UPLOAD_MB))
    except ValueError:
        return DEFAULT_MAX_UPLOAD_MB


def analyse_new(spec: NewProject, progress: Progress) -> str:
    """Analyse a table into a new project (several open questions: a survey project);
    an existing project is never touched.  Returns the name to open."""
    config = Config(keep_words=spec.keep_words, discover=spec.discover)
    with cache.analysis_lock():
        name = safe_name(spec.name)
        if name in taken_names():
            raise ThemesiftError(f"a project called '{name}' exists already: choose another "
                                 "name")
        return new_project(spec.frame, name, text=spec.text_cols, id=spec.id_col,
                           groups=spec.group_cols, source=spec.source, config=config,
                           embed=cache.embed_for(config.embedder), dont_know=spec.dont_know,
                           progress=progress, codebook=spec.codes)


def taken_names() -> list[str]:
    """Names of the projects and survey projects that exist (a new one may not take them)."""
    return sorted({*list_projects(), *list_surveys()})


def ensure_sample(root: Path) -> None:
    """Analyse the first-start sample into project 'sample' unless some project exists."""
    sample = first_start_sample(root)
    if sample is None or list_projects():
        return
    note = st.empty()
    note.info("First start: analysing the bundled sample "
              f"({sample.file.name}) once. Later starts open it at once.")
    bar = st.progress(0.0, text="Waiting for the models…")

    def progress(stage: str, done: int, total: int) -> None:
        bar.progress(min(1.0, done / total) if total else 0.0,
                     text=f"{stage_text(stage)}: {done:,} of {total:,}")

    spec = NewProject(read_table(sample.file), sample.file.name, (sample.text_col,),
                      sample.id_col, sample.group_cols, SAMPLE_PROJECT)
    try:
        analyse_new(spec, progress)
    except ThemesiftError:
        if not list_projects():  # not merely another session finishing first
            raise
    finally:
        note.empty()
        bar.empty()


def apply_pending() -> None:
    """Navigation requested in the previous run (or by the URL on a fresh session)."""
    state = st.session_state
    if "page" not in state and st.query_params.get("page") in PAGES:
        state["page"] = st.query_params["page"]
    if "project" not in state and st.query_params.get("project"):
        state["project"] = st.query_params["project"]
    for src, dst in (("goto_page", "page"), ("goto_project", "project")):
        if src in state:
            state[dst] = state.pop(src)
    for src in [k for k in state if isinstance(k, str) and k.startswith("goto_question::")]:
        state[src.removeprefix("goto_")] = state.pop(src)
    state.setdefault("page", "Themes")


def choose_project(root: Path) -> tuple[ProjectStore | None, SurveyIndex | None]:
    """The sidebar's project chooser, and for a survey project its question chooser:
    the open project (a survey's chosen question) and its survey (None for a plain one)."""
    with guard():
        ensure_sample(root)
    surveys = {}
    for name in list_surveys():
        try:
            surveys[name] = read_survey_index(name)
        except ThemesiftError as exc:
            log.warning("%s", exc)
    members = {p for index in surveys.values() for p in index.projects}
    names = sorted({*(p for p in list_projects() if p not in members), *surveys})
    if not names:
        return None, None
    if st.session_state.get("project") not in names:
        st.session_state["project"] = SAMPLE_PROJECT if SAMPLE_PROJECT in names else names[0]
    name = st.sidebar.selectbox("Project", names, key="project")
    if name in surveys:
        index = surveys[name]
        texts = {p: f"{k}: {t}" if t else k for k, t, p in index.questions}
        pick_key = f"question::{name}"
        if st.session_state.get(pick_key) not in texts:
            st.session_state[pick_key] = index.projects[0]
        member = st.sidebar.selectbox("Question", list(texts), key=pick_key,
                                      format_func=lambda p: _short(texts[p]))
        st.sidebar.caption(f"Survey of {len(index.questions)} open questions, from "
                           f"{index.source or 'an upload'}")
        return ProjectStore(project_path(member)), index
    st.sidebar.caption(f"Saved in {projects_dir() / (name + '.sqlite')}")
    return ProjectStore(project_path(name)), None


def _short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def flash(message: str) -> None:
    st.session_state["flash"] = message


def show_flash() -> None:
    message = st.session_state.pop("flash", None)
    if message:
        st.success(message)


@contextlib.contextmanager
def guard() -> Iterator[None]:
    """Show problems as one line in the page, never as a stack trace."""
    try:
        yield
    except ThemesiftError as exc:
        st.error(str(exc))
    except Exception as exc:  # noqa: BLE001 - the page must survive anything
        log.exception("unexpected error in the app")
        st.error(f"Unexpected problem ({type(exc).__name__}: {exc}). Your project is safe: "
                 "every completed edit is saved.")


def run_edit(store: ProjectStore, view: View, edit: Edit) -> None:
    try:
        apply_edit(store, view.base, edit, cache.embed_for(view.base.config.embedder))
    except EditError as exc:
        st.error(f"Not applied: {exc}")
        return
    flash(f"Saved: {store.history()[-1].summary}.")
    st.rerun()


def run_undo(store: ProjectStore, view: View) -> None:
    try:
        undo(store, view.base, cache.embed_for(view.base.config.embedder))
    except EditError as exc:
        st.error(f"Not undone: {exc}")
        return
    flash("Undone: " + (view.edits_in_effect[-1].summary if view.edits_in_effect else "last edit"))
    st.rerun()


def save_model(view: View, name: str, replace: bool) -> Path:
    """Save the current themes as a model folder; an existing one only when ``replace``."""
    folder = Path(os.environ.get("THEMESIFT_MODELS") or "models")
    out = folder / safe_name(name, "model")
    if out.exists() and not replace:
        raise ThemesiftError(f"a model called '{out.name}' exists already in {folder}: choose "
                             "another name, or tick 'Replace a saved model of the same name'")
    return save_analysis(view.as_analysis(), out)


def open_question(survey: SurveyIndex, project: str, page: str = "Themes") -> None:
    """Switch to another question of the open survey project (on the next run)."""
    st.session_state[f"goto_question::{survey.name}"] = project
    st.session_state["goto_page"] = page
    st.rerun()


def report_file(store: ProjectStore, survey: SurveyIndex | None, fmt: str,
                by: list[str]) -> bytes:
    """The report of the open project (every question of a survey), with its edits."""
    questions, source = _questions(store, survey)
    return report_bytes(questions, source=source, fmt=fmt, by=by)


def qda_file(store: ProjectStore, survey: SurveyIndex | None, fmt: str) -> bytes:
    """The open project (every question of a survey), with its edits, as REFI-QDA."""
    questions, source = _questions(store, survey)
    return analyses_qda_bytes(questions, source=source, fmt=fmt)


def _questions(store: ProjectStore, survey: SurveyIndex | None
               ) -> tuple[list[tuple[Question, Analysis]], str]:
    if survey is None:
        view = cache.current_view(store)
        questions = [(Question(view.cleaned.corpus.text_col), view.as_analysis())]
        source = view.cleaned.corpus.source or view.base.name
    else:
        questions = [(Question(k, t), cache.current_view(ProjectStore(project_path(p)))
                      .as_analysis()) for k, t, p in survey.questions]
        source = survey.source or survey.name
    return questions, source


def after_analysis(name: str) -> None:
    st.session_state["goto_project"] = name
    st.session_state["goto_page"] = "Themes"
    flash(f"Analysed into project '{name}'.")
    st.rerun()
