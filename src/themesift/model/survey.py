"""Survey models: one folder holding a model per open question, and the survey's tables.

A survey folder holds

* ``manifest.json``: format ``themesift-survey``, the source, the respondent id
  column and count, the open questions (key, wording, folder) in order, the
  profiles of the closed columns, versions, and a SHA-256 of every file below;
* ``questions/NN-<key>/``: one model folder per question (:mod:`themesift.model.persist`);
* ``themes.csv`` and ``assignments.csv``: every question's themes, and one row per
  respondent x question, flat with a ``question`` column.

A single-question model (the plain model folder ``analyse`` writes for one text
column) loads as a survey of that one question, so everything built on
:class:`SurveyModel` serves both.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from themesift.cells import read_csv, write_csv
from themesift.errors import ThemesiftError
from themesift.fsutil import atomic_dir
from themesift.model.persist import (
    FORMAT,
    SURVEY_FORMAT,
    SavedModel,
    bad_model,
    check_model_target,
    load_model,
    model_folder,
    sha256_of,
    versions,
)
from themesift.types import ColumnProfile, Question

SURVEY_VERSION = 1
QUESTIONS_DIR = "questions"
_SLUG = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True)
class SurveyQuestion:
    question: Question
    model: SavedModel


@dataclass(frozen=True)
class SurveyModel:
    """A loaded survey model (or a single-question model seen as a survey of one question)."""

    path: Path
    source: str
    id_col: str | None
    respondents: int
    questions: tuple[SurveyQuestion, ...]
    profiles: Mapping[str, ColumnProfile]
    manifest: Mapping[str, Any]

    def question(self, key: str) -> SurveyQuestion:
        for q in self.questions:
            if q.question.key == key:
                return q
        keys = ", ".join(q.question.key for q in self.questions)
        raise ThemesiftError(f"no question '{key}' in model {self.path}; its questions: {keys}")

    def assignments(self) -> pd.DataFrame:
        """One row per respondent x question (the model's ``assignments.csv``)."""
        path = self.path / "assignments.csv"
        if not path.is_file():
            raise ThemesiftError(f"model {self.path} has no assignments.csv; run 'analyse' again")
        return read_csv(path)


def profile_dict(profile: ColumnProfile) -> dict[str, Any]:
    return {**asdict(profile), "levels": list(profile.levels)}


def profile_from(data: Mapping[str, Any]) -> ColumnProfile:
    return ColumnProfile(name=str(data["name"]), kind=str(data["kind"]),
                         answered=int(data["answered"]), distinct=int(data["distinct"]),
                         levels=tuple(map(str, data.get("levels", ()))),
                         text=str(data.get("text", "")))


def question_folder(index: int, key: str) -> str:
    return f"{index + 1:02d}-{_SLUG.sub('-', key).strip('-')[:40] or 'question'}"


def save_survey_model(
    path: str | os.PathLike[str],
    *,
    source: str,
    id_col: str | None,
    respondents: int,
    questions: tuple[Question, ...],
    save_question: Callable[[Question, Path], None],
    profiles: Mapping[str, ColumnProfile],
    tables: Mapping[str, pd.DataFrame],
    skipped: tuple[str, ...] = (),
) -> Path:
    """Write a survey folder atomically; ``save_question(q, folder)`` writes one question's
    model folder (a crash leaves the old folder or the new one, never a mix)."""
    path = Path(path)
    check_model_target(path)
    with atomic_dir(path) as tmp:
        entries = []
        for i, q in enumerate(questions):
            folder = f"{QUESTIONS_DIR}/{question_folder(i, q.key)}"
            save_question(q, tmp / folder)
            entries.append({"key": q.key, "text": q.text, "folder": folder})
        for name, df in tables.items():
            write_csv(df, tmp / name)
        files = {name: sha256_of(tmp / name) for name in sorted(tables)}
        files.update({f"{e['folder']}/manifest.json": sha256_of(tmp / e["folder"] /
                                                                "manifest.json")
                      for e in entries})
        manifest = {
            "format": SURVEY_FORMAT,
            "format_version": SURVEY_VERSION,
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "versions": versions(),
            "source": source,
            "id_col": id_col,
            "respondents": respondents,
            "questions": entries,
            "skipped": list(skipped),
            "profiles": {name: profile_dict(p) for name, p in profiles.items()},
            "files": files,
        }
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False),
                                           encoding="utf-8")
    return path


def load_survey_model(path: str | os.PathLike[str]) -> SurveyModel:
    """Read a survey folder, or a single-question model folder as a survey of one question."""
    path = model_folder(path)
    try:
        manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        manifest = None
    if isinstance(manifest, dict) and manifest.get("format") == FORMAT:
        return _single(load_model(path))
    if not isinstance(manifest, dict) or manifest.get("format") != SURVEY_FORMAT:
        return _single(load_model(path))  # its error says what is wrong
    if manifest.get("format_version") != SURVEY_VERSION:
        raise bad_model(path, f"survey format version {manifest.get('format_version')} "
                              "is not supported")
    try:
        files = dict(manifest["files"])
        for name, digest in files.items():
            target = (path / name).resolve()
            if path.resolve() not in target.parents or not target.is_file():
                raise bad_model(path, f"{name} is missing")
            if sha256_of(target) != digest:
                raise bad_model(path, f"{name} is corrupt (checksum differs)")
        questions = []
        for entry in manifest["questions"]:
            folder = f"{entry['folder']}/manifest.json"
            if folder not in files:
                raise bad_model(path, f"{entry['folder']} is not listed in the manifest")
            questions.append(SurveyQuestion(Question(str(entry["key"]), str(entry["text"])),
                                            load_model(path / entry["folder"])))
        profiles = {str(k): profile_from(v) for k, v in dict(manifest["profiles"]).items()}
        return SurveyModel(path=path, source=str(manifest["source"]),
                           id_col=manifest.get("id_col"),
                           respondents=int(manifest["respondents"]),
                           questions=tuple(questions), profiles=profiles, manifest=manifest)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise bad_model(path, f"damaged survey manifest ({type(exc).__name__}: {exc})") from None


def _single(model: SavedModel) -> SurveyModel:
    training = model.training
    question = training.get("question") or {}
    key = str(question.get("key") or training.get("text_col") or "text")
    profiles = training.get("profiles") or {}
    try:
        parsed = {str(k): profile_from(v) for k, v in dict(profiles).items()}
    except (KeyError, TypeError, ValueError):
        parsed = {}
    return SurveyModel(path=model.path, source=str(training.get("source", "")),
                       id_col=training.get("id_col"), respondents=int(training.get("rows", 0)),
                       questions=(SurveyQuestion(Question(key, str(question.get("text", ""))),
                                                 model),),
                       profiles=parsed, manifest=model.manifest)
