"""The one exception themesift raises for problems with the user's input."""

from __future__ import annotations


class ThemesiftError(Exception):
    """A problem with the user's input, reported as one line and exit code 2."""
