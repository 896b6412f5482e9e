"""What the window shows of a canvas larger than itself: scrolling it (Ctrl+arrows, the mouse
wheel where no widget scrolls) and following what the player should see (the keyboard focus, a new
overlay's menu, what a scene asks to be seen: a chart being read, the tutorial's hint).

``ViewFollower`` is owned by the app; it reads the app's stack and moves the app's ``Viewport``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.viewport import PAN_KEYS

if TYPE_CHECKING:
    from game.ui.app import App

KEY_PROBE = pygame.event.Event(pygame.KEYDOWN, key=0, mod=0, unicode="")  # which scene would get a key


class ViewFollower:
    """Scrolls the app's view on request and keeps the focus and what scenes want seen in sight."""

    def __init__(self, app: App) -> None:
        self.app = app
        self._revealed: object = None
        self._fresh: object = None  # None until a new screen's first frame has placed the view

    def new_screen(self) -> None:
        """A new screen is shown: its first frame places the view again."""
        self._revealed = None
        self._fresh = None

    def scroll(self, event: pygame.event.Event) -> bool:
        """Ctrl+arrows scroll a window that shows part of a larger canvas; so does the mouse wheel
        where no widget scrolls under it (Shift: sideways). Returns True when the event was used."""
        view, ctx = self.app.viewport, self.app.ctx
        if not view.scrolls:
            return False
        step = ctx.layout.px(80)
        if event.type == pygame.KEYDOWN and event.key in PAN_KEYS and event.mod & pygame.KMOD_CTRL:
            dx, dy = PAN_KEYS[event.key]
            view.pan(dx * step, dy * step)
        elif event.type == pygame.MOUSEWHEEL and not self._wheel_over_widget():
            sideways = bool(pygame.key.get_mods() & pygame.KMOD_SHIFT) or (event.x and not event.y)
            amount = -(event.y or event.x) * step
            view.pan(amount if sideways else 0, 0 if sideways else amount)
        else:
            return False
        ctx.layout.view = view.rect
        return True

    def _wheel_over_widget(self) -> bool:
        """Whether the mouse is over a widget that scrolls with the wheel itself (one with a scroll bar)."""
        from pygame_gui.elements import UIScrollingContainer, UISelectionList, UITextBox
        pos = self.app.viewport.to_canvas(pygame.mouse.get_pos())
        for element in self.app.ctx.manager.get_sprite_group().sprites():
            bar = getattr(element, "vert_scroll_bar" if isinstance(element, UIScrollingContainer) else "scroll_bar", None)
            if isinstance(element, (UITextBox, UIScrollingContainer, UISelectionList)) and bar is not None \
                    and element.alive() and element.visible and element.get_abs_rect().collidepoint(pos):
                return True
        return False

    def follow(self) -> None:
        """Scroll the view to the focused widget when the focus has moved to one out of sight."""
        app = self.app
        view, lay = app.viewport, app.ctx.layout
        if not view.scrolls:
            return
        scene = app.target(KEY_PROBE)
        current = scene.focus.current if scene.focus.by_keyboard else None
        if self._fresh is None and scene.below is not None and scene.focus.current is not None:
            view.centre_on(scene.focus.current.get_abs_rect())  # a new overlay: its menu in the middle
            current = scene.focus.current
        self._fresh = scene
        if current is not None and current is not self._revealed:
            view.reveal(current.get_abs_rect(), lay.px(24))
        self._revealed = current
        for live in app.live():  # something a scene wants seen (a chart being read, the tutorial's hint)
            wanted = live.attention
            if isinstance(wanted, pygame.Rect):
                view.reveal(wanted, lay.px(24))
            elif wanted is not None and wanted.alive():
                view.reveal(wanted.get_abs_rect(), lay.px(24))
            live.attention = None
        lay.view = view.rect
