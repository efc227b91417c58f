"""The Streamlit app through AppTest: every page, every edit, bad input.

Each test opens its own copy of a real HCSA project (19 quotes, analysed once
with the real models) and checks what the page shows and what the project
store holds afterwards.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from app_support import APP, HCSA, TIMEOUT, edit_page, goto, no_trouble, store_of, view_of
from themesift.project.store import list_projects
from themesift.types import UNASSIGNED
from themesift.ui.theme_page import rows_key

pytestmark = pytest.mark.slow


def chart(at: AppTest, i: int = 0) -> dict[str, Any]:
    spec: dict[str, Any] = json.loads(at.get("plotly_chart")[i].proto.spec)
    return spec


def frame_with(at: AppTest, column: str) -> pd.DataFrame:
    """The first table shown with ``column``."""
    return next(df.value for df in at.dataframe if column in df.value.columns)


def metric(at: AppTest, label: str) -> str:
    return next(str(m.value) for m in at.metric if m.label == label)


# -- pages ------------------------------------------------------------------------------
def _bars(spec: dict[str, Any]) -> tuple[list[int], list[str]]:
    """Bar lengths (the text trace above the stacked sentiment bars) and their labels."""
    totals = spec["data"][-1]
    stacked = [d for d in spec["data"] if d["type"] == "bar"]
    assert [d["name"] for d in stacked] == ["positive", "mixed", "neutral", "negative"]
    sums = np.sum([d["x"] for d in stacked], axis=0)
    assert np.allclose(sums, totals["x"])  # the sides add up to each bar
    return list(totals["x"]), list(totals["text"])


def test_opens_on_the_themes_overview(at: AppTest, folder: Path) -> None:
    no_trouble(at)
    view = view_of(folder)
    assert at.header[0].value == "Themes overview"
    assert metric(at, "Themes") == str(len(view.themes))
    assert metric(at, "Families") == str(len(view.families))
    assert metric(at, "Substantive") == "19"
    # families first, each opening on its themes
    sizes, text = _bars(chart(at))
    assert sizes == [f.size for f in reversed(view.families)]  # biggest drawn on top
    assert text[-1] == f"{view.families[0].size} ({100 * view.families[0].size / 19:.1f}%)"
    assert [e.label.split(" — ")[0] for e in at.expander] == [f.label for f in view.families]
    first = at.dataframe[0].value
    assert first["theme"].tolist() == [view.theme(t).label for t in view.families[0].theme_ids]
    assert {"% positive", "% negative", "% mixed"} <= set(first.columns)
    # then the themes
    at.radio(key="overview_level").set_value("Themes").run()
    spec = chart(at)
    sizes, text = _bars(spec)
    assert sizes == [t.size for t in reversed(view.themes)]
    ticks = spec["layout"]["yaxis"]
    assert ticks["tickvals"] == list(range(len(view.themes)))
    assert ticks["ticktext"][-1].startswith(view.themes[0].label[:40])
    assert text[-1] == f"{view.themes[0].size} ({100 * view.themes[0].size / 19:.1f}%)"
    table = at.dataframe[0].value
    assert table["theme"].tolist() == [t.label for t in view.themes]
    buckets = at.dataframe[1].value
    assert buckets["bucket"].tolist() == ["(unassigned)", "(non-answer)", "(don't know)",
                                          "(empty)"]
    notes = " ".join(c.value for c in at.caption)
    assert "two-proportion z-test" in notes and "Benjamini–Hochberg" in notes
    shares = at.dataframe[2].value
    assert list(shares.index) == [t.label for t in view.themes]
    assert any("Insufficient engagement" in c for c in shares.columns)
    assert at.query_params["project"] == "sample"


def test_theme_page_shows_quotes_and_searchable_comments(at: AppTest, folder: Path) -> None:
    view = view_of(folder)
    top = view.themes[0]
    goto(at, "Theme")
    no_trouble(at)
    assert at.selectbox(key="theme_pick").value == top.id
    assert at.subheader[0].value == top.label
    assert metric(at, "Comments") == str(top.size)
    quotes = [m.value for m in at.markdown if m.value.startswith("> ")]
    assert len(quotes) == min(5, len(view.quotes[top.id]))
    at.slider(key="theme_nquotes").set_value(2).run()
    assert len([m for m in at.markdown if m.value.startswith("> ")]) == 2
    rows = at.dataframe[0].value
    assert len(rows) == top.size
    assert {"id", "comment", "confidence", "other themes", "moved by hand"} <= set(rows.columns)
    word = rows["comment"].iloc[0].split()[3]
    at.text_input(key="theme_search").set_value(word).run()
    found = at.dataframe[0].value
    assert 1 <= len(found) <= len(rows)
    assert all(word.lower() in c.lower() for c in found["comment"])


def test_map_colours_every_theme(at: AppTest, folder: Path) -> None:
    goto(at, "Map")
    no_trouble(at)
    view = view_of(folder)
    traces = chart(at)["data"]
    assert len(traces) == len(view.themes)
    assert sum(len(t["text"]) for t in traces) == len(view.base.distinct.texts)
    hover = " ".join(" ".join(t["text"]) for t in traces)
    assert "STPs" in hover


def test_data_page_shows_the_cleaning_report(at: AppTest) -> None:
    goto(at, "Data")
    no_trouble(at)
    assert metric(at, "Rows read") == "19"
    assert metric(at, "Duplicates") == "0"
    redactions = at.dataframe[0].value
    assert "redacted" in redactions.columns and len(redactions) > 0


# -- edits --------------------------------------------------------------------------------
def test_rename(at: AppTest, folder: Path) -> None:
    second = view_of(folder).themes[1]
    edit_page(at)
    at.selectbox(key="edit_rename_theme").set_value(second.id)
    at.text_input(key="edit_rename_label").set_value("Money is what it needs")
    at.button(key="edit_rename_go").click().run()
    no_trouble(at)
    assert "Saved" in at.success[0].value
    after = view_of(folder).theme(second.id)
    assert after.label == "Money is what it needs" and after.custom_label
    assert frame_with(at, "what")["what"].iloc[0].startswith(
        f"Renamed '{second.label}'")
    goto(at, "Themes")
    assert "Money is what it needs" in at.dataframe[0].value["theme"].tolist()


def test_merge(at: AppTest, folder: Path) -> None:
    before = view_of(folder)
    a, b = before.themes[1], before.themes[2]
    edit_page(at)
    at.multiselect(key="edit_merge_themes").set_value([a.id, b.id])
    at.button(key="edit_merge_go").click().run()
    no_trouble(at)
    after = view_of(folder)
    assert len(after.themes) == len(before.themes) - 1
    assert after.theme(a.id).size == a.size + b.size
    assert b.id not in [t.id for t in after.themes]
    assert metric(goto(at, "Themes"), "Themes") == str(len(after.themes))


def test_split(at: AppTest, folder: Path) -> None:
    before = view_of(folder)
    top = before.themes[0]
    edit_page(at)
    at.selectbox(key="edit_split_theme").set_value(top.id)
    at.number_input(key="edit_split_k").set_value(2)
    at.button(key="edit_split_go").click().run()
    no_trouble(at)
    after = view_of(folder)
    assert len(after.themes) == len(before.themes) + 1
    new = [t for t in after.themes if t.id not in {x.id for x in before.themes}]
    assert len(new) == 1 and after.theme(top.id).size + new[0].size == top.size


def test_delete_to_unassigned(at: AppTest, folder: Path) -> None:
    before = view_of(folder)
    gone = before.themes[-1]
    edit_page(at)
    at.selectbox(key="edit_delete_theme").set_value(gone.id)
    at.radio(key="edit_delete_where").set_value("become unassigned")
    at.button(key="edit_delete_go").click().run()
    no_trouble(at)
    after = view_of(folder)
    assert gone.id not in [t.id for t in after.themes]
    assert after.unassigned == before.unassigned + gone.size
    assert metric(goto(at, "Themes"), "Unassigned") == str(after.unassigned)


def test_move_selected_comments(at: AppTest, folder: Path) -> None:
    before = view_of(folder)
    top = before.themes[0]
    goto(at, "Theme")
    rows = at.dataframe[0].value
    at.session_state[rows_key("theme", before, top.id, "")] = {
        "selection": {"rows": [0, 1], "columns": [], "cells": []}}
    at.run()
    target = before.themes[1]
    at.selectbox(key="theme_move_to").set_value(target.id)
    at.button(key="theme_move").click().run()
    no_trouble(at)
    assert "theme_move" not in [b.key for b in at.button]  # the selection does not linger
    after = view_of(folder)
    moved = set(rows["id"].iloc[:2])
    ids = after.cleaned.corpus.ids
    assert {ids[r] for r in np.flatnonzero(after.row_labels == target.id)} >= moved
    assert after.theme(top.id).size == top.size - 2
    d = after.base.distinct.source[[ids.index(i) for i in moved]]
    assert {int(x) for x in d} <= after.state.manual
    # the comments list of the target theme marks them as moved by hand
    at.selectbox(key="theme_pick").set_value(target.id).run()
    table = at.dataframe[0].value
    assert table[table["id"].isin(moved)]["moved by hand"].all()


def test_review_codes_the_least_certain_comments_and_teaches(at: AppTest, folder: Path
                                                               ) -> None:
    from themesift.project import review_queue

    before = view_of(folder)
    queue = review_queue(before, 3)
    assert len(queue) == 3 and queue[0].margin <= queue[-1].margin
    goto(at, "Review")
    no_trouble(at)
    at.number_input(key="review_n").set_value(3).run()
    first = queue[0]
    assert at.button(key="review_code").disabled  # nothing chosen yet: nothing to code
    # the first comment goes to its runner-up, the others are confirmed
    for item, to in zip(queue, [first.second, queue[1].first, queue[2].first], strict=True):
        at.selectbox(key=f"review_{before.base.uid}_{before.version}_{item.text}").set_value(
            to).run()
    assert at.button(key="review_code").proto.label == "Code 3 comments and teach"
    at.button(key="review_code").click().run()
    no_trouble(at)
    after = view_of(folder)
    assert {q.text for q in queue} <= after.state.manual
    assert after.state.labels[first.text] == first.second
    assert all(after.state.labels[q.text] == q.first for q in queue[1:])
    summary = after.history[-1].summary
    assert summary.startswith("Coded 3 comments and taught the model")
    assert "changed theme" in summary
    assert "changed theme" in at.success[0].value
    assert first.text not in {q.text for q in review_queue(after, 10)}  # coded: off the queue
    # a model saved from the project records how many comments were coded per theme
    from themesift.api import load

    goto(at, "Export")
    at.text_input(key="export_model").set_value("taught")
    at.button(key="export_save").click().run()
    no_trouble(at)
    themes = load(folder.parent / "models" / "taught").themes
    assert themes["coded"].sum() == 3
    # ... and keeps what the coding taught: tag chooses themes with that classifier
    from themesift.model import load_model
    from themesift.themes import taught_proba

    saved = load_model(folder.parent / "models" / "taught")
    assert saved.taught is not None
    assert set(saved.taught.theme_ids.tolist()) == {t.id for t in saved.themes}
    X = after.base.X[[q.text for q in queue]]
    picked = saved.taught.theme_ids[taught_proba(saved.taught, X).argmax(axis=1)]
    assert picked[0] == first.second  # the correction was learned


def test_move_to_unassigned(at: AppTest, folder: Path) -> None:
    view = view_of(folder)
    top = view.themes[0]
    goto(at, "Theme")
    at.session_state[rows_key("theme", view, top.id, "")] = {
        "selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    at.selectbox(key="theme_move_to").set_value(UNASSIGNED)
    at.button(key="theme_move").click().run()
    no_trouble(at)
    assert view_of(folder).unassigned == 1


def test_undo(at: AppTest, folder: Path) -> None:
    before = view_of(folder)
    edit_page(at)
    assert at.button(key="edit_undo").disabled
    at.text_input(key="edit_rename_label").set_value("Temporary")
    at.button(key="edit_rename_go").click().run()
    assert view_of(folder).themes[0].label == "Temporary"
    at.button(key="edit_undo").click().run()
    no_trouble(at)
    after = view_of(folder)
    assert after.state.custom == {} and after.themes[0].label == before.themes[0].label
    assert np.array_equal(after.state.labels, before.state.labels)
    history = frame_with(at, "what")
    assert history["status"].tolist() == ["undo", "undone"]
    assert "Undone" in at.success[0].value


def test_edit_error_is_one_line(at: AppTest, folder: Path) -> None:
    edit_page(at)
    at.multiselect(key="edit_merge_themes").set_value([view_of(folder).themes[0].id])
    at.button(key="edit_merge_go").click().run()
    no_trouble(at)
    assert "at least two" in at.error[0].value
    assert view_of(folder).version == 1


def test_two_tabs_see_the_same_state(folder: Path) -> None:
    tab1 = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    tab2 = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    edit_page(tab1)
    tab1.text_input(key="edit_rename_label").set_value("Seen in both tabs")
    tab1.button(key="edit_rename_go").click().run()
    tab2.run()
    shown = [t for df in tab2.dataframe if "theme" in df.value.columns for t in df.value["theme"]]
    assert "Seen in both tabs" in shown


# -- export -----------------------------------------------------------------------------
@pytest.fixture()
def downloads(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """What each st.download_button would send when clicked, by file name.

    The app builds files only on click (deferred callables), as the browser test
    exercises for real; here the registered callables are recorded.
    """
    from streamlit.runtime.media_file_manager import MediaFileManager

    seen: dict[str, Any] = {}
    original = MediaFileManager.add_deferred

    def record(self: Any, data_callable: Any, mimetype: Any, coordinates: str,
               file_name: Any = None, **kw: Any) -> str:
        seen[file_name] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name, **kw)

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    yield seen


def test_export_has_the_current_edits(at: AppTest, folder: Path, tmp_path: Path,
                                      downloads: dict[str, Any]) -> None:
    edit_page(at)
    at.text_input(key="edit_rename_label").set_value("Renamed for the report")
    at.button(key="edit_rename_go").click().run()
    goto(at, "Export")
    no_trouble(at)
    assert [b.proto.label for b in at.get("download_button")] == [
        "Download report", "Download quote bank", "Download tagged comments (CSV)",
        "Download project (.qdpx)", "Download codebook (.qdc)"]
    # REFI-QDA: the renamed theme is a code of the project and of the codebook
    import zipfile

    with zipfile.ZipFile(io.BytesIO(downloads["sample.qdpx"]())) as qdpx:
        qde = qdpx.read("project.qde").decode()
    assert "Renamed for the report" in qde
    assert "Renamed for the report" in downloads["sample.qdc"]().decode()
    at.selectbox(key="export_fmt").set_value("md").run()
    md = downloads["sample-quotes.md"]().decode()
    assert "## Renamed for the report" in md
    xlsx = pd.read_excel(io.BytesIO(downloads["sample-quotes.xlsx"]()), sheet_name=None)
    assert any("Renamed for the report" in df.to_string() for df in xlsx.values())
    at.number_input(key="export_per").set_value(2)
    at.selectbox(key="export_fmt").set_value("csv").run()
    bank = pd.read_csv(io.BytesIO(downloads["sample-quotes.csv"]()), encoding="utf-8-sig")
    assert bank.groupby("theme_id").size().max() == 2
    at.selectbox(key="export_fmt").set_value("docx").run()
    from docx import Document

    doc = Document(io.BytesIO(downloads["sample-quotes.docx"]()))
    assert any("Renamed for the report" in p.text for p in doc.paragraphs)
    tagged = pd.read_csv(io.BytesIO(downloads["sample-tagged.csv"]()), encoding="utf-8-sig")
    assert len(tagged) == 19
    assert (tagged["primary_label"] == "Renamed for the report").sum() == \
        view_of(folder).themes[0].size
    # Save as a model, then tag the same file with it from the library (as the CLI does).
    at.text_input(key="export_model").set_value("hcsa model")
    at.button(key="export_save").click().run()
    no_trouble(at)
    model = tmp_path / "models" / "hcsa-model"
    assert (model / "manifest.json").is_file()
    from themesift.api import tag_file

    result = tag_file(model, HCSA, tmp_path / "tagged.csv", text_col="text", id_col="id")
    out = pd.read_csv(tmp_path / "tagged.csv")
    assert result.rows == 19 and "Renamed for the report" in set(out["primary_label"])


# -- data: new analyses and bad input ----------------------------------------------------
def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    goto(at, "Data")
    at.radio(key="new_kind").set_value("Upload a file").run()
    at.file_uploader(key="new_upload").set_value((name, data, "application/octet-stream"))
    return at.run()


def unchanged(folder: Path, token: tuple[str, int]) -> None:
    assert list_projects(folder) == ["sample"]
    assert store_of(folder).token() == token


@pytest.mark.parametrize(("name", "data", "message"), [
    ("numbers.csv", b"a,b\n1,2\n3,4\n5,6\n", "no column looks like free text"),
    ("empty.csv", b"", "empty.csv is empty"),
    ("header.csv", b"id,text\n", "has no rows"),
    ("broken.xlsx", b"PK\x03\x04 not really a workbook", "not a valid Excel file"),
])
def test_bad_files_give_one_clear_line(at: AppTest, folder: Path, name: str, data: bytes,
                                       message: str) -> None:
    token = store_of(folder).token()
    upload(at, name, data)
    no_trouble(at)
    assert any(message in e.value for e in at.error), [e.value for e in at.error]
    unchanged(folder, token)


def test_too_big_upload_is_refused(at: AppTest, folder: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THEMESIFT_MAX_UPLOAD_MB", "1")
    token = store_of(folder).token()
    data = b"id,text\n" + b"".join(b"%d,some words here\n" % i for i in range(120_000))
    upload(at, "big.csv", data)
    no_trouble(at)
    assert "the limit is 1 MB" in at.error[0].value
    unchanged(folder, token)


def test_cp1252_csv_and_xlsx_with_formulas_read_cleanly(at: AppTest, folder: Path,
                                                        tmp_path: Path) -> None:
    import openpyxl

    token = store_of(folder).token()
    text = "id,comment\n1,The café charged £5 for parking – too much\n2,Staff were kind\n"
    upload(at, "legacy.csv", text.encode("cp1252"))
    no_trouble(at)
    assert not at.error
    assert "café charged £5" in frame_with(at, "comment")["comment"].iloc[0]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["id", "comment", "length"])
    for i, c in enumerate(["Parking is far too expensive here", "The nurses were lovely"], 2):
        ws.append([i - 1, c, f"=LEN(B{i})"])
    path = tmp_path / "formulas.xlsx"
    wb.save(path)
    at.file_uploader(key="new_upload").set_value(("formulas.xlsx", path.read_bytes(),
                                                  "application/octet-stream"))
    at.run()
    no_trouble(at)
    preview = frame_with(at, "comment")
    assert preview["comment"].tolist()[0] == "Parking is far too expensive here"
    assert not preview["length"].astype(str).str.startswith("=").any()  # no formula code
    assert at.multiselect(key="new_text").value == ["comment"]
    unchanged(folder, token)


def test_analysis_without_comments_keeps_the_project(at: AppTest, folder: Path) -> None:
    token = store_of(folder).token()
    upload(at, "nothing.csv", b"id,answer,note\n1,n/a,long enough note text here\n"
                              b"2,nothing,another long note text here\n")
    at.multiselect(key="new_text").set_value(["answer"]).run()
    at.button(key="new_go").click().run()
    no_trouble(at)
    assert any("no substantive comments" in e.value for e in at.error)
    unchanged(folder, token)


def test_upload_and_analyse_a_new_project(at: AppTest, folder: Path) -> None:
    upload(at, "hcsa.csv", HCSA.read_bytes())
    assert at.multiselect(key="new_text").value == ["text"]
    at.selectbox(key="new_id").set_value("id")
    at.multiselect(key="new_groups").set_value(["report_theme"])
    at.text_input(key="new_name").set_value("stp survey")
    at.button(key="new_go").click().run()
    no_trouble(at)
    assert list_projects(folder) == ["sample", "stp-survey"]
    assert at.sidebar.selectbox(key="project").value == "stp-survey"
    assert at.header[0].value == "Themes overview"
    assert "Analysed into project 'stp-survey'" in at.success[0].value
    assert metric(at, "Substantive") == "19"


def test_a_codebook_typed_on_the_data_page_names_the_themes(at: AppTest, folder: Path
                                                             ) -> None:
    upload(at, "hcsa.csv", HCSA.read_bytes())
    at.selectbox(key="new_id").set_value("id")
    at.text_area(key="new_seeds").set_value(
        "Funding: money, cuts and investment | stealth funding cuts\n"
        "Not consulted: clinicians were not asked or involved").run()
    assert "2 codes: Funding, Not consulted" in [c.value for c in at.caption]
    at.text_input(key="new_name").set_value("coded")
    at.button(key="new_go").click().run()
    no_trouble(at)
    view = view_of(folder, "coded")
    codes = {t.label: t for t in view.themes if t.origin == "code"}
    assert set(codes) == {"Funding", "Not consulted"} and codes["Funding"].size > 0
    assert all(t.custom_label for t in codes.values())
    table = at.dataframe[0].value
    assert set(table[table["origin"] == "codebook"]["theme"]) >= {"Funding"}
    # saved as a model, the codes come first and tag codes as the project did
    from themesift.api import load

    goto(at, "Export")
    at.text_input(key="export_model").set_value("coded model")
    at.button(key="export_save").click().run()
    no_trouble(at)
    model = load(folder.parent / "models" / "coded-model")
    themes = model.themes
    assert list(themes["origin"][:2]) == ["codebook", "codebook"]
    tagged = model.tag(pd.read_csv(HCSA), text="text")
    assert set(tagged["primary_label"]) & {"Funding", "Not consulted"}
    # a second coder sees the researcher's own definitions in the REFI-QDA codebook
    from themesift.api import qda_bytes

    qdc = qda_bytes(folder.parent / "models" / "coded-model", "qdc").decode()
    assert "money, cuts and investment" in qdc and "clinicians were not asked" in qdc
    # a bad codebook is one line, and nothing is analysed
    goto(at, "Data")
    upload(at, "hcsa.csv", HCSA.read_bytes())
    at.text_area(key="new_seeds").set_value("A\na").run()
    assert not [b for b in at.button if b.key == "new_go"]
    assert any("Codebook not read" in e.value and "twice" in e.value for e in at.error)


def test_first_start_analyses_the_sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    projects = tmp_path / "empty"
    monkeypatch.setenv("THEMESIFT_PROJECTS", str(projects))
    monkeypatch.setenv("THEMESIFT_SAMPLE", "hcsa")
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    no_trouble(at)
    assert list_projects(projects) == ["sample"]
    assert at.header[0].value == "Themes overview"
    assert not at.info  # the first-start note is gone once the themes show
    assert metric(at, "Comments") == "19"


# -- the significance flags ----------------------------------------------------------------
def test_two_proportion_test_matches_chi_square() -> None:
    from scipy.stats import chi2_contingency

    from themesift.ui.breakdown import two_proportion_p

    p = two_proportion_p(30, 100, 20, 100)
    chi = chi2_contingency([[30, 70], [20, 80]], correction=False).pvalue
    assert p == pytest.approx(chi, rel=1e-9)
    assert two_proportion_p(0, 10, 0, 50) == 1.0 and two_proportion_p(3, 0, 2, 9) == 1.0


def test_benjamini_hochberg() -> None:
    from themesift.ui.breakdown import benjamini_hochberg

    q = benjamini_hochberg([0.01, 0.04, 0.03, 0.005])
    assert q.tolist() == pytest.approx([0.02, 0.04, 0.04, 0.02])


def test_breakdown_flags_a_group_that_differs() -> None:
    from themesift.ui.breakdown import breakdown

    themes = [0] * 80 + [1] * 20 + [0] * 20 + [1] * 80  # group A mostly 0, group B mostly 1
    groups = ["A"] * 100 + ["B"] * 100
    result = breakdown(themes, groups, [(0, "parking"), (1, "staff")])
    flags = {(r.theme, r.group): r.flag for r in result.tests.itertuples()}
    assert flags == {("parking", "A"): "▲", ("parking", "B"): "▼", ("staff", "A"): "▼",
                     ("staff", "B"): "▲"}
    assert result.table.loc["parking", "A (n=100)"] == "80.0% ▲"
    even = breakdown([0, 1] * 50, ["A"] * 50 + ["B"] * 50, [(0, "parking"), (1, "staff")])
    assert (even.tests["flag"] == "").all()


def test_families_and_the_number_of_themes_from_the_edit_page(at: AppTest, folder: Path) -> None:
    edit_page(at)
    at.text_input(key="edit_families_label").set_value("Money and plans").run()
    at.button(key="edit_families_rename").click().run()
    no_trouble(at)
    view = view_of(folder)
    assert view.families[0].label == "Money and plans"
    at.number_input(key="edit_families_n").set_value(2).run()
    at.button(key="edit_families_regroup").click().run()
    assert len(view_of(folder).families) == 2
    at.button(key="edit_families_flat").click().run()
    view = view_of(folder)
    assert len(view.families) == len(view.themes)
    at.number_input(key="edit_recluster_n").set_value(3).run()
    at.button(key="edit_recluster_go").click().run()
    no_trouble(at)
    view = view_of(folder)
    assert len(view.themes) == 3
    assert view.history[-1].summary == "Clustered the comments again into 3 themes"
