"""The app's widget state: stale choices, other projects, other files, other pages.

Found by driving the app as a researcher would (two tabs, switching projects and
pages); each test failed before its fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from app_support import APP, TIMEOUT, edit_page, goto, hcsa_analysis, no_trouble, view_of
from themesift.project.project import create_project
from themesift.ui.state import LOST
from themesift.ui.theme_page import rows_key

pytestmark = pytest.mark.slow


def test_a_theme_removed_in_another_tab_is_not_replaced_by_another(folder: Path) -> None:
    before = view_of(folder)
    keep, gone = before.themes[0], before.themes[1]
    tab1 = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    tab2 = edit_page(AppTest.from_file(str(APP), default_timeout=TIMEOUT).run())
    tab2.selectbox(key="edit_delete_theme").set_value(gone.id).run()
    edit_page(tab1).multiselect(key="edit_merge_themes").set_value([keep.id, gone.id])
    tab1.button(key="edit_merge_go").click().run()
    assert view_of(folder).version == 2
    tab2.button(key="edit_delete_go").click().run()  # its choice is gone: the default must not
    no_trouble(tab2)                                 # be deleted in its place
    assert [w.value for w in tab2.warning] == [LOST]
    after = view_of(folder)
    assert after.version == 2 and keep.id in [t.id for t in after.themes]
    tab2.button(key="edit_delete_go").click().run()  # a deliberate second click does act
    assert view_of(folder).version == 3


def test_a_merge_choice_with_a_removed_theme_is_not_applied(folder: Path) -> None:
    themes = view_of(folder).themes
    tab1 = edit_page(AppTest.from_file(str(APP), default_timeout=TIMEOUT).run())
    tab2 = edit_page(AppTest.from_file(str(APP), default_timeout=TIMEOUT).run())
    tab2.multiselect(key="edit_merge_themes").set_value([t.id for t in themes[:3]]).run()
    tab1.selectbox(key="edit_delete_theme").set_value(themes[2].id)
    tab1.button(key="edit_delete_go").click().run()
    tab2.button(key="edit_merge_go").click().run()
    assert [w.value for w in tab2.warning] == [LOST]
    assert view_of(folder).version == 2


def test_selected_rows_do_not_follow_into_another_project(at: AppTest, folder: Path) -> None:
    analysis, session = hcsa_analysis()
    create_project(folder / "other.sqlite", analysis, nlp=session.nlp, embed=session.embed)
    view = view_of(folder)
    goto(at, "Theme")
    at.session_state[rows_key("theme", view, view.themes[0].id, "")] = {
        "selection": {"rows": [0, 1], "columns": [], "cells": []}}
    at.run()
    assert "theme_move" in [b.key for b in at.button]
    at.sidebar.selectbox(key="project").set_value("other").run()
    no_trouble(at)
    assert at.header[0].value == "Theme"
    assert "theme_move" not in [b.key for b in at.button]  # same theme id, same version


def test_the_proposed_project_name_follows_the_file(at: AppTest) -> None:
    goto(at, "Data")
    at.radio(key="new_kind").set_value("A bundled sample").run()
    at.selectbox(key="new_sample").set_value("hcsa_stp_2017_quotes.csv").run()
    assert at.text_input(key="new_name").value == "hcsa_stp_2017_quotes"
    at.selectbox(key="new_sample").set_value("nhs_fft_sample.csv").run()
    no_trouble(at)
    assert at.text_input(key="new_name").value == "nhs_fft_sample"
    at.text_input(key="new_name").set_value("my survey").run()  # a typed name stays
    at.run()
    assert at.text_input(key="new_name").value == "my survey"


def test_saving_a_model_never_replaces_one_silently(at: AppTest, folder: Path,
                                                    tmp_path: Path) -> None:
    analysis, session = hcsa_analysis()
    create_project(folder / "other.sqlite", analysis, nlp=session.nlp, embed=session.embed)
    goto(at, "Export")
    assert at.text_input(key="export_model").value == "sample"
    at.button(key="export_save").click().run()
    manifest = tmp_path / "models" / "sample" / "manifest.json"
    saved, inode = manifest.read_bytes(), manifest.stat().st_ino
    at.sidebar.selectbox(key="project").set_value("other").run()
    assert at.text_input(key="export_model").value == "other"  # the open project's name
    at.text_input(key="export_model").set_value("sample")
    at.button(key="export_save").click().run()
    no_trouble(at)
    assert "exists already" in at.error[0].value
    assert manifest.read_bytes() == saved and manifest.stat().st_ino == inode
    at.checkbox(key="export_replace").check()
    at.button(key="export_save").click().run()
    assert not at.error and "Saved to" in at.success[0].value
    assert manifest.stat().st_ino != inode  # written anew (atomically: a new file)


def test_choices_are_kept_while_another_page_is_open(at: AppTest, folder: Path) -> None:
    third = view_of(folder).themes[2]
    goto(at, "Theme")
    at.selectbox(key="theme_pick").set_value(third.id).run()
    at.text_input(key="theme_search").set_value("cut").run()
    goto(at, "Export")
    at.selectbox(key="export_fmt").set_value("md")
    at.number_input(key="export_per").set_value(7).run()
    goto(at, "Edit")
    goto(at, "Theme")
    no_trouble(at)
    assert at.selectbox(key="theme_pick").value == third.id
    assert at.text_input(key="theme_search").value == "cut"
    goto(at, "Export")
    assert at.selectbox(key="export_fmt").value == "md"
    assert at.number_input(key="export_per").value == 7
    assert not at.warning  # no "default value and Session State" warning


def test_a_written_label_is_shown_literally(at: AppTest, folder: Path) -> None:
    edit_page(at)
    at.text_input(key="edit_rename_label").set_value("Cuts **now** [see](x)")
    at.button(key="edit_rename_go").click().run()
    goto(at, "Theme")
    assert at.subheader[0].value.startswith(r"Cuts \*\*now\*\* \[see\]\(x\)")


def test_the_move_prompt_counts_the_duplicates_that_move_too() -> None:
    import pandas as pd

    from themesift.ui.theme_page import move_prompt

    texts = pd.Series([7, 7, 7, 3, 5])  # text 7 was written three times
    assert move_prompt([7], texts) == "Move 1 selected comment and 2 duplicates of it to"
    assert move_prompt([7, 7], texts) == "Move 2 selected comments and 1 duplicate of them to"
    assert move_prompt([3, 5], texts) == "Move 2 selected comments to"


def test_choices_and_the_replace_tick_stay_with_their_project(at: AppTest, folder: Path) -> None:
    analysis, session = hcsa_analysis()
    create_project(folder / "other.sqlite", analysis, nlp=session.nlp, embed=session.embed)
    themes = view_of(folder).themes
    edit_page(at).multiselect(key="edit_merge_themes").set_value([t.id for t in themes[:2]])
    at.text_input(key="edit_merge_label").set_value("Meant for sample").run()
    goto(at, "Export").checkbox(key="export_replace").check().run()
    goto(at, "Theme").text_input(key="theme_search").set_value("cut").run()
    at.sidebar.selectbox(key="project").set_value("other").run()
    no_trouble(at)
    assert at.text_input(key="theme_search").value == ""
    goto(at, "Export")
    assert at.checkbox(key="export_replace").value is False
    edit_page(at)
    assert at.multiselect(key="edit_merge_themes").value == []
    assert at.text_input(key="edit_merge_label").value == ""


def test_a_theme_changed_in_another_tab_is_not_acted_on_unseen(folder: Path) -> None:
    themes = view_of(folder).themes
    target, other = themes[1], themes[2]
    tab1 = edit_page(AppTest.from_file(str(APP), default_timeout=TIMEOUT).run())
    tab2 = edit_page(AppTest.from_file(str(APP), default_timeout=TIMEOUT).run())
    tab2.selectbox(key="edit_delete_theme").set_value(target.id).run()
    tab1.multiselect(key="edit_merge_themes").set_value([target.id, other.id])
    tab1.button(key="edit_merge_go").click().run()  # the target grows (or takes the other)
    tab2.button(key="edit_delete_go").click().run()
    assert [w.value for w in tab2.warning] == [LOST]
    assert view_of(folder).version == 2
