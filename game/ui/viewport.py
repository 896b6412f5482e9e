"""The window as a view onto a larger canvas, for large UI scales on small windows.

Screens are laid out on a canvas at least ``MIN_W`` x ``MIN_H`` logical units (see
:func:`game.ui.layout.canvas_size`). When the canvas is larger than the window, the window shows a
part of it: the view follows the keyboard focus, and the mouse wheel (Shift for sideways) and
Ctrl+arrow keys scroll it. Mouse positions are turned into canvas positions before anything sees
them, so the widgets and the scenes work in canvas pixels throughout.
"""

from __future__ import annotations

import pygame
import pygame_gui

POS_EVENTS = (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION)
PAN_KEYS = {pygame.K_LEFT: (-1, 0), pygame.K_RIGHT: (1, 0), pygame.K_UP: (0, -1), pygame.K_DOWN: (0, 1)}


class Viewport:
    """Which part of the canvas the window shows."""

    def __init__(self, window: tuple[int, int], canvas: tuple[int, int]) -> None:
        self.window = window
        self.canvas = canvas
        self.x = 0
        self.y = 0

    @property
    def scrolls(self) -> bool:
        """Whether the canvas is larger than the window."""
        return self.canvas[0] > self.window[0] or self.canvas[1] > self.window[1]

    @property
    def rect(self) -> pygame.Rect:
        """The view in canvas pixels."""
        return pygame.Rect((self.x, self.y), self.window)

    def resize(self, window: tuple[int, int], canvas: tuple[int, int]) -> None:
        """A new window or canvas size (the view keeps its place where it can)."""
        self.window, self.canvas = window, canvas
        self.move_to(self.x, self.y)

    def move_to(self, x: int, y: int) -> None:
        """Put the view's top left corner at (x, y), kept on the canvas."""
        self.x = max(0, min(int(x), self.canvas[0] - self.window[0]))
        self.y = max(0, min(int(y), self.canvas[1] - self.window[1]))

    def pan(self, dx: int, dy: int) -> None:
        """Scroll by a number of pixels."""
        self.move_to(self.x + dx, self.y + dy)

    def reveal(self, rect: pygame.Rect | pygame.FRect, margin: int = 0) -> None:
        """Scroll as little as possible so that ``rect`` (canvas pixels) is in view."""
        view = self.rect
        target = pygame.Rect(rect).inflate(2 * margin, 2 * margin)
        x, y = view.x, view.y
        if target.w > view.w or target.left < view.left:
            x = target.left
        elif target.right > view.right:
            x = target.right - view.w
        if target.h > view.h or target.top < view.top:
            y = target.top
        elif target.bottom > view.bottom:
            y = target.bottom - view.h
        self.move_to(x, y)

    def centre_on(self, rect: pygame.Rect | pygame.FRect) -> None:
        """Put the view's centre on the centre of ``rect`` (as near as the canvas allows)."""
        centre = pygame.Rect(rect).center
        self.move_to(centre[0] - self.window[0] // 2, centre[1] - self.window[1] // 2)

    def to_canvas(self, pos: tuple[int, int]) -> tuple[int, int]:
        """A window position as a canvas position."""
        return pos[0] + self.x, pos[1] + self.y

    def to_window(self, pos: tuple[int, int]) -> tuple[int, int]:
        """A canvas position as a window position."""
        return pos[0] - self.x, pos[1] - self.y

    def translate(self, event: pygame.event.Event) -> pygame.event.Event:
        """The event with its mouse position in canvas pixels."""
        if event.type not in POS_EVENTS or not (self.x or self.y) or not hasattr(event, "pos"):
            return event
        data = dict(event.dict)
        data["pos"] = self.to_canvas(event.pos)
        return pygame.event.Event(event.type, data)

    def draw_bars(self, surface: pygame.Surface, colour: tuple[int, int, int], track: tuple[int, int, int],
                  thickness: int) -> None:
        """Scroll bars along the right and bottom edges showing where the view is on the canvas."""
        w, h = self.window
        cw, ch = self.canvas
        if ch > h:
            pygame.draw.rect(surface, track, (w - thickness, 0, thickness, h))
            pygame.draw.rect(surface, colour, (w - thickness, self.y * h // ch, thickness, max(thickness, h * h // ch)))
        if cw > w:
            pygame.draw.rect(surface, track, (0, h - thickness, w, thickness))
            pygame.draw.rect(surface, colour, (self.x * w // cw, h - thickness, max(thickness, w * w // cw), thickness))


class ViewManager(pygame_gui.UIManager):
    """A widget manager whose idea of the mouse position is in canvas pixels."""

    viewport: Viewport | None = None

    def _update_mouse_position(self) -> None:
        pos = pygame.mouse.get_pos()
        if self.viewport is not None:
            pos = self.viewport.to_canvas(pos)
        self.mouse_position = self.calculate_scaled_mouse_position(pos)
