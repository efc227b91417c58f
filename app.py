"""themesift in the browser: `make run`, then open http://localhost:8501.

Thin on purpose: widgets -> library calls -> render functions (themesift.ui).
"""

from pathlib import Path

import streamlit as st

from themesift.api import codebook_from_upload
from themesift.project import CodeComments, Move, ProjectStore, project_path
from themesift.ui import cache, shell, state
from themesift.ui.data_page import render_new_analysis, render_report
from themesift.ui.edit_page import render_edit
from themesift.ui.export_page import render_export
from themesift.ui.map_page import render_map
from themesift.ui.overview import render_overview
from themesift.ui.review_page import render_review
from themesift.ui.survey_page import QuestionView, render_survey
from themesift.ui.theme_page import render_theme
from themesift.ui.trend import render_trend

ROOT = Path(__file__).resolve().parent

st.set_page_config(page_title="themesift", page_icon="🧵", layout="wide")
shell.apply_pending()
st.sidebar.title("themesift")
store, survey = shell.choose_project(ROOT)
state.keep_widgets(store.name if store else None)  # per project, across pages
pages = (shell.SURVEY_PAGES if survey else shell.PAGES) if store else ("Data",)
if st.session_state.get("page") not in pages:
    st.session_state["page"] = "Themes" if store else "Data"
page = st.sidebar.radio("Page", pages, key="page")
if store:
    st.query_params.update(project=st.session_state["project"], page=page)

with shell.guard():
    shell.show_flash()
    view = cache.current_view(store) if store else None
    if view:
        n = len(view.edits_in_effect)
        st.sidebar.caption(f"Version {view.version} · {n} edit{'' if n == 1 else 's'} in effect")
        key = (str(store.path), view.base.uid, view.version)
    if page == "Data":
        st.header("Data")
        if view:
            render_report(view)
        render_new_analysis(
            samples=sorted([*(ROOT / "data").glob("*.csv"), *(ROOT / "data").glob("*.xlsx")]),
            read_upload=lambda up: cache.read_upload(cache.digest(up.getvalue()), up.name,
                                                     up.getvalue()),
            read_sample=lambda p: cache.read_sample(str(p), p.stat().st_mtime),
            on_analyse=lambda spec, progress: shell.after_analysis(
                shell.analyse_new(spec, progress)),
            taken=shell.taken_names(), max_upload_mb=shell.max_upload_mb(),
            read_codebook=codebook_from_upload)
    elif page == "Survey" and survey:
        render_survey(survey, [QuestionView(k, t, p, cache.current_view(ProjectStore(
            project_path(p)))) for k, t, p in survey.questions],
            on_open=lambda project: shell.open_question(survey, project))
    elif page == "Themes":
        render_overview(view, shares=lambda group: cache.breakdown_for(*key, group),
                        crosstab=lambda group: cache.crosstab_for(*key, group))
        render_trend(cache.date_columns_for(*key[:2]),
                     lambda column: cache.trend_for(*key, column), key="trend")
    elif page == "Theme":
        render_theme(view, lambda theme_id: cache.comments_for(*key, theme_id),
                     on_move=lambda texts, to: shell.run_edit(store, view, Move(texts, to)))
    elif page == "Review":
        render_review(view, on_code=lambda texts, themes: shell.run_edit(
            store, view, CodeComments(texts, themes)))
    elif page == "Map":
        render_map(view, cache.map_for(*key))
    elif page == "Edit":
        render_edit(view, on_edit=lambda edit: shell.run_edit(store, view, edit),
                    on_undo=lambda: shell.run_undo(store, view))
    elif page == "Export":
        render_export(view, on_save=lambda name, replace: shell.save_model(view, name, replace),
                      report=lambda fmt, by: shell.report_file(store, survey, fmt, by),
                      qda=lambda fmt: shell.qda_file(store, survey, fmt),
                      survey_name=survey.name if survey else None)
    if view:  # after the page is drawn: load the models, prepare the map, in the background
        cache.warm_models(view.base.config.embedder)
        cache.warm_project(*key[:2])
