"""The app: window, widget manager, the stack of scenes and the event loop.

The data is read on a worker thread while the title screen (which says so) is already on screen
and answers input. F5 anywhere reads the data files again (:mod:`game.ui.reload`). The loop waits for events and
redraws only after input (plus a short settling time for hover effects, tooltips and notices), so
an idle game uses almost no CPU. While settling it waits in ``pygame.event.wait`` with a
frame-length timeout; once idle it sleeps in short slices between event checks, because SDL's own
wait polls every millisecond on some video drivers (Xvfb/X11 measured at 3-4 % of a core), which a
sleep does not.

The app owns the stack of scenes. A scene's ``handle_event`` returns a transition
(:mod:`game.ui.transition`), applied at that scene's place in the stack. Only the top scene has
widgets, and, while the top ``passes_events`` (the tutorial), the scenes below it down to the first
that does not: those are the *live* scenes. Events go to the top live scene, or past an overlay
that does not claim them; every live scene is updated; only the top is drawn (an overlay draws
what it shows of the scene below, see ``Scene.draw_dimmed``).
"""

from __future__ import annotations

import os
import threading
import time
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pygame
import pygame_gui

from game.i18n import _, current_language
from game.ui.layout import Layout, canvas_size, effective_scale
from game.ui.palette import palette_for
from game.ui.scene import Context, Scene
from game.ui.scenes import nav
from game.ui.settings import Settings, save_settings
from game.ui.speech import Speaker, speech_log_path
from game.ui.theme import build_theme, font_sizes
from game.ui.transition import Pop, Push, Quit, Replace, Transition
from game.ui.viewport import PAN_KEYS, ViewManager, Viewport

if TYPE_CHECKING:
    from game.content import ContentBundle
    from game.contentcache import ContentBrief
Loader = Callable[[], tuple["ContentBundle | None", "str | None"]]

