"""UI benchmark: the game against a framework floor, measured in the same run.

    python bench/bench_ui.py [--frames 600] [--idle 10] [--json out.json]

Floor: a bare pygame_gui window with 40 buttons and a text box (the least any pygame_gui app
costs). Measured for both, at 1280x720:

* startup: wall time from launching a fresh process to its first frame, to its first *usable*
  frame and to the data being loaded (the game: ``python main.py`` as a player starts it; usable:
  the title screen drawn with its choices working, New game included, which the content cache's
  brief allows before the data itself is in memory; a New game pressed before then waits for the
  rest of the load), floor and game launched in turn and compared pair by pair (median ratio).
  One launch first fills the bench's own content cache, and the game's modules are compiled to
  bytecode as an install does, so each pair measures the usual start;
* frame time on the map scene (median and p99) while the mouse moves over the map and the side
  panel's buttons (so widget hover is exercised), against the
  floor's frame (events, update, draw, flip) while the mouse moves over its buttons;
* CPU while idle for ``--idle`` seconds (no input), as a share of one core. The floor runs the
  usual pygame_gui loop (``clock.tick(60)``); the game sleeps until input.

Goals: startup <= 1.5x the floor's, map median <= 2x the floor's, p99 <= 8 ms, idle <= 2 %.
Uses SDL's dummy video driver unless DISPLAY is set and --display is given.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SIZE = (1280, 720)

FLOOR_SNIPPET = r"""
import pygame, pygame_gui
pygame.display.init(); pygame.font.init()
screen = pygame.display.set_mode((1280, 720), pygame.RESIZABLE)
manager = pygame_gui.UIManager((1280, 720))
for i in range(40):
    pygame_gui.elements.UIButton(pygame.Rect(10 + (i % 8) * 150, 10 + (i // 8) * 40, 140, 32), f"Button {i}", manager=manager)
pygame_gui.elements.UITextBox("<b>Floor</b><br>" + "Some text. " * 80, pygame.Rect(10, 230, 600, 300), manager=manager)
manager.update(0.0); screen.fill((20, 27, 34)); manager.draw_ui(screen); pygame.display.flip()
print("READY", flush=True)
"""

GAME_COMMAND = [sys.executable, str(REPO / "main.py")]  # the real entry point, as a player starts it
GAME_ENV = {"PRESSURE_POINTS_EXIT_WHEN_USABLE": "1"}  # the app prints FIRST FRAME, USABLE and DATA LOADED, then quits
GAME_MARKERS = ("FIRST FRAME", "USABLE", "DATA LOADED")


def launch_times(command: list[str], markers: tuple[str, ...], env: dict[str, str] | None = None) -> dict[str, float]:
    """Wall time from launching a fresh process to each marker line it prints."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=REPO,
                            env={**os.environ, **(env or {})})
    assert proc.stdout is not None
    found: dict[str, float] = {}
    for line in proc.stdout:
        for marker in markers:
            if line.startswith(marker) and marker not in found:
                found[marker] = time.perf_counter() - start
        if len(found) == len(markers):
            break
    proc.kill()
    proc.wait()
    missing = [m for m in markers if m not in found]
    if missing:
        raise SystemExit(f"bench: {command[-1]} never printed {missing}")
    return found


def startup_pairs(runs: int) -> dict[str, float]:
    """Floor and game launched in turn (paired, interleaved, so machine load hits both alike); the
    medians of the times and of the per-pair ratios (first frame, first usable frame)."""
    import compileall

    compileall.compile_dir(str(REPO / "game"), quiet=1)  # as installing the game does (PYTHONDONTWRITEBYTECODE or not)
    launch_times(GAME_COMMAND, GAME_MARKERS, GAME_ENV)  # fills the content cache if the data or code changed
    floor, first, usable, loaded, r_first, r_usable, r_loaded = [], [], [], [], [], [], []
    for _ in range(runs):
        f = launch_times([sys.executable, "-c", FLOOR_SNIPPET], ("READY",))["READY"]
        g = launch_times(GAME_COMMAND, GAME_MARKERS, GAME_ENV)
        floor.append(f)
        first.append(g["FIRST FRAME"])
        usable.append(g["USABLE"])
        loaded.append(g["DATA LOADED"])
        r_first.append(g["FIRST FRAME"] / f)
        r_usable.append(g["USABLE"] / f)
        r_loaded.append(g["DATA LOADED"] / f)
    med = statistics.median
    return {"floor": med(floor), "first_frame": med(first), "usable": med(usable), "data_loaded": med(loaded),
            "ratio_first_frame": med(r_first), "ratio_usable": med(r_usable), "ratio_data_loaded": med(r_loaded)}


def floor_frames(frames: int) -> tuple[list[float], float]:
    """Frame times of the bare window and its idle CPU share (standard 60 fps loop)."""
    import pygame
    import pygame_gui

    screen = pygame.display.set_mode(SIZE, pygame.RESIZABLE)
    manager = pygame_gui.UIManager(SIZE)
    for i in range(40):
        pygame_gui.elements.UIButton(pygame.Rect(10 + (i % 8) * 150, 10 + (i // 8) * 40, 140, 32), f"Button {i}",
                                     manager=manager)
    pygame_gui.elements.UITextBox("<b>Floor</b><br>" + "Some text. " * 80, pygame.Rect(10, 230, 600, 300),
                                  manager=manager)
    rng = random.Random(1)
    times = []
    for _ in range(frames):
        pos = (rng.randrange(10, 1210), rng.randrange(10, 210))
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
        start = time.perf_counter()
        for event in pygame.event.get():
            manager.process_events(event)
        manager.update(1 / 60)
        screen.fill((20, 27, 34))
        manager.draw_ui(screen)
        pygame.display.flip()
        times.append(time.perf_counter() - start)
    return times, screen


def floor_idle(seconds: float) -> float:
    """CPU share of the usual pygame_gui loop doing nothing for a while."""
    import pygame
    import pygame_gui

    screen = pygame.display.get_surface()
    manager = pygame_gui.UIManager(SIZE)
    for i in range(40):
        pygame_gui.elements.UIButton(pygame.Rect(10 + (i % 8) * 150, 10 + (i // 8) * 40, 140, 32), f"Button {i}",
                                     manager=manager)
    clock = pygame.time.Clock()
    cpu, wall = time.process_time(), time.perf_counter()
    while time.perf_counter() - wall < seconds:
        dt = clock.tick(60) / 1000
        for event in pygame.event.get():
            manager.process_events(event)
        manager.update(dt)
        screen.fill((20, 27, 34))
        manager.draw_ui(screen)
        pygame.display.flip()
    return (time.process_time() - cpu) / (time.perf_counter() - wall)


def game_frames(frames: int):
    """Frame times on the map scene of a game in progress, and the app."""
    import pygame

    from game.ui.app import App
    from game.ui.launch import load_data
    from game.ui.scenes import nav
    from game.ui.session import Session
    from game.ui.settings import Settings

    content, _ = load_data(None)
    app = App(Settings(), content, None, size=SIZE)
    app.ctx.session = Session.start(content, "default", "balanced", 7)
    app.switch(nav.map_scene(app.ctx))
    app.pump(force_draw=True)
    view = app.scene.view
    rng = random.Random(1)
    times = []
    buttons = [e.get_abs_rect() for e in app.scene.ui.actions if e.alive()]
    for i in range(frames):
        if i % 2 and buttons:  # every other frame over one of the scene's buttons: widget hover and tooltips
            pos = rng.choice(buttons).center
        else:
            pos = (rng.randrange(view.rect.left, view.rect.right), rng.randrange(view.rect.top, view.rect.bottom))
        event = pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
        start = time.perf_counter()
        app.step([event], force_draw=True)
        times.append(time.perf_counter() - start)
    return times, app


def game_idle(app, seconds: float) -> float:
    """CPU share of the game's own loop with no input (after the settling time)."""
    settle = time.perf_counter() + 2.0
    while time.perf_counter() < settle:
        app.step(app.wait_events())
    cpu, wall = time.process_time(), time.perf_counter()
    while time.perf_counter() - wall < seconds:
        app.step(app.wait_events())
    return (time.process_time() - cpu) / (time.perf_counter() - wall)


def p99(values: list[float]) -> float:
    """The 99th percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    """Run every measurement and print a table; returns 0 when every goal is met."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=600)
    parser.add_argument("--idle", type=float, default=10.0)
    parser.add_argument("--runs", type=int, default=5, help="startup pairs (median)")
    parser.add_argument("--display", action="store_true", help="use the real display (DISPLAY)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    if not args.display:
        os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PRESSURE_POINTS_CONFIG_DIR", str(Path("/tmp") / "pp-bench-config"))
    os.environ.setdefault("PRESSURE_POINTS_DATA_DIR", str(Path("/tmp") / "pp-bench-data"))
    os.environ.setdefault("PRESSURE_POINTS_CACHE_DIR", str(Path("/tmp") / "pp-bench-cache"))
    sys.path.insert(0, str(REPO))
    import pygame

    pygame.display.init()
    pygame.font.init()
    starts = startup_pairs(args.runs)
    floor_times, _ = floor_frames(args.frames)
    idle_floor = floor_idle(args.idle)
    import gc
    gc.collect()
    gc.freeze()  # as the game does after loading
    game_times, app = game_frames(args.frames)
    idle_game = game_idle(app, args.idle)
    figures = {
        "startup_s": {**starts, "goal_ratio": 1.5},
        "map_frame_median_ms": {"game": 1000 * statistics.median(game_times), "floor": 1000 * statistics.median(floor_times),
                                "ratio": statistics.median(game_times) / statistics.median(floor_times), "goal_ratio": 2.0},
        "map_frame_p99_ms": {"game": 1000 * p99(game_times), "floor": 1000 * p99(floor_times),
                             "ratio": p99(game_times) / p99(floor_times), "goal_ms": 8.0},
        "idle_cpu_share": {"game": idle_game, "floor": idle_floor, "ratio": idle_game / max(idle_floor, 1e-9),
                           "goal": 0.02},
    }
    ok = (starts["ratio_usable"] <= 1.5 and figures["map_frame_median_ms"]["ratio"] <= 2.0
          and figures["map_frame_p99_ms"]["game"] <= 8.0 and idle_game <= 0.02)
    print(f"{'measure':<22}{'game':>10}{'floor':>10}{'ratio':>8}  goal")
    print(f"{'first frame (s)':<22}{starts['first_frame']:>10.3f}{starts['floor']:>10.3f}{starts['ratio_first_frame']:>8.2f}  (info)")
    print(f"{'first usable (s)':<22}{starts['usable']:>10.3f}{starts['floor']:>10.3f}{starts['ratio_usable']:>8.2f}  <= 1.5x")
    print(f"{'data loaded (s)':<22}{starts['data_loaded']:>10.3f}{starts['floor']:>10.3f}{starts['ratio_data_loaded']:>8.2f}  (info)")
    f = figures["map_frame_median_ms"]
    print(f"{'map frame median (ms)':<22}{f['game']:>10.2f}{f['floor']:>10.2f}{f['ratio']:>8.2f}  <= 2x")
    f = figures["map_frame_p99_ms"]
    print(f"{'map frame p99 (ms)':<22}{f['game']:>10.2f}{f['floor']:>10.2f}{f['ratio']:>8.2f}  <= 8 ms")
    print(f"{'idle CPU (% core)':<22}{100 * idle_game:>10.2f}{100 * idle_floor:>10.2f}"
          f"{idle_game / max(idle_floor, 1e-9):>8.2f}  <= 2 %")
    print("all goals met" if ok else "SOME GOALS MISSED")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
