"""Where the shipped data and assets live, from a checkout or from an installed package."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]


def data_dir() -> Path:
    """The folder that holds ``countries.toml`` and the other data files."""
    return _first_existing(_PACKAGE_DIR.parent / "data", _PACKAGE_DIR / "_data")


def assets_dir() -> Path:
    """The folder that holds the theme, the map and other assets."""
    return _first_existing(_PACKAGE_DIR.parent / "assets", _PACKAGE_DIR / "_assets")


def schema_dir() -> Path:
    """The folder the JSON Schemas for the data files are written to."""
    return data_dir() / "schema"
