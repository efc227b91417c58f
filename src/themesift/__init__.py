"""themesift: find the themes in free-text comments, in the respondents' own words."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("themesift")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"