MIN_SIZE = (1024, 600)
SETTLE_S = 1.5  # keep redrawing this long after the last input (hover, tooltips, cursor)
ACTIVE_WAIT_MS = 33
IDLE_WAIT_MS = 1000
IDLE_SLICE_S = 0.025
LOADED = pygame.event.custom_type()  # posted by the thread that reads the data
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
        self.screen = self._open_window(size, settings.effective().fullscreen)
        window = self.screen.get_size()
        scale = effective_scale(window, settings.effective().ui_scale)
        self.viewport = Viewport(window, canvas_size(window, scale))
        self.canvas: pygame.Surface | None = None
        self._revealed: object = None
        self._fresh: object = None  # None until a new screen's first frame has placed the view
        lay = Layout(self.viewport.canvas, scale, self.viewport.rect)
        palette = palette_for(settings.colourblind, settings.high_contrast)
        self.ctx = Context(manager=self._make_manager(lay, palette), layout=lay, palette=palette,
                           settings=settings, content=content, content_error=content_error,
                           message=settings_message, data_paths=data_paths, records_dir=records_dir,
                           player=player)
        self.ctx.apply_settings = self.apply_settings
        self.ctx.brief = brief
        self.ctx.wait_for_content = self.wait_for_content
        self.ctx.speech = self._speaker(settings.speech)
        self._heard: tuple[str | None, str | None] = (None, None)
        self.loader = loader
        self.ctx.extra["loading"] = loader is not None
        self._pending: list[tuple[ContentBundle | None, str | None]] = []
        self._loading: threading.Thread | None = None
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
        manager = ViewManager(lay.size, build_theme(lay.scale, palette), enable_live_theme_updates=False,
                                       starting_language=current_language())  # pygame_gui's own widget texts
        fonts: list[dict[str, str | int | float]] = [{"name": "noto_sans", "point_size": s, "style": st}
                                                     for s in {14, *font_sizes(lay.scale)}
                 for st in ("bold", "italic")]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            manager.preload_fonts(fonts)
        manager.viewport = self.viewport
        return manager

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
            self.ctx.manager = self._make_manager(Layout(size, scale), palette)
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
            self.screen = self._open_window(self.windowed_size, settings.effective().fullscreen)
        self._relayout(force_manager=True)

    # ----- the loop ---------------------------------------------------------------------------------
    def show(self, *scenes: Scene) -> None:
        """Make ``scenes`` (bottom first) the whole stack: the live scenes leave, the new ones enter."""
        for scene in reversed(self.live() if self.stack else []):
            scene.exit()
        self.stack = list(scenes)
        self.viewport.move_to(0, 0)  # a new screen starts at its top left (an overlay: at its focused control)
        self._revealed = self._fresh = None
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
        i = self.stack.index(source) if source in self.stack else len(self.stack) - 1
        stack = list(self.stack)
        if isinstance(transition, Push):
            transition.scene.backdrop = (self.canvas or self.screen).copy()  # the frame on screen: the scene below, widgets and all
            stack.insert(i + 1, transition.scene)
        elif isinstance(transition, Pop):
            if len(stack) == 1:
                return  # nothing below the last scene: stay
            del stack[i]
        elif isinstance(transition, Replace):
            stack = list(transition.scenes) if transition.root else stack[:i] + list(transition.scenes) + stack[i + 1:]
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
            if self._pending:
                self._loaded(self._pending.pop())  # drawn by the step, after the widgets' update
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F5:
            self.reload()
            return
        if self.scroll_view(event):
            return
        event = self.viewport.translate(event)
        self.ctx.ui_consumed = bool(self.ctx.manager.process_events(event))
        scene = self.target(event)
        transition = scene.handle_event(event)
        self.ctx.ui_consumed = False
        if transition is not None:
            self.apply(transition, scene)
        self.voice_messages()

    def scroll_view(self, event: pygame.event.Event) -> bool:
        """Ctrl+arrows scroll a window that shows part of a larger canvas; so does the mouse wheel
        where no widget scrolls under it (Shift: sideways). Returns True when the event was used."""
        view = self.viewport
        if not view.scrolls:
            return False
        step = self.ctx.layout.px(80)
        if event.type == pygame.KEYDOWN and event.key in PAN_KEYS and event.mod & pygame.KMOD_CTRL:
            dx, dy = PAN_KEYS[event.key]
            view.pan(dx * step, dy * step)
        elif event.type == pygame.MOUSEWHEEL and not self._wheel_over_widget():
            sideways = bool(pygame.key.get_mods() & pygame.KMOD_SHIFT) or (event.x and not event.y)
            amount = -(event.y or event.x) * step
            view.pan(amount if sideways else 0, 0 if sideways else amount)
        else:
            return False
        self.ctx.layout.view = view.rect
        return True

    def _wheel_over_widget(self) -> bool:
        """Whether the mouse is over a widget that scrolls with the wheel itself (one with a scroll bar)."""
        from pygame_gui.elements import UIScrollingContainer, UISelectionList, UITextBox
        pos = self.viewport.to_canvas(pygame.mouse.get_pos())
        for element in self.ctx.manager.get_sprite_group().sprites():
            bar = getattr(element, "vert_scroll_bar" if isinstance(element, UIScrollingContainer) else "scroll_bar", None)
            if isinstance(element, (UITextBox, UIScrollingContainer, UISelectionList)) and bar is not None \
                    and element.alive() and element.visible and element.get_abs_rect().collidepoint(pos):
                return True
        return False

    def follow_focus(self) -> None:
        """Scroll the view to the focused widget when the focus has moved to one out of sight."""
        if not self.viewport.scrolls:
            return
        scene = self.target(pygame.event.Event(pygame.KEYDOWN, key=0, mod=0, unicode=""))
        current = scene.focus.current if scene.focus.by_keyboard else None
        if self._fresh is None and scene.below is not None and scene.focus.current is not None:
            self.viewport.centre_on(scene.focus.current.get_abs_rect())  # a new overlay: its menu in the middle
            current = scene.focus.current
        self._fresh = scene
        if current is not None and current is not self._revealed:
            self.viewport.reveal(current.get_abs_rect(), self.ctx.layout.px(24))
        self._revealed = current
        for live in self.live():  # something a scene wants seen (a chart being read, the tutorial's hint)
            wanted = live.attention
            if isinstance(wanted, pygame.Rect):
                self.viewport.reveal(wanted, self.ctx.layout.px(24))
            elif wanted is not None and wanted.alive():
                self.viewport.reveal(wanted.get_abs_rect(), self.ctx.layout.px(24))
            live.attention = None
        self.ctx.layout.view = self.viewport.rect

    def _speaker(self, enabled: bool) -> Speaker:
        """A speaker for the setting, logging to the user data folder."""
        speaker = Speaker(enabled, speech_log_path())
        if speaker.problem:  # said once, then the game goes on silent
            self.ctx.info = speaker.problem
        return speaker

    def voice_messages(self) -> None:
        """Read out a new refusal or result banner (self-voicing)."""
        heard = (self.ctx.message, self.ctx.info)
        if heard != self._heard:
            for text in heard:
                if text and text not in self._heard:
                    self.ctx.speech.say(text)
            self._heard = heard

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
        self.follow_focus()
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
        if self.loader is None:
            return
        loader, self.loader = self.loader, None
        self._loaded(loader())

    def start_loading(self) -> None:
        """Read the data on a worker thread while the first screen already answers input (it says
        the data is loading); the thread posts ``LOADED`` and the loop takes the result."""
        if self.loader is None:
            return
        loader, self.loader = self.loader, None
        box: list[tuple[ContentBundle | None, str | None]] = []

        def work() -> None:
            try:
                box.append(loader())
            except Exception as error:  # noqa: BLE001 - shown to the player on the title screen instead of a traceback
                box.append((None, _("The data could not be read: {name}: {error}").format(
                                      name=type(error).__name__, error=error)))
            pygame.event.post(pygame.event.Event(LOADED))

        self._pending = box
        self._loading = threading.Thread(target=work, name="load-data", daemon=True)
        self._loading.start()

    def wait_for_content(self) -> None:
        """Take the data now if it is still loading (an action on the title needs it before the
        worker thread has finished: at most the rest of the load)."""
        if self._loading is not None:
            self._loading.join()
        if self._pending:
            self._loaded(self._pending.pop())

    def _loaded(self, result: tuple[ContentBundle | None, str | None]) -> None:
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
            if self.loader is None:
                self._loaded((self.ctx.content, self.ctx.content_error))
        self.start_loading()
        while self.running:
            self.step(self.wait_events())
        for scene in reversed(self.live()):
            scene.exit()  # scenes save what is pending (e.g. notes typed into the record)
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
