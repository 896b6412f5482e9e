"""A seeded monkey: 20,000 random events (mouse moves and clicks anywhere, random keys including
F5, resizes) across every scene, the debrief and the data problems overlay included. Nothing may
raise; quitting returns to the title screen."""

from __future__ import annotations

import random
import time

import pygame

from game.ui.scenes import nav
from tests.ui.helpers import make_app, scene_of
from tests.ui.scenes import SCENE_FACTORIES, played_session

KEYS = [pygame.K_TAB, pygame.K_RETURN, pygame.K_ESCAPE, pygame.K_SPACE, pygame.K_LEFT, pygame.K_RIGHT,
        pygame.K_UP, pygame.K_DOWN, pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_F1, pygame.K_F2, pygame.K_F5, pygame.K_F10,
        pygame.K_BACKSPACE, pygame.K_END] + [ord(c) for c in "abcdefghijklmnopqrstuvwxyz0123456789"]
SIZES = [(1024, 600), (1280, 720), (1600, 900)]
EVENTS = 20_000
BATCH = 10


def random_event(rng: random.Random, size: tuple[int, int]) -> list[pygame.event.Event]:
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


def test_monkey_20000_events(content, saves):
    rng = random.Random(20240601)
    app = make_app(content)
    seen: set[str] = set()
    start = time.perf_counter()
    sent = 0
    rotation = list(SCENE_FACTORIES.values())
    while sent < EVENTS:
        if sent % 1000 == 0:  # visit every scene, not only those the monkey stumbles into
            app.ctx.session = played_session(content)
            app.switch(*rotation[(sent // 1000) % len(rotation)](app.ctx))
            seen.update({app.scene.name, scene_of(app).name})
        for _ in range(BATCH):
            for event in random_event(rng, app.screen.get_size()):
                pygame.event.post(event)
            sent += 1
        app.pump(force_draw=True)
        if not app.running:
            app.running = True
            app.switch(*nav.screen("title", app.ctx))
        seen.update({app.scene.name, scene_of(app).name})
    elapsed = time.perf_counter() - start
    assert elapsed < 90, f"the monkey took {elapsed:.0f} s"
    assert set(SCENE_FACTORIES) <= seen, seen
    print(f"monkey: {sent} events in {elapsed:.1f} s; scenes seen: {sorted(seen)}")
