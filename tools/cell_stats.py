"""Statistics of the behaviour model over seeds, for the Done-when checks of the model's design.

``python tools/cell_stats.py [--seeds 20] [--json]`` plays, for every country x stick x public or
private threat x ask one step above what the country holds, the threat alone (no carry-out) over
N seeds and records the share of seeds in which the country raised the ask by the end of the
deadline. It prints the share of cells that are exactly 0% or 100%, the cells where public beats
private (and the reverse) by 15 points or more, and, for single moves (each lever, a bare proposal,
a bare proposal whose counter-offer is taken), in how many countries the move raises an ask in most
seeds.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.engine import Rules, apply, compile_rules, end_turn, new_game  # noqa: E402
from game.engine.actions import AcceptCounter, Action, Engage, Propose, Threaten  # noqa: E402
from game.engine.errors import Impossible  # noqa: E402
from game.loading import load_content  # noqa: E402
from game.content.common import LeverKind  # noqa: E402


def raised(rules: Rules, seed: int, cid: str, months: list[list[Action]], aid: str | None, target: int) -> bool:
    """Whether the country holds ``aid`` at ``target`` (or, with aid None, any ask higher) after the months."""
    state = new_game(rules, rules.scenario_id, "balanced", seed)
    before = dict(state.countries[cid].commitments)
    for actions in months:
        for action in actions:
            try:
                apply(state, action)
            except Impossible:
                pass
        end_turn(state)
    after = state.countries[cid].commitments
    if aid is not None:
        return after.get(aid, 0) >= target
    return any(after.get(a, 0) > before.get(a, 0) for a in after)


def cells(rules: Rules, seeds: int) -> list[dict]:
    out = []
    for cid in rules.order:
        held = rules.starts[cid].commitments
        for aid, ask in rules.asks.items():
            if not ask.applies(cid) or held.get(aid, 0) >= len(ask.levels):
                continue
            target = held.get(aid, 0) + 1
            for lid in rules.stick_rank[cid]:
                row = {"country": cid, "stick": lid, "ask": aid, "level": target}
                for public in (False, True):
                    threat = Threaten(cid, lid, {aid: target}, public=public, deadline=2)
                    wins = sum(raised(rules, s, cid, [[threat], [], []], aid, target) for s in range(1, seeds + 1))
                    row["public" if public else "private"] = round(100.0 * wins / seeds, 1)
                out.append(row)
    return out


def moves(rules: Rules, seeds: int) -> list[dict]:
    """Single moves, one step up on each ask that applies to every country."""
    out = []
    everywhere = [aid for aid, ask in rules.asks.items() if not ask.applies_to]
    for aid in everywhere:
        shapes: dict[str, object] = {"bare proposal": "bare", "bare proposal, counter taken": "counter"}
        for lid, lever in rules.levers.items():
            if lever.kind is LeverKind.stick:
                shapes[f"public threat of {lid}"] = ("threat", lid, True)
                shapes[f"private threat of {lid}"] = ("threat", lid, False)
            elif lever.offerable:
                shapes[f"offer of {lid}"] = ("offer", lid)
            elif lever.kind is LeverKind.diplomacy:
                shapes[f"{lid} then bare proposal"] = ("engage", lid)
        for name, shape in shapes.items():
            count = 0
            for cid in rules.order:
                have = rules.starts[cid].commitments.get(aid, 0)
                if have >= len(rules.asks[aid].levels):
                    continue
                ask = {aid: have + 1}
                if shape == "bare":
                    months: list[list[Action]] = [[Propose(cid, ask)], []]
                elif shape == "counter":
                    months = [[Propose(cid, ask)], [AcceptCounter(cid)], []]
                elif shape[0] == "threat":
                    months = [[Threaten(cid, shape[1], ask, public=shape[2], deadline=2)], [], []]
                elif shape[0] == "offer":
                    months = [[Propose(cid, ask, (shape[1],))], []]
                else:
                    months = [[Engage(cid, shape[1])], [Propose(cid, ask)], []]
                wins = sum(raised(rules, s, cid, months, None, 0) for s in range(1, seeds + 1))
                count += wins * 2 > seeds
            out.append({"ask": aid, "move": name, "countries_raised": count})
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--move-seeds", type=int, default=10)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rules = compile_rules(load_content().bundle, "default")
    table = cells(rules, args.seeds)
    values = [row[k] for row in table for k in ("public", "private")]
    extreme = sum(1 for v in values if v in (0.0, 100.0))
    public_better = [r for r in table if r["public"] - r["private"] >= 15]
    private_better = [r for r in table if r["private"] - r["public"] >= 15]
    move_rows = moves(rules, args.move_seeds)
    worst = max(move_rows, key=lambda r: r["countries_raised"])
    summary = {
        "cells": len(values), "exactly_0_or_100": extreme, "share_extreme": round(extreme / len(values), 3),
        "public_beats_private_by_15": len(public_better), "private_beats_public_by_15": len(private_better),
        "most_countries_raised_by_one_move": worst,
    }
    if args.json:
        print(json.dumps({"summary": summary, "cells": table, "moves": move_rows}, indent=1))
        return 0
    print(f"cells (country x stick x public/private x ask one step up, {args.seeds} seeds): {len(values)}")
    print(f"exactly 0% or 100%: {extreme} ({100.0 * extreme / len(values):.1f}%)")
    print(f"public beats private by >= 15 points: {len(public_better)} cells, e.g.",
          [(r['country'], r['stick'], r['ask'], r['public'], r['private']) for r in public_better[:4]])
    print(f"private beats public by >= 15 points: {len(private_better)} cells, e.g.",
          [(r['country'], r['stick'], r['ask'], r['private'], r['public']) for r in private_better[:4]])
    print(f"single move raising an ask in most countries: {worst['move']} on {worst['ask']}: "
          f"{worst['countries_raised']} of {len(rules.order)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
