"""The scene base class (the context lives in :mod:`game.ui.context`).

Lifecycle (fixed): ``enter()`` builds the widgets, ``handle_event(event)`` returns a transition
(:mod:`game.ui.transition`) or None, ``update(dt)``, ``draw(surface)`` (never changes state) and
``exit()`` kills the widgets. The app owns the stack of scenes; it sets ``below`` (the scene under
this one) and calls ``rebuild()`` (exit's clean-up plus enter's build) when the window or the UI
scale changes. Scenes keep their state in plain attributes so that a rebuild loses nothing.
"""

from __future__ import annotations

import time
from typing import Any

import pygame
import pygame_gui
from pygame_gui.core import UIElement
from pygame_gui.elements import UIButton, UICheckBox, UITextBox

from game.i18n import _
from game.ui.banner import draw_banner, shade
from game.ui.context import Choice, Context
from game.ui.keyboard import TEXT_WIDGETS, FocusRing, describe, draw_focus_tip
from game.ui.layout import Layout
from game.ui.palette import Palette
from game.ui.scrolling import SCROLL_KEYS, scroll_key
from game.ui.shortcuts import draw_marks, plain_text
from game.ui.transition import Pop, Transition
from game.ui.widgetkit import Handler, Widgets, key_label

Outcome = Transition | None

__all__ = ["ARROWS", "Choice", "Context", "Handler", "Outcome", "Scene", "key_label"]
ARROWS = {pygame.K_LEFT: -1, pygame.K_UP: -1, pygame.K_RIGHT: 1, pygame.K_DOWN: 1}
ACTIVATE = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)


class FromWidgets:
    """A scene attribute that is the attribute of the same name (or ``name``) of the scene's widgets
    ``scene.ui`` (:class:`game.ui.widgetkit.Widgets`): ``self.button(...)`` is ``self.ui.button(...)``."""

    def __init__(self, name: str = "") -> None:
        self.name = name

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = self.name or name

    def __get__(self, scene: Scene | None, owner: type | None = None) -> Any:
        return self if scene is None else getattr(scene.ui, self.name)


