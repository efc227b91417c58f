"""Tests for themesift.ner_workers: NER shared with spare processes gives the same names."""

from __future__ import annotations

import logging
import sys

import pytest

from themesift.nlp import workers as ner_workers
from themesift.nlp.workers import default_workers, shares, split_work


@pytest.mark.parametrize("lengths", [[5, 1, 1, 1, 8, 2], [1] * 10, [100], [3, 3], []])
@pytest.mark.parametrize("parts", [1, 2, 3, 4])
def test_shares_cover_every_index_once_in_order(lengths: list[int], parts: int) -> None:
    runs = shares(lengths, parts)
    assert [i for run in runs for i in run] == list(range(len(lengths)))
    assert len(runs) <= parts and all(len(run) for run in runs)


def test_shares_are_balanced_by_length() -> None:
    runs = shares([10] * 100, 2)
    assert [len(r) for r in runs] == [50, 50]


def test_default_workers_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THEMESIFT_WORKERS", "1")
    assert default_workers() == 1
    monkeypatch.setenv("THEMESIFT_WORKERS", "99")
    assert default_workers() == ner_workers.MAX_WORKERS
    monkeypatch.setenv("THEMESIFT_WORKERS", "lots")
    assert 1 <= default_workers() <= ner_workers.MAX_WORKERS


def _fake_local(texts):  # one (0, 1) span per text starting with "N"
    return [[(0, 1)] if t.startswith("N") else [] for t in texts]


def test_small_work_stays_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_workers(n: int) -> list[object]:
        raise AssertionError("no worker should start for small work")

    monkeypatch.setattr(ner_workers, "_get_workers", no_workers)
    texts = ["Nora was kind", "ok"] * 10
    assert split_work("names", texts, _fake_local, workers=4) == _fake_local(texts)


def test_time_in_split_work_is_counted_per_job_and_thread() -> None:
    import threading
    import time

    def slow(texts):  # type: ignore[no-untyped-def]
        time.sleep(0.05)
        return _fake_local(texts)

    names, terms = ner_workers.seconds_in("names"), ner_workers.seconds_in("terms")
    split_work("names", ["Nora"], slow, workers=1)
    assert ner_workers.seconds_in("names") - names >= 0.05
    assert ner_workers.seconds_in("terms") == terms
    other: list[float] = []
    thread = threading.Thread(target=lambda: other.append(ner_workers.seconds_in("names")))
    thread.start()
    thread.join()
    assert other == [0.0]  # another thread's clock starts at nought


def test_a_dead_worker_falls_back_to_this_process(monkeypatch: pytest.MonkeyPatch,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    """A worker that exits at once: its share is done here, with a warning; same result."""
    class DeadWorker(ner_workers._Worker):
        def __init__(self) -> None:
            import subprocess

            self.proc = subprocess.Popen([sys.executable, "-c", "pass"], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE)
            self._sender = None
            self._send_error = None

    monkeypatch.setattr(ner_workers, "_Worker", DeadWorker)
    monkeypatch.setattr(ner_workers, "_workers", [])
    monkeypatch.setattr(ner_workers, "_broken", False)
    monkeypatch.setattr(ner_workers, "MIN_CHARS_PER_SHARE", 10)
    texts = [f"N{i} was kind" if i % 3 else f"ok {i}" for i in range(40)]
    with caplog.at_level(logging.WARNING, logger="themesift.nlp.workers"):
        assert split_work("names", texts, _fake_local, workers=2) == _fake_local(texts)
    assert "failed" in caplog.text
    ner_workers.shutdown()


@pytest.mark.slow
def test_workers_find_the_same_names_as_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Real spaCy in a real worker process: the spans equal the single-process ones."""
    from themesift.clean.redact import find_names
    from themesift.nlp.spacy_model import load_nlp

    monkeypatch.setattr(ner_workers, "_workers", [])
    monkeypatch.setattr(ner_workers, "_broken", False)
    monkeypatch.setattr(ner_workers, "MIN_CHARS_PER_SHARE", 200)
    names = ["Sarah Jones", "Dr Patel", "Mohammed", "Aisha", "Tom", "Grace O'Neill"]
    texts = [f"{names[i % 6]} on Ward {i} was lovely and the Staff were kind. Thank you {i}."
             for i in range(60)] + ["nothing to add", "Everything was fine."]
    nlp = load_nlp()
    one = find_names(texts, nlp, workers=1)
    calls: list[int] = []
    real = ner_workers._split

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(ner_workers, "_split", counting)
    two = find_names(texts, nlp, workers=2)
    assert calls and ner_workers._workers and ner_workers._workers[0].alive()
    assert two == one
    assert any(spans for spans in one)  # names were found at all
    ner_workers.shutdown()
    assert not ner_workers._workers


@pytest.mark.slow
def test_workers_give_the_same_label_terms(monkeypatch: pytest.MonkeyPatch) -> None:
    from themesift.nlp.spacy_model import load_nlp
    from themesift.themes.terms import analyse_texts

    monkeypatch.setattr(ner_workers, "_workers", [])
    monkeypatch.setattr(ner_workers, "_broken", False)
    monkeypatch.setattr(ner_workers, "MIN_CHARS_PER_SHARE", 200)
    texts = [f"The waiting times in A&E were far too long, visit {i}. Lovely nurses."
             for i in range(30)] + ["No parking at all.", "Window dressing, not consultation."]
    nlp = load_nlp()
    one = analyse_texts(texts, nlp, workers=1)
    two = analyse_texts(texts, nlp, workers=2)
    assert ner_workers._workers  # a worker took a share
    assert two == one and any(t.phrases for t in one)
    ner_workers.shutdown()


def test_tagging_shares_spacy_only_with_the_fast_embedder_unless_asked(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    from themesift.config import Config
    from themesift.tagging.chunk import ChunkTagger

    def tagger(embedder: str) -> ChunkTagger:
        return ChunkTagger(Config(embedder=embedder), np.eye(2, dtype=np.float32),
                           np.arange(2), (), embedder=None)  # type: ignore[arg-type]

    monkeypatch.delenv("THEMESIFT_WORKERS", raising=False)
    assert tagger("minilm")._spacy_workers() == 1
    assert tagger("fast")._spacy_workers() == default_workers()
    monkeypatch.setenv("THEMESIFT_WORKERS", "2")
    assert tagger("minilm")._spacy_workers() == 2
