import numpy as np
import pytest

from themesift.label import class_tfidf, name_theme, top_keywords


def test_class_tfidf_prefers_terms_specific_to_a_class():
    a = [frozenset({"parking", "staff"}), frozenset({"parking"}), frozenset({"parking", "car"})]
    b = [frozenset({"staff", "kind"}), frozenset({"staff"}), frozenset({"kind"})]
    sa, sb = class_tfidf([a, b])
    assert max(sa, key=sa.get) == "parking"
    assert max(sb, key=sb.get) in {"kind", "staff"}
    assert sa["parking"] > sa.get("staff", 0)


def test_class_tfidf_drops_single_doc_terms_in_big_classes_when_enough_shared():
    docs = [frozenset({f"t{j}" for j in range(6)} | {f"only{i}"}) for i in range(5)]
    (scores,) = class_tfidf([docs])
    assert not any(t.startswith("only") for t in scores)


def test_top_keywords_sorted_and_capped():
    assert top_keywords({"b": 1.0, "a": 1.0, "c": 3.0}, 2) == ("c", "a")


def test_name_theme_prefers_multiword_phrase_and_avoids_taken():
    phrases = {"cuts": 1.0, "stealth funding cuts": 0.9, "funding": 0.8}
    rng = np.random.RandomState(1)
    vecs = {p: rng.normal(size=4) for p in phrases}

    def embed(ps):
        v = np.array([vecs[p] for p in ps], dtype=np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    centroid = embed(["stealth funding cuts"])[0]
    label, sugg = name_theme(phrases, centroid, embed, 3, 0.3, taken=set())
    assert label == "stealth funding cuts"
    assert set(sugg) <= set(phrases)
    label2, _ = name_theme(phrases, centroid, embed, 3, 0.3, taken={"stealth funding cuts"})
    assert label2 != "stealth funding cuts"


@pytest.mark.slow
def test_doc_terms_from_spacy_keep_phrases_whole():
    from themesift.clean import load_nlp
    from themesift.label import analyse_texts

    (t,) = analyse_texts(["Just enough to count as window dressing for the STPs."], load_nlp())
    assert "window dressing" in t.phrases
    assert "count as window" not in t.phrases  # cut off before its head noun
    assert t.surface["stps"] == "STPs"
    assert "the" not in t.lemmas and "be" not in t.lemmas
