"""A seeded monkey: 20,000 random events (mouse moves and clicks anywhere, random keys including
F5, resizes) across every scene, the debrief and the data problems overlay included. Nothing may
raise; quitting returns to the title screen."""

from __future__ import annotations

import random
import time

from tests.ui.helpers import make_app
from tests.ui.monkey import Monkey
from tests.ui.scenes import SCENE_FACTORIES

EVENTS = 20_000


def test_monkey_20000_events(content, saves):
    monkey = Monkey(make_app(content), content, random.Random(20240601), rotate_every=1000)
    start = time.perf_counter()
    while monkey.sent < EVENTS:
        monkey.step()
    elapsed = time.perf_counter() - start
    assert set(SCENE_FACTORIES) <= monkey.seen, monkey.seen
    print(f"monkey: {monkey.sent} events in {elapsed:.1f} s; scenes seen: {sorted(monkey.seen)}")
