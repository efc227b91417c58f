"""Atomic file writes (a temporary file beside the target, then rename) and output checks."""

from __future__ import annotations

import contextlib
import glob
import logging
import os
import re
import shutil
import signal
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from themesift.errors import ThemesiftError

log = logging.getLogger(__name__)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path; on success it replaces ``target`` atomically.

    On any exception the temporary file is removed and ``target`` is untouched.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    recover_dir(target)  # temporary files of killed runs
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.new-{os.getpid()}.",
                                        suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise ThemesiftError(f"cannot write {target}: {exc.strerror or exc}") from None
    os.close(fd)
    tmp = Path(tmp_name)
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual mode
    try:
        try:
            yield tmp
            os.replace(tmp, target)
        except OSError as exc:  # name the file asked for, not our temporary one
            raise ThemesiftError(f"cannot write {target}: {exc.strerror or exc}") from None
    finally:
        if tmp.exists():
            tmp.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    return True


def _pid_of(name: str) -> int | None:
    match = re.match(r"(?:old|new)-(\d+)(?:\.|$)", name)
    return int(match.group(1)) if match else None


def recover_dir(target: str | os.PathLike[str]) -> bool:
    """Undo what a killed :func:`atomic_dir` or :func:`atomic_path` left beside ``target``;
    True if it restored ``target``.

    A run killed between its two renames leaves no ``target``, the old folder at
    ``.NAME.old-PID`` and the new one at ``.NAME.new-PID.*.tmp``: the old folder is put
    back.  Folders of runs that are no longer alive are removed.
    """
    target = Path(target)
    if not target.parent.is_dir():
        return False
    leftovers = [p for p in target.parent.glob(f".{glob.escape(target.name)}.*")
                 if (pid := _pid_of(p.name[len(target.name) + 2:])) is not None
                 and not _alive(pid)]
    restored = False
    olds = sorted((p for p in leftovers if p.is_dir() and ".old-" in p.name),
                  key=lambda p: p.stat().st_mtime)
    if not target.exists() and olds:
        os.replace(olds[-1], target)
        log.warning("restored %s from an interrupted run", target)
        restored = True
    for p in leftovers:
        if p.is_dir() and p != target:
            shutil.rmtree(p, ignore_errors=True)
        elif p.is_file():
            p.unlink(missing_ok=True)
    return restored


def _fault(point: str) -> None:
    """Test seam: THEMESIFT_FAULT=<point> kills this process there (the fault tests)."""
    if os.environ.get("THEMESIFT_FAULT") == point:
        os.kill(os.getpid(), signal.SIGKILL)


@contextlib.contextmanager
def atomic_dir(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary directory; on success it replaces directory ``target``.

    The old directory (if any) is moved aside first and removed only after the
    new one is in place.  A kill between the two renames leaves the old folder
    aside: :func:`recover_dir` (run here first, and by the readers of models) puts
    it back, so a model path always yields a complete model, old or new.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    recover_dir(target)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-{os.getpid()}.", suffix=".tmp",
                                dir=target.parent))
    try:
        yield tmp
        old = None
        if target.exists():
            old = target.with_name(f".{target.name}.old-{os.getpid()}")
            if old.exists():
                shutil.rmtree(old)
            os.replace(target, old)
        _fault("between-renames")
        os.replace(tmp, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def check_writable(out: str | os.PathLike[str], *, inputs: Sequence[str | os.PathLike[str]] = (),
                   folder: bool = False) -> None:
    """Before any work: refuse an output that cannot be written or would destroy an input.

    ``inputs`` are files or folders (a model) the run reads; ``out`` may not be one of
    them, lie inside one, or (a ``folder`` output) contain one.  (That a file is not
    written inside a model folder is :func:`themesift.model.check_not_in_model`.)
    """
    out = Path(out)
    if out.is_dir() and not folder:
        raise ThemesiftError(f"cannot write {out}: it is a folder")
    target = out.resolve()
    parent = target.parent
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir():
        raise ThemesiftError(f"cannot write {out}: {parent} is a file, not a folder")
    if out.is_file() and not os.access(out, os.W_OK):
        raise ThemesiftError(f"will not replace {out}: the file is read-only")
    for given in inputs:
        src = Path(given).resolve()
        if target == src or src in target.parents:
            raise ThemesiftError(f"will not write {out}: it would overwrite the input {given}; "
                                 "choose another --out")
        if folder and target in src.parents:
            raise ThemesiftError(f"will not write {out}: the input {given} is inside it; "
                                 "choose another --out")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise ThemesiftError(f"cannot write {out}: no permission to write in {parent}")
