"""themesift: find the themes in free-text comments, in the respondents' own words.

The public face, for notebooks and scripts::

    import themesift
    result = themesift.analyse(df, text="comment", groups=["trust"])
    result.themes, result.assignments, result.quotes(3)
    result.save("models/survey")
    themesift.load("models/survey").tag(new_df)

The names below are imported on first use, so ``import themesift`` stays quick
(and the spaCy worker processes, which import one submodule, stay small).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from themesift.version import __version__

if TYPE_CHECKING:
    from themesift.api import Model, Result, analyse, analyse_file, load
    from themesift.config import Config
    from themesift.errors import ThemesiftError
    from themesift.ingest import read_table

# public name -> module that defines it
_PUBLIC = {
    "analyse": "themesift.api", "analyse_file": "themesift.api", "load": "themesift.api",
    "Result": "themesift.api", "Model": "themesift.api", "Config": "themesift.config",
    "ThemesiftError": "themesift.errors", "read_table": "themesift.ingest",
}

__all__ = ["Config", "Model", "Result", "ThemesiftError", "__version__", "analyse",
           "analyse_file", "load", "read_table"]


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        return getattr(importlib.import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'themesift' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
