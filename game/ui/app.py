"""The app: window, widget manager, the stack of scenes and the event loop.

The data is read on a worker thread while the title screen (which says so) is already on screen
and answers input (:mod:`game.ui.dataload`). A canvas larger than the window is scrolled and
follows the focus (:mod:`game.ui.viewfollow`). F5 anywhere reads the data files again
(:mod:`game.ui.reload`). The loop waits for events and redraws only after input (plus a short
settling time for hover effects, tooltips and notices), so an idle game uses almost no CPU
(:mod:`game.ui.window`).

The app owns the stack of scenes. A scene's ``handle_event`` returns a transition
(:mod:`game.ui.transition`), applied at that scene's place in the stack. Only the top scene has
widgets, and, while the top ``passes_events`` (the tutorial), the scenes below it down to the first
that does not: those are the *live* scenes. Events go to the top live scene, or past an overlay
that does not claim them; every live scene is updated; only the top is drawn (an overlay draws
what it shows of the scene below, see ``Scene.draw_dimmed``).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.i18n import _
from game.ui.dataload import LOADED, DataLoading, Loader, Result
from game.ui.layout import Layout, canvas_size, effective_scale
from game.ui.palette import palette_for
from game.ui.scene import Context, Scene
from game.ui.scenes import nav
from game.ui.settings import Settings, save_settings
from game.ui.speech import Speaker, speech_log_path
from game.ui.transition import Push, Quit, Transition, next_stack
from game.ui.viewfollow import ViewFollower
from game.ui.viewport import Viewport
from game.ui.window import MIN_SIZE, SETTLE_S, make_manager, open_window, wait_events

if TYPE_CHECKING:
    from game.content import ContentBundle
    from game.contentcache import ContentBrief

READY_ENV = "PRESSURE_POINTS_EXIT_WHEN_USABLE"  # bench: print FIRST FRAME and USABLE, then quit


class App:
    """Owns the window and the stack of scenes (bottom first)."""

    def __init__(self, settings: Settings, content: ContentBundle | None, content_error: str | None,
                 size: tuple[int, int] = (1280, 720), first: Callable[[Context], list[Scene]] | None = None,
                 settings_message: str | None = None, loader: Loader | None = None,
                 data_paths: list[str] | None = None, records_dir: Path | None = None, player: str = "",
                 brief: ContentBrief | None = None) -> None:
        pygame.display.init()
        pygame.font.init()
        pygame.key.set_repeat(400, 40)
        pygame.display.set_caption(_("Pressure Points"))
        self.settings = settings
        self.windowed_size = size
        self.screen = open_window(size, settings.effective().fullscreen)
        window = self.screen.get_size()
        scale = effective_scale(window, settings.effective().ui_scale)
        self.viewport = Viewport(window, canvas_size(window, scale))
        self.canvas: pygame.Surface | None = None
        self.view = ViewFollower(self)
        lay = Layout(self.viewport.canvas, scale, self.viewport.rect)
        palette = palette_for(settings.colourblind, settings.high_contrast)
        self.ctx = Context(manager=make_manager(lay, palette, self.viewport), layout=lay, palette=palette,
                           settings=settings, content=content, content_error=content_error,
                           message=settings_message, data_paths=data_paths, records_dir=records_dir,
                           player=player)
        self.ctx.apply_settings = self.apply_settings
        self.ctx.brief = brief
        self.ctx.wait_for_content = self.wait_for_content
        self.ctx.speech = self._speaker(settings.speech)
        self._heard: tuple[str | None, ...] = (None, None)
        self.data = DataLoading(loader, self._loaded)
        self.ctx.extra["loading"] = loader is not None
        self._usable_shown = False  # bench: USABLE printed
        self.clock_last = time.perf_counter()
        self.last_input = self.clock_last
        self.running = True
        self.frames = 0
        self.stack: list[Scene] = []
        self.show(*(first or nav.SCREENS["title"])(self.ctx))

    @property
    def scene(self) -> Scene:
        """The scene on top."""
        return self.stack[-1]

    def live(self) -> list[Scene]:
        """The scenes with widgets, bottom first: the top one, and the ones an overlay that
        ``passes_events`` lets work underneath it."""
        i = len(self.stack) - 1
        while i > 0 and self.stack[i].passes_events:
            i -= 1
        return self.stack[i:]

    # ----- window and manager -------------------------------------------------------------------
    def _relayout(self, force_manager: bool = False) -> None:
        """Recompute the layout for the window; rebuild the scene's widgets."""
        window = self.screen.get_size()
        scale = effective_scale(window, self.settings.effective().ui_scale)
        size = canvas_size(window, scale)
        self.viewport.resize(window, size)
        palette = palette_for(self.settings.colourblind, self.settings.high_contrast)
        live = self.live()
        focus = [scene.focus.index for scene in live]
        for scene in reversed(live):
            scene.exit()
        if force_manager or scale != self.ctx.layout.scale or palette != self.ctx.palette:
            self.ctx.manager = make_manager(Layout(size, scale), palette, self.viewport)
        else:
            self.ctx.manager.set_window_resolution(size)
        self.ctx.layout = Layout(size, scale, self.viewport.rect)
        self.ctx.palette = palette
        for scene, index in zip(live, focus):
            scene.enter()
            if 0 <= index < len(scene.focus.items):
                scene.focus.index = index

    def resize(self, size: tuple[int, int]) -> None:
        """React to a new window size (also used by tests and the tour)."""
        size = (max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1]))
        if self.screen.get_size() != size:
            self.screen = pygame.display.set_mode(size, pygame.RESIZABLE)
        if not self.settings.effective().fullscreen:
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
        if settings.speech != old.speech:
            self.ctx.speech.close()
            self.ctx.speech = self._speaker(settings.speech)
            self.ctx.speech.say(_("Speech on.") if settings.speech else _("Speech off."))
        if settings.effective().fullscreen != old.effective().fullscreen:
            self.screen = open_window(self.windowed_size, settings.effective().fullscreen)
        self._relayout(force_manager=True)

    # ----- the loop ---------------------------------------------------------------------------------
    def show(self, *scenes: Scene) -> None:
        """Make ``scenes`` (bottom first) the whole stack: the live scenes leave, the new ones enter."""
        for scene in reversed(self.live() if self.stack else []):
            scene.exit()
        self.stack = list(scenes)
        self.viewport.move_to(0, 0)  # a new screen starts at its top left (an overlay: at its focused control)
        self.view.new_screen()
        for i, scene in enumerate(self.stack):
            scene.below = self.stack[i - 1] if i else None
        for scene in self.live():
            scene.enter()

    switch = show  # tests and the tour put a screen up directly

    def apply(self, transition: Transition, source: Scene) -> None:
        """Apply a transition returned by ``source`` at its place in the stack."""
        if isinstance(transition, Quit):
            self.close()
            return
        if isinstance(transition, Push):
            transition.scene.backdrop = (self.canvas or self.screen).copy()  # the frame on screen: the scene below, widgets and all
        stack = next_stack(self.stack, transition, source)
        if stack is not self.stack:  # the same list: a Pop of the last scene, which stays
            self.show(*stack)

    def close(self) -> None:
        """Stop the loop; the game in progress is autosaved first with this month's plan, so Continue
        resumes exactly where the window was closed."""
        session = self.ctx.session
        if session is not None:
            session.save_now()
        self.running = False

    def target(self, event: pygame.event.Event) -> Scene:
        """The live scene an event is for: the top one, or the first below overlays that let it pass."""
        live = self.live()
        for scene in reversed(live[1:]):
            if scene.claims(event):
                return scene
        return live[0]

    def dispatch(self, event: pygame.event.Event) -> None:
        """Give one event to the widgets, then to the scene."""
        if event.type == pygame.QUIT:
            self.close()
            return
        if event.type == pygame.VIDEORESIZE:
            self.resize((event.w, event.h))
            return
        if event.type == pygame.WINDOWSIZECHANGED:
            if self.screen.get_size() != self.viewport.window:
                self._relayout()
            return
        if event.type == LOADED:
            self.data.take()  # drawn by the step, after the widgets' update
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F5:
            self.reload()
            return
        if self.view.scroll(event):
            return
        event = self.viewport.translate(event)
        self.ctx.ui_consumed = bool(self.ctx.manager.process_events(event))
        scene = self.target(event)
        transition = scene.handle_event(event)
        self.ctx.ui_consumed = False
        if transition is not None:
            self.apply(transition, scene)
        self.voice_messages()

    def _speaker(self, enabled: bool) -> Speaker:
        """A speaker for the setting, logging to the user data folder (a problem is said once)."""
        speaker = Speaker(enabled, speech_log_path())
        self.ctx.info = speaker.problem or self.ctx.info
        return speaker

    def voice_messages(self) -> None:
        """Read out a new refusal or result banner (self-voicing)."""
        self._heard = self.ctx.speech.say_new((self.ctx.message, self.ctx.info), self._heard)

    def reload(self) -> None:
        """F5: read the data again; show its problems, or carry on with it."""
        from game.ui.reload import reload_data
        self.ctx.message = self.ctx.info = None
        transition = reload_data(self.ctx, self.scene)
        if transition is None:
            for scene in self.live():
                scene.rebuild()
        else:
            self.apply(transition, self.scene)

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
        for scene in self.live():
            scene.update(dt)
            scene.join_overflowing()  # a text box whose text grew (a replay's result) can be read too
        notice = self.ctx.notice
        if notice is not None and now >= notice[1]:
            self.ctx.notice = None  # the notice has had its time: draw once more without it
            force_draw = True
        if force_draw or had or now - self.last_input < SETTLE_S:
            self.render()
        return self.running

    def render(self) -> None:
        """Draw the current scene and show it (the visible part of the canvas when it is larger)."""
        self.view.follow()
        view = self.viewport
        if not view.scrolls:
            self.canvas = None
            self.scene.draw(self.screen)
        else:
            if self.canvas is None or self.canvas.get_size() != view.canvas:
                self.canvas = pygame.Surface(view.canvas).convert()
            self.ctx.layout.view = view.rect
            self.scene.draw(self.canvas)
            self.screen.blit(self.canvas, (0, 0), view.rect)
            view.draw_bars(self.screen, self.ctx.palette.c("focus"), self.ctx.palette.c("panel"),
                           max(4, self.ctx.layout.px(4)))
        pygame.display.flip()
        self.frames += 1

    def pump(self, force_draw: bool = False) -> bool:
        """Process everything queued now (tests post events, then pump)."""
        return self.step(pygame.event.get(), force_draw=force_draw)

    def finish_loading(self) -> None:
        """Load the data now (tests, tools), then refresh the scenes."""
        self.data.now()

    def start_loading(self) -> None:
        """Read the data on a worker thread while the first screen already answers input."""
        self.data.start()

    def wait_for_content(self) -> None:
        """Take the data now if it is still loading (an action on the title needs it)."""
        self.data.wait()

    def _loaded(self, result: Result) -> None:
        self.ctx.content, self.ctx.content_error = result
        self.ctx.brief = None  # it stood in for the data until now; from here on the data (or its error) is shown
        self.ctx.extra["loading"] = False
        for scene in self.live():
            scene.data_arrived()
        import gc
        gc.freeze()  # startup objects never die: keep them out of the collector's way
        if os.environ.get(READY_ENV):  # measured by bench/bench_ui.py
            self._show_usable()
            print("DATA LOADED", flush=True)
            self.running = False

    def _show_usable(self) -> None:
        if not self._usable_shown:
            self._usable_shown = True
            print("USABLE", flush=True)

    def run(self) -> int:
        """Run until the player quits; returns the exit status."""
        self.ctx.manager.update(0.0)  # the widgets draw their images on their first update: the first frame shows them
        self.render()
        if os.environ.get(READY_ENV):
            print("FIRST FRAME", flush=True)
            if self.ctx.content is not None or self.ctx.brief is not None:  # the title's choices work
                self._show_usable()
            if not self.data.waiting:
                self._loaded((self.ctx.content, self.ctx.content_error))
        self.start_loading()
        while self.running:
            self.step(self.wait_events())
        for scene in reversed(self.live()):
            scene.exit()  # scenes save what is pending (e.g. notes typed into the record)
        pygame.display.quit()
        return 0

    def wait_events(self) -> list[pygame.event.Event]:
        """Block until there are events or a timeout passes (see ``window.wait_events``)."""
        return wait_events(self.last_input)


def headless() -> bool:
    """True when running without a real display (tests, tour)."""
    return os.environ.get("SDL_VIDEODRIVER") == "dummy"
