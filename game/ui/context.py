"""The context shared by all scenes, and the binding of a drop-down to a value."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame_gui

from game.ui.layout import Layout
from game.ui.palette import Palette
from game.ui.settings import Settings
from game.ui.speech import Speaker

if TYPE_CHECKING:  # imported lazily: the title screen shows before the data and engine load
    from game.content import ContentBundle
    from game.contentcache import ContentBrief
    from game.ui.session import Session
    from game.ui.transition import Transition


@dataclass
class Context:
    """What every scene can reach: the widget manager, layout, palette, settings, content, game.

    ``data_paths`` are the data folders or files the content was read from (None: the shipped data;
    F5 reads them again); ``records_dir`` is where played games keep their records (None: the
    default of ``game.records``); ``player`` is the name new games and their records carry
    (``play --player`` or the title screen's name field). ``message`` (a problem) and ``info`` (a result to read, e.g. where
    a file was written) stay on screen until a key or click; ``notice`` is a short confirmation
    shown until its time (from ``time.perf_counter``) passes.
    """

    manager: pygame_gui.UIManager
    layout: Layout
    palette: Palette
    settings: Settings
    content: ContentBundle | None
    content_error: str | None = None
    session: Session | None = None
    message: str | None = None
    info: str | None = None
    ui_consumed: bool = False
    apply_settings: Callable[[Settings], None] = field(default=lambda s: None)
    data_paths: list[str] | None = None
    records_dir: Path | None = None
    player: str = ""
    notice: tuple[str, float] | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    speech: Speaker = field(default_factory=lambda: Speaker(False))
    # what the title lists while the bundle is still loading (from the content cache), and the way
    # to wait for the bundle when an action needs it (see App.wait_for_content)
    brief: ContentBrief | None = None
    wait_for_content: Callable[[], None] = field(default=lambda: None)


@dataclass
class Choice:
    """A drop-down bound to a value: option ids, their labels, and what to do on change."""

    ids: list[str]
    labels: list[str]
    current: str
    on_change: Callable[[str], Transition | None]