class Scene:
    """Base of every screen; its widgets live in ``self.ui`` (see :class:`game.ui.widgetkit.Widgets`)."""

    name = "scene"
    passes_events = False
    """An overlay that lets the scene below it work as usual (the tutorial): the app keeps both
    scenes' widgets and gives the one below every event this one does not ``claim``."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.below: Scene | None = None
        self.backdrop: pygame.Surface | None = None  # the frame the scene was pushed over (overlays)
        self.targets: dict[str, pygame.Rect] = {}
        self.attention: UIElement | pygame.Rect | None = None  # to scroll into view (the window follows it)
        self.focus = FocusRing()
        self.ui = Widgets(ctx.manager, self.focus)

    # ----- the widgets (in ``self.ui``), also reachable on the scene as before ----------------------
    button = FromWidgets()
    label = FromWidgets()
    textbox = FromWidgets()
    panel = FromWidgets()
    dropdown = FromWidgets()
    checkbox = FromWidgets()
    elements = FromWidgets()
    actions = FromWidgets()
    reasons = FromWidgets()
    shortcuts = FromWidgets()
    choices = FromWidgets()
    toggles = FromWidgets()
    text_panels = FromWidgets()
    scrollers = FromWidgets()
    _keep = FromWidgets("keep")  # its old name

    # ----- lifecycle -------------------------------------------------------------------------
    def enter(self) -> None:
        """Build the widgets for the current window; text boxes that overflow join the focus ring
        last, so that Tab reaches them and the scroll keys read them to the end."""
        self.ui.open(self.ctx.manager, self.lay.size)
        self.build()
        self.join_overflowing()

    def join_overflowing(self) -> None:
        """Put text boxes that overflow (also ones whose text grew since) last in the focus ring."""
        for element in self.elements:
            if isinstance(element, UITextBox) and element.scroll_bar is not None and element not in self.focus.items:
                self.focus.add(element)

    def exit(self) -> None:
        """Kill the widgets."""
        self.ui.close()
        self.targets.clear()
        self.focus.clear()

    def rebuild(self) -> None:
        """Rebuild the widgets (after a resize or a change of model), keeping the focus."""
        index = self.focus.index
        self.exit()
        self.enter()
        if 0 <= index < len(self.focus.items):
            self.focus.index = index

    def build(self) -> None:
        """Create the widgets (subclasses)."""

    def data_arrived(self) -> None:
        """The data read at start-up is in ``ctx.content`` (or its error in ``ctx.content_error``)."""
        self.rebuild()

    def update(self, dt: float) -> None:
        """Advance time-based state (subclasses; most scenes have none)."""

    def back(self) -> Outcome:
        """What Esc does: leave this scene (subclasses change it)."""
        return Pop()

    def claims(self, event: pygame.event.Event) -> bool:
        """For an overlay that ``passes_events``: whether this event is its own."""
        return True

    def content_changed(self) -> None:
        """The data was reloaded (F5): drop anything cached from the old data (subclasses)."""

    def on_key(self, event: pygame.event.Event) -> Outcome:
        """Keys that are not shortcuts (subclasses)."""
        return None

    def on_event(self, event: pygame.event.Event) -> Outcome:
        """Any other event (subclasses)."""
        return None

    # ----- drawing -----------------------------------------------------------------------------
    @property
    def lay(self) -> Layout:
        """The current layout."""
        return self.ctx.layout

    @property
    def pal(self) -> Palette:
        """The current palette."""
        return self.ctx.palette

    def draw(self, surface: pygame.Surface) -> None:
        """Background, then widgets, then overlays. Never changes state."""
        self.draw_background(surface)
        self.ctx.manager.draw_ui(surface)
        self.draw_overlay(surface)

    def draw_background(self, surface: pygame.Surface) -> None:
        """Everything under the widgets (subclasses extend)."""
        surface.fill(self.pal.c("background"))

    def draw_dimmed(self, surface: pygame.Surface) -> None:
        """For an overlay scene's background: the scene below it, dimmed. When the overlay was pushed,
        the app kept the frame on screen (``backdrop``), so the scene below shows with its widgets (top
        bar, side panel); after a resize, or without one, the scene below draws its background."""
        backdrop = self.backdrop
        if backdrop is not None and backdrop.get_size() == surface.get_size():
            surface.blit(backdrop, (0, 0))
        elif self.below is not None:
            self.below.draw_background(surface)
        else:
            surface.fill(self.pal.c("background"))
        surface.blit(shade(surface.get_size()), (0, 0))

    def draw_overlay(self, surface: pygame.Surface) -> None:
        """Shortcut letters underlined, the focus ring, the message banner and a short notice (e.g. after F5)."""
        draw_marks(surface, self.ui.shortcuts, self.pal.c("text"), max(1, self.lay.px(1.5)))
        self.focus.draw(surface, self.pal.c("focus"), max(2, self.lay.px(2)), self.pal.c("halo"))
        if self.tab_moves_focus():
            draw_focus_tip(surface, self.focus, self.lay, self.pal)
        bottom = self.lay.visible.bottom - self.lay.px(48)
        if self.ctx.message:
            bottom = self.draw_message(surface, self.ctx.message) - self.lay.px(8)
        if self.ctx.info:
            info = self.ctx.info + _("  (any key or click to close)")
            bottom = self.draw_banner(surface, info, "good", bottom) - self.lay.px(8)
        notice = self.ctx.notice
        if notice is not None and time.perf_counter() < notice[1]:
            self.draw_banner(surface, notice[0], "good", bottom)

    def draw_message(self, surface: pygame.Surface, text: str) -> int:
        """A banner at the bottom centre with a message for the player; returns its top."""
        return self.draw_banner(surface, text + _("  (any key or click to close)"), "bad",
                                self.lay.visible.bottom - self.lay.px(48))

    def draw_banner(self, surface: pygame.Surface, text: str, edge: str, bottom: int) -> int:
        """Wrapped text in a box with a coloured border, centred above ``bottom``; returns its top."""
        return draw_banner(surface, self.lay, self.pal, text, edge, bottom)

    # ----- events ------------------------------------------------------------------------------
    def typing(self) -> bool:
        """True while a text entry has the keyboard."""
        return any(isinstance(e, TEXT_WIDGETS) for e in self.ctx.manager.get_focus_set() or ())

    def handle_event(self, event: pygame.event.Event) -> Outcome:
        """Dispatch one event; returns a transition or None."""
        etype = event.type
        if (self.ctx.message or self.ctx.info) and etype in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            self.ctx.message = self.ctx.info = None
            if etype == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
                return None
        if etype == pygame_gui.UI_BUTTON_PRESSED and event.ui_element in self.ui.actions:
            if self.tab_moves_focus():
                self.focus.focus(event.ui_element, self.ctx.manager)
            return self.ui.actions[event.ui_element]()
        if etype == pygame_gui.UI_DROP_DOWN_MENU_CHANGED and event.ui_element in self.ui.choices:
            choice = self.ui.choices[event.ui_element]
            choice.current = event.selected_option_id
            return choice.on_change(event.selected_option_id)
        if etype in (pygame_gui.UI_CHECK_BOX_CHECKED, pygame_gui.UI_CHECK_BOX_UNCHECKED) and event.ui_element in self.ui.toggles:
            return self.ui.toggles[event.ui_element](etype == pygame_gui.UI_CHECK_BOX_CHECKED)
        if etype == pygame.KEYDOWN:
            self.focus.by_keyboard = event.key == pygame.K_TAB or self.focus.by_keyboard
            return self.handle_key(event)
        if etype == pygame.MOUSEBUTTONDOWN:
            self.focus.by_keyboard = False
        if etype in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION) and self.ctx.ui_consumed:
            return None
        return self.on_event(event)

    def handle_key(self, event: pygame.event.Event) -> Outcome:
        """Esc, Tab focus traversal, Enter on the focused widget, arrows, then shortcuts."""
        key = event.key
        shift = bool(event.mod & pygame.KMOD_SHIFT)
        if key == pygame.K_ESCAPE:
            if self.typing():
                self.ctx.manager.set_focus_set(None)
                return None
            return self.back()
        if key == pygame.K_TAB and self.tab_moves_focus():
            self.focus.move(-1 if shift else 1, self.ctx.manager)
            if self.focus.current is not None:
                self.reveal(self.focus.current)
                self.ctx.speech.say(describe(self.focus.current))
            return None
        if self.typing() or (self.ctx.ui_consumed and key not in ACTIVATE):
            return None
        if (key == pygame.K_F1 and key not in self.shortcuts) or event.unicode == "?":  # (the tutorial's F1: next hint)
            from game.ui.scenes import nav
            return nav.keys(self.ctx, self.key_lines())
        current = self.focus.current if self.tab_moves_focus() else None
        if key in SCROLL_KEYS and isinstance(current, UITextBox) and scroll_key(current, key, self.lay.line_h()):
            return None
        if key in ACTIVATE and current is not None:
            return self.activate(current)
        if key in ARROWS and current is not None:
            if current in self.ui.choices:
                return self.step_choice(current, ARROWS[key])
            if self.focus.adjust(ARROWS[key]):
                return None
        target = self.ui.shortcuts.get(key)
        if target is not None:
            return self.activate(target) if isinstance(target, UIElement) else target()
        return self.on_key(event)

    def key_help(self) -> list[tuple[str, str]]:
        """Keys of this screen that are not shortcut buttons, as (key, what it does) (scenes add theirs)."""
        return []

    def key_lines(self) -> list[tuple[str, str]]:
        """(key, what it does) for this screen: its shortcut buttons, then its own keys."""
        lines: list[tuple[str, str]] = []
        for key, target in sorted(self.ui.shortcuts.items(), key=lambda item: key_label(item[0])):
            if isinstance(target, (UIButton, UICheckBox)):  # a tick box is named by its label, not its class
                text = plain_text(target.text, key)
                what = text if target.is_enabled else _("{action} (not available now)").format(action=text)
            else:
                doc = (getattr(target, "__doc__", None) or "").strip().splitlines()
                what = doc[0] if doc else _("a shortcut")
            lines.append((key_label(key), what))
        lines.extend(self.key_help())
        return lines

    def reaches(self, element: UIElement) -> bool:
        """Whether the scene's own keys reach a control that is neither in the Tab order nor on a
        shortcut (scenes with keys of their own say so; the layout checks ask)."""
        return False

    def tab_moves_focus(self) -> bool:
        """Whether Tab moves the widget focus (the map uses Tab for countries)."""
        return True

    def activate(self, element: UIElement) -> Outcome:
        """Press, toggle or step the widget as a click would; explain when it is disabled."""
        if not element.alive():
            return None
        if not element.is_enabled:
            self.ctx.message = self.ui.reasons.get(element, "That is not available now.")
            return None
        if element in self.ui.actions:
            if self.tab_moves_focus():
                self.focus.focus(element, self.ctx.manager)
            return self.ui.actions[element]()
        if element in self.ui.toggles and isinstance(element, UICheckBox):
            new = not bool(element.get_state())
            element.set_state(new)
            return self.ui.toggles[element](new)
        if element in self.ui.choices:
            return self.step_choice(element, 1)
        if isinstance(element, TEXT_WIDGETS):
            self.ctx.manager.set_focus_set(element)
        return None

    def step_choice(self, element: UIElement, step: int) -> Outcome:
        """Move a drop-down to the next or previous option (keyboard)."""
        choice = self.ui.choices[element]
        i = choice.ids.index(choice.current) if choice.current in choice.ids else 0
        choice.current = choice.ids[(i + step) % len(choice.ids)]
        result = choice.on_change(choice.current)
        if result is None:
            self.rebuild()
        return result

    def reveal(self, element: UIElement) -> None:
        """Scroll a scrolling column so that the element is in view."""
        box = self.ui.scrollers.get(id(element.ui_container))
        bar = getattr(box, "vert_scroll_bar", None)
        if box is None or bar is None:
            return
        total = max(1, box.get_container().get_rect().h)
        view = box.get_relative_rect().h
        top = total * bar.start_percentage
        rect = element.relative_rect
        if rect.y < top or rect.bottom > top + view:
            wanted = max(0, min(rect.y - view // 3, total - view))
            bar.set_scroll_from_start_percentage(wanted / total)
            box.update(0.0)
