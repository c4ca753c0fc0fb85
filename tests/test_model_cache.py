"""The built-in model's cache: equal to the validated model, rebuilt when broken or stale."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from csm_check import loading
from csm_check.i18n import languages
from csm_check.loading import builtin_model_bytes, load_model
from csm_check.model import Model
from csm_check.model_cache import cache_dir, cache_file, read_cached
from csm_check.yamlio.read import YamlDocument


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CSM_CHECK_CACHE_DIR", str(folder))
    return folder


def only_file(folder: Path) -> Path:
    files = list(folder.iterdir())
    assert len(files) == 1, files
    return files[0]


def test_cached_model_equals_the_validated_one(cache: Path) -> None:
    validated = load_model(validate_builtin=True)
    first = load_model()  # a miss: validates and writes the cache
    kept = only_file(cache)
    assert kept.name.startswith("model-") and kept.suffix == ".pickle"
    assert read_cached(kept) == validated
    second = load_model()  # a hit
    assert second == validated == first
    assert second is not first


def test_hit_does_not_parse_yaml(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_model()

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed the YAML although the cache holds the model")

    monkeypatch.setattr(loading, "parse_yaml", no_parsing)
    assert load_model().id == "csm-2026"


def test_corrupt_cache_is_ignored_and_rebuilt(cache: Path) -> None:
    validated = load_model(validate_builtin=True)
    load_model()
    kept = only_file(cache)
    kept.write_bytes(b"\x80\x05not a pickle at all")
    assert read_cached(kept) is None
    assert load_model() == validated
    assert read_cached(kept) == validated  # written anew


def test_a_pickle_of_something_else_is_ignored(cache: Path) -> None:
    load_model()
    kept = only_file(cache)
    import pickle

    kept.write_bytes(pickle.dumps({"id": "csm-2026"}))
    assert read_cached(kept) is None
    assert load_model() == load_model(validate_builtin=True)


def test_a_file_others_may_change_is_not_read(cache: Path) -> None:
    load_model()
    kept = only_file(cache)
    kept.chmod(0o666)
    assert read_cached(kept) is None
    kept.chmod(0o644)
    assert read_cached(kept) == load_model(validate_builtin=True)


def test_changed_model_bytes_miss_the_cache(cache: Path) -> None:
    source, _ = builtin_model_bytes()
    registered = tuple(languages())
    original = cache_file(source, registered)
    edited = cache_file(source + b"\n# edited\n", registered)
    assert original is not None and edited is not None
    assert original != edited
    assert original.parent == edited.parent == cache
    load_model()
    assert only_file(cache) == original
    assert read_cached(edited) is None


def test_unwritable_cache_falls_back_to_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("CSM_CHECK_CACHE_DIR", str(blocker / "cache"))
    assert load_model() == load_model(validate_builtin=True)
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_cache_can_be_turned_off(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CSM_CHECK_NO_CACHE", "1")
    assert cache_dir() is None
    assert load_model() == load_model(validate_builtin=True)
    assert not cache.exists()


def test_default_folder_follows_xdg_then_home(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CSM_CHECK_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere/cache")
    assert cache_dir() == Path("/somewhere/cache/csm-check")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")  # the XDG spec: absolute only
    monkeypatch.setenv("HOME", "/home/jana")
    assert cache_dir() == Path("/home/jana/.cache/csm-check")


def test_validate_always_reads_the_source(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_model()
    kept = only_file(cache)
    stale = os.stat(kept).st_mtime_ns
    calls: list[bool] = []
    original = loading.parse_model

    def counting(document: YamlDocument) -> Model:
        calls.append(True)
        return original(document)

    monkeypatch.setattr(loading, "parse_model", counting)
    load_model(validate_builtin=True)
    assert calls == [True]
    assert os.stat(kept).st_mtime_ns == stale
