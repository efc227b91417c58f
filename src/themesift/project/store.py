"""The project store: one SQLite file per project (stdlib sqlite3, WAL mode).

A project file holds the analysis as it came from the pipeline (comments as
redacted text, distinct texts with their spaCy terms, embeddings and the 2-D
map as float32 BLOBs, settings, cleaning report), the current edit state with
the themes and quotes described from it, and an append-only edit log.

Every edit is written in one transaction: the log entry (with a snapshot of
the state before it, so undo is exact), the new state, themes and quotes and
a bumped version counter.  A killed server therefore loses nothing, and any
number of sessions (browser tabs) read the same state; a session only reloads
when the version it saw has changed.  No pickle: arrays are raw little-endian
bytes, everything else is JSON or plain columns.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import re
import sqlite3
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from themesift.errors import ThemesiftError
from themesift.project.edits import EditState
from themesift.types import Family, Theme

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
SUFFIX = ".sqlite"
_NAME = re.compile(r"[^A-Za-z0-9_-]+")

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE rows(i INTEGER PRIMARY KEY, id TEXT NOT NULL, text TEXT NOT NULL,
                  status TEXT NOT NULL, duplicate_of INTEGER NOT NULL, d INTEGER NOT NULL,
                  groups TEXT NOT NULL);
CREATE TABLE texts(d INTEGER PRIMARY KEY, row INTEGER NOT NULL, weight INTEGER NOT NULL,
                   terms TEXT NOT NULL);
CREATE TABLE arrays(name TEXT PRIMARY KEY, dtype TEXT NOT NULL, shape TEXT NOT NULL,
                    data BLOB NOT NULL);
CREATE TABLE state(id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL,
                   labels BLOB NOT NULL, extra TEXT NOT NULL);
CREATE TABLE themes(id INTEGER PRIMARY KEY, pos INTEGER NOT NULL, label TEXT NOT NULL,
                    keywords TEXT NOT NULL, size INTEGER NOT NULL, share REAL NOT NULL,
                    suggestions TEXT NOT NULL, custom INTEGER NOT NULL, stability REAL,
                    centroid BLOB NOT NULL);
CREATE TABLE quotes(theme_id INTEGER NOT NULL, rank INTEGER NOT NULL, d INTEGER NOT NULL,
                    similarity REAL NOT NULL, PRIMARY KEY (theme_id, rank));
CREATE TABLE edits(seq INTEGER PRIMARY KEY AUTOINCREMENT, ts TEXT NOT NULL, op TEXT NOT NULL,
                   params TEXT NOT NULL, summary TEXT NOT NULL, undoes INTEGER,
                   before_labels BLOB, before_extra TEXT);
"""


def projects_dir() -> Path:
    """``$THEMESIFT_PROJECTS``, else ``projects/`` in the working directory."""
    return Path(os.environ.get("THEMESIFT_PROJECTS") or "projects")


def safe_name(name: str, what: str = "project") -> str:
    cleaned = _NAME.sub("-", name.strip()).strip("-")[:60]
    if not cleaned:
        raise ThemesiftError(f"a {what} name needs at least one letter or digit")
    return cleaned


def named_path(name: str, suffix: str, folder: Path | None = None) -> Path:
    """Where the file called ``name`` with ``suffix`` lives (the projects folder by default)."""
    return (folder or projects_dir()) / f"{safe_name(name)}{suffix}"


def names_in(suffix: str, folder: Path | None = None) -> list[str]:
    """The names of the files ending in ``suffix`` in ``folder``, sorted, suffix removed."""
    folder = folder or projects_dir()
    if not folder.is_dir():
        return []
    return sorted(p.name[: -len(suffix)] for p in folder.glob(f"*{suffix}") if p.is_file())


def project_path(name: str, folder: Path | None = None) -> Path:
    return named_path(name, SUFFIX, folder)


def list_projects(folder: Path | None = None) -> list[str]:
    return names_in(SUFFIX, folder)


