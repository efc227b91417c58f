"""Analyse the app's first-start sample into its project 'sample', before the server starts.

    HF_HUB_OFFLINE=1 .venv/bin/python scripts/prepare_sample.py

``make run`` runs this once after installing (the Makefile's sample target), so the app
opens on the sample's themes at once instead of analysing it on its first page view.
It does what the app's first start does (``themesift.ui.shell.ensure_sample``): nothing
when any project exists already or ``THEMESIFT_SAMPLE=none``.  Projects go to
``$THEMESIFT_PROJECTS`` (default ``projects/``).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from themesift.api import new_project
from themesift.errors import ThemesiftError
from themesift.ingest import read_table
from themesift.project import list_projects, projects_dir
from themesift.ui.shell import SAMPLE_PROJECT, first_start_sample

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    sample = first_start_sample(ROOT)
    if sample is None or list_projects():
        return 0
    print(f"Analysing the bundled sample ({sample.file.name}) for the app, once…", flush=True)
    started = time.perf_counter()
    try:
        new_project(read_table(sample.file), SAMPLE_PROJECT, text=(sample.text_col,),
                    id=sample.id_col, groups=sample.group_cols, source=sample.file.name)
    except ThemesiftError as exc:
        if list_projects():  # another process made it meanwhile
            return 0
        print(f"themesift: {exc}", file=sys.stderr)
        return 1
    print(f"Project '{SAMPLE_PROJECT}' ready in {projects_dir()}/ "
          f"({time.perf_counter() - started:.0f} s).", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
