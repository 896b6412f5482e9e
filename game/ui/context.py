"""The context shared by all scenes, and the binding of a drop-down to a value."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Optional

import pygame_gui

from game.ui.layout import Layout
from game.ui.palette import Palette
from game.ui.settings import Settings

if TYPE_CHECKING:  # imported lazily: the title screen shows before the data and engine load
    from game.content import ContentBundle
    from game.ui.scene import Scene
    from game.ui.session import Session


@dataclass
class Context:
    """What every scene can reach: the widget manager, layout, palette, settings, content, game."""

    manager: pygame_gui.UIManager
    layout: Layout
    palette: Palette
    settings: Settings
    content: "ContentBundle | None"
    content_error: str | None = None
    session: "Session | None" = None
    message: str | None = None
    ui_consumed: bool = False
    apply_settings: Callable[[Settings], None] = field(default=lambda s: None)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Choice:
    """A drop-down bound to a value: option ids, their labels, and what to do on change."""

    ids: list[str]
    labels: list[str]
    current: str
    on_change: Callable[[str], Optional["Scene"]]
