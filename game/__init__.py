"""Pressure Points: a turn-based game of migration diplomacy in the Americas.

The package is layered so that imports flow one way:
``game.content`` (data models) <- ``game.loading`` (TOML, validation) <- ``game.engine``
(pure turn engine) <- ``game.ui`` (pygame front end) <- ``game.cli`` (entry points).
"""

__version__ = "0.4.0"
