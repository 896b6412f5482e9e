"""Player settings (full screen, UI scale, palettes, language) remembered between runs as JSON.

Stored in the platformdirs user config folder. A missing file gives the defaults; a corrupt or
unreadable one gives the defaults and a message for the player, never a traceback.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from game.i18n import _
from game.safe_json import loads as read_json

APP_NAME = "pressure-points"
SCALES: tuple[int, ...] = (100, 125, 150, 175, 200, 250, 300)
PROJECTOR_SCALE = 200  # the projector preset: at 1920x1080 body text is 45 px (capitals 32 px, read from 8 m)


@dataclass(frozen=True)
class Settings:
    """What the player can set; all of it is saved."""

    fullscreen: bool = False
    ui_scale: int = 100  # percent, 100..300
    colourblind: bool = False
    high_contrast: bool = False
    language: str = ""  # a language code such as "es"; empty = the system's language
    speech: bool = False  # self-voicing: read the focused control, the selection and the reports aloud
    projector: bool = False  # one switch for a classroom projector: full screen at the projector scale

    def effective(self) -> Settings:
        """What the window uses: the projector preset means full screen and at least its scale
        (high contrast stays the player's own choice)."""
        if not self.projector:
            return self
        return replace(self, fullscreen=True, ui_scale=max(self.ui_scale, PROJECTOR_SCALE))

    def clamped(self) -> Settings:
        """The same settings with the scale forced into its range."""
        scale = min(SCALES, key=lambda s: abs(s - int(self.ui_scale)))
        return replace(self, ui_scale=scale)


def config_dir() -> Path:
    """Where settings live (overridable with PRESSURE_POINTS_CONFIG_DIR, used by tests)."""
    override = os.environ.get("PRESSURE_POINTS_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def settings_path() -> Path:
    """The settings file."""
    return config_dir() / "settings.json"


def load_settings(path: Path | None = None) -> tuple[Settings, str | None]:
    """The saved settings and a message when the file was damaged (defaults are used then)."""
    path = path or settings_path()
    if not path.exists():
        return Settings(), None
    try:
        data = read_json(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError(_("not a JSON object"))
        known = {f.name: f.type for f in fields(Settings)}
        values: dict[str, Any] = {}  # each value is checked against its field's type below
        for key, value in data.items():
            if key not in known:
                continue
            if key == "ui_scale":
                if isinstance(value, bool) or not isinstance(value, (int, float)):
                    raise ValueError(_("ui_scale must be a number"))
                if isinstance(value, float) and not math.isfinite(value):
                    raise ValueError(_("ui_scale must be a finite number"))
                values[key] = int(value)
            elif key == "language":
                if not isinstance(value, str):
                    raise ValueError(_('language must be a language code such as "es"'))
                values[key] = value
            else:
                if not isinstance(value, bool):
                    raise ValueError(_("{key} must be true or false").format(key=key))
                values[key] = value
        return Settings(**values).clamped(), None
    except (OSError, ValueError, UnicodeDecodeError) as error:
        return Settings(), _("The settings file {path} could not be read ({error}); the defaults are used.").format(
                               path=path, error=error)


def save_settings(settings: Settings, path: Path | None = None) -> str | None:
    """Write the settings atomically (the game's one atomic write); returns a message if that failed."""
    from game.records.files import atomic_write
    path = path or settings_path()
    try:
        atomic_write(path, json.dumps(asdict(settings), indent=2) + "\n")
        return None
    except OSError as error:
        return _("The settings could not be saved ({error}).").format(error=error)
