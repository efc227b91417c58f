"""Streaming, resumable tagging and the Dask engine, with a tiny stand-in embedder.

No real models here (names are not redacted, the embedder hashes words), so
these tests are quick; tests/tagging/test_scale_models.py runs the real ones.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import cloudpickle
import numpy as np
import pandas as pd
import pytest

from themesift.config import Config
from themesift.errors import ThemesiftError
from themesift.tagging import stream
from themesift.tagging.chunk import ChunkTagger
from themesift.tagging.stream import TagJob, parts_dir
from themesift.types import OUTPUT_COLUMNS, FloatArray, Theme

cloudpickle.register_pickle_by_value(sys.modules[__name__])  # Dask workers cannot import tests

DIMS = 32
WORD = re.compile(r"[a-z]+")


class WordHashEmbedder:
    """Bag of hashed words, L2-normalised: deterministic and picklable."""

    model_id = "test/word-hash"

    def __init__(self) -> None:
        self.calls = 0

    def embed(self, texts: Sequence[str]) -> FloatArray:
        self.calls += 1
        out = np.zeros((len(texts), DIMS), dtype=np.float32)
        for i, text in enumerate(texts):
            for w in WORD.findall(text.lower()):
                out[i, int(hashlib.md5(w.encode()).hexdigest(), 16) % DIMS] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return out / norms


SEEDS = ["parking is too expensive", "the staff were kind", "food was cold"]
COMMENTS = [
    "Parking is too expensive here", "The staff were very kind", "Food was cold!",
    "n/a", "", "The staff were very kind", "the staff were very kind.", "Nothing",
    "Cold food and expensive parking", "Kind staff, cold food", "Email me at a.b@example.com",
    "Parking is too expensive here", "Lovely garden", "nothing else to add", "Food was cold!",
]


def make_tagger(**changes: object) -> ChunkTagger:
    config = Config(redact_names=False, unassigned_below=0.3).with_(**changes)
    emb = WordHashEmbedder()
    themes = tuple(Theme(i, s, (s.split()[0],), 1, 1 / 3) for i, s in enumerate(SEEDS))
    centroids = emb.embed(SEEDS)
    emb.calls = 0
    return ChunkTagger(config, centroids, np.arange(3), themes, emb, cache=None)


@pytest.fixture
def export(tmp_path: Path) -> Path:
    n = 200
    rows = [COMMENTS[i % len(COMMENTS)] for i in range(n)]
    df = pd.DataFrame({"rid": [f"r{i}" for i in range(n)], "comment": rows,
                       "site": [f"S{i % 3}" for i in range(n)]})
    path = tmp_path / "export.csv"
    df.to_csv(path, index=False)
    return path


def job(path: Path, out: Path, chunksize: int = 7) -> TagJob:
    return TagJob(path, out, ("comment",), "rid", ("site",), chunksize)


def read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, keep_default_na=False, dtype=str)


def test_output_does_not_depend_on_chunk_size(export, tmp_path):
    outs = []
    for size in (1, 7, 64, 10_000):
        out = tmp_path / f"t{size}.csv"
        stream.run(job(export, out, size), make_tagger(), model_sha256="m")
        outs.append(read(out))
        assert not parts_dir(out).exists()
    for other in outs[1:]:
        pd.testing.assert_frame_equal(outs[0], other)
    df = outs[0]
    assert list(df.columns) == ["id", "question", "site", "status", "duplicate", "primary_theme",
                                "primary_label", "family", "family_label", "confidence",
                                "all_themes", "all_labels", "sentiment", "sentiment_score",
                                "text"]
    # the names groups may not take
    assert list(df.columns) == ["id", "question", "site", *OUTPUT_COLUMNS[2:]]
    assert set(df["question"]) == {"comment"}
    assert df["id"].tolist() == [f"r{i}" for i in range(200)]
    assert "[EMAIL]" in " ".join(df["text"]) and "a.b@example.com" not in " ".join(df["text"])


def test_duplicates_are_flagged_across_the_whole_file(export, tmp_path):
    out = tmp_path / "t.csv"
    result = stream.run(job(export, out, chunksize=5), make_tagger(), model_sha256="m")
    df = read(out)
    sub = df[df["status"] == "substantive"]
    # "The staff were very kind" and "the staff were very kind." share a normalised text
    keys = sub["text"].str.lower().str.strip(" .!")
    expected = keys.duplicated()
    assert (sub["duplicate"] == "True").tolist() == expected.tolist()
    assert result.report.duplicates == int(expected.sum()) > 0
    assert result.report.rows_read == 200
    assert result.report.redactions["EMAIL"] == sum("a.b@" in c for c in pd.read_csv(
        export)["comment"].fillna(""))
    assert sum(result.counts.values()) == 200


def test_memo_embeds_each_text_once_and_changes_nothing(export, tmp_path):
    tagger = make_tagger()
    stream.run(job(export, tmp_path / "a.csv", chunksize=10), tagger, model_sha256="m")
    distinct = {c for c in COMMENTS if c.strip()}
    assert tagger.embedder.calls <= 2  # chunks after the first 15 rows hold no new text
    tiny = make_tagger()
    tiny.memo_size = 3  # emptied again and again
    stream.run(job(export, tmp_path / "b.csv", chunksize=10), tiny, model_sha256="m")
    assert tiny.embedder.calls > len(distinct) // 3
    pd.testing.assert_frame_equal(read(tmp_path / "a.csv"), read(tmp_path / "b.csv"))


class SlowEmbedder(WordHashEmbedder):
    """Takes a known time per call, so embedding's seconds can be told apart."""

    def embed(self, texts: Sequence[str]) -> FloatArray:
        time.sleep(0.05)
        return super().embed(texts)


