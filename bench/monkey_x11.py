"""A random-event monkey on a real X server: every scene, F5 with broken and good data, the debrief,
odd saves on the Load screen and injection payloads typed and pasted into every text field.

Run under Xvfb (not part of the test suite at this size)::

    Xvfb :52 -screen 0 1600x900x24 &
    DISPLAY=:52 python bench/monkey_x11.py --events 20000 --seeds 1 2 3

Prints the events sent, the exceptions caught (with their tracebacks) and the scenes seen; exits 1
when anything raised. ``--driver dummy`` runs it without X.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PAYLOADS = ["\u200b", "\u202e", "\u200b\u202e\ufeff\u2066\ufe0f", "=cmd|' /C calc'!A0", "\r=4+4", "<b>x</b><script>",
            "a\u0301", "\x00", "\n\t\r", "中文 العربية 𝕏", "%s{0}", "x" * 350, "Moved on tariffs in 2019."]
DEEP = "[" * 1000 + "]" * 1000


def _odd_saves(folder: Path, content) -> None:
    """A good save, one dated NaN, one dated 1e300, one with an invisible label, a deep one and garbage."""
    from game.ui import storage
    from game.ui.session import Session
    session = Session.start(content, "default", "balanced", 3)
    for stamp, label in ((None, None), (float("nan"), "Saved game"), (1e300, "\u200b"), ("soon", "=1+1")):
        path = storage.manual_save(session.state, session.notes)
        if stamp is not None:
            data = json.loads(path.read_text(encoding="utf-8"))
            data["ui"]["saved_at"], data["ui"]["label"] = stamp, label
            path.write_text(json.dumps(data, allow_nan=True), encoding="utf-8")
        time.sleep(1.01)  # the manual saves are named by the second
    (folder / "deep.json").write_text(DEEP, encoding="utf-8")
    (folder / "garbage.json").write_bytes(b"\x00\xff not a save")


def _break_data(data: Path, good: dict[str, bytes], rng: random.Random) -> None:
    """Restore the data, then (two times out of three) damage one file: garbage, a cut, or a deleted table."""
    for name, blob in good.items():
        (data / name).write_bytes(blob)
    roll = rng.random()
    if roll < 1 / 3:
        return
    name = rng.choice(sorted(good))
    blob = good[name]
    if roll < 0.55:
        cut = rng.randrange(len(blob))
        (data / name).write_bytes(blob[:cut])
    elif roll < 0.75:
        (data / name).write_bytes(blob + b"\n[[[ = \"\\UFFFFFFFF\"\n" + DEEP.encode())
    else:
        i = rng.randrange(len(blob))
        (data / name).write_bytes(blob[:i] + bytes([rng.randrange(256)]) + blob[i + 1:])


def run(seed: int, events: int, driver: str) -> tuple[int, list[str], set[str]]:
    """One seeded run; returns the events sent, the tracebacks caught and the scenes seen."""
    import pygame

    from game.loading import load_content
    from game.ui import entry
    from game.ui.app import App
    from tests.ui.helpers import make_app
    from tests.ui.monkey import Monkey

    work = Path(tempfile.mkdtemp(prefix=f"pp-monkey-{seed}-"))
    os.environ["PRESSURE_POINTS_DATA_DIR"] = str(work / "user")
    os.environ["PRESSURE_POINTS_CONFIG_DIR"] = str(work / "config")
    data = work / "data"
    shutil.copytree(ROOT / "data", data)
    good = {p.name: p.read_bytes() for p in data.glob("*.toml")}
    content = load_content().bundle
    assert content is not None
    from game.ui import storage
    storage.saves_dir().mkdir(parents=True, exist_ok=True)
    _odd_saves(storage.saves_dir(), content)

    rng = random.Random(seed)
    entry.paste_source = lambda: rng.choice(PAYLOADS)

    def fresh_app() -> App:
        app = make_app(content)
        app.ctx.data_paths = [str(data)]
        return app

    def extra(rng: random.Random) -> list[pygame.event.Event]:
        """Now and then an injection payload typed, a paste or F5 (the data may be broken)."""
        roll = rng.random()
        if roll < 0.03:
            return [pygame.event.Event(pygame.TEXTINPUT, text=rng.choice(PAYLOADS))]
        if roll < 0.04:
            return [pygame.event.Event(pygame.KEYDOWN, key=pygame.K_v, mod=pygame.KMOD_CTRL, unicode="v", scancode=0)]
        if roll < 0.042:
            return [pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F5, mod=0, unicode="", scancode=0)]
        return []

    monkey = Monkey(fresh_app(), content, rng, rotate_every=2000, offset=seed * 5,
                    before_rotation=lambda: _break_data(data, good, rng), extra=extra)
    errors: list[str] = []
    while monkey.sent < events:
        try:
            monkey.step()
        except Exception:  # noqa: BLE001 - the monkey's whole job: count and show every exception, then go on
            errors.append(traceback.format_exc())
            monkey.app = fresh_app()
    sent, seen = monkey.sent, monkey.seen
    pygame.quit()
    shutil.rmtree(work, ignore_errors=True)
    print(f"seed {seed} ({driver}): {sent} events, {len(errors)} exceptions, scenes seen: {sorted(seen)}", flush=True)
    return sent, errors, seen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20_000, help="events per seed")
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--driver", default="x11", help="SDL video driver (x11 needs DISPLAY)")
    args = parser.parse_args()
    os.environ["SDL_VIDEODRIVER"] = args.driver
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    total, errors, seen = 0, [], set()
    start = time.perf_counter()
    for seed in args.seeds:
        sent, caught, scenes = run(seed, args.events, args.driver)
        total += sent
        errors += caught
        seen |= scenes
    for error in errors[:10]:
        print(error)
    print(f"monkey: {total} events over seeds {args.seeds} in {time.perf_counter() - start:.0f} s, "
          f"{len(errors)} exceptions; scenes seen: {len(seen)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
