"""How fast the app responds with 10,000 comments analysed.

Builds (once) a project from the NHS FFT phase-1 evaluation set (10,302
comments), then drives ``app.py`` with Streamlit's AppTest and times each
interaction as one full script run: switching pages, opening a theme and
applying each edit (rename, merge, split, move, delete, undo).  These are
server-side times (script run incl. store reads, recomputation and element
serialisation), not browser paint.  It also times the library calls behind an
edit directly.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/app_speed.py [--csv PATH] [--runs 3]

Writes bench/app_speed.json; bench/APP.md reports the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CSV = ROOT.parent / "shared" / "eval" / "nhs_fft_phase1_singlelabel.csv"
NAME = "nhs-10k"


def build(csv: Path, folder: Path) -> Path:
    from themesift.config import Config
    from themesift.ingest import load_corpus
    from themesift.pipeline import Session, analyse
    from themesift.project import create_project, project_path

    path = project_path(NAME, folder)
    if path.exists():
        return path
    t = time.perf_counter()
    corpus, _ = load_corpus(csv, text_col="text", id_col="id", group_cols=["organization"])
    session = Session(Config())
    analysis = analyse(corpus, Config(), session=session)
    t_analyse = time.perf_counter() - t
    create_project(path, analysis, nlp=session.nlp, embed=session.embed)
    print(f"built {path}: analyse {t_analyse:.0f} s, project "
          f"{time.perf_counter() - t - t_analyse:.0f} s", file=sys.stderr)
    return path


def timed(fn: Callable[[], object], runs: int = 1) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def app_timings(runs: int) -> dict[str, list[float]]:
    from streamlit.testing.v1 import AppTest

    from themesift.project import ProjectStore, build_view, load_base, project_path
    from themesift.types import UNASSIGNED
    from themesift.ui.theme_page import rows_key

    res: dict[str, list[float]] = {}
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    at.query_params["project"] = NAME
    at.query_params["page"] = "Themes"
    res["open project (cold process: load store, first render)"] = timed(at.run)
    assert not at.exception, at.exception
    store = ProjectStore(project_path(NAME))

    def view():  # type: ignore[no-untyped-def]
        return build_view(load_base(store), store)

    def page(p: str) -> Callable[[], object]:
        return lambda: at.sidebar.radio(key="page").set_value(p).run()

    pages = ["Theme", "Map", "Edit", "Export", "Data", "Themes"]
    for p in pages:  # first visit of each page in this version
        res[f"switch page, first visit: {p}"] = timed(page(p))
    for p in pages:
        res[f"switch page, again: {p}"] = []
    for _ in range(runs):
        for p in pages:
            res[f"switch page, again: {p}"] += timed(page(p))
    page("Theme")()
    themes = view().themes
    res["open a theme (Theme page)"] = []
    for t in themes[1: 1 + runs]:
        res["open a theme (Theme page)"] += timed(
            lambda t=t: at.selectbox(key="theme_pick").set_value(t.id).run())
    page("Edit")()

    def click(key: str) -> Callable[[], object]:
        return lambda: at.button(key=key).click().run()

    def edit(name: str, setup: Callable[[], None], key: str) -> None:
        setup()
        res.setdefault(name, []).extend(timed(click(key)))
        assert not at.exception and not at.error, (at.exception, [e.value for e in at.error])

    def rename(i: int) -> None:
        at.selectbox(key="edit_rename_theme").set_value(view().themes[i].id)
        at.text_input(key="edit_rename_label").set_value(f"Renamed {i}")

    def merge() -> None:
        v = view()
        at.multiselect(key="edit_merge_themes").set_value([v.themes[-1].id, v.themes[-2].id])

    def split() -> None:
        at.selectbox(key="edit_split_theme").set_value(view().themes[0].id)
        at.number_input(key="edit_split_k").set_value(3)

    def delete() -> None:
        at.selectbox(key="edit_delete_theme").set_value(view().themes[-1].id)
        at.radio(key="edit_delete_where").set_value("go to their next-best theme")

    for i in range(runs):
        edit("edit: rename", lambda i=i: rename(i), "edit_rename_go")
        res.setdefault("edit: undo", []).extend(timed(click("edit_undo")))
    for _ in range(runs):
        edit("edit: merge two themes", merge, "edit_merge_go")
        edit("edit: split the biggest theme in 3", split, "edit_split_go")
        edit("edit: delete a theme (next-best)", delete, "edit_delete_go")
        for _ in range(3):
            res["edit: undo"] += timed(click("edit_undo"))
    # Each page, first visit after an edit (a new version: nothing cached for it yet).
    for i in range(runs):
        edit("edit: rename", lambda i=i: rename(i), "edit_rename_go")
        for p in ["Themes", "Theme", "Map", "Export", "Edit"]:
            res.setdefault(f"switch page, first visit after an edit: {p}", []).extend(
                timed(page(p)))
        res["edit: undo"] += timed(click("edit_undo"))
    # Move 20 selected comments from the Theme page.
    page("Theme")()
    for _ in range(runs):
        v = view()
        tid = v.themes[0].id
        at.selectbox(key="theme_pick").set_value(tid).run()
        at.session_state[rows_key("theme", tid, v.version, "")] = {
            "selection": {"rows": list(range(20)), "columns": [], "cells": []}}
        at.run()
        at.selectbox(key="theme_move_to").set_value(UNASSIGNED)
        res.setdefault("edit: move 20 comments (Theme page)", []).extend(
            timed(click("theme_move")))
        assert not at.exception
    page("Edit")()
    for _ in range(runs):
        res["edit: undo"] += timed(click("edit_undo"))
    return res


def direct_timings(runs: int) -> dict[str, list[float]]:
    from themesift.project import (
        ProjectStore,
        Rename,
        apply_edit,
        build_view,
        load_base,
        project_path,
        undo,
    )
    from themesift.ui.cache import MemoEmbed
    from themesift.ui.export_page import quote_bank_bytes, tagged_csv_bytes
    from themesift.ui.frames import comments_frame
    from themesift.ui.map_page import hover_texts, map_figure

    store = ProjectStore(project_path(NAME))
    embed = MemoEmbed("minilm")
    res: dict[str, list[float]] = {}
    res["load_base (once per server process)"] = timed(lambda: load_base(store))
    base = load_base(store)
    res["build_view (per version)"] = timed(lambda: build_view(base, store), runs)
    v = build_view(base, store)
    base.describe(v.state, embed)  # warm the phrase embeddings
    res["recompute = describe() on 10k (inside every edit)"] = timed(
        lambda: base.describe(v.state, embed), runs)
    res["confidence + other themes of all 10k (assign; exports only)"] = timed(
        lambda: build_view(base, store).text_assignments, runs)
    res["comments table of the biggest theme (per version)"] = timed(
        lambda: comments_frame(build_view(base, store), v.themes[0].id), runs)
    hover = hover_texts(base.distinct.texts)
    res["map hover texts (once per project)"] = timed(lambda: hover_texts(base.distinct.texts))
    res["map figure (per version)"] = timed(lambda: map_figure(build_view(base, store), hover),
                                            runs)
    res["quote bank xlsx (on download click)"] = timed(
        lambda: quote_bank_bytes(build_view(base, store), "xlsx", 5), runs)
    res["tagged comments CSV (on download click)"] = timed(
        lambda: tagged_csv_bytes(build_view(base, store)), runs)
    res["apply_edit rename (store write incl.)"] = []
    for i in range(runs):
        res["apply_edit rename (store write incl.)"] += timed(
            lambda i=i: apply_edit(store, base, Rename(v.themes[0].id, f"x{i}"), embed))
        undo(store, base, embed)
    return res


def summary(res: dict[str, list[float]]) -> dict[str, dict[str, float]]:
    return {k: {"median_s": round(statistics.median(v), 3), "max_s": round(max(v), 3),
                "n": len(v), "samples_s": [round(x, 3) for x in v]} for k, v in res.items() if v}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--projects", type=Path, default=ROOT / "projects")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "app_speed.json")
    args = parser.parse_args()
    os.environ["THEMESIFT_PROJECTS"] = str(args.projects)
    os.environ["THEMESIFT_SAMPLE"] = "none"
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    path = build(args.csv, args.projects)
    from themesift.project import ProjectStore, build_view, load_base

    store = ProjectStore(path)
    v = build_view(load_base(store), store)
    info: dict[str, object] = {"rows": v.report.rows_read, "substantive": v.report.substantive,
            "distinct_texts": len(v.base.distinct.texts), "themes": len(v.themes),
            "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python "
                       f"{platform.python_version()}"}
    load_before = os.getloadavg()[0]
    app = summary(app_timings(args.runs))
    direct = summary(direct_timings(args.runs))
    info["load_avg_1m_before_after"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
    report = {"project": info, "apptest_script_runs": app, "library_calls": direct}
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    width = max(map(len, [*app, *direct]))
    print(json.dumps(info))
    for title, block in (("AppTest (one script run each)", app), ("library calls", direct)):
        print(f"\n{title}")
        for k, s in block.items():
            print(f"  {k:<{width}}  median {s['median_s']:.3f} s  max {s['max_s']:.3f} s  "
                  f"(n={s['n']})")


if __name__ == "__main__":
    main()
