import json
from pathlib import Path

import numpy as np
import pytest

from themesift.config import Config
from themesift.errors import ThemesiftError
from themesift.model.persist import load_model, save_model
from themesift.types import Quote, Theme


def _save(path, **kw):
    themes = (
        Theme(0, "window dressing", ("clinician", "engagement"), 3, 0.6, ("window dressing",),
              custom_label=True, stability=0.8),
        Theme(1, "stealth cuts", ("cut",), 2, 0.4),
    )
    quotes = {0: (Quote(0, "c1", "just window dressing", 0.9, {"trust": "A"}),),
              1: (Quote(1, "c2", "=cuts", 0.7, {"trust": "B"}),
                  Quote(1, "c3", "more cuts", 0.6, {"trust": "B"}))}
    cents = np.eye(2, 4, dtype=np.float32)
    return save_model(path, themes=themes, centroids=cents, quotes=quotes,
                      config=Config(quotes_per_theme=3), embedder_id="m", training={"rows": 5},
                      **kw)


def test_round_trip_keeps_labels_quotes_and_centroids(tmp_path):
    path = _save(tmp_path / "m")
    m = load_model(path)
    assert [t.label for t in m.themes] == ["window dressing", "stealth cuts"]
    assert m.themes[0].custom_label and m.themes[0].stability == pytest.approx(0.8)
    assert [q.comment_id for q in m.quotes[1]] == ["c2", "c3"]
    assert m.quotes[1][0].text == "=cuts" and m.quotes[0][0].groups == {"trust": "A"}
    assert np.array_equal(m.centroids, np.eye(2, 4, dtype=np.float32))
    assert m.config.quotes_per_theme == 3 and m.embedder_id == "m"
    manifest = json.loads((path / "manifest.json").read_text())
    assert manifest["themes"][0]["quotes"][0]["text"] == "just window dressing"
    assert "themesift" in manifest["versions"] and "numpy" in manifest["versions"]
    assert not any(p.suffix in {".pkl", ".pickle", ".joblib"} for p in path.iterdir())


@pytest.mark.parametrize(
    "damage, message",
    [
        (lambda p: (p / "manifest.json").unlink(), "manifest.json is missing"),
        (lambda p: (p / "manifest.json").write_text("{not json"), "unreadable"),
        (lambda p: (p / "manifest.json").write_text('{"format": "other"}'), "not a themesift"),
        (lambda p: (p / "centroids.safetensors").write_bytes(b"garbage"), "corrupt"),
        (lambda p: (p / "quotes.csv").unlink(), "quotes.csv is missing"),
    ],
)
def test_corrupt_model_folder_is_a_clear_error(tmp_path, damage, message):
    path = _save(tmp_path / "m")
    damage(path)
    with pytest.raises(ThemesiftError, match=message):
        load_model(path)


def _rewrite(path, name, data: bytes) -> None:
    """Replace a file and update its checksum, as a careless hand edit or a bad tool would."""
    import hashlib

    (path / name).write_bytes(data)
    manifest = json.loads((path / "manifest.json").read_text())
    manifest["files"][name] = hashlib.sha256(data).hexdigest()
    (path / "manifest.json").write_text(json.dumps(manifest))


def _edit_manifest(path, change) -> None:
    manifest = json.loads((path / "manifest.json").read_text())
    change(manifest)
    (path / "manifest.json").write_text(json.dumps(manifest))


def _centroids(array) -> bytes:
    from safetensors.numpy import save

    return save({"centroids": array})