def test_a_run_says_where_its_time_went(export, tmp_path, monkeypatch):
    """Every stage is there, none negative, no second counted twice: the spaCy time
    inside cleaning is names', not clean's too, and the embedder's sleeps are embed's."""
    from themesift.nlp import split_work
    from themesift.tagging import chunk

    real_clean = chunk.clean_corpus
    ner_calls = []

    def clean_with_slow_ner(corpus, config, **kwargs):  # type: ignore[no-untyped-def]
        ner_calls.append(1)
        split_work("names", ["Nora"], lambda texts: time.sleep(0.05) or [[]], workers=1)
        return real_clean(corpus, config, **kwargs)

    monkeypatch.setattr(chunk, "clean_corpus", clean_with_slow_ner)
    tagger = make_tagger()
    tagger.embedder = SlowEmbedder()
    result = stream.run(job(export, tmp_path / "t.csv", chunksize=5), tagger, model_sha256="m")
    stages = dict(result.stages.items())
    assert list(stages) == ["read", "clean", "names", "embed", "assign", "sentiment", "write"]
    assert min(stages.values()) >= 0
    assert stages["read"] > 0 and stages["clean"] > 0 and stages["assign"] > 0
    assert stages["sentiment"] > 0 and stages["write"] > 0
    assert tagger.embedder.calls >= 2 and len(ner_calls) >= 2
    assert stages["embed"] >= 0.05 * tagger.embedder.calls
    assert stages["names"] >= 0.05 * len(ner_calls)
    # what the stages add up to is within the run, and most of it
    assert 0.8 * result.seconds <= result.stages.total() <= result.seconds


@pytest.mark.parametrize("ext", [".parquet", ".jsonl", ".xlsx"])
def test_every_output_format_holds_the_same_rows(export, tmp_path, ext):
    stream.run(job(export, tmp_path / "t.csv"), make_tagger(), model_sha256="m")
    out = tmp_path / f"t{ext}"
    stream.run(job(export, out), make_tagger(), model_sha256="m")
    want = read(tmp_path / "t.csv")
    if ext == ".parquet":
        got = pd.read_parquet(out)
    elif ext == ".jsonl":
        got = pd.read_json(out, lines=True, dtype=False)
    else:
        got = pd.read_excel(out, dtype=str, keep_default_na=False)
    assert got["id"].astype(str).tolist() == want["id"].tolist()
    assert got["primary_theme"].astype(int).tolist() == want["primary_theme"].astype(int).tolist()
    assert got["text"].fillna("").astype(str).tolist() == want["text"].tolist()


class Interrupt(Exception):
    pass


def interrupt_after(tagger: ChunkTagger, chunks: int) -> ChunkTagger:
    real = tagger.tag
    seen = []

    def tag(corpus):  # type: ignore[no-untyped-def]
        if len(seen) == chunks:
            raise KeyboardInterrupt
        seen.append(len(corpus))
        return real(corpus)

    tagger.tag = tag  # type: ignore[method-assign]
    return tagger


