"""Golden records: one fixed orders file per scenario and the record it must produce.

``tests/golden/SCENARIO.orders.json`` is a scripted game (scenario, mandate, seed and each month's
actions); ``tests/golden/SCENARIO.record.json`` is what ``replay --json`` prints for it. The test
``tests/test_golden.py`` replays every orders file and compares, so a change to the engine or the
shipped data that alters any game shows up as a failing test instead of silently changing every
class's records.

After a deliberate change, regenerate the records (one command, from the repository root):

    python tools/golden.py

``--new-orders`` also writes new orders files (needed when the rules now refuse an old order, or
for a new scenario; orders for a scenario without a file are always written).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game.commands._scripting import read_orders  # noqa: E402 - after the path set-up above
from game.commands.replay import Replay, document, play, start  # noqa: E402
from game.content import ContentBundle  # noqa: E402
from game.engine import Impossible, action_to_dict, apply, compile_rules, end_turn, legal_actions, new_game  # noqa: E402
from game.loading import load_content  # noqa: E402

GOLDEN = ROOT / "tests" / "golden"
SEED = 20240601
ACTIONS_PER_MONTH = 3


def orders_path(scenario: str) -> Path:
    """Where a scenario's orders file lives."""
    return GOLDEN / f"{scenario}.orders.json"


def record_path(scenario: str) -> Path:
    """Where a scenario's expected record lives."""
    return GOLDEN / f"{scenario}.record.json"


def make_orders(bundle: ContentBundle, scenario: str, seed: int = SEED) -> dict[str, Any]:
    """A varied, legal scripted game: each month up to three actions drawn (seeded) from the legal ones."""
    mandate = sorted(bundle.scenarios[scenario].mandates)[0]
    state = new_game(compile_rules(bundle, scenario), scenario, mandate, seed)
    rng = random.Random(seed)
    turns: list[list[dict[str, Any]]] = []
    while not state.is_over:
        plan: list[dict[str, Any]] = []
        for _ in range(ACTIONS_PER_MONTH):
            options = legal_actions(state)
            if not options:
                break
            action = rng.choice(options)
            try:
                apply(state, action)
            except Impossible:
                continue
            plan.append({"kind": action.kind, **action_to_dict(action)})
        turns.append(plan)
        end_turn(state)
    return {"description": f"Golden game for scenario '{scenario}' (written by tools/golden.py).",
            "scenario": scenario, "mandate": mandate, "seed": seed, "turns": turns}


def expected_record(bundle: ContentBundle, orders_file: Path) -> dict[str, Any]:
    """What ``replay --json`` gives for the orders file, as plain JSON data."""
    orders = read_orders(orders_file)
    state = start(bundle, orders)
    replay = Replay(state)
    play(state, orders, False, replay)
    return json.loads(json.dumps(document(replay)))


def write_json(path: Path, data: Any) -> None:
    """Indented JSON with a final newline (diffs stay readable)."""
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Regenerate every golden record (and, with ``--new-orders``, the orders)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--new-orders", action="store_true", help="write new orders files too")
    args = parser.parse_args(argv)
    result = load_content()
    if result.bundle is None:
        print("golden: the shipped data has errors; run 'python main.py validate'", file=sys.stderr)
        return 1
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for scenario in sorted(result.bundle.scenarios):
        if args.new_orders or not orders_path(scenario).exists():
            write_json(orders_path(scenario), make_orders(result.bundle, scenario))
        write_json(record_path(scenario), expected_record(result.bundle, orders_path(scenario)))
        print(f"golden: {record_path(scenario).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