@pytest.mark.parametrize(
    "damage, message",
    [
        (lambda p: _edit_manifest(p, lambda m: m.pop("files")), "checksums"),
        (lambda p: _edit_manifest(p, lambda m: m.update(files={})), "checksums"),
        (lambda p: _rewrite(p, "quotes.csv", b"a,b\n1,2\n"), "KeyError"),
        (lambda p: _rewrite(p, "quotes.csv", b'theme_id\n"x\n'), "quotes|Error"),
        (lambda p: _rewrite(p, "centroids.safetensors",
                            _centroids(np.ones((2, 10), dtype=np.float32))), "4-dimensional"),
        (lambda p: _rewrite(p, "centroids.safetensors",
                            _centroids(np.full((2, 4), np.nan, dtype=np.float32))), "finite"),
        (lambda p: _edit_manifest(p, lambda m: m["settings"].update(unassigned_below="high")),
         "unassigned_below must be a number"),
        (lambda p: _edit_manifest(p, lambda m: m.update(embedder=None)), "TypeError"),
        (lambda p: _edit_manifest(p, lambda m: m.update(training=None)), "'training' section"),
    ],
)
def test_a_consistent_but_wrong_model_is_a_clear_error(tmp_path, damage, message):
    path = _save(tmp_path / "m")
    damage(path)
    with pytest.raises(ThemesiftError, match="not a usable themesift model") as info:
        load_model(path)
    assert info.match(message)


def test_not_a_folder_and_refuses_to_clobber_other_folders(tmp_path):
    with pytest.raises(ThemesiftError, match="no model folder"):
        load_model(tmp_path / "missing")
    other = tmp_path / "docs"
    other.mkdir()
    (other / "thesis.docx").write_text("precious")
    with pytest.raises(ThemesiftError, match="not a themesift model"):
        _save(other)
    assert (other / "thesis.docx").read_text() == "precious"


def test_resave_replaces_atomically(tmp_path):
    path = _save(tmp_path / "m")
    _save(path)
    assert load_model(path).themes[1].label == "stealth cuts"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m"]


def test_never_replaces_a_folder_that_only_looks_like_a_model(tmp_path):
    web = tmp_path / "webapp"
    web.mkdir()
    (web / "manifest.json").write_text('{"name": "my-webapp"}')
    (web / "index.html").write_text("<html>")
    with pytest.raises(ThemesiftError, match="not a themesift model"):
        _save(web)
    model = _save(tmp_path / "m")
    (model / "NOTES.txt").write_text("my notes on these themes")
    with pytest.raises(ThemesiftError, match=r"files themesift did not write \(NOTES.txt\)"):
        _save(model)
    assert (web / "index.html").exists() and (model / "NOTES.txt").exists()


def test_tag_refuses_a_model_whose_redaction_was_edited(tmp_path: Path) -> None:
    """'redact_names': false edited into the manifest must not switch redaction off."""
    import json

    from themesift.config import Config
    from themesift.errors import ThemesiftError
    from themesift.model.persist import load_model, save_model
    from themesift.types import Theme

    themes = (Theme(0, "a", ("a",), 2, 1.0),)
    folder = save_model(tmp_path / "m", themes=themes, centroids=np.eye(1, 4, dtype=np.float32),
                        quotes={}, config=Config(), embedder_id="e", training={})
    assert json.loads((folder / "redaction.json").read_text())["redact_names"] is True
    assert load_model(folder).config.redact_names
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["settings"]["redact_names"] = False
    (folder / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ThemesiftError, match="redaction settings were edited"):
        load_model(folder)
    manifest["redaction"]["redact_names"] = False  # both copies in the manifest: still no
    (folder / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ThemesiftError, match="redaction settings were edited"):
        load_model(folder)
    (folder / "redaction.json").write_text(json.dumps(manifest["redaction"]))  # and the file
    with pytest.raises(ThemesiftError, match="corrupt"):
        load_model(folder)
    del manifest["files"]["redaction.json"]  # an old-style model that turns redaction off
    (folder / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ThemesiftError, match="no checked record"):
        load_model(folder)


def test_families_round_trip_and_must_hold_exactly_the_themes(tmp_path):
    from themesift.types import Family

    fam = (Family(0, "Funding", (0, 1), 5, 1.0, ("cut",), ("Money",), custom_label=True),)
    m = load_model(_save(tmp_path / "m", families=fam))
    assert m.families == fam
    assert load_model(_save(tmp_path / "old")).families == ()  # a model saved without any
    path = _save(tmp_path / "bad", families=(Family(0, "Funding", (0,), 3, 0.6),))
    with pytest.raises(ThemesiftError, match="families do not hold exactly its themes"):
        load_model(path)
