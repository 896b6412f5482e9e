"""Where the data and assets live, from a checkout or from an installed package.

The data the game reads when no ``--data`` is given (:func:`data_source`):

1. ``./data`` when the current folder has one with ``.toml`` files in it (a checkout, or a
   teacher's working folder);
2. otherwise the ``data`` folder inside the user data folder (platformdirs; the same folder as the
   saves and records, ``$PRESSURE_POINTS_DATA_DIR`` when set), once ``data init`` has copied the
   shipped data there;
3. otherwise the data shipped with the game.

Every command that reads data says which folder it used (:func:`data_note`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from game.i18n import _

_PACKAGE_DIR = Path(__file__).resolve().parent
APP_NAME = "pressure-points"
ENV_DATA_DIR = "PRESSURE_POINTS_DATA_DIR"


@dataclass(frozen=True)
class DataSource:
    """The data folder the game reads and why it was chosen (``origin`` reads after 'from')."""

    path: Path
    origin: str


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]


def user_home() -> Path:
    """The user data folder: saves, records and the editable data (``$PRESSURE_POINTS_DATA_DIR`` when set)."""
    override = os.environ.get(ENV_DATA_DIR)
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_data_dir() -> Path:
    """Where ``data init`` puts an editable copy of the data by default."""
    return user_home() / "data"


def shipped_data_dir() -> Path:
    """The data that came with the game (the checkout's ``data`` or the installed package's copy)."""
    return _first_existing(_PACKAGE_DIR.parent / "data", _PACKAGE_DIR / "_data")


def _has_data(folder: Path) -> bool:
    try:
        return folder.is_dir() and any(p.is_file() for p in folder.glob("*.toml"))
    except OSError:
        return False


def data_source() -> DataSource:
    """The data folder to read when none is given, and why (see the module docstring)."""
    local = Path.cwd() / "data"
    if _has_data(local):
        return DataSource(local, _("./data in the current folder"))
    mine = user_data_dir()
    if _has_data(mine):
        return DataSource(mine, _("your data folder"))
    return DataSource(shipped_data_dir(), _("the data shipped with the game"))


def data_dir() -> Path:
    """The folder that holds ``countries.toml`` and the other data files (see :func:`data_source`)."""
    return data_source().path


def shown(path: Path) -> str:
    """A path as a person reads it: relative to the current folder when inside it."""
    try:
        relative = path.resolve().relative_to(Path.cwd().resolve())
    except (ValueError, OSError):
        return str(path)
    return "./" + relative.as_posix() if relative.parts else "."


def data_label(paths: Sequence[str | Path] | None = None) -> str:
    """The data folders read, as they go into a command line (quoted when they hold spaces)."""
    if paths:
        items = [str(p) for p in paths]
    else:
        items = [shown(data_source().path)]
    return " ".join(f'"{p}"' if " " in p else p for p in items)


def data_note(paths: Sequence[str | Path] | None = None, given: str = _("given with --data")) -> str:
    """'using data from ./data (./data in the current folder)': what a data-reading command says first."""
    if paths:
        return _("using data from {data_label} ({given})").format(data_label=data_label(paths), given=given)
    source = data_source()
    return _("using data from {shown} ({origin})").format(shown=shown(source.path), origin=source.origin)


def command_name() -> str:
    """How the player started the game, for messages that suggest a command."""
    program = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else ""
    if program == "main.py":
        return _("python main.py")
    if program == "__main__.py":
        return _("python -m game")
    return "pressure-points"


def validate_hint(paths: Sequence[str | Path] | None = None) -> str:
    """The command that lists every problem of the data in use, e.g. ``pressure-points validate ./data``."""
    return _("{command_name} validate {data_label}").format(command_name=command_name(), data_label=data_label(paths))


def assets_dir() -> Path:
    """The folder that holds the theme, the map and other assets."""
    return _first_existing(_PACKAGE_DIR.parent / "assets", _PACKAGE_DIR / "_assets")


def schema_dir() -> Path:
    """The folder the JSON Schemas for the data files are written to."""
    return data_dir() / "schema"
