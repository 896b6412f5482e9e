"""The app: window, widget manager, scene switching and the event loop.

F5 anywhere reads the data files again (:mod:`game.ui.reload`). The loop waits for events and
redraws only after input (plus a short settling time for hover effects, tooltips and notices), so
an idle game uses almost no CPU. While settling it waits in ``pygame.event.wait`` with a
frame-length timeout; once idle it sleeps in short slices between event checks, because SDL's own
wait polls every millisecond on some video drivers (Xvfb/X11 measured at 3-4 % of a core), which a
sleep does not. The next scene is always the value a
scene's ``handle_event`` returns.
"""

from __future__ import annotations

import os
import time
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

import pygame
import pygame_gui

from game.ui.layout import Layout, effective_scale
from game.ui.palette import palette_for
from game.ui.scene import Context, QuitGame, Scene
from game.ui.settings import Settings, save_settings
from game.ui.theme import build_theme, font_sizes

if TYPE_CHECKING:
    from game.content import ContentBundle
Loader = Callable[[], tuple["ContentBundle | None", "str | None"]]

MIN_SIZE = (1024, 600)
SETTLE_S = 1.5  # keep redrawing this long after the last input (hover, tooltips, cursor)
ACTIVE_WAIT_MS = 33
IDLE_WAIT_MS = 1000
IDLE_SLICE_S = 0.025