def test_resume_continues_without_duplicating_or_dropping_rows(export, tmp_path):
    whole = tmp_path / "whole.csv"
    stream.run(job(export, whole), make_tagger(), model_sha256="m")
    out = tmp_path / "t.csv"
    with pytest.raises(KeyboardInterrupt):
        stream.run(job(export, out), interrupt_after(make_tagger(), 4), model_sha256="m")
    assert not out.exists()  # nothing half-written
    journal = json.loads((parts_dir(out) / "journal.json").read_text())
    assert [p["rows"] for p in journal["parts"]] == [7, 7, 7, 7]

    tagger = make_tagger()
    calls = []
    real = tagger.tag
    tagger.tag = lambda corpus: calls.append(corpus.ids[0]) or real(corpus)  # type: ignore
    result = stream.run(job(export, out), tagger, model_sha256="m", resume=True)
    assert calls[0] == "r28"  # the first row after the committed parts
    assert result.rows == 200 and result.notes
    pd.testing.assert_frame_equal(read(out), read(whole))
    assert not parts_dir(out).exists()


def test_resume_refuses_a_changed_input_model_or_options(export, tmp_path):
    out = tmp_path / "t.csv"
    with pytest.raises(KeyboardInterrupt):
        stream.run(job(export, out), interrupt_after(make_tagger(), 2), model_sha256="m")
    with pytest.raises(ThemesiftError, match="model differs"):
        stream.run(job(export, out), make_tagger(), model_sha256="other", resume=True)
    with pytest.raises(ThemesiftError, match="options differ"):
        stream.run(job(export, out, chunksize=8), make_tagger(), model_sha256="m", resume=True)
    export.write_text(export.read_text() + "r999,one more,S1\n")
    with pytest.raises(ThemesiftError, match="input file differs"):
        stream.run(job(export, out), make_tagger(), model_sha256="m", resume=True)
    assert not out.exists()
    # Without --resume the stale parts are replaced and the run completes.
    result = stream.run(job(export, out), make_tagger(), model_sha256="m")
    assert result.rows == 201 and len(read(out)) == 201


def test_a_damaged_part_is_tagged_again(export, tmp_path):
    whole = tmp_path / "whole.csv"
    stream.run(job(export, whole), make_tagger(), model_sha256="m")
    out = tmp_path / "t.csv"
    with pytest.raises(KeyboardInterrupt):
        stream.run(job(export, out), interrupt_after(make_tagger(), 5), model_sha256="m")
    (parts_dir(out) / "part-00002.parquet").write_bytes(b"garbage")
    result = stream.run(job(export, out), make_tagger(), model_sha256="m", resume=True)
    assert result.resumed_rows == 14
    pd.testing.assert_frame_equal(read(out), read(whole))


def test_refuses_a_foreign_parts_folder_and_bad_outputs(export, tmp_path):
    out = tmp_path / "t.csv"
    parts_dir(out).mkdir()
    (parts_dir(out) / "mine.txt").write_text("keep me")
    with pytest.raises(ThemesiftError, match="not a themesift parts folder"):
        stream.run(job(export, out), make_tagger(), model_sha256="m")
    assert (parts_dir(out) / "mine.txt").exists()
    with pytest.raises(ThemesiftError, match="unsupported file type"):
        stream.run(job(export, tmp_path / "t.docx"), make_tagger(), model_sha256="m")


@pytest.fixture(scope="module")
def scheduler():
    import logging

    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster:
        yield cluster.scheduler_address


def test_dask_local_cluster_equals_the_local_engine(export, tmp_path, scheduler):
    from themesift.model.persist import load_model, save_model
    from themesift.tagging.dask_engine import MARKER, run_dask

    tagger = make_tagger()
    model_dir = save_model(tmp_path / "model", themes=tagger.themes, centroids=tagger.centroids,
                           quotes={}, config=tagger.config, embedder_id="test/word-hash",
                           training={})
    local = tmp_path / "local.parquet"
    expected = stream.run(job(export, local, chunksize=30), tagger, model_sha256="m")
    out = tmp_path / "dask.parquet"
    dask_tagger = ChunkTagger.from_model(load_model(model_dir), WordHashEmbedder())
    result = run_dask(job(export, out, chunksize=30), dask_tagger, scheduler=scheduler)
    parts = sorted(out.glob("part-*.parquet"))
    assert len(parts) == 7 and (out / MARKER).is_file()
    got = pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True)
    pd.testing.assert_frame_equal(got, pd.read_parquet(local))
    assert result.report == expected.report and result.counts == expected.counts
    assert not list(tmp_path.glob(".dask.parquet.staging-*"))
    # the workers' stages are sums over the partitions; read and write the driver's
    assert result.stages.summed == ("clean", "names", "embed", "assign", "sentiment")
    assert min(s for _, s in result.stages.items()) >= 0
    assert result.stages.read > 0 and result.stages.write > 0 and result.stages.clean > 0
    assert result.stages.read + result.stages.write <= result.seconds
    marker = json.loads((out / MARKER).read_text())
    assert set(marker["seconds"]) == {s for s, _ in result.stages.items()}

    csv_out = tmp_path / "dask.csv"
    run_dask(job(export, csv_out, chunksize=30), dask_tagger, scheduler=scheduler)
    got_csv = pd.concat([read(p) for p in sorted(csv_out.glob("part-*.csv"))], ignore_index=True)
    stream.run(job(export, tmp_path / "local.csv"), make_tagger(), model_sha256="m")
    pd.testing.assert_frame_equal(got_csv, read(tmp_path / "local.csv"))


