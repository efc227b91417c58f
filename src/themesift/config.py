"""Every default of themesift in one frozen config, loadable from TOML."""

from __future__ import annotations

import math
import tomllib
from dataclasses import asdict, dataclass, fields, replace
from numbers import Integral, Real
from pathlib import Path
from typing import Any

from themesift.errors import ThemesiftError

MAX_REQUESTED_THEMES = 200  # asked-for themes; more is slow and no longer a readable report
_KIND = {(bool,): "true or false", (str,): "text", (Real,): "a number",
         (Integral,): "a whole number"}


_RANGES = (  # (setting, lowest, highest) allowed
    ("batch_size", 1, 4096), ("max_themes", 1, MAX_REQUESTED_THEMES),
    ("small_corpus", 0, 10**9), ("random_state", 0, 2**32 - 1),
    ("unassigned_below", -1.0, 1.0), ("secondary_min", -1.0, 1.0),
    ("code_min_similarity", -1.0, 1.0),
    ("secondary_margin", 0.0, 2.0), ("confidence_temperature", 1e-3, 10.0),
    ("stability_resamples", 0, 100), ("stability_max_comments", 10, 10**7),
    ("n_keywords", 1, 100), ("n_label_suggestions", 1, 50), ("quotes_per_theme", 1, 1000),
    ("mmr_diversity", 0.0, 1.0),
)


@dataclass(frozen=True)
class Config:
    # Cleaning
    redact_names: bool = True
    # "No idea", "not sure": an answer (themed) rather than a non-answer; for questions such
    # as "How do the tools work?" (per question: pipeline.analyse_survey's dont_know)
    dont_know_is_answer: bool = False
    # Words never taken for a person's name (products, places, wards, drugs): "Blackboard",
    # "Salford Royal"; a name made only of these words is kept as written
    keep_words: tuple[str, ...] = ()
    # Embedding
    embedder: str = "minilm"  # key in themesift.embed.EMBEDDERS
    batch_size: int = 64
    # Theme finding
    n_themes: int | None = None  # None: automatic
    max_themes: int = 40
    n_families: int | None = None  # None: automatic (themes.families)
    method: str = "kmeans"  # or "umap-hdbscan" (BERTopic's recipe)
    small_corpus: int = 300  # below this many distinct comments: never UMAP/HDBSCAN
    random_state: int = 42
    # Assignment
    unassigned_below: float = 0.20  # cosine to the nearest theme centre
    secondary_min: float = 0.45  # cosine for a further theme
    secondary_margin: float = 0.10  # ... and within this of the primary's cosine
    confidence_temperature: float = 0.1
    # Codebook: a comment takes a code when its cosine to the code (name, description and
    # examples) is at least this; comments no code fits go to new themes ("discover")
    code_min_similarity: float = 0.25
    discover: bool = True
    # Stability: refit the clustering on 80% subsamples (0 resamples: off)
    stability_resamples: int = 5
    stability_max_comments: int = 5_000  # resample from a fixed sample of this size
    # Labels and quotes
    n_keywords: int = 8
    n_label_suggestions: int = 5
    quotes_per_theme: int = 5
    mmr_diversity: float = 0.5

    def __post_init__(self) -> None:
        """Refuse settings of the wrong type or out of range (from TOML or a model's manifest)."""
        for f in fields(self):
            value, kind = getattr(self, f.name), str(f.type)
            if value is None and kind.endswith("| None"):
                continue
            if kind == "tuple[str, ...]":
                if isinstance(value, str) or not isinstance(value, list | tuple) or \
                        not all(isinstance(v, str) for v in value):
                    raise ThemesiftError(f"setting {f.name} must be a list of words, "
                                         f"not {value!r}")
                object.__setattr__(self, f.name, tuple(v.strip() for v in value if v.strip()))
                continue
            want = {"bool": (bool,), "str": (str,), "float": (Real,)}.get(
                kind.removesuffix(" | None"), (Integral,))
            if not isinstance(value, want) or (isinstance(value, bool) and want != (bool,)):
                raise ThemesiftError(f"setting {f.name} must be {_KIND[want]}, not {value!r}")
            if want == (Real,) and isinstance(value, Real) and not math.isfinite(value):
                raise ThemesiftError(f"setting {f.name} must be a finite number")
        for what, flag in (("themes", "--themes"), ("families", "--families")):
            asked = getattr(self, f"n_{what}")
            if asked is not None and not 1 <= asked <= MAX_REQUESTED_THEMES:
                raise ThemesiftError(f"the number of {what} ({flag}) must be 1 to "
                                     f"{MAX_REQUESTED_THEMES}, not {asked}")
        for name, low, high in _RANGES:
            if not low <= getattr(self, name) <= high:
                raise ThemesiftError(f"setting {name} must be from {low} to {high}, "
                                     f"not {getattr(self, name)}")

    def with_(self, **changes: Any) -> Config:
        known = {f.name for f in fields(self)}
        unknown = set(changes) - known
        if unknown:
            raise ThemesiftError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Config:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    @classmethod
    def from_toml(cls, path: Path) -> Config:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ThemesiftError(f"cannot read settings file {path}: {exc}") from None
        section = data.get("themesift", data)
        if not isinstance(section, dict):
            raise ThemesiftError(f"settings file {path}: [themesift] must be a table of settings")
        return cls().with_(**section)
