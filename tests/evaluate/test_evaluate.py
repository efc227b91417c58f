"""`themesift evaluate` and theme quality with the real spaCy and MiniLM models."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import adjusted_rand_score

from themesift.api import analyse_file, evaluate_file, save_analysis
from themesift.model.persist import load_model

pytestmark = pytest.mark.slow

ROWS = [
    ("The parking is far too expensive", "parking", "q1"),
    ("Car park charges are a disgrace", "parking", "q1"),
    ("Could not find a parking space anywhere", "parking", "q1"),
    ("Parking fees at the hospital are too high", "parking", "q1"),
    ("The food was cold", "food|temperature", "q1"),
    ("Meals arrived cold and tasteless", "food", "q1"),
    ("Lovely food, plenty of choice", "food", "q1"),
    ("The sandwiches were stale", "food", "q1"),
    ("Staff were rude to my mother", "staff", "q2"),
    ("The nurses were kind and caring", "staff", "q2"),
    ("The doctor was dismissive and rude", "staff", "q2"),
    ("Reception staff were very friendly", "staff", "q2"),
    ("Nothing", "", "q2"),
    ("Waited three hours to be seen", "waiting", "q2"),
    ("The wait in A&E was far too long", "waiting", "q2"),
    ("Long delays at the clinic", "waiting", "q2"),
    ("Waiting times for an appointment are awful", "waiting", "q2"),
]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("eval") / "coded.csv"
    pd.DataFrame(ROWS, columns=["comment", "code", "question"]).to_csv(path, index=False)
    return path


def test_evaluate_tiny_labelled_file(tiny) -> None:
    ev, notes = evaluate_file(tiny, text_col="comment", label_col="code", multi_label_sep="|")
    a = ev.overall
    assert a.n == 16  # the uncoded non-answer is left out
    assert a.unassigned_share == 0.0
    assert 2 <= a.n_themes <= 6
    assert a.nmi >= 0.6 and a.ari >= 0.4 and a.f1 >= 0.6
    assert set(a.kappa) == {"parking", "food", "temperature", "staff", "waiting"}
    assert notes == ()
    assert len(ev.groups) == 1 and ev.groups[0].rows == len(ROWS)


def test_evaluate_per_question_averages_by_rows(tiny) -> None:
    ev, _ = evaluate_file(tiny, text_col="comment", label_col="code", per="question")
    assert [g.value for g in ev.groups] == ["q1", "q2"]
    assert ev.overall.n == sum(g.agreement.n for g in ev.groups) == 16
    weights = np.array([g.agreement.n for g in ev.groups])
    nmis = np.array([g.agreement.nmi for g in ev.groups])
    assert ev.overall.nmi == pytest.approx(float((weights * nmis).sum() / weights.sum()))


def test_groups_too_small_to_measure_are_skipped(tiny, tmp_path) -> None:
    df = pd.read_csv(tiny)
    df["question"] = ["q1"] * 3 + ["q2"] * (len(df) - 3)  # q1: three coded comments
    path = tmp_path / "small_group.csv"
    df.to_csv(path, index=False)
    ev, _ = evaluate_file(path, text_col="comment", label_col="code", per="question")
    assert ev.skipped == ("q1",) and [g.value for g in ev.groups] == ["q2"]


def test_evaluate_cli_writes_json_and_rejects_bad_columns(tiny, tmp_path) -> None:
    out = tmp_path / "eval.json"
    cmd = [sys.executable, "-m", "themesift", "evaluate", str(tiny), "--text-col", "comment",
           "--label-col", "code", "--multi-label-sep", "|", "--json", str(out), "-q"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "NMI" in done.stdout and "kappa" in done.stdout
    data = json.loads(out.read_text())
    assert data["overall"]["n"] == 16 and data["label_col"] == "code"
    assert 0.0 <= data["overall"]["nmi"] <= 1.0
    bad = subprocess.run(cmd[:7] + ["--label-col", "nope"], capture_output=True, text=True,
                         timeout=600)
    assert bad.returncode == 2
    assert bad.stderr.strip().count("\n") == 0 and "'nope' not found" in bad.stderr


@pytest.fixture(scope="module")
def hcsa_eval(hcsa_path):
    return evaluate_file(hcsa_path, text_col="text", id_col="id", label_col="report_theme")[0]


def test_hcsa_nmi_against_the_report_themes(hcsa_eval) -> None:
    a = hcsa_eval.overall
    assert a.nmi >= 0.55, a.nmi
    assert 3 <= a.n_themes <= 7
    assert a.unassigned_share == 0.0


def test_hcsa_themes_have_stability_that_survives_save_and_load(hcsa_path, tmp_path) -> None:
    analysis = analyse_file(hcsa_path, text_col="text", id_col="id").analysis
    scores = [t.stability for t in analysis.themes]
    assert all(s is not None and 0.0 <= s <= 1.0 for s in scores)
    model = load_model(save_analysis(analysis, tmp_path / "m"))
    assert [t.stability for t in model.themes] == scores


def test_shuffled_hcsa_gives_identical_themes_labels_and_stability(hcsa_path, tmp_path) -> None:
    first = analyse_file(hcsa_path, text_col="text", id_col="id").analysis
    df = pd.read_csv(hcsa_path).sample(frac=1.0, random_state=11)
    df.to_csv(tmp_path / "shuffled.csv", index=False)
    again = analyse_file(tmp_path / "shuffled.csv", text_col="text", id_col="id").analysis
    by_id = dict(zip(again.cleaned.corpus.ids, again.assignments.primary, strict=True))
    reordered = [by_id[i] for i in first.cleaned.corpus.ids]
    assert adjusted_rand_score(first.assignments.primary, reordered) == 1.0
    assert reordered == first.assignments.primary.tolist()
    assert [(t.label, t.size, t.stability) for t in again.themes] == [
        (t.label, t.size, t.stability) for t in first.themes]