def _blob(a: np.ndarray) -> bytes:
    return np.ascontiguousarray(a).astype(a.dtype.newbyteorder("<"), copy=False).tobytes()


def _labels_blob(labels: np.ndarray) -> bytes:
    return np.asarray(labels, dtype="<i4").tobytes()


def _labels(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<i4").astype(np.int64)


def _extra(state: EditState) -> str:
    return json.dumps({"custom": {str(k): v for k, v in state.custom.items()},
                       "manual": sorted(state.manual), "next_id": state.next_id,
                       "family_custom": {str(k): v for k, v in state.family_custom.items()},
                       "n_families": state.n_families,
                       "family_links": {str(k): v for k, v in state.family_links.items()}},
                      ensure_ascii=False)


def _state(labels: bytes, extra: str) -> EditState:
    d = json.loads(extra)
    return EditState(labels=_labels(labels), custom={int(k): v for k, v in d["custom"].items()},
                     manual=frozenset(int(i) for i in d["manual"]), next_id=int(d["next_id"]),
                     family_custom={int(k): str(v)
                                    for k, v in d.get("family_custom", {}).items()},
                     n_families=None if d.get("n_families") is None else int(d["n_families"]),
                     family_links={int(k): int(v)
                                   for k, v in d.get("family_links", {}).items()})


@dataclass(frozen=True)
class RowRecord:
    id: str
    text: str
    status: str
    duplicate_of: int
    d: int
    groups: Mapping[str, str]


@dataclass(frozen=True)
class TextRecord:
    row: int
    weight: int
    terms: str  # the text's spaCy terms as JSON (themes.DocTerms.to_json)


@dataclass(frozen=True)
class Described:
    """Themes (display order), their centroids (same order) and ranked quotes."""

    themes: tuple[Theme, ...]
    centroids: np.ndarray
    quote_rows: Mapping[int, tuple[tuple[int, float], ...]]  # theme -> (distinct text, sim)
    families: tuple[Family, ...] = ()  # groups of the themes, biggest first


@dataclass(frozen=True)
class LogEntry:
    seq: int
    ts: str
    op: str
    params: Mapping[str, Any]
    summary: str
    undoes: int | None


def active_edits(history: Sequence[LogEntry]) -> list[LogEntry]:
    """The edits in effect (undone ones removed), oldest first."""
    stack: list[LogEntry] = []
    for entry in history:
        if entry.undoes is None:
            stack.append(entry)
        elif stack and stack[-1].seq == entry.undoes:
            stack.pop()
    return stack


class ProjectStore:
    """Read and write one project file; every method opens its own connection."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    @property
    def name(self) -> str:
        return self.path.name.removesuffix(SUFFIX)

    # -- connections ---------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        if not self.path.is_file():
            raise ThemesiftError(f"no project at {self.path}")
        con = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=FULL")
        return con

    @contextlib.contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        con = self._connect()
        try:
            con.execute("BEGIN")  # one consistent snapshot for the whole read
            yield con
            con.execute("COMMIT")
        finally:
            con.close()

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction; other writers wait, readers see the old state until commit."""
        con = self._connect()
        try:
            con.execute("BEGIN IMMEDIATE")
            try:
                yield con
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")
        finally:
            con.close()

    # -- creation --------------------------------------------------------------
    @classmethod
    def create(cls, path: Path, *, meta: Mapping[str, Any], rows: Sequence[RowRecord],
               texts: Sequence[TextRecord], arrays: Mapping[str, np.ndarray],
               state: EditState, described: Described) -> ProjectStore:
        """Write a new project file; fails (ThemesiftError) if one exists at ``path``.

        The file is built under a temporary name and linked into place, so a
        crash leaves no half-written project and two creators cannot clobber
        each other.
        """
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            raise ThemesiftError(f"a project called '{path.stem}' already exists")
        tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
        con = sqlite3.connect(tmp, isolation_level=None)
        try:
            con.execute("PRAGMA journal_mode=WAL")
            con.executescript(SCHEMA)
            con.execute("BEGIN")
            info = {**meta, "schema_version": SCHEMA_VERSION, "uid": uuid.uuid4().hex,
                    "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
            con.executemany("INSERT INTO meta VALUES (?, ?)",
                            [(k, json.dumps(v, ensure_ascii=False)) for k, v in info.items()])
            con.executemany(
                "INSERT INTO rows VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(i, r.id, r.text, r.status, r.duplicate_of, r.d,
                  json.dumps(dict(r.groups), ensure_ascii=False)) for i, r in enumerate(rows)])
            con.executemany("INSERT INTO texts VALUES (?, ?, ?, ?)",
                            [(d, t.row, t.weight, t.terms)
                             for d, t in enumerate(texts)])
            con.executemany("INSERT INTO arrays VALUES (?, ?, ?, ?)",
                            [(k, a.dtype.str.lstrip("<>|="), json.dumps(list(a.shape)), _blob(a))
                             for k, a in arrays.items()])
            con.execute("INSERT INTO state VALUES (1, 1, ?, ?)",
                        (_labels_blob(state.labels), _extra(state)))
            _write_described(con, described)
            con.execute("COMMIT")
        except BaseException:
            con.close()
            _remove(tmp)
            raise
        con.close()
        try:
            os.link(tmp, path)  # fails if a project appeared meanwhile
        except FileExistsError:
            raise ThemesiftError(f"a project called '{path.stem}' already exists") from None
        finally:
            _remove(tmp)
        log.info("created project %s (%d rows, %d distinct texts)", path, len(rows), len(texts))
        return cls(path)

    # -- reads -----------------------------------------------------------------
    def token(self) -> tuple[str, int]:
        """(project uid, version): changes whenever anything shown changes."""
        with self.read() as con:
            uid = json.loads(con.execute("SELECT value FROM meta WHERE key='uid'").fetchone()[0])
            version = con.execute("SELECT version FROM state").fetchone()[0]
        return str(uid), int(version)

    def meta(self) -> dict[str, Any]:
        with self.read() as con:
            return {k: json.loads(v) for k, v in con.execute("SELECT key, value FROM meta")}

    def rows(self) -> list[RowRecord]:
        with self.read() as con:
            return [RowRecord(i, t, s, dup, d, json.loads(g)) for i, t, s, dup, d, g in
                    con.execute("SELECT id, text, status, duplicate_of, d, groups FROM rows "
                                "ORDER BY i")]

    def texts(self) -> list[TextRecord]:
        with self.read() as con:
            return [TextRecord(r, w, t) for r, w, t in
                    con.execute("SELECT row, weight, terms FROM texts ORDER BY d")]

    def array(self, name: str) -> np.ndarray:
        with self.read() as con:
            row = con.execute("SELECT dtype, shape, data FROM arrays WHERE name=?",
                              (name,)).fetchone()
        if row is None:
            raise KeyError(name)
        dtype, shape, data = row
        return np.frombuffer(data, dtype=np.dtype(dtype).newbyteorder("<")).reshape(
            json.loads(shape)).astype(np.dtype(dtype))

    def current(self) -> tuple[int, EditState, Described]:
        """Version, edit state and its description, read in one snapshot."""
        with self.read() as con:
            version, labels, extra = con.execute(
                "SELECT version, labels, extra FROM state").fetchone()
            described = _read_described(con)
        return int(version), _state(labels, extra), described

    def history(self) -> list[LogEntry]:
        with self.read() as con:
            return self.history_in(con)

    # -- inside a transaction (``read()`` or ``write()``) --------------------------
    @staticmethod
    def history_in(con: sqlite3.Connection) -> list[LogEntry]:
        return [LogEntry(s, ts, op, json.loads(p), summ, u) for s, ts, op, p, summ, u in
                con.execute("SELECT seq, ts, op, params, summary, undoes FROM edits "
                            "ORDER BY seq")]

    @staticmethod
    def state_in(con: sqlite3.Connection) -> tuple[int, EditState]:
        version, labels, extra = con.execute("SELECT version, labels, extra FROM state").fetchone()
        return int(version), _state(labels, extra)

    @staticmethod
    def labels_in(con: sqlite3.Connection) -> dict[int, str]:
        """Theme id -> label, as stored now."""
        return {int(i): str(lab) for i, lab in con.execute("SELECT id, label FROM themes")}

    @staticmethod
    def before_state(con: sqlite3.Connection, seq: int) -> EditState:
        labels, extra = con.execute("SELECT before_labels, before_extra FROM edits WHERE seq=?",
                                    (seq,)).fetchone()
        return _state(labels, extra)

    @staticmethod
    def commit_state(con: sqlite3.Connection, *, op: str, params: Mapping[str, Any],
                     summary: str, before: EditState | None, undoes: int | None,
                     state: EditState, described: Described) -> int:
        """Log the edit and write the new state and description; returns the new version."""
        ts = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        con.execute(
            "INSERT INTO edits(ts, op, params, summary, undoes, before_labels, before_extra) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (ts, op, json.dumps(params, ensure_ascii=False), summary, undoes,
             None if before is None else _labels_blob(before.labels),
             None if before is None else _extra(before)))
        con.execute("UPDATE state SET version = version + 1, labels = ?, extra = ?",
                    (_labels_blob(state.labels), _extra(state)))
        _write_described(con, described)
        return int(con.execute("SELECT version FROM state").fetchone()[0])


