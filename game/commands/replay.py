"""``replay ORDERS.json [--json] [--stop]``: play a scripted game and print what happened.

The orders file lists the actions of each month (see ``docs/scripting.md``). Months after the last
listed one are played with no actions until the game ends, unless ``--stop`` is given. Exit status
0 on success, 1 for an unreadable orders file, broken data or an action the rules refuse (reported
as ``turn N, action M: MESSAGE``). Never a traceback.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from typing import Any

from game.cli import COMMANDS
from game.commands._scripting import Orders, OrdersError, add_data_option, load_bundle, main_response, read_orders, turn_record
from game.content import ContentBundle
from game.debrief.versus import objective_title
from game.engine import (
    GameState,
    Impossible,
    TurnReport,
    UnknownContent,
    apply,
    compile_rules,
    describe,
    end_turn,
    new_game,
    rules_of,
    scorecard,
)
from game.i18n import N_, Wording, _
from game.records.batch import write_records_option
from game.wording import reason_value

# the log's short words for a response and what it answers (the ids themselves in English)
LOG_KINDS = Wording({
    "accept": N_("accept"), "counter": N_("counter"), "stall": N_("stall"), "reject": N_("reject"),
    "retaliate": N_("retaliate"), "counter_threat": N_("counter_threat"), "backslide": N_("backslide"),
    "none": N_("none"), "threat": N_("threat"), "proposal": N_("proposal"), "measure": N_("measure"),
    "commitment": N_("commitment"),
})

def add_parser(subparsers: Any) -> None:
    """Register the ``replay`` subcommand."""
    parser = subparsers.add_parser(
        "replay",
        help=_(COMMANDS["replay"]),
        description=_("Play the months listed in an orders file (JSON: scenario, mandate, seed and the "
        "actions of each month), then the remaining months with no actions, and print a per-month "
        "log and the final scorecard. The same orders always give the same game."),
    )
    parser.add_argument("orders", metavar="ORDERS.json", help=_("the orders file (see docs/scripting.md)"))
    parser.add_argument("--json", action="store_true", help=_("print one JSON document instead of the log"))
    parser.add_argument("--stop", action="store_true",
                        help=_("stop after the listed months instead of playing the game to its end"))
    add_data_option(parser)
    parser.add_argument("--records", metavar="DIR", default=None, help=_("also write the session record into DIR"))
    parser.set_defaults(func=run)


@dataclasses.dataclass
class Replay:
    """A replayed game: the final state and one record (and report) per month played."""

    state: GameState
    records: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    reports: list[TurnReport] = dataclasses.field(default_factory=list)
    plans: list[list[Any]] = dataclasses.field(default_factory=list)
    player: str = ""


def start(bundle: ContentBundle, orders: Orders) -> GameState:
    """The game the orders describe, or an ``OrdersError`` for an unknown scenario or mandate."""
    try:
        rules = compile_rules(bundle, orders.scenario)
        state = new_game(rules, orders.scenario, orders.mandate, orders.seed)
    except UnknownContent as error:
        raise OrdersError(str(error)) from None
    if len(orders.turns) > state.turns:
        raise OrdersError(_("the orders list {n} months but scenario '{scenario}' lasts {turns}").format(
                              n=len(orders.turns), scenario=orders.scenario, turns=state.turns), turn=state.turns + 1)
    return state


def play(state: GameState, orders: Orders, stop: bool, replay: Replay) -> None:
    """Queue each month's actions and end the month; fills ``replay`` as it goes.

    Raises ``OrdersError`` (with the 1-based turn and action) for an action the rules refuse; the
    months before it stay in ``replay``.
    """
    month = 0
    while not state.is_over:
        if month >= len(orders.turns) and stop:
            break
        plan = orders.turns[month] if month < len(orders.turns) else []
        capital = state.us.capital
        for index, action in enumerate(plan, start=1):
            try:
                apply(state, action)
            except Impossible as error:
                raise OrdersError(str(error), state.turn, index) from None
        spent = capital - state.us.capital
        report = end_turn(state)
        replay.plans.append(list(plan))
        replay.reports.append(report)
        replay.records.append(turn_record(state, report, plan, spent))
        month += 1


def document(replay: Replay) -> dict[str, Any]:
    """The ``--json`` document of a finished replay."""
    state = replay.state
    return {
        "scenario": state.scenario, "mandate": state.mandate, "seed": state.seed,
        "player": replay.player, "over": state.is_over, "turns": replay.records,
        "score": dataclasses.asdict(scorecard(state)),
    }


def _signed(value: float) -> str:
    return reason_value(value).rjust(5)


def print_turn(state: GameState, replay: Replay, index: int) -> None:
    """The readable log of one month."""
    rules = rules_of(state)
    names = {cid: c.name for cid, c in rules.countries.items()}
    names.update({lid: lv.name for lid, lv in rules.levers.items()})
    names.update({aid: ask.name for aid, ask in rules.asks.items()})
    report, record = replay.reports[index], replay.records[index]
    print(_("=== Month {turn}: {month} ===").format(turn=report.turn, month=report.month))
    for action in replay.plans[index]:
        print(_("  plan: {describe}").format(describe=describe(action, names)))
    if not replay.plans[index]:
        print(_("  plan: (no actions)"))
    for cid in rules.order:
        own = [r for r in report.responses if r.country == cid]
        for response in own:
            marker = "*" if response is main_response(own) else " "
            kind = LOG_KINDS.get(response.kind, response.kind)
            about = LOG_KINDS.get(response.about, response.about)
            print(f" {marker}{names[cid]}: {kind} ({about}) — {response.text}")
            for f in response.factors:
                print(f"      {_signed(f.value)}  {f.text}" + (_("  (decisive)") if f.decisive else ""))
            if response.counter is not None:
                asks = ", ".join(f"{names.get(a, a)} {lvl}" for a, lvl in response.counter.asks.items())
                offers = ", ".join(names.get(o, o) for o in response.counter.offers) or "nothing"
                print(_("      counter-offer: {asks}; in return for {offers}").format(asks=asks, offers=offers))
    for news in report.news:
        print(_("  news: {title} — {text}").format(title=news.title, text=news.text))
    res = record["resources"]
    print(_("  resources: capital {capital} (spent {spent}), aid ${aid:.0f} M, credibility {credibility:.1f}, "
            "domestic cost {domestic:.2f}, regional resistance {resistance:.1f}").format(
              capital=res['political_capital'], spent=record['capital_spent'], aid=res['aid_budget_m'],
              credibility=res['credibility'], domestic=res['domestic_cost'], resistance=res['regional_resistance']))
    print()


def print_score(state: GameState) -> None:
    """The scorecard after the last month played."""
    card = scorecard(state)
    rules = rules_of(state)
    final = _("Final score") if state.is_over else _("Score after month {month} (game not over)").format(
                                                    month=state.turn - 1)
    print(_("{final}: {total:.1f} / 100 under the '{mandate}' mandate").format(
              final=final, total=card.total, mandate=card.mandate))
    for key, value in card.objectives.items():
        print(_("  {key:<20} {value:6.1f}   weight {weight:g}").format(
            key=objective_title(key), value=value, weight=card.weights.get(key, 0)))
    agreements = ", ".join(f"{cid} {card.agreements[cid]:.0f}" for cid in rules.order)
    print(_("  cooperation: {agreements}").format(agreements=agreements))
    print(_("  returned {returned_k:.1f}k, stranded {stranded_k:.1f}k, border arrivals "
             "{arrivals_start_k:.1f}k -> {arrivals_end_k:.1f}k a month").format(
              returned_k=card.returned_k, stranded_k=card.stranded_k, arrivals_start_k=card.arrivals_start_k, arrivals_end_k=card.arrivals_end_k))
    print(_("  threats carried out {threats_carried_out}, bluffs called {bluffs_called}, promises kept "
             "{promises_kept}, broken {promises_broken}").format(
              threats_carried_out=card.threats_carried_out, bluffs_called=card.bluffs_called, promises_kept=card.promises_kept,
              promises_broken=card.promises_broken))


def _fail(error: OrdersError, as_json: bool) -> int:
    print(_("replay: {error}").format(error=error), file=sys.stderr)
    if as_json:
        print(json.dumps(error.to_dict(), indent=2))
    return 1


def run(args: argparse.Namespace) -> int:
    """The command's entry point (see ``_run``); never a traceback."""
    """Read the orders, play them and print the log or the JSON document; returns the exit status."""
    try:
        orders = read_orders(args.orders)
    except OrdersError as error:
        return _fail(error, args.json)
    problems: list[str] = []
    bundle = load_bundle(args.data, "replay", problems)
    if bundle is None:
        if args.json:
            print(json.dumps({"error": _("the data has errors"), "turn": None, "action": None, "problems": problems},
                             indent=2))
        return 1
    try:
        state = start(bundle, orders)
    except OrdersError as error:
        return _fail(error, args.json)
    replay = Replay(state, player=orders.player)
    failure: OrdersError | None = None
    try:
        play(state, orders, args.stop, replay)
    except OrdersError as error:
        failure = error
    if args.records and not write_records_option([state], args.records, "replay", "replay", player=orders.player or None):
        return 1
    if args.json:
        if failure is not None:
            return _fail(failure, True)
        print(json.dumps(document(replay), indent=2))
        return 0
    who = _(" played by {player}").format(player=orders.player) if orders.player else ""
    print(_("Replay of scenario '{scenario}', mandate '{mandate}', seed {seed}{who}").format(
              scenario=state.scenario, mandate=state.mandate, seed=state.seed, who=who))
    if orders.description:
        print(orders.description)
    print()
    for index in range(len(replay.records)):
        print_turn(state, replay, index)
    if failure is not None:
        return _fail(failure, False)
    print_score(state)
    return 0
