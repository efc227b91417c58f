"""Finding themes: cluster the embeddings, assign comments, name and describe each theme."""

from themesift.themes.assign import assign, softmax, taught_proba
from themesift.themes.cluster import ThemeFinder, centroids_of, choose_k, find_themes, target_themes
from themesift.themes.codebook import CodebookModel, code_prototypes, code_text
from themesift.themes.describe import Description, describe
from themesift.themes.families import (
    biggest_first,
    describe_families,
    family_count,
    group_themes,
)
from themesift.themes.label import class_tfidf, name_theme, top_keywords
from themesift.themes.mmr import mmr
from themesift.themes.model import ThemeModel
from themesift.themes.quotes import make_quotes, select_quotes
from themesift.themes.review import Uncertain, least_certain, least_certain_scores
from themesift.themes.stability import theme_stability
from themesift.themes.teach import CodeClassifier
from themesift.themes.terms import DocTerms, analyse_texts, doc_terms

__all__ = ["CodeClassifier", "CodebookModel", "Description", "DocTerms", "ThemeFinder",
           "ThemeModel", "Uncertain", "analyse_texts", "assign", "biggest_first", "centroids_of",
           "choose_k",
           "class_tfidf", "code_prototypes", "code_text", "describe", "describe_families",
           "doc_terms", "family_count", "find_themes", "group_themes",
           "least_certain", "least_certain_scores", "make_quotes", "mmr", "name_theme",
           "select_quotes", "softmax", "target_themes", "taught_proba", "theme_stability",
           "top_keywords"]
