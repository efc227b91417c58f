import numpy as np
import pytest

from themesift.themes.label import class_tfidf, name_theme, top_keywords


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
    # Nor a near spelling of another theme's label.
    label3, _ = name_theme(phrases, centroid, embed, 3, 0.3, taken={"Stealth funding cut"})
    assert label3 != "stealth funding cuts"


def phrases_of(*texts: str) -> list[frozenset[str]]:
    """The candidate phrases the real spaCy model finds in each text."""
    from themesift.nlp.spacy_model import load_nlp
    from themesift.themes.terms import analyse_texts

    return [t.phrases for t in analyse_texts(list(texts), load_nlp())]


@pytest.mark.slow
def test_doc_terms_from_spacy_keep_phrases_whole():
    from themesift.nlp.spacy_model import load_nlp
    from themesift.themes.terms import analyse_texts

    (t,) = analyse_texts(["Just enough to count as window dressing for the STPs."], load_nlp())
    assert "window dressing" in t.phrases
    assert "count as window" not in t.phrases  # cut off before its head noun
    assert t.surface["stps"] == "STPs"
    assert "the" not in t.lemmas and "be" not in t.lemmas


def test_a_single_word_grows_into_its_best_phrase():
    # "staff" wins on counts, but "friendly staff" says more and is close to the centre.
    phrases = {"staff": 1.0, "friendly staff": 0.15, "food": 0.5, "kind": 0.4}
    rng = np.random.RandomState(3)
    vecs = {p: rng.normal(size=6) for p in phrases}
    vecs["friendly staff"] = vecs["staff"] + 0.2 * rng.normal(size=6)

    def embed(ps):
        v = np.array([vecs[p] for p in ps], dtype=np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    centroid = embed(["friendly staff"])[0]
    label, sugg = name_theme(phrases, centroid, embed, 3, 0.3, taken=set())
    assert label == "friendly staff"
    assert "staff" not in sugg  # the phrase replaces the bare word
    # A phrase far from the theme does not replace the word.
    vecs["friendly staff"] = -vecs["staff"]
    label, _ = name_theme(phrases, embed(["staff"])[0], embed, 3, 0.3, taken=set())
    assert label != "friendly staff"


@pytest.mark.slow
def test_no_before_a_noun_makes_a_phrase():
    a, b = phrases_of("I have no idea what the STP is.", "There was no parking.")
    assert "no idea" in a
    assert "no parking" in b
    assert "have no" not in a and "no" not in a


@pytest.mark.slow
def test_negations_and_everything_make_phrases():
    """Answers to "what could be improved?" are named in their own words."""
    better, improve, nurses, everything, staff = phrases_of(
        "Nothing could have been better.", "Nothing to improve.",
        "Not enough nurses on the ward.", "Happy with everything.",
        "The staff were friendly. Good thank you")
    assert "nothing could have been better" in better
    assert "nothing to improve" in improve
    assert "not enough nurses" in nurses and "not enough" not in nurses
    assert "happy with everything" in everything
    assert "everything" not in everything
    # Function words still do not lead or close a phrase without a negation.
    assert "staff were" not in staff and "the staff" not in staff
    assert "good thank" not in staff


@pytest.mark.slow
def test_no_phrase_is_cut_off_after_a_negation():
    """A phrase quoted without the negation before it would say the opposite."""
    dont, like, unfriendly, problems, improve = phrases_of(
        "I don't like hospitals but I can't explain why.", "I like hospitals.",
        "Not very friendly staff.", "There were no problems at all.",
        "Nothing to improve.")
    assert "like hospitals" not in dont and "hospitals" in dont
    assert "like hospitals" in like
    assert "friendly staff" not in unfriendly and "staff" in unfriendly
    assert "problems" not in problems and "no problems" in problems
    assert "improve" not in improve and "nothing to improve" in improve


@pytest.mark.slow
def test_no_phrase_ends_on_a_verb_whose_object_follows_or_runs_on():
    helps, helped, best, good, trouble, course = phrases_of(
        "Very helpful and helps me understand my condition.", "The exercises helped.",
        "The staff try their best.", "Nothing was good.", "Nothing was too much trouble.",
        "I found the course very useful.")
    assert "found the course" not in course and "course" in course
    assert "helpful and helps" not in helps and "helpful" in helps
    assert "exercises helped" in helped
    assert "staff try" not in best
    assert "nothing was good" not in good  # "Nothing. (It) was good"
    assert "nothing was too much trouble" in trouble


@pytest.mark.slow
def test_labels_are_sentence_case_and_custom_labels_kept():
    import numpy as np

    from themesift.config import Config
    from themesift.nlp.spacy_model import load_nlp
    from themesift.themes.describe import describe

    texts = ["the staff were friendly", "friendly staff on the ward", "very friendly staff",
        "window dressing for the STPs", "just window dressing", "window dressing again"]
    X = np.repeat(np.eye(2, 4, dtype=np.float32), 3, axis=0)
    labels = np.array([0, 0, 0, 1, 1, 1])

    def embed(items):
        return np.tile(np.eye(1, 4, dtype=np.float32), (len(items), 1))

    desc = describe(labels, X, texts, np.ones(6, dtype=np.int64), nlp=load_nlp(), embed=embed,
                    config=Config(), custom_labels={1: "smoke and mirrors"})
    first, second = desc.themes
    assert first.label == "Friendly staff"
    assert all(s[:1].isupper() for s in first.label_suggestions)
    assert second.label == "smoke and mirrors" and second.custom_label


def test_label_words_take_the_form_most_respondents_wrote():
    from themesift.themes.describe import _sentence_case, _word_forms
    from themesift.themes.terms import DocTerms

    def doc(*surfaces: str) -> DocTerms:
        return DocTerms(frozenset(s.lower() for s in surfaces), frozenset(),
                        {s.lower(): s for s in surfaces})

    docs = [doc("nurses very Good", "very Good"), doc("very good", "Staff very good"),
            doc("Very good care"), doc("the STPs", "of STPs"), doc("introduction of stps")]
    forms = _word_forms(docs)
    assert forms["good"] == "good"  # 3 of 5 inside a phrase; "Very" starting one is left out
    assert _sentence_case("nurses very Good", forms) == "Nurses very good"
    assert _sentence_case("introduction of stps", forms) == "Introduction of STPs"
    assert _sentence_case("NHS staff", forms) == "NHS staff"  # the first word as written
    assert _sentence_case("window dressing", {}) == "Window dressing"


@pytest.mark.slow
def test_no_phrase_or_keyword_is_built_from_a_redaction_placeholder() -> None:
    from themesift.nlp.spacy_model import load_nlp
    from themesift.themes.terms import analyse_texts

    texts = ["Please call me back on [PHONE] about my appointment",
             "Ring [PHONE] anytime, ask for [NAME] on the ward",
             "Write to [EMAIL] or see [URL] near [POSTCODE]", "My phone number changed"]
    terms = analyse_texts(texts, load_nlp())
    found = {w for t in terms for p in (*t.phrases, *t.lemmas) for w in p.split()}
    assert not {"name", "email", "url", "postcode"} & found
    assert "phone" not in {w for t in terms[:2] for p in t.phrases for w in p.split()}
    assert "phone number" in terms[3].phrases  # the word itself still counts
