"""Helpers for driving the app with real pygame events at real widget positions."""

from __future__ import annotations

import pygame

from game.ui.app import App
from game.ui.scene import Scene
from game.ui.settings import Settings


def make_app(content, size: tuple[int, int] = (1280, 720), settings: Settings | None = None, first=None) -> App:
    """A fresh app (title screen unless ``first`` is given)."""
    app = App(settings or Settings(), content, None, size=size, first=first)
    app.pump(force_draw=True)
    return app


def scene_of(app: App) -> Scene:
    """The visible scene: the top one, or the one under the tutorial's hint panel."""
    return app.live()[0]


def pump(app: App, times: int = 1) -> None:
    """Let the app process whatever is queued."""
    for _ in range(times):
        app.pump(force_draw=True)


def move(app: App, pos: tuple[int, int]) -> None:
    """Move the mouse."""
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    pump(app)


def click(app: App, target) -> None:
    """Click a widget (at its centre) or a position, as a player would: move, press, release."""
    if not isinstance(target, tuple):
        scene_of(app).reveal(target)
        pump(app)
        app.viewport.reveal(target.get_abs_rect())  # a canvas larger than the window: scroll it into view
        app.ctx.layout.view = app.viewport.rect
    pos = target if isinstance(target, tuple) else app.viewport.to_window(target.get_abs_rect().center)
    move(app, pos)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    pump(app)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    pump(app, 2)


def key(app: App, k: int, mod: int = 0, text: str = "") -> None:
    """Press and release a key."""
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=text, scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=k, mod=mod, unicode=text, scancode=0))
    pump(app, 2)


def type_text(app: App, text: str) -> None:
    """Type text into the focused entry."""
    for ch in text:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
        pump(app)
    pump(app, 2)


def button(app: App, text: str):
    """The live button with this text on the visible scene (or the tutorial panel)."""
    scenes = list(reversed(app.live()))
    for scene in scenes:
        for element in scene.ui.actions:
            shown = getattr(element, "text", None) or ""
            if text in (shown, shown.split("] ", 1)[-1]) and element.alive():  # "[1] Relations" is "Relations"
                return element
    raise AssertionError(f"no button {text!r} on {scene_of(app).name}: "
                         f"{[getattr(e, 'text', '') for s in scenes for e in s.ui.actions]}")


def choose(app: App, menu, option_text: str) -> None:
    """Open a drop-down with a click and click one of its options."""
    click(app, menu)
    expanded = menu.current_state
    options = getattr(expanded, "options_selection_list", None)
    assert options is not None, "the drop-down did not open"
    for item in options.item_list:
        el = item.get("button_element")
        if el is not None and item["text"] == option_text:
            click(app, el)
            pump(app, 4)
            return
    raise AssertionError(f"no option {option_text!r}")


def data_copy(folder, edits: dict[str, list[tuple[str, str]]] | None = None):
    """A copy of the shipped data in ``folder``/gamedata with regex edits per file name; returns its path."""
    import re
    import shutil

    from game.paths import shipped_data_dir
    target = folder / "gamedata"
    shutil.copytree(shipped_data_dir(), target, ignore=shutil.ignore_patterns("schema"))
    for name, changes in (edits or {}).items():
        path = target / name
        text = path.read_text(encoding="utf-8")
        for pattern, replacement in changes:
            text, count = re.subn(pattern, replacement, text, count=1, flags=re.M)
            assert count == 1, f"{pattern!r} not found in {name}"
        path.write_text(text, encoding="utf-8")
    return target
