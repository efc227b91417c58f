from __future__ import annotations

import math

import pytest

from themesift.evaluate.metrics import (
    Agreement,
    agreement,
    coder_agreement,
    mean_agreement,
    parse_codes,
    theme_mapping,
)


def test_parse_codes_splits_strips_dedupes() -> None:
    assert parse_codes(["a|b| a |", None, "", " | ", "x"]) == [("a", "b"), (), (), (), ("x",)]


def test_parse_codes_without_separator() -> None:
    assert parse_codes([" a|b ", None], sep=None) == [("a|b",), ()]


def test_perfect_agreement_with_permuted_names() -> None:
    pred = [3, 3, 0, 0, 7, 7]
    codes = [("price",), ("price",), ("staff",), ("staff",), ("wait",), ("wait",)]
    result = agreement(pred, codes)
    assert result.n == 6
    assert result.nmi == pytest.approx(1.0)
    assert result.ari == pytest.approx(1.0)
    assert result.homogeneity == pytest.approx(1.0)
    assert result.completeness == pytest.approx(1.0)
    assert result.f1 == pytest.approx(1.0)
    assert result.kappa == {"price": 1.0, "staff": 1.0, "wait": 1.0}
    assert result.n_themes == 3
    assert result.unassigned_share == 0.0


def test_all_in_one_cluster_has_zero_nmi() -> None:
    result = agreement([0, 0, 0, 0], [("a",), ("b",), ("a",), ("b",)])
    assert result.nmi == pytest.approx(0.0)
    assert result.ari == pytest.approx(0.0)
    assert result.n_themes == 1


def test_hand_computed_f1_and_kappa_with_multi_label_rows() -> None:
    # Theme 0 rows carry codes a, a+b, a+c -> a:3 b:1 c:1, so 0 -> "a".
    # Theme 1 rows carry c+b, c -> c:2 b:1, so 1 -> "c".  -1 maps to nothing.
    # Row F1s (P = predicted set, T = true set):
    #   {a} vs {a}    -> 1
    #   {a} vs {a,b}  -> p=1, r=1/2 -> 2/3
    #   {a} vs {a,c}  -> 2/3
    #   {c} vs {c,b}  -> 2/3
    #   {c} vs {c}    -> 1
    #   {}  vs {a}    -> 0
    # Mean = (1 + 2/3 * 3 + 1 + 0) / 6 = 4/6 = 2/3.
    # Kappa for "a": pred [1,1,1,0,0,0], true [1,1,1,0,0,1]; po = 5/6,
    # pe = 3/6 * 4/6 + 3/6 * 2/6 = 1/2, kappa = (5/6 - 1/2) / (1/2) = 2/3.
    pred = [0, 0, 0, 1, 1, -1]
    codes = [("a",), ("a", "b"), ("a", "c"), ("c", "b"), ("c",), ("a",)]
    assert theme_mapping(pred, codes) == {0: "a", 1: "c"}
    result = agreement(pred, codes)
    assert result.f1 == pytest.approx(2 / 3)
    assert result.kappa["a"] == pytest.approx(2 / 3)
    assert set(result.kappa) == {"a", "b", "c"}
    assert result.unassigned_share == pytest.approx(1 / 6)


def test_mapping_ties_go_to_first_code_alphabetically() -> None:
    assert theme_mapping([0, 0], [("z",), ("b",)]) == {0: "b"}


def test_non_answers_map_to_their_majority_code() -> None:
    pred = [-2, -2, 0]
    codes = [("no change",), ("no change",), ("price",)]
    assert theme_mapping(pred, codes) == {-2: "no change", 0: "price"}
    result = agreement(pred, codes)
    assert result.f1 == pytest.approx(1.0)
    assert result.n_themes == 1


def test_unassigned_share_ignores_non_answers_and_empties() -> None:
    pred = [0, -1, -1, 1, -2, -3]
    codes = [("a",)] * 6
    # Substantive rows (pred >= -1): 0, -1, -1, 1 -> 2 of 4 unassigned.
    assert agreement(pred, codes).unassigned_share == pytest.approx(0.5)


def test_uncoded_rows_are_excluded() -> None:
    pred = [0, 0, 1, 1, 5, -1]
    codes = [("a",), ("a",), ("b",), ("b",), (), ()]
    result = agreement(pred, codes)
    assert result.n == 4
    assert result.n_themes == 2
    assert result.unassigned_share == 0.0
    assert result.nmi == pytest.approx(1.0)
    assert result.f1 == pytest.approx(1.0)