def _remove(db: Path) -> None:
    for p in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        p.unlink(missing_ok=True)


def _write_described(con: sqlite3.Connection, described: Described) -> None:
    con.execute("DELETE FROM themes")
    con.execute("DELETE FROM quotes")
    con.executemany(
        "INSERT INTO themes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(t.id, pos, t.label, json.dumps(list(t.keywords), ensure_ascii=False), t.size, t.share,
          json.dumps(list(t.label_suggestions), ensure_ascii=False), int(t.custom_label),
          t.stability, np.asarray(described.centroids[pos], dtype="<f4").tobytes())
         for pos, t in enumerate(described.themes)])
    con.executemany("INSERT INTO quotes VALUES (?, ?, ?, ?)",
                    [(tid, rank, d, sim) for tid, rows in described.quote_rows.items()
                     for rank, (d, sim) in enumerate(rows)])
    # families live in meta (a project made before families simply has none)
    con.execute("INSERT OR REPLACE INTO meta VALUES ('families', ?)",
                (json.dumps([f.to_dict() for f in described.families], ensure_ascii=False),))


def _read_described(con: sqlite3.Connection) -> Described:
    themes: list[Theme] = []
    cents: list[np.ndarray] = []
    for tid, label, kw, size, share, sugg, custom, stab, cent in con.execute(
            "SELECT id, label, keywords, size, share, suggestions, custom, stability, centroid "
            "FROM themes ORDER BY pos"):
        themes.append(Theme(id=tid, label=label, keywords=tuple(json.loads(kw)), size=size,
                            share=share, label_suggestions=tuple(json.loads(sugg)),
                            custom_label=bool(custom), stability=stab))
        cents.append(np.frombuffer(cent, dtype="<f4").astype(np.float32))
    quotes: dict[int, list[tuple[int, float]]] = {t.id: [] for t in themes}
    for tid, d, sim in con.execute("SELECT theme_id, d, similarity FROM quotes "
                                   "ORDER BY theme_id, rank"):
        quotes.setdefault(tid, []).append((int(d), float(sim)))
    dim = len(cents[0]) if cents else 0
    fams = con.execute("SELECT value FROM meta WHERE key='families'").fetchone()
    return Described(themes=tuple(themes),
                     centroids=np.stack(cents) if cents else np.zeros((0, dim), np.float32),
                     quote_rows={k: tuple(v) for k, v in quotes.items()},
                     families=tuple(Family.from_dict(f) for f in json.loads(fams[0]))
                     if fams else ())
