"""Integration tests with the real spaCy and MiniLM models on small real data."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

from themesift.api import analyse_file, save_analysis, tag_file
from themesift.model.persist import load_model
from themesift.types import UNASSIGNED, Status

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def hcsa(hcsa_path):
    return analyse_file(hcsa_path, text_col="text").analysis


def test_hcsa_gives_3_to_7_themes_none_unassigned(hcsa):
    assert 3 <= len(hcsa.themes) <= 7
    assert hcsa.unassigned == 0
    assert (hcsa.assignments.primary >= 0).all()
    assert sum(t.size for t in hcsa.themes) == 19


def test_hcsa_labels_are_phrases_from_the_quotes(hcsa):
    corpus = " ".join(hcsa.cleaned.texts).lower()
    for t in hcsa.themes:
        assert 1 <= len(t.label.split()) <= 4
        assert t.label.lower() in corpus, t.label
        assert 1 <= len(t.keywords) <= 10
        assert not {"the", "and", "of", "a"} & set(t.keywords)


def test_hcsa_agrees_with_the_report_themes(hcsa, hcsa_path):
    truth = pd.read_csv(hcsa_path)["report_theme"]
    nmi = normalized_mutual_info_score(truth, hcsa.assignments.primary)
    assert nmi >= 0.55, nmi


def test_quotes_are_distinct_members_with_ids(hcsa):
    ids = set(hcsa.cleaned.corpus.ids)
    for t in hcsa.themes:
        qs = hcsa.quotes[t.id]
        assert 1 <= len(qs) <= t.size
        assert len({q.text for q in qs}) == len(qs)
        members = {hcsa.cleaned.corpus.ids[i] for i in np.flatnonzero(
            hcsa.assignments.primary == t.id)}
        assert {q.comment_id for q in qs} <= members <= ids


def test_shuffled_input_gives_identical_themes(hcsa, hcsa_path, tmp_path):
    df = pd.read_csv(hcsa_path).sample(frac=1.0, random_state=3)
    df.to_csv(tmp_path / "shuffled.csv", index=False)
    shuffled = analyse_file(tmp_path / "shuffled.csv", text_col="text", id_col="id").analysis
    by_id = dict(zip(shuffled.cleaned.corpus.ids, shuffled.assignments.primary, strict=True))
    again = [by_id[i] for i in pd.read_csv(hcsa_path)["id"]]
    assert adjusted_rand_score(hcsa.assignments.primary, again) == 1.0
    assert list(hcsa.assignments.primary) == again
    assert [t.label for t in shuffled.themes] == [t.label for t in hcsa.themes]


def test_save_load_tag_reproduces_training_assignments(hcsa, hcsa_path, tmp_path):
    model_dir = save_analysis(hcsa, tmp_path / "model")
    model = load_model(model_dir)
    assert [t.label for t in model.themes] == [t.label for t in hcsa.themes]
    assert {k: [q.text for q in v] for k, v in model.quotes.items()} == {
        k: [q.text for q in v] for k, v in hcsa.quotes.items()}
    tag_file(model_dir, hcsa_path, tmp_path / "tagged.csv", text_col="text")
    tagged = pd.read_csv(tmp_path / "tagged.csv")
    assert tagged["primary_theme"].tolist() == hcsa.assignments.primary.tolist()


def test_nhs_few_hundred_rows(nhs_small):
    a = analyse_file(nhs_small, text_col="text", id_col="id", group_cols=["trust"]).analysis
    sub = np.array([s is Status.SUBSTANTIVE for s in a.cleaned.status])
    assert a.cleaned.report.non_answers > 0  # "Nothing." is set aside
    assert 3 <= len(a.themes) <= 40
    assert (a.assignments.primary[sub] == UNASSIGNED).mean() <= 0.10
    q = next(iter(a.quotes.values()))[0]
    assert set(q.groups) == {"trust"}


def test_personal_data_never_reaches_quotes_or_outputs(tmp_path):
    rows = [
        "Please call me on 07700 900123, the ward staff were rude to my mother.",
        "Email jane.doe@example.com about the rude staff on the ward.",
        "My NHS number is 943 476 5919 and reception staff were rude.",
        "Dr Sarah Jones was rude and dismissive on the ward.",
        "Parking at the hospital is far too expensive.",
        "The car park costs too much and there are no spaces.",
        "Car parking charges are a disgrace.",
        "Food was cold and tasteless.",
        "The meals were cold by the time they arrived.",
        "Lovely food and a clean ward.",
    ]
    src = tmp_path / "pii.csv"
    pd.DataFrame({"comment": rows}).to_csv(src, index=False)
    a = analyse_file(src, text_col="comment").analysis
    out = save_analysis(a, tmp_path / "m")
    blob = "\n".join(p.read_text(encoding="utf-8", errors="ignore") for p in out.iterdir())
    for secret in ("07700 900123", "jane.doe@example.com", "943 476 5919", "Sarah", "Jones"):
        assert secret not in blob
    import docx
    import openpyxl

    from themesift.api import export_quotes

    export_quotes(out, tmp_path / "bank.xlsx", per_theme=10)
    export_quotes(out, tmp_path / "bank.docx", per_theme=10)
    cells = [str(c.value) for row in openpyxl.load_workbook(tmp_path / "bank.xlsx")["Quote bank"]
             for c in row]
    paras = [p.text for p in docx.Document(str(tmp_path / "bank.docx")).paragraphs]
    shown = "\n".join(cells + paras)
    assert "[EMAIL]" in shown or "[PHONE]" in shown or "[NHS_NUMBER]" in shown
    for secret in ("07700 900123", "jane.doe@example.com", "943 476 5919", "Sarah", "Jones"):
        assert secret not in shown
    assert a.cleaned.report.redactions["EMAIL"] == 1
    assert a.cleaned.report.redactions["NHS_NUMBER"] == 1
