"""The window and the widget manager: opening the window (full screen, or resizable with a minimum
size) and building pygame_gui's manager for a layout and palette (theme, fonts loaded up front, the
view that maps the window onto a larger canvas), and waiting for events without burning CPU.

The wait redraws only after input (plus a short settling time for hover effects, tooltips and
notices): while settling it waits in ``pygame.event.wait`` with a frame-length timeout; once idle it
sleeps in short slices between event checks, because SDL's own wait polls every millisecond on some
video drivers (Xvfb/X11 measured at 3-4 % of a core), which a sleep does not.
"""

from __future__ import annotations

import time
import warnings

import pygame
import pygame_gui

from game.i18n import current_language
from game.ui.layout import Layout
from game.ui.palette import Palette
from game.ui.theme import build_theme, font_sizes
from game.ui.viewport import ViewManager, Viewport

MIN_SIZE = (1024, 600)
SETTLE_S = 1.5  # keep redrawing this long after the last input (hover, tooltips, cursor)
ACTIVE_WAIT_MS = 33
IDLE_WAIT_MS = 1000
IDLE_SLICE_S = 0.025


def open_window(size: tuple[int, int], fullscreen: bool) -> pygame.Surface:
    """The game's window: the whole screen, or ``size`` and resizable down to ``MIN_SIZE``."""
    if fullscreen:
        return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
    screen = pygame.display.set_mode(size, pygame.RESIZABLE)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pygame.Window.from_display_module().minimum_size = MIN_SIZE
    except (AttributeError, pygame.error):
        pass
    return screen


def make_manager(lay: Layout, palette: Palette, viewport: Viewport) -> pygame_gui.UIManager:
    """pygame_gui's manager for this layout and palette, in the game's language, its fonts loaded."""
    manager = ViewManager(lay.size, build_theme(lay.scale, palette), enable_live_theme_updates=False,
                          starting_language=current_language())  # pygame_gui's own widget texts
    fonts: list[dict[str, str | int | float]] = [{"name": "noto_sans", "point_size": s, "style": st}
                                                 for s in {14, *font_sizes(lay.scale)}
                                                 for st in ("bold", "italic")]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        manager.preload_fonts(fonts)
    manager.viewport = viewport
    return manager


def wait_events(last_input: float) -> list[pygame.event.Event]:
    """Block until there are events or a timeout passes (short while settling after the input at
    ``last_input``, a perf_counter time; long when idle)."""
    if time.perf_counter() - last_input < SETTLE_S:
        first = pygame.event.wait(ACTIVE_WAIT_MS)
        return [] if first.type == pygame.NOEVENT else [first, *pygame.event.get()]
    deadline = time.perf_counter() + IDLE_WAIT_MS / 1000
    while True:
        events = pygame.event.get()
        if events or time.perf_counter() >= deadline:
            return events
        time.sleep(IDLE_SLICE_S)
