"""The content cache: a second start reads the validated bundle instead of the data; any change to
the data or the language gives a fresh validation; a damaged or unwritable cache never stops the game."""

from __future__ import annotations

from pathlib import Path

import pytest

import game.loading
from game import contentcache
from game.ui.launch import load_data


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(contentcache.ENV_CACHE_DIR, str(folder))
    return folder


def _no_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("the data was validated again")
    monkeypatch.setattr(game.loading, "load_content", refuse)


def test_a_second_load_of_the_same_files_comes_from_the_cache(cache: Path, mini_dir: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    first, error = load_data([str(mini_dir)])
    assert first is not None and error is None
    assert [p.name.split("-")[1] for p in cache.glob("content-*.pickle")] == ["en"]
    _no_validation(monkeypatch)
    again, error = load_data([str(mini_dir)])
    assert error is None and again == first and again is not first


def test_a_changed_data_file_is_validated_again(cache: Path, mini_dir: Path) -> None:
    first, _ = load_data([str(mini_dir)])
    assert first is not None
    scenarios = mini_dir / "scenarios.toml"
    old_title = next(iter(first.scenarios.values())).title
    scenarios.write_text(scenarios.read_text(encoding="utf-8").replace(old_title, "A renamed scenario", 1), encoding="utf-8")
    changed, error = load_data([str(mini_dir)])
    assert error is None and changed is not None
    assert next(iter(changed.scenarios.values())).title == "A renamed scenario"
    assert len(list(cache.glob("content-en-*.pickle"))) == 1  # the stale entry is replaced
    scenarios.write_text("this is = not [valid TOML", encoding="utf-8")
    broken, error = load_data([str(mini_dir)])
    assert broken is None and error and "scenarios.toml" in error  # a cache never hides a problem


def test_the_language_is_part_of_the_key(cache: Path, mini_dir: Path, spanish) -> None:
    assert contentcache.cache_key([mini_dir], "es") != contentcache.cache_key([mini_dir], "en")
    bundle, _ = load_data([str(mini_dir)])
    assert bundle is not None and [p.name.split("-")[1] for p in cache.glob("content-*.pickle")] == ["es"]


def test_a_damaged_cache_entry_is_ignored_and_written_again(cache: Path, mini_dir: Path) -> None:
    first, _ = load_data([str(mini_dir)])
    (entry,) = cache.glob("content-*.pickle")
    for garbage in (b"", b"\x80\x05not a pickle", entry.read_bytes()[:100]):
        entry.write_bytes(garbage)
        bundle, error = load_data([str(mini_dir)])
        assert error is None and bundle == first
        assert entry.read_bytes() != garbage


def test_an_unwritable_or_disabled_cache_does_not_stop_the_game(tmp_path: Path, mini_dir: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv(contentcache.ENV_CACHE_DIR, str(blocker))
    bundle, error = load_data([str(mini_dir)])
    assert bundle is not None and error is None
    monkeypatch.setenv(contentcache.ENV_CACHE_DIR, "off")
    assert contentcache.cache_dir() is None
    assert load_data([str(mini_dir)])[0] == bundle


def test_the_title_brief_is_kept_beside_the_bundle(cache: Path, mini_dir: Path) -> None:
    bundle, _ = load_data([str(mini_dir)])
    assert bundle is not None
    key = contentcache.cache_key([mini_dir], "en")
    brief = contentcache.read_brief(key)
    assert brief == contentcache.brief_of(bundle) and brief.scenarios
    (entry,) = cache.glob("content-*.brief.json")
    for damaged in ("", "[]", '{"key": "en-other", "scenarios": {}}', entry.read_text(encoding="utf-8")[:40]):
        entry.write_text(damaged, encoding="utf-8")
        assert contentcache.read_brief(key) is None
