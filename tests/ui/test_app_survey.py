"""The app with a survey: several open questions analysed into one survey project."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from app_support import ROOT, goto, no_trouble
from themesift.project import list_projects, list_surveys, read_survey_index

pytestmark = pytest.mark.slow
HCSA3 = ROOT / "data" / "hcsa_three_questions.csv"
WIDE = ROOT / "data" / "educators_wide.xlsx"


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    goto(at, "Data")
    at.radio(key="new_kind").set_value("Upload a file").run()
    at.file_uploader(key="new_upload").set_value((name, data, "application/octet-stream"))
    return at.run()


def test_a_wide_export_proposes_every_open_question(at: AppTest) -> None:
    upload(at, "educators_wide.xlsx", WIDE.read_bytes())
    no_trouble(at)
    assert at.multiselect(key="new_text").value[:3] == ["N2", "N3", "N4"]
    assert len(at.multiselect(key="new_text").value) == 14
    assert at.selectbox(key="new_id").value == "ResponseId"
    assert at.multiselect(key="new_groups").value == ["Considered proctoring"]
    assert any("Qualtrics" in c.value for c in at.caption)


def test_analyse_three_questions_into_a_survey_project(at: AppTest, folder: Path,
                                                       tmp_path: Path) -> None:
    # The long HCSA file, pivoted to one column per question, as a wide upload.
    import pandas as pd

    long = pd.read_csv(HCSA3, dtype=str)
    wide = long.pivot(index="id", columns="question", values="text").reset_index()
    wide = wide[["id", "engagement", "purpose", "outcomes"]]
    upload(at, "stp.csv", wide.to_csv(index=False).encode())
    at.multiselect(key="new_text").set_value(["engagement", "purpose", "outcomes"])
    at.selectbox(key="new_id").set_value("id")
    at.text_input(key="new_name").set_value("stp survey")
    at.button(key="new_go").click().run()
    no_trouble(at)
    assert list_surveys(folder) == ["stp-survey"]
    index = read_survey_index("stp-survey", folder)
    assert [k for k, _, _ in index.questions] == ["engagement", "purpose", "outcomes"]
    assert set(index.projects) <= set(list_projects(folder))
    # The project list shows the survey once, not its three question projects.
    assert at.sidebar.selectbox(key="project").options == ["sample", "stp-survey"]
    question = at.sidebar.selectbox(key="question::stp-survey")
    assert question.value == index.projects[0]
    assert "Survey" in at.sidebar.radio(key="page").options
    goto(at, "Survey")
    no_trouble(at)
    assert at.header[0].value == "Survey overview"
    assert [s.value for s in at.subheader] == ["engagement", "purpose", "outcomes"]
    at.button(key="survey_open_2").click().run()
    no_trouble(at)
    assert at.sidebar.selectbox(key="question::stp-survey").value == index.projects[2]
    assert at.header[0].value == "Themes overview"
    substantive = next(str(m.value) for m in at.metric if m.label == "Substantive")
    assert substantive == "9"  # the outcomes question's answers


def test_map_legend_counts_comments_as_the_overview_does(folder: Path) -> None:
    """Duplicates count in the legend as in the theme sizes (once per comment)."""
    import pandas as pd

    from themesift.api import new_project
    from themesift.project import ProjectStore, build_view, load_base, project_path
    from themesift.ui.map_page import hover_texts, map_figure

    texts = ["Friendly staff", "Friendly staff", "Friendly staff", "Parking is too dear",
             "Parking costs too much", "Lovely nurses", "The nurses were lovely",
             "Food was cold", "Cold food again", "Waited four hours"]
    new_project(pd.DataFrame({"comment": texts}), "dups", text=["comment"])
    store = ProjectStore(project_path("dups"))
    view = build_view(load_base(store), store)
    figure = map_figure(view, hover_texts(view.base.distinct.texts))
    legend = {trace.name.rsplit(" (", 1)[0]: int(trace.name.rsplit("(", 1)[1].rstrip(")"))
              for trace in figure.data}
    sizes = {t.label[:40]: t.size for t in view.themes}
    assert {k: v for k, v in legend.items() if k != "(unassigned)"} == sizes
    assert sum(legend.values()) == view.report.substantive == 10


def test_the_themes_page_cross_tabulates_by_a_group(at: AppTest) -> None:
    no_trouble(at)
    assert at.selectbox(key="overview_groups_col").value == "report_theme"
    table = next(df.value for df in at.dataframe if "q (BH)" in df.value.columns)
    assert table["Theme"].iloc[-1] == "Base (n)"
    assert table["Total"].iloc[-1] == "19"
    assert any("Benjamini" in c.value for c in at.caption)


def test_the_export_page_offers_the_report_with_the_edits(at: AppTest, folder: Path) -> None:
    import io
    from typing import Any

    from docx import Document
    from streamlit.runtime.media_file_manager import MediaFileManager

    seen: dict[str, Any] = {}
    original = MediaFileManager.add_deferred

    def record(self: Any, data: Any, mimetype: Any, coordinates: str, file_name: Any = None,
               **kw: Any) -> str:
        seen[file_name] = data
        return original(self, data, mimetype, coordinates, file_name, **kw)

    MediaFileManager.add_deferred = record  # type: ignore[method-assign]
    try:
        goto(at, "Edit")
        at.text_input(key="edit_rename_label").set_value("Renamed for the report")
        at.button(key="edit_rename_go").click().run()
        goto(at, "Export")
        at.multiselect(key="export_report_by").set_value(["report_theme"]).run()
        no_trouble(at)
        doc = Document(io.BytesIO(seen["sample-report.docx"]()))
    finally:
        MediaFileManager.add_deferred = original  # type: ignore[method-assign]
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Renamed for the report" in text
    assert "By report_theme" in text
    assert round(doc.sections[0].page_width.cm, 1) == 21.0


def test_a_date_column_gives_a_trend_over_time(at: AppTest, folder: Path) -> None:
    import pandas as pd

    comments = pd.read_csv(ROOT / "data" / "nhs_fft_sample.csv", dtype=str).head(120)
    comments["Submitted"] = [f"{1 + i % 28:02d}/{1 + (i // 30) % 4:02d}/2024"
                             for i in range(len(comments))]
    upload(at, "dated.csv", comments[["id", "text", "Submitted"]].to_csv(index=False).encode())
    at.multiselect(key="new_text").set_value(["text"])
    at.selectbox(key="new_id").set_value("id")
    at.multiselect(key="new_groups").set_value(["Submitted"])
    at.text_input(key="new_name").set_value("dated")
    at.button(key="new_go").click().run()
    no_trouble(at)
    assert "Over time" in [s.value for s in at.subheader]
    assert at.selectbox(key="trend_col").value == "Submitted"
    table = next(df.value for df in at.dataframe if "period" in df.value.columns)
    assert table["period"].tolist() == ["2024-01", "2024-02", "2024-03", "2024-04"]
    assert table["n"].sum() <= 120 and table["n"].min() > 0