class App:
    """Owns the window and the current scene."""

    def __init__(self, settings: Settings, content: "ContentBundle | None", content_error: str | None,
                 size: tuple[int, int] = (1280, 720), first: Callable[[Context], Scene] | None = None,
                 settings_message: str | None = None, loader: Loader | None = None,
                 data_paths: list[str] | None = None, records_dir: Path | None = None, player: str = "") -> None:
        pygame.display.init()
        pygame.font.init()
        pygame.key.set_repeat(400, 40)
        pygame.display.set_caption("Pressure Points")
        self.settings = settings
        self.windowed_size = size
        self.screen = self._open_window(size, settings.fullscreen)
        lay = Layout(self.screen.get_size(), effective_scale(self.screen.get_size(), settings.ui_scale))
        palette = palette_for(settings.colourblind, settings.high_contrast)
        self.ctx = Context(manager=self._make_manager(lay, palette), layout=lay, palette=palette,
                           settings=settings, content=content, content_error=content_error,
                           message=settings_message, data_paths=data_paths, records_dir=records_dir,
                           player=player)
        self.ctx.apply_settings = self.apply_settings
        self.loader = loader
        self.ctx.extra["loading"] = loader is not None
        self.clock_last = time.perf_counter()
        self.last_input = self.clock_last
        self.running = True
        self.frames = 0
        if first is None:
            from game.ui.scenes.title import TitleScene
            first = TitleScene
        self.scene: Scene = first(self.ctx)
        self.scene.enter()

    # ----- window and manager -------------------------------------------------------------------
    def _open_window(self, size: tuple[int, int], fullscreen: bool) -> pygame.Surface:
        if fullscreen:
            screen = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        else:
            screen = pygame.display.set_mode(size, pygame.RESIZABLE)
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    pygame.Window.from_display_module().minimum_size = MIN_SIZE
            except (AttributeError, pygame.error):
                pass
        return screen

    def _make_manager(self, lay: Layout, palette) -> pygame_gui.UIManager:
        manager = pygame_gui.UIManager(lay.size, build_theme(lay.scale, palette), enable_live_theme_updates=False)
        fonts = [{"name": "noto_sans", "point_size": s, "style": st} for s in {14, *font_sizes(lay.scale)}
                 for st in ("bold", "italic")]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            manager.preload_fonts(fonts)
        return manager

    def _relayout(self, force_manager: bool = False) -> None:
        """Recompute the layout for the window; rebuild the scene's widgets."""
        size = self.screen.get_size()
        scale = effective_scale(size, self.settings.ui_scale)
        palette = palette_for(self.settings.colourblind, self.settings.high_contrast)
        focus = self.scene.focus.index
        self.scene.exit()
        if force_manager or scale != self.ctx.layout.scale or palette != self.ctx.palette:
            self.ctx.manager = self._make_manager(Layout(size, scale), palette)
        else:
            self.ctx.manager.set_window_resolution(size)
        self.ctx.layout = Layout(size, scale)
        self.ctx.palette = palette
        self.scene.enter()
        if 0 <= focus < len(self.scene.focus.items):
            self.scene.focus.index = focus

    def resize(self, size: tuple[int, int]) -> None:
        """React to a new window size (also used by tests and the tour)."""
        size = (max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1]))
        if self.screen.get_size() != size:
            self.screen = pygame.display.set_mode(size, pygame.RESIZABLE)
        if not self.settings.fullscreen:
            self.windowed_size = size
        self._relayout()

    def apply_settings(self, settings: Settings) -> None:
        """Use new settings now and remember them."""
        settings = settings.clamped()
        old = self.settings
        self.settings = settings
        self.ctx.settings = settings
        message = save_settings(settings)
        if message:
            self.ctx.message = message
        if settings.fullscreen != old.fullscreen:
            self.screen = self._open_window(self.windowed_size, settings.fullscreen)
        self._relayout(force_manager=True)

    # ----- the loop ---------------------------------------------------------------------------------
    def switch(self, nxt: Scene) -> None:
        """Leave the current scene and enter the next."""
        if isinstance(nxt, QuitGame):
            self.running = False
            return
        self.scene.exit()
        self.scene = nxt
        self.scene.enter()

    def dispatch(self, event: pygame.event.Event) -> None:
        """Give one event to the widgets, then to the scene."""
        if event.type == pygame.QUIT:
            self.running = False
            return
        if event.type == pygame.VIDEORESIZE:
            self.resize((event.w, event.h))
            return
        if event.type == pygame.WINDOWSIZECHANGED:
            if self.screen.get_size() != self.ctx.layout.size:
                self._relayout()
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F5:
            self.reload()
            return
        self.ctx.ui_consumed = bool(self.ctx.manager.process_events(event))
        nxt = self.scene.handle_event(event)
        self.ctx.ui_consumed = False
        if nxt is not None and nxt is not self.scene:
            self.switch(nxt)

    def reload(self) -> None:
        """F5: read the data again; show its problems, or carry on with it."""
        from game.ui.reload import reload_data
        self.ctx.message = self.ctx.info = None
        nxt = reload_data(self.ctx, self.scene)
        if nxt is self.scene:
            self.scene.rebuild()
        else:
            self.switch(nxt)

    def step(self, events: Iterable[pygame.event.Event], force_draw: bool = False) -> bool:
        """Handle events, advance time and redraw if anything may have changed."""
        now = time.perf_counter()
        dt = min(0.25, now - self.clock_last)
        self.clock_last = now
        had = False
        for event in events:
            had = True
            if event.type not in (pygame.WINDOWMOVED, pygame.ACTIVEEVENT):
                self.last_input = now
            self.dispatch(event)
            if not self.running:
                return False
        self.ctx.manager.update(dt)
        self.scene.update(dt)
        notice = self.ctx.notice
        if notice is not None and now >= notice[1]:
            self.ctx.notice = None  # the notice has had its time: draw once more without it
            force_draw = True
        if force_draw or had or now - self.last_input < SETTLE_S:
            self.render()
        return self.running

    def render(self) -> None:
        """Draw the current scene and show it."""
        self.scene.draw(self.screen)
        pygame.display.flip()
        self.frames += 1

    def pump(self, force_draw: bool = False) -> bool:
        """Process everything queued now (tests post events, then pump)."""
        return self.step(pygame.event.get(), force_draw=force_draw)

    def finish_loading(self) -> None:
        """Load the data after the first frame is on screen, then refresh the scene."""
        if self.loader is None:
            return
        loader, self.loader = self.loader, None
        self.ctx.content, self.ctx.content_error = loader()
        self.ctx.extra["loading"] = False
        self.scene.rebuild()
        import gc
        gc.freeze()  # startup objects never die: keep them out of the collector's way

    def run(self) -> int:
        """Run until the player quits; returns the exit status."""
        self.render()
        self.finish_loading()
        self.render()
        while self.running:
            self.step(self.wait_events())
        self.scene.exit()  # scenes save what is pending (e.g. notes typed into the record)
        pygame.display.quit()
        return 0

    def wait_events(self) -> list[pygame.event.Event]:
        """Block until there are events or a timeout passes (short while settling, long when idle)."""
        if time.perf_counter() - self.last_input < SETTLE_S:
            first = pygame.event.wait(ACTIVE_WAIT_MS)
            return [] if first.type == pygame.NOEVENT else [first, *pygame.event.get()]
        deadline = time.perf_counter() + IDLE_WAIT_MS / 1000
        while True:
            events = pygame.event.get()
            if events or time.perf_counter() >= deadline:
                return events
            time.sleep(IDLE_SLICE_S)


def headless() -> bool:
    """True when running without a real display (tests, tour)."""
    return os.environ.get("SDL_VIDEODRIVER") == "dummy"
