"""The one place the stages are wired together.

read (:mod:`~themesift.ingest`) -> clean (:mod:`~themesift.clean`) -> embed
(:mod:`~themesift.embed`) -> themes (:mod:`~themesift.themes`), and what is built
on an analysis: a project (:mod:`~themesift.project`), a tagger for a saved model
(:mod:`~themesift.tagging`), an evaluation (:mod:`~themesift.evaluate`).  The
models (embedder, its cache, spaCy) are loaded here and only here; the stages
receive them as collaborators.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

from themesift.clean import clean_corpus, data_hash, distinct_texts, expand
from themesift.config import Config
from themesift.embed import Embedder, cache_for, embed_texts, get_embedder
from themesift.errors import ThemesiftError
from themesift.evaluate import Agreement, Codes, GroupResult, evaluate_corpus
from themesift.model import SavedModel, SurveyQuestion
from themesift.nlp import default_workers, load_nlp
from themesift.project import (
    ProjectStore,
    SurveyIndex,
    create_project,
    member_name,
    project_path,
    write_survey_index,
)
from themesift.sentiment import score_texts
from themesift.tagging import ChunkTagger, SurveyTagger
from themesift.themes import CodebookModel, ThemeModel, Uncertain, least_certain, make_quotes
from themesift.types import (
    Analysis,
    CleanedCorpus,
    Code,
    Corpus,
    Embed,
    FloatArray,
    Progress,
    QuestionAnalysis,
    Survey,
    SurveyAnalysis,
)

log = logging.getLogger(__name__)


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


class Embedding:
    """The configured embedder with its cache: ``embedding(texts)`` gives unit vectors."""

    def __init__(self, config: Config, progress: Progress | None = None) -> None:
        report = progress or _no_progress
        self.embedder: Embedder = get_embedder(
            config.embedder, batch_size=config.batch_size,
            progress=lambda d, t: report("embed", d, t),
            build_progress=lambda d, t: report("build", d, t),
        )
        self.cache = cache_for(config.embedder)

    def __call__(self, texts: Sequence[str]) -> FloatArray:
        return embed_texts(texts, self.embedder, self.cache)


class Session:
    """Loaded models shared by the analyses of one run: embedder, cache and spaCy."""

    def __init__(self, config: Config | None = None, progress: Progress | None = None) -> None:
        self.config = config or Config()
        self.progress = progress or _no_progress
        self.embed = Embedding(self.config, self.progress)
        self._nlp: Any = None

    @property
    def embedder(self) -> Embedder:
        return self.embed.embedder

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            self._nlp = load_nlp()
        return self._nlp

    def clean(self, corpus: Corpus, config: Config | None = None) -> CleanedCorpus:
        """Clean with ``config`` (a question's own settings), else the session's."""
        if len(corpus) == 0:
            raise ThemesiftError(f"{corpus.source or 'the input'} has no rows")
        return clean_corpus(corpus, config or self.config, nlp=self.nlp,
                            ner_workers=default_workers(),
                            progress=lambda d, t: self.progress("clean", d, t))


def analyse(corpus: Corpus, config: Config | None = None, *, session: Session | None = None,
            progress: Progress | None = None, codes: Sequence[Code] = ()) -> Analysis:
    """Clean, embed and find themes in ``corpus``: with ``codes`` (a codebook), its codes
    are themes and new themes are found among the comments no code fits."""
    config = config or Config()
    session = session or Session(config, progress)
    cleaned = session.clean(corpus, config)
    distinct = distinct_texts(cleaned)
    if len(distinct.texts) == 0:
        raise ThemesiftError(
            f"no substantive comments in {corpus.source or 'the input'} "
            f"(rows: {cleaned.report.rows_read}, empty: {cleaned.report.empty}, "
            f"non-answers: {cleaned.report.non_answers})"
        )
    X = session.embed(distinct.texts)
    session.progress("themes", 0, 1)
    model: ThemeModel | CodebookModel
    if codes:
        model = CodebookModel(codes, config, nlp=session.nlp, embed=session.embed)
    else:
        model = ThemeModel(config, nlp=session.nlp, embed=session.embed)
    model.fit(X, distinct.texts, distinct.weights)
    session.progress("themes", 1, 1)
    return Analysis(
        cleaned=cleaned,
        assignments=expand(cleaned, distinct.source, model.assignments_),
        themes=model.themes_,
        quotes=make_quotes(cleaned, distinct, model.quote_rows_),
        centroids=model.centroids_,
        config=config,
        embedder_id=session.embedder.model_id,
        data_hash=data_hash(cleaned),
        method=model.method_,
        distinct=distinct,
        embeddings=X,
        families=model.families_,
        sentiment=score_texts(distinct.texts),
    )


def question_config(config: Config, key: str, dont_know: Collection[str]) -> Config:
    """The settings of one question: "I don't know" is an answer where ``dont_know`` says so
    (by question key, or "all")."""
    if key in dont_know or "all" in dont_know:
        return config.with_(dont_know_is_answer=True)
    return config


def analyse_survey(survey: Survey, config: Config | None = None, *,
                   dont_know: Collection[str] = (),
                   progress: Progress | None = None,
                   codes: Sequence[Code] = ()) -> SurveyAnalysis:
    """Each open question analysed on its own (its own themes), with the models loaded once.

    A question with no substantive answer is skipped (and named in ``skipped``),
    unless it is the only one.  ``dont_know``: the questions whose "No idea" answers are
    answers (themed), not non-answers.  ``codes``: a codebook applied to every question.
    """
    config = config or Config()
    session = Session(config, progress)
    done: list[QuestionAnalysis] = []
    skipped: list[str] = []
    for question in survey.questions:
        try:
            analysis = analyse(survey.corpus(question.key),
                               question_config(config, question.key, dont_know),
                               session=session, codes=codes)
        except ThemesiftError as exc:
            if len(survey.questions) == 1:
                raise
            log.warning("question %s skipped: %s", question.key, exc)
            skipped.append(f"{question.key}: {exc}")
            continue
        done.append(QuestionAnalysis(question, analysis))
    if not done:
        raise ThemesiftError(f"no open question of {survey.source or 'the survey'} has a "
                             "substantive answer")
    return SurveyAnalysis(survey, tuple(done), tuple(skipped))


def analyse_project(corpus: Corpus, path: Path, config: Config | None = None, *,
                    embed: Embed | None = None, progress: Progress | None = None,
                    codes: Sequence[Code] = ()) -> ProjectStore:
    """Analyse ``corpus`` into a new project file at ``path``.

    ``embed`` (the app's, which remembers vectors between edits) names label
    candidates; the analysis's own embedding is used when it is None.
    """
    config = config or Config()
    session = Session(config, progress)
    analysis = analyse(corpus, config, session=session, codes=codes)
    return create_project(path, analysis, nlp=session.nlp, embed=embed or session.embed,
                          progress=progress)


def analyse_survey_projects(survey: Survey, name: str, config: Config | None = None, *,
                            embed: Embed | None = None, dont_know: Collection[str] = (),
                            progress: Progress | None = None,
                            codes: Sequence[Code] = ()) -> SurveyIndex:
    """Analyse each open question into a project of its own, listed as survey ``name``.

    All or nothing: if any question fails, the projects already made are removed.
    """
    config = config or Config()
    session = Session(config, progress)
    made: list[ProjectStore] = []
    entries: list[tuple[str, str, str]] = []
    try:
        for i, question in enumerate(survey.questions):
            try:
                analysis = analyse(survey.corpus(question.key),
                                   question_config(config, question.key, dont_know),
                                   session=session, codes=codes)
            except ThemesiftError as exc:
                log.warning("question %s skipped: %s", question.key, exc)
                continue
            member = member_name(name, i, question.key)
            made.append(create_project(project_path(member), analysis, nlp=session.nlp,
                                       embed=embed or session.embed, progress=progress))
            entries.append((question.key, question.text, member))
        if not entries:
            raise ThemesiftError("no open question has a substantive answer")
        index = SurveyIndex(name, survey.source, tuple(entries))
        write_survey_index(index)
    except BaseException:
        for store in made:
            store.path.unlink(missing_ok=True)
        raise
    return index


def tagger_for(model: SavedModel, progress: Progress | None = None, *, question: str = ""
               ) -> ChunkTagger:
    """A tagger with the saved model's own embedder (refused if it would give other vectors).

    ``question`` is written in the output's question column (default: the text column).
    """
    report = progress or _no_progress
    embedder = get_embedder(model.config.embedder, batch_size=model.config.batch_size,
                            build_progress=lambda d, t: report("build", d, t))
    if embedder.model_id != model.embedder_id:
        raise ThemesiftError(
            f"model {model.path} was fitted with embedder {model.embedder_id}, "
            f"not {embedder.model_id}; run 'analyse' again to refit it")
    return ChunkTagger.from_model(model, embedder, cache_for(model.config.embedder),
                                  question=question)


def review_queue(model: SavedModel, texts: Sequence[str], weights: Sequence[int], *,
                 n: int = 20, progress: Progress | None = None) -> tuple[Uncertain, ...]:
    """The ``n`` of ``texts`` (a question's cleaned, distinct answers) that ``model`` is
    least sure of, embedded with the model's own embedder."""
    tagger = tagger_for(model, progress)
    X = embed_texts(texts, tagger.embedder, tagger.cache)
    return least_certain(X, texts, model.centroids, model.theme_ids, n=n, weights=weights)


def survey_tagger(questions: Sequence[SurveyQuestion], progress: Progress | None = None
                  ) -> SurveyTagger:
    """One tagger per question of a survey model, each with its question's themes."""
    return SurveyTagger([tagger_for(q.model, progress, question=q.question.key)
                         for q in questions])


def evaluate(corpus: Corpus, codes: Sequence[Codes], config: Config | None = None, *,
             per_values: Sequence[str] | None = None, progress: Progress | None = None
             ) -> tuple[Agreement, tuple[GroupResult, ...], tuple[str, ...]]:
    """Analyse ``corpus`` (per value of ``per_values``, if given) and compare with ``codes``."""
    config = config or Config()
    session = Session(config, progress)
    return evaluate_corpus(corpus, codes, lambda part: analyse(part, config, session=session),
                           per_values=per_values)
