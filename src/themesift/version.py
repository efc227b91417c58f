"""The installed version of themesift (written into models, reports and exports)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("themesift")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"
