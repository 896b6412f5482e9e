"""A cache of the validated content, so that the game starts without reading and checking the data.

Reading the TOML files, validating them with pydantic and cross-checking them is the bulk of the
game's start-up. A bundle that loaded without errors is kept (pickled) in the user cache folder,
under a key made of everything it was built from: every data file (path and bytes, translations
included), the language, the code that defines and checks content (``game/content`` and
``game/loading``), the game's, Python's and pydantic's versions. Any change gives a new key, so a
stale entry is never used; an entry that is missing, unreadable or damaged is ignored (the data is
validated as usual and the entry written again), and a failure to write is ignored too: the cache
can make the game start faster, never fail. ``PRESSURE_POINTS_CACHE_DIR`` moves the folder
(``off`` turns the cache off). The cache folder is the player's own, like their settings.

Beside each entry, a *brief* (JSON) holds what the title screen lists: each scenario's title,
summary, length, governments and mandates. The title is built from it at the first frame, before
pydantic and the bundle are imported, and the bundle follows on a worker thread.

No pydantic and no ``game.loading`` here: the key and the brief are read before either is imported.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import game
from game import paths as game_paths

if TYPE_CHECKING:
    from game.content import ContentBundle

ENV_CACHE_DIR = "PRESSURE_POINTS_CACHE_DIR"
APP_NAME = "pressure-points"
CODE_PACKAGES = ("content", "loading")  # what the cached objects are and how they were checked
MAX_ENTRY_BYTES = 50_000_000
FORMAT = 2  # of the entries (2: with the title's brief)


@dataclass(frozen=True)
class MandateBrief:
    """A mandate as the title screen shows it."""

    name: str
    summary: str


@dataclass(frozen=True)
class ScenarioBrief:
    """A scenario as the title screen shows it."""

    title: str
    summary: str
    turns: int
    countries: tuple[str, ...]
    tutorial: bool  # played as a guided tutorial
    mandates: dict[str, MandateBrief]


@dataclass(frozen=True)
class ContentBrief:
    """What the title screen lists, without the bundle."""

    scenarios: dict[str, ScenarioBrief]


def brief_of(bundle: ContentBundle) -> ContentBrief:
    """The title screen's listing of a bundle."""
    return ContentBrief({sid: ScenarioBrief(sc.title, sc.summary, sc.turns, tuple(sc.countries), bool(sc.tutorial),
                                            {mid: MandateBrief(m.name, m.summary) for mid, m in sc.mandates.items()})
                         for sid, sc in bundle.scenarios.items()})


def _brief_from_json(data: Any) -> ContentBrief:
    scenarios = {}
    for sid, sc in data["scenarios"].items():
        mandates = {str(mid): MandateBrief(str(m["name"]), str(m["summary"])) for mid, m in sc["mandates"].items()}
        if not mandates:
            raise ValueError("a scenario without mandates")
        scenarios[str(sid)] = ScenarioBrief(str(sc["title"]), str(sc["summary"]), int(sc["turns"]),
                                            tuple(str(c) for c in sc["countries"]), bool(sc["tutorial"]), mandates)
    return ContentBrief(scenarios)


def cache_dir() -> Path | None:
    """Where entries live, or None when the cache is off."""
    override = os.environ.get(ENV_CACHE_DIR)
    if override == "off":
        return None
    if override:
        return Path(override)
    import platformdirs
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def _data_files(paths: Sequence[str | Path] | None) -> list[Path]:
    """Every file the data is read from: all files under each folder (translations included), and the files given."""
    items = [game_paths.data_dir()] if not paths else [Path(p) for p in paths]
    found: list[Path] = []
    for item in items:
        if item.is_dir():
            found += sorted(p for p in item.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        else:
            found.append(item)
    return found


def _code_files() -> list[Path]:
    root = Path(game.__file__).resolve().parent
    files = [p for package in CODE_PACKAGES for p in sorted((root / package).glob("*.py"))]
    spec = importlib.util.find_spec("pydantic")  # a top-level package is found without being imported
    if spec is not None and spec.origin:
        files.append(Path(spec.origin).parent / "version.py")
    return files


def cache_key(paths: Sequence[str | Path] | None, language: str) -> str | None:
    """The key (``LANGUAGE-HASH``) of the content read from ``paths`` (None: the shipped data) in
    ``language``; None if a file cannot be read (the data is then loaded as usual and shows the problem)."""
    digest = hashlib.sha256()
    digest.update(f"{FORMAT}\0{game.__version__}\0{sys.version_info[:3]}\0{language}\0".encode())
    try:
        for path in [*_code_files(), *_data_files(paths)]:
            digest.update(f"{path}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    except OSError:
        return None
    return f"{language}-{digest.hexdigest()}"


def _entry(key: str) -> Path | None:
    folder = cache_dir()
    return folder / f"content-{key[:key.index('-') + 33]}.pickle" if folder is not None else None


def read_brief(key: str | None) -> ContentBrief | None:
    """The title screen's listing kept under ``key``, or None when there is none usable."""
    entry = _entry(key) if key else None
    if entry is None:
        return None
    try:
        data = json.loads(entry.with_suffix(".brief.json").read_text(encoding="utf-8"))
        if data.get("key") != key:
            return None
        return _brief_from_json(data)
    except Exception:  # noqa: BLE001 - missing, unreadable or damaged: the title waits for the bundle instead
        return None


def read_cached(key: str | None) -> ContentBundle | None:
    """The bundle stored under ``key``, or None when there is none usable."""
    entry = _entry(key) if key else None
    if entry is None:
        return None
    try:
        if entry.stat().st_size > MAX_ENTRY_BYTES:
            return None
        import pickle
        stored_key, bundle = pickle.loads(entry.read_bytes())
    except Exception:  # noqa: BLE001 - missing, unreadable, damaged or from other code: validate instead
        return None
    from game.content import ContentBundle
    return bundle if stored_key == key and isinstance(bundle, ContentBundle) else None


def write_cached(key: str | None, bundle: ContentBundle) -> None:
    """Keep ``bundle`` under ``key`` (atomically; older entries are removed); failures are ignored."""
    entry = _entry(key) if key else None
    if key is None or entry is None:
        return
    import pickle

    temp = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(pickle.dumps((key, bundle), protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temp, entry)
        brief = entry.with_suffix(".brief.json")
        temp.write_text(json.dumps({"key": key, **asdict(brief_of(bundle))}, ensure_ascii=False), encoding="utf-8")
        os.replace(temp, brief)
        for old in entry.parent.glob(f"content-{key.split('-')[0]}-*"):  # one entry per language
            if old not in (entry, brief):
                old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
