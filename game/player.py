"""The player's name as records, file names, exports and the class report keep it.

Kept apart from ``game.records`` so the title screen and ``play`` can tidy a name without
loading the engine.
"""

from __future__ import annotations

PLAYER_MAX = 60


def clean_player(name: object) -> str:
    """One line, spaces collapsed, at most ``PLAYER_MAX`` characters ('' for no name)."""
    return " ".join(str(name or "").split())[:PLAYER_MAX]
