"""The curated-name patterns cached on disk match exactly what freshly built ones match."""

import json

import pytest
import spacy

from kg.extract.names import NameMatcher

TEXT = "We train on ImageNet-1k and FooBench, then on IMAGENET-1K and foobench."


@pytest.fixture()
def names_dir(tmp_path):
    folder = tmp_path / "lists"
    folder.mkdir()
    rows = [{"name": "ImageNet-1K", "aliases": ["ILSVRC-2012"]}, {"name": "FooBench", "aliases": [], "case_sensitive": True}]
    (folder / "dataset.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return folder


def _found(matcher, nlp):
    doc = nlp.make_doc(TEXT)
    matcher(doc)
    return sorted((c["start"], c["end"], c["canonical"]) for c in doc.user_data["kg_candidates"])


def _nlp():
    return spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "kg_tokenizer.v1"}}})


def test_a_cached_start_matches_like_a_fresh_one(names_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    fresh_nlp = _nlp()
    fresh = _found(NameMatcher(fresh_nlp, "kg_names", str(names_dir), True), fresh_nlp)
    files = list((tmp_path / "cache").glob("names-*.json"))
    assert len(files) == 1
    cached_nlp = _nlp()
    assert _found(NameMatcher(cached_nlp, "kg_names", str(names_dir), True), cached_nlp) == fresh
    assert [c for _, _, c in fresh] == ["ImageNet-1K", "FooBench", "ImageNet-1K"]  # FooBench only as written


def test_a_changed_list_or_a_broken_file_is_never_read(names_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    NameMatcher(_nlp(), "kg_names", str(names_dir), True)
    (old,) = (tmp_path / "cache").glob("names-*.json")
    old.write_text("{not json", encoding="utf-8")
    nlp = _nlp()
    assert _found(NameMatcher(nlp, "kg_names", str(names_dir), True), nlp)  # rebuilt, not crashed
    with open(names_dir / "dataset.jsonl", "a", encoding="utf-8") as handle:
        handle.write(json.dumps({"name": "BarQA"}) + "\n")
    NameMatcher(_nlp(), "kg_names", str(names_dir), True)
    files = {path.name for path in (tmp_path / "cache").glob("names-*.json")}
    assert len(files) == 2 and old.name in files  # a new file for the changed list; the other version's stays
    for number in range(5):  # only the few most recently used versions stay
        with open(names_dir / "dataset.jsonl", "a", encoding="utf-8") as handle:
            handle.write(json.dumps({"name": f"BazQA{number}"}) + "\n")
        NameMatcher(_nlp(), "kg_names", str(names_dir), True)
    assert len(list((tmp_path / "cache").glob("names-*.json"))) == 4


def test_checkouts_sharing_the_cache_keep_each_others_file(names_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    NameMatcher(_nlp(), "kg_names", str(names_dir), True)
    (first,) = (tmp_path / "cache").glob("names-*.json")
    with open(names_dir / "dataset.jsonl", "a", encoding="utf-8") as handle:
        handle.write(json.dumps({"name": "BarQA"}) + "\n")
    NameMatcher(_nlp(), "kg_names", str(names_dir), True)  # another version of the lists
    assert first.exists()


def test_the_cache_can_be_turned_off(names_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    NameMatcher(_nlp(), "kg_names", str(names_dir), True)
    assert not (tmp_path / "xdg").exists()


def test_no_home_directory_means_no_cache(monkeypatch):
    from pathlib import Path

    from kg.extract import pattern_cache

    monkeypatch.delenv("KG_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    assert pattern_cache.cache_dir() is None
    assert pattern_cache.load("names-x") is None
    pattern_cache.save("names-x", {})  # nothing to write to, and no error


def test_lists_edited_while_a_pipeline_is_built_never_file_patterns_under_the_wrong_version(names_dir, tmp_path, monkeypatch):
    # a build that read the entries just before an edit (or a long-lived process that read them
    # earlier) must not leave patterns a later run of the edited lists takes for its own
    import kg.extract.gazetteer as gazetteer
    import kg.extract.names as names

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    before = names.load_gazetteer(str(names_dir))
    path = names_dir / "dataset.jsonl"
    path.write_text(json.dumps({"name": "AaaSet"}) + "\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    with monkeypatch.context() as patch:
        patch.setattr(names, "load_gazetteer", lambda folder=None: before)
        NameMatcher(_nlp(), "kg_names", str(names_dir), True)
    for cached in vars(gazetteer).values():  # the next run is a new process: nothing read in this one
        getattr(cached, "cache_clear", lambda: None)()
    nlp = _nlp()
    assert [c for _, _, c in _found(NameMatcher(nlp, "kg_names", str(names_dir), True), nlp)] == \
        ["ImageNet-1K", "FooBench", "ImageNet-1K"]


def test_a_pipeline_built_after_an_edit_matches_the_edited_lists(names_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    NameMatcher(_nlp(), "kg_names", str(names_dir), True)
    with open(names_dir / "dataset.jsonl", "a", encoding="utf-8") as handle:
        handle.write(json.dumps({"name": "train on"}) + "\n")
    nlp = _nlp()
    assert "train on" in [c for _, _, c in _found(NameMatcher(nlp, "kg_names", str(names_dir), True), nlp)]
