"""The random-event monkey shared by the test (``test_monkey.py``) and the bench on a real X server
(``bench/monkey_x11.py``): random mouse moves, clicks, wheel turns, keys and resizes sent in batches,
with every scene visited in turn and a quit taken back to the title screen."""

from __future__ import annotations

import random
from collections.abc import Callable

import pygame

from game.ui.app import App
from game.ui.scenes import nav
from tests.ui.helpers import scene_of
from tests.ui.scenes import SCENE_FACTORIES, played_session

KEYS = [pygame.K_TAB, pygame.K_RETURN, pygame.K_ESCAPE, pygame.K_SPACE, pygame.K_LEFT, pygame.K_RIGHT,
        pygame.K_UP, pygame.K_DOWN, pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_F1, pygame.K_F2, pygame.K_F5, pygame.K_F10,
        pygame.K_BACKSPACE, pygame.K_END] + [ord(c) for c in "abcdefghijklmnopqrstuvwxyz0123456789"]
SIZES = [(1024, 600), (1280, 720), (1600, 900)]
BATCH = 10  # events posted between two frames


def random_event(rng: random.Random, size: tuple[int, int]) -> list[pygame.event.Event]:
    """One random input (a click is a move, a press and a release) inside a window of ``size``."""
    roll = rng.random()
    pos = (rng.randrange(size[0]), rng.randrange(size[1]))
    if roll < 0.5:
        return [pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))]
    if roll < 0.78:
        button = 1 if rng.random() < 0.9 else rng.choice([3, 4, 5])
        return [pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
                pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button),
                pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button)]
    if roll < 0.8:
        return [pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=rng.choice([-1, 1]), flipped=False, precise_x=0.0,
                                   precise_y=1.0)]
    if roll < 0.998:
        k = rng.choice(KEYS)
        mod = pygame.KMOD_SHIFT if rng.random() < 0.1 else 0
        text = chr(k) if 32 <= k < 127 else ""
        out = [pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=text, scancode=0)]
        if text:
            out.append(pygame.event.Event(pygame.TEXTINPUT, text=text))
        out.append(pygame.event.Event(pygame.KEYUP, key=k, mod=mod, unicode=text, scancode=0))
        return out
    w, h = rng.choice(SIZES)
    return [pygame.event.Event(pygame.VIDEORESIZE, w=w, h=h, size=(w, h))]


class Monkey:
    """Drives ``app`` one batch at a time: every ``rotate_every`` events the next scene of the list
    (starting ``offset`` scenes in) is shown over a game in progress, after ``before_rotation``;
    ``extra`` may add events after each random one (payloads, shortcuts)."""

    def __init__(self, app: App, content: object, rng: random.Random, rotate_every: int, offset: int = 0,
                 before_rotation: Callable[[], None] | None = None,
                 extra: Callable[[random.Random], list[pygame.event.Event]] | None = None) -> None:
        self.app, self.content, self.rng = app, content, rng
        self.rotate_every, self.offset = rotate_every, offset
        self.before_rotation, self.extra = before_rotation, extra
        self.rotation = list(SCENE_FACTORIES.values())
        self.sent = 0
        self.seen: set[str] = set()

    def _look(self) -> None:
        self.seen.update({self.app.scene.name, scene_of(self.app).name})

    def step(self) -> None:
        """One batch of events and one frame (a scene of the rotation first when it is due)."""
        app = self.app
        if self.sent % self.rotate_every == 0:  # visit every scene, not only those the monkey stumbles into
            if self.before_rotation is not None:
                self.before_rotation()
            app.ctx.session = played_session(self.content)
            app.switch(*self.rotation[(self.sent // self.rotate_every + self.offset) % len(self.rotation)](app.ctx))
            self._look()
        for _ in range(BATCH):
            for event in random_event(self.rng, app.screen.get_size()):
                pygame.event.post(event)
            for event in self.extra(self.rng) if self.extra is not None else ():
                pygame.event.post(event)
            self.sent += 1
        app.pump(force_draw=True)
        if not app.running:
            app.running = True
            app.switch(*nav.screen("title", app.ctx))
        self._look()
