"""Projects: an analysis plus the researcher's edits, kept in a ProjectStore.

``create_project`` stores a fresh :class:`~themesift.types.Analysis`;
``apply_edit`` and ``undo`` change it, recomputing the themes' counts,
keywords, label suggestions and quotes with :func:`themesift.themes.describe`
and writing everything in one transaction; ``load_base`` and ``build_view``
give the app (and the benchmarks) everything to show.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from themesift.clean import expand
from themesift.config import Config
from themesift.nlp import default_workers
from themesift.project.edits import (
    Context,
    Edit,
    EditError,
    EditState,
    fit_taught,
)
from themesift.project.grain import (
    _LazyNLP,
    sentiment_arrays,
    state_families,
    stored_sentiment,
)
from themesift.project.ops import to_params
from themesift.project.store import (
    Described,
    LogEntry,
    ProjectStore,
    RowRecord,
    TextRecord,
    active_edits,
)
from themesift.sentiment import grain_sentiment, score_texts
from themesift.themes import (
    DocTerms,
    analyse_texts,
    assign,
    describe,
    make_quotes,
    softmax,
)
from themesift.types import (
    EMPTY,
    NON_ANSWER,
    UNASSIGNED,
    Analysis,
    Assignments,
    CleanedCorpus,
    CleaningReport,
    Corpus,
    Distinct,
    Embed,
    Family,
    FloatArray,
    IntArray,
    Progress,
    Quote,
    Sentiment,
    Status,
    Theme,
    ThemeSentiment,
    find_theme,
)

log = logging.getLogger(__name__)



@dataclass(frozen=True)
class Base:
    """The analysis a project started from: never changes after creation."""

    uid: str
    name: str
    cleaned: CleanedCorpus
    distinct: Distinct
    X: FloatArray
    terms: tuple[DocTerms, ...]
    xy: FloatArray
    base_labels: IntArray  # theme of each distinct text as analysed (before any edit)
    stability: Mapping[int, float]  # of the analysed themes that had a score
    config: Config
    embedder_id: str
    data_hash: str
    method: str
    created: str
    # codebook codes ("code", their description) and themes found beside them ("new", "")
    origins: Mapping[int, tuple[str, str]] = field(default_factory=dict)
    sentiment: Sentiment | None = field(default=None, repr=False)  # of the distinct texts

    @property
    def context(self) -> Context:
        return Context(self.X, self.distinct.weights, self.config)

    def describe(self, state: EditState, embed: Embed) -> Described:
        return recompute(state, self.X, self.distinct.texts, self.distinct.weights, self.terms,
                         self.config, embed, (self.base_labels, self.stability), self.origins)


@dataclass(frozen=True)
class View:
    """Everything a page shows for one version of a project.

    Per-comment confidence and other themes are computed on first use (the Theme
    page, exports and the sentiment of themes and families need them; the map and
    edits do not).
    """

    base: Base
    version: int
    state: EditState
    themes: tuple[Theme, ...]  # biggest first
    centroids: FloatArray  # row j belongs to themes[j]
    quote_rows: Mapping[int, tuple[tuple[int, float], ...]]  # theme -> (distinct text, sim)
    history: tuple[LogEntry, ...]
    families: tuple[Family, ...] = ()  # biggest first

    @cached_property
    def quotes(self) -> dict[int, tuple[Quote, ...]]:
        return make_quotes(self.base.cleaned, self.base.distinct, self.quote_rows)

    @cached_property
    def text_assignments(self) -> Assignments:
        ids = np.array([t.id for t in self.themes], dtype=np.int64)
        return text_assignments(self.state, self.base.X, self.centroids, ids, self.base.config)

    def assignments_of(self, texts: Any) -> Assignments:
        """Confidence and other themes of some distinct texts (cheaper than all of them)."""
        ids = np.array([t.id for t in self.themes], dtype=np.int64)
        return text_assignments(self.state, self.base.X, self.centroids, ids, self.base.config,
                                texts=np.asarray(texts, dtype=np.int64))

    @cached_property
    def sentiment(self) -> tuple[dict[int, ThemeSentiment], dict[int, ThemeSentiment]]:
        """How the comments of each theme and of each family lean (by theme id, family id)."""
        b = self.base
        return grain_sentiment(b.sentiment, b.distinct.texts, b.distinct.weights, b.X,
                              self.themes, self.centroids, self.families,
                              self.text_assignments.themes)

    @cached_property
    def assignments(self) -> Assignments:
        """One per row of the corpus (non-answers and empty rows included)."""
        return expand(self.base.cleaned, self.base.distinct.source, self.text_assignments)

    @cached_property
    def row_labels(self) -> IntArray:
        """Primary theme of every row, without computing confidences."""
        b = self.base
        out = np.array([NON_ANSWER if s is Status.NON_ANSWER else EMPTY
                        for s in b.cleaned.status], dtype=np.int64)
        sub = b.distinct.source >= 0
        out[sub] = self.state.labels[b.distinct.source[sub]]
        return out

    @property
    def cleaned(self) -> CleanedCorpus:
        return self.base.cleaned

    @property
    def report(self) -> CleaningReport:
        return self.base.cleaned.report

    @property
    def unassigned(self) -> int:
        return int((self.row_labels == UNASSIGNED).sum())

    def labels(self) -> dict[int, str]:
        return {t.id: t.label for t in self.themes}

    def theme(self, theme_id: int) -> Theme:
        return find_theme(self.themes, theme_id)

    @cached_property
    def edits_in_effect(self) -> tuple[LogEntry, ...]:
        """The edits in effect (undone ones left out), oldest first."""
        return tuple(active_edits(self.history))

    def as_analysis(self) -> Analysis:
        """The current themes as an Analysis (for saving a model and exports)."""
        b = self.base
        # a codebook's codes first: a saved model's tag assigns them first
        order = sorted(range(len(self.themes)), key=lambda j: self.themes[j].origin != "code")
        coded = Counter(int(self.state.labels[i]) for i in self.state.manual)
        themes = tuple(replace(self.themes[j], coded=coded.get(self.themes[j].id, 0))
                       for j in order)
        centroids = self.centroids[order] if order else self.centroids
        return Analysis(cleaned=b.cleaned, assignments=self.assignments, themes=themes,
                        quotes=self.quotes, centroids=centroids, config=b.config,
                        taught=fit_taught(self.state, b.context,
                                          np.array([t.id for t in themes], dtype=np.int64),
                                          centroids),
                        embedder_id=b.embedder_id, data_hash=b.data_hash, method=b.method,
                        distinct=b.distinct, embeddings=b.X, families=self.families,
                        sentiment=b.sentiment)


def project_terms(analysis: Analysis, nlp: Any, progress: Progress | None = None) -> list[DocTerms]:
    """spaCy terms of every distinct text, computed once so edits never run spaCy."""
    assert analysis.distinct is not None
    texts = list(analysis.distinct.texts)
    out: list[DocTerms] = []
    step = 2_000  # big enough for a spaCy worker to share it
    for start in range(0, len(texts), step):
        out.extend(analyse_texts(texts[start:start + step], nlp, workers=default_workers()))
        if progress:
            progress("labels", min(start + step, len(texts)), len(texts))
    return out


def project_map(X: FloatArray) -> FloatArray:
    """2-D coordinates of the distinct texts (PCA: fast and deterministic)."""
    if len(X) < 3:
        return np.zeros((len(X), 2), dtype=np.float32)
    from sklearn.decomposition import PCA

    return np.asarray(PCA(n_components=2, random_state=0).fit_transform(X), dtype=np.float32)


def with_origins(themes: Sequence[Theme], origins: Mapping[int, tuple[str, str]]
                 ) -> tuple[Theme, ...]:
    """``themes`` marked as codes of a codebook (with their descriptions) or new themes."""
    return tuple(replace(t, origin=origins.get(t.id, ("", ""))[0],
                         description=origins.get(t.id, ("", ""))[1]) for t in themes)


def recompute(state: EditState, X: FloatArray, texts: Sequence[str], weights: Any,
              terms: Sequence[DocTerms], config: Config, embed: Embed,
              stable: tuple[IntArray, Mapping[int, float]] | None = None,
              origins: Mapping[int, tuple[str, str]] | None = None) -> Described:
    """Describe the themes of ``state``: sizes, labels, keywords, quotes (biggest first).

    ``stable`` = (labels of the analysis, stability of its themes): a theme keeps
    its stability score while it has exactly the comments it was found with.
    ``origins``: which themes are codes of a codebook ("code", with the code's description)
    or found beside one ("new").
    """
    desc = describe(state.labels, X, texts, weights, nlp=_LazyNLP(), embed=embed, config=config,
                    custom_labels=state.custom, terms=list(terms))
    themes = list(desc.themes)
    if stable is not None:
        base_labels, scores = stable
        themes = [replace(t, stability=scores[t.id])
                  if t.id in scores and np.array_equal(state.labels == t.id, base_labels == t.id)
                  else t for t in themes]
    if origins:
        themes = list(with_origins(themes, origins))
    order = sorted(range(len(themes)), key=lambda j: (-themes[j].size, themes[j].id))
    shown = tuple(themes[j] for j in order)
    centroids = desc.centroids[order] if order else desc.centroids
    return Described(themes=shown, centroids=centroids, quote_rows=desc.quote_rows,
                     families=state_families(state, shown, centroids, X, texts, weights,
                                             terms, config, embed))


def create_project(path: Path, analysis: Analysis, *, nlp: Any, embed: Embed,
                   progress: Progress | None = None) -> ProjectStore:
    """Store a fresh analysis as a new project file at ``path``."""
    distinct, X = analysis.distinct, analysis.embeddings
    assert distinct is not None and X is not None
    terms = project_terms(analysis, nlp, progress)
    cleaned, corpus = analysis.cleaned, analysis.cleaned.corpus
    labels = analysis.assignments.primary[distinct.row_of] if len(distinct.row_of) else \
        np.zeros(0, dtype=np.int64)
    # A codebook's codes keep their names as labels the researcher wrote.
    state = replace(EditState.initial(labels),
                    custom={t.id: t.label for t in analysis.themes if t.origin == "code"})
    origins = {t.id: (t.origin, t.description) for t in analysis.themes if t.origin}
    stability = {t.id: float(t.stability) for t in analysis.themes if t.stability is not None}
    if progress:
        progress("themes", 0, 1)
    described = recompute(state, X, distinct.texts, distinct.weights, terms, analysis.config,
                          embed, (state.labels, stability), origins)
    meta = {
        "source": corpus.source, "text_col": corpus.text_col, "id_col": corpus.id_col,
        "group_cols": list(corpus.groups), "config": analysis.config.to_dict(),
        "embedder_id": analysis.embedder_id, "data_hash": analysis.data_hash,
        "method": analysis.method,
        "stability": {str(k): v for k, v in stability.items()},
        "origins": {str(k): list(v) for k, v in origins.items()},
        "report": cleaned.report.to_dict(),
    }
    rows = [RowRecord(corpus.ids[i], cleaned.texts[i], cleaned.status[i].value,
                      cleaned.duplicate_of[i], int(distinct.source[i]), corpus.group_values(i))
            for i in range(len(corpus))]
    texts = [TextRecord(int(distinct.row_of[d]), int(distinct.weights[d]), terms[d].to_json())
             for d in range(len(distinct.texts))]
    arrays: dict[str, np.ndarray] = {"embeddings": np.asarray(X, dtype=np.float32),
                                     "xy": project_map(X),
                                     "base_labels": state.labels.astype(np.int64),
                                     **sentiment_arrays(analysis.sentiment
                                                        or score_texts(distinct.texts))}
    store = ProjectStore.create(path, meta=meta, rows=rows, texts=texts, arrays=arrays,
                                state=state, described=described)
    if progress:
        progress("themes", 1, 1)
    return store


def load_base(store: ProjectStore) -> Base:
    meta = store.meta()
    rows = store.rows()
    texts = store.texts()
    groups = {g: tuple(r.groups.get(g, "") for r in rows) for g in meta["group_cols"]}
    corpus = Corpus(ids=tuple(r.id for r in rows), texts=tuple(r.text for r in rows),
                    groups=groups, text_col=meta["text_col"], id_col=meta["id_col"],
                    source=meta["source"])
    cleaned = CleanedCorpus(
        corpus=corpus, texts=corpus.texts, status=tuple(Status(r.status) for r in rows),
        duplicate_of=tuple(r.duplicate_of for r in rows),
        report=CleaningReport.from_dict(meta["report"]))
    row_of = np.array([t.row for t in texts], dtype=np.int64)
    distinct = Distinct(texts=tuple(corpus.texts[r] for r in row_of),
                        weights=np.array([t.weight for t in texts], dtype=np.int64),
                        row_of=row_of, source=np.array([r.d for r in rows], dtype=np.int64))
    return Base(uid=meta["uid"], name=store.name, cleaned=cleaned, distinct=distinct,
                X=store.array("embeddings"),
                terms=tuple(DocTerms.from_json(t.terms) for t in texts),
                xy=store.array("xy"), base_labels=store.array("base_labels"),
                stability={int(k): float(v) for k, v in meta.get("stability", {}).items()},
                origins={int(k): (str(v[0]), str(v[1]))
                         for k, v in meta.get("origins", {}).items()},
                config=Config.from_dict(meta["config"]),
                embedder_id=meta["embedder_id"], data_hash=meta["data_hash"],
                method=meta["method"], created=meta["created"],
                sentiment=stored_sentiment(store, distinct.texts))


def text_assignments(state: EditState, X: FloatArray, centroids: FloatArray,
                     theme_ids: Any, config: Config, texts: Any = None) -> Assignments:
    """Per distinct text: the state's theme (a manual move wins), its confidence, other themes.

    Confidence is the softmax weight (as in :func:`themesift.themes.assign`) of
    the theme the text is in, so it is low for a text moved far from its centre.
    ``texts`` limits the work to those distinct texts (in that order).
    """
    labels = state.labels
    if texts is not None:
        X, labels = X[texts], labels[texts]
    near = assign(X, centroids, theme_ids, config)
    conf = np.zeros(len(labels), dtype=np.float32)
    if len(centroids) and len(labels):
        probs = softmax((X @ centroids.T).astype(np.float64), config.confidence_temperature)
        col = {int(t): j for j, t in enumerate(theme_ids)}
        cols = np.array([col.get(int(lab), -1) for lab in labels])
        ok = cols >= 0
        conf[ok] = probs[ok, cols[ok]].astype(np.float32)
    themes = tuple(
        (int(lab), *(t for t in near.themes[i] if t != lab)) if lab >= 0 else ()
        for i, lab in enumerate(labels))
    return Assignments(primary=labels.copy(), confidence=conf, themes=themes)


def build_view(base: Base, store: ProjectStore) -> View:
    version, state, described = store.current()
    themes = described.themes
    if base.origins:  # the store keeps no origin: a codebook's codes, themes new beside it
        themes = with_origins(themes, base.origins)
    return View(base=base, version=version, state=state, themes=themes,
                centroids=described.centroids, quote_rows=described.quote_rows,
                history=tuple(store.history()), families=described.families)


def _relabelled(before: Mapping[int, str], described: Described, old: EditState,
                new: EditState) -> str:
    """Themes whose automatic label changed as a side effect, e.g. a rename taking it."""
    changed = [(before[t.id], t.label) for t in described.themes
             if t.id in before and before[t.id] != t.label
             and not (t.custom_label and new.custom.get(t.id) != old.custom.get(t.id))]
    if not changed:
        return ""
    shown = "; ".join(f"'{a}' is now '{b}'" for a, b in changed[:3])
    more = f" and {len(changed) - 3} more" if len(changed) > 3 else ""
    return f" (relabelled automatically: {shown}{more})"


def apply_edit(store: ProjectStore, base: Base, edit: Edit, embed: Embed) -> int:
    """Apply ``edit`` to the project's current state and save it; returns the new version."""
    with store.write() as con:
        _, state = ProjectStore.state_in(con)
        new = edit.apply(state, base.context)
        described = base.describe(new, embed)
        before = ProjectStore.labels_in(con)
        summary = edit.describe(before, base.context) + _relabelled(before, described, state, new)
        if edit.op == "code":  # what the model learned moved: say how much
            moved = int(base.context.weights[new.labels != state.labels].sum())
            summary += f" ({moved} comment{'s' if moved != 1 else ''} changed theme)"
        return ProjectStore.commit_state(con, op=edit.op, params=to_params(edit), summary=summary,
                                         before=state, undoes=None, state=new,
                                         described=described)


def undo(store: ProjectStore, base: Base, embed: Embed) -> int:
    """Undo the last edit in effect (exactly: its saved 'before' state comes back)."""
    with store.write() as con:
        active = active_edits(ProjectStore.history_in(con))
        if not active:
            raise EditError("nothing to undo")
        last = active[-1]
        before = ProjectStore.before_state(con, last.seq)
        described = base.describe(before, embed)
        return ProjectStore.commit_state(con, op="undo", params={"seq": last.seq},
                                         summary=f"Undid: {last.summary}", before=None,
                                         undoes=last.seq, state=before, described=described)