def test_no_coded_rows_gives_empty_agreement() -> None:
    result = agreement([0, 1], [(), ()])
    assert result.n == 0
    assert result.f1 == 0.0
    assert result.kappa == {}


def test_length_mismatch_raises() -> None:
    with pytest.raises(ValueError):
        agreement([0], [("a",), ("b",)])


def test_kappa_is_never_nan() -> None:
    # "b" is never predicted and only sometimes true: defined, 0.
    # A code present everywhere on both sides has undefined kappa: 1.0.
    result = agreement([0, 0], [("a",), ("a", "b")])
    assert result.kappa["a"] == 1.0
    assert not any(math.isnan(k) for k in result.kappa.values())
    assert result.kappa["b"] == 0.0


def test_coder_agreement_identical_codings() -> None:
    codes = [("a", "b"), ("b",), ("c",), ("a",), ()]
    result = coder_agreement(codes, codes)
    assert result.n == 4
    assert result.nmi == pytest.approx(1.0)
    assert result.ari == pytest.approx(1.0)
    assert result.f1 == pytest.approx(1.0)
    assert result.kappa == {"a": 1.0, "b": 1.0, "c": 1.0}
    assert result.n_themes == 3


def test_coder_agreement_partial_overlap() -> None:
    a = [("x",), ("x", "y")]
    b = [("x", "y"), ("y",)]
    # Row 1: {x} vs {x,y} -> 2/3; row 2: {x,y} vs {y} -> p=1/2, r=1 -> 2/3.
    assert coder_agreement(a, b).f1 == pytest.approx(2 / 3)


def _agreement(n: int, value: float, kappa: dict[str, float]) -> Agreement:
    return Agreement(n, value, value, value, value, value, n, value, kappa)


def test_mean_agreement_weights_by_n() -> None:
    first = _agreement(1, 0.0, {"a": 0.0, "b": 0.5})
    second = _agreement(3, 1.0, {"a": 1.0})
    result = mean_agreement([first, second])
    assert result.n == 4
    assert result.nmi == pytest.approx(0.75)
    assert result.f1 == pytest.approx(0.75)
    assert result.unassigned_share == pytest.approx(0.75)
    assert result.n_themes == round(0.25 * 1 + 0.75 * 3)
    assert result.kappa["a"] == pytest.approx(0.75)
    assert result.kappa["b"] == pytest.approx(0.5)


def test_mean_agreement_needs_items() -> None:
    with pytest.raises(ValueError):
        mean_agreement([])


def test_to_dict_is_plain_and_sorted() -> None:
    result = agreement([0, 1], [("b",), ("a",)])
    data = result.to_dict()
    assert list(data["kappa"]) == ["a", "b"]
    assert data["n"] == 2
    assert set(data) >= {"nmi", "ari", "homogeneity", "completeness", "f1", "n_themes"}


def test_deterministic() -> None:
    pred = [2, 2, 1, 1, 0, -1, -2]
    codes = [("b", "a"), ("a", "b"), ("c",), ("a",), ("c", "b"), ("a",), ("z",)]
    assert agreement(pred, codes) == agreement(list(pred), list(codes))


def test_further_themes_count_in_f1_and_kappa_only() -> None:
    # Theme 0 -> "food", theme 1 -> "service".  Row 2 is about both; its
    # further theme 1 adds "service" to its predicted set.
    pred = [0, 0, 0, 1, 1]
    codes = [("food",), ("food",), ("food", "service"), ("service",), ("service",)]
    themes = [(0,), (0,), (0, 1), (1,), (1,)]
    primary_only = agreement(pred, codes)
    with_further = agreement(pred, codes, themes=themes)
    assert primary_only.f1 == pytest.approx((4 + 2 / 3) / 5)
    assert with_further.f1 == pytest.approx(1.0)
    assert with_further.kappa["service"] == pytest.approx(1.0)
    assert primary_only.kappa["service"] < 1.0
    assert with_further.nmi == primary_only.nmi
    assert with_further.ari == primary_only.ari


def test_further_themes_must_match_rows() -> None:
    with pytest.raises(ValueError):
        agreement([0, 1], [("a",), ("b",)], themes=[(0,)])