def test_dask_refuses_to_replace_a_foreign_folder(export, tmp_path):
    from themesift.tagging.dask_engine import run_dask

    out = tmp_path / "out.parquet"
    out.mkdir()
    (out / "precious.txt").write_text("x")
    with pytest.raises(ThemesiftError, match="not themesift output"):
        run_dask(job(export, out), make_tagger())
    with pytest.raises(ThemesiftError, match="folder named"):
        run_dask(job(export, tmp_path / "out.xlsx"), make_tagger())
    assert (out / "precious.txt").exists()


def test_bad_input_after_committed_chunks_leaves_no_parts(export, tmp_path):
    df = read(export)
    df.loc[150, "rid"] = "r3"  # a duplicate id in a late chunk: the file itself must change
    bad = tmp_path / "bad.csv"
    df.to_csv(bad, index=False)
    out = tmp_path / "t.csv"
    with pytest.raises(ThemesiftError, match="duplicate id 'r3'"):
        stream.run(job(bad, out), make_tagger(), model_sha256="m")
    assert not parts_dir(out).exists() and not out.exists()


def test_a_hand_edited_journal_is_not_resumed(export, tmp_path):
    out = tmp_path / "t.csv"
    parts_dir(out).mkdir()
    (parts_dir(out) / "journal.json").write_text(
        json.dumps({"format": stream.FORMAT, "parts": [{"rows": "abc"}]}))
    with pytest.raises(ThemesiftError, match="not a themesift parts folder"):
        stream.run(job(export, out), make_tagger(), model_sha256="m", resume=True)


def test_a_survey_tags_every_question_alike_in_both_engines(tmp_path, scheduler):
    """Two questions: one row per respondent x question, the same from the local and the
    Dask engine; duplicates are per question (a text repeated in another question is not)."""
    from themesift.tagging import SurveyTagger
    from themesift.tagging.dask_engine import run_dask

    n = 60
    df = pd.DataFrame({"rid": [f"r{i}" for i in range(n)],
                       "q1": [COMMENTS[i % len(COMMENTS)] for i in range(n)],
                       "q2": [COMMENTS[(i * 7) % len(COMMENTS)] for i in range(n)],
                       "site": [f"S{i % 3}" for i in range(n)]})
    path = tmp_path / "survey.csv"
    df.to_csv(path, index=False)

    def tagger() -> SurveyTagger:
        a, b = make_tagger(), make_tagger()
        a.question, b.question = "Q1", "Q2"
        return SurveyTagger([a, b])

    survey_job = TagJob(path, tmp_path / "local.csv", ("q1", "q2"), "rid", ("site",), 9)
    result = stream.run(survey_job, tagger(), model_sha256="m")
    local = read(tmp_path / "local.csv")
    assert result.rows == len(local) == 2 * n
    assert local["question"].tolist()[:4] == ["Q1", "Q2", "Q1", "Q2"]
    assert local["id"].tolist()[:4] == ["r0", "r0", "r1", "r1"]
    parking = local[(local["question"] == "Q2")
                    & (local["text"] == "Parking is too expensive here")]
    assert parking["duplicate"].iloc[0] == "False"  # r0 said it to Q1 too: not a duplicate
    out = tmp_path / "dask.csv"
    dask_job = TagJob(path, out, ("q1", "q2"), "rid", ("site",), 9)
    dask_result = run_dask(dask_job, tagger(), scheduler=scheduler)
    got = pd.concat([read(p) for p in sorted(out.glob("part-*.csv"))], ignore_index=True)
    pd.testing.assert_frame_equal(got, local)
    assert dask_result.report == result.report and dask_result.counts == result.counts
