"""Shared by ``replay`` and ``simulate``: loading the data, reading orders files, turn records.

An orders file is JSON: ``{"scenario", "mandate", "seed", "player", "turns": [[action, ...], ...]}`` where
each action is the JSON form of an engine action (see ``docs/scripting.md``). Everything that can
go wrong with one is an ``OrdersError`` whose message names the turn and the action (1-based).
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.content import ContentBundle
from game.engine import Action, GameState, Rules, TurnReport, action_from_dict, action_to_dict, rules_of
from game.engine.state import Response
from game.i18n import N_, _, ngettext
from game.loading import load_content
from game.loading.problems import did_you_mean
from game.paths import data_note, validate_hint
from game.player import clean_player
from game.safe_json import JSONFileError, read_file

ORDERS_KEYS = ("scenario", "mandate", "seed", "turns", "description", "player")
DEFAULTS: dict[str, Any] = {"scenario": "default", "mandate": "balanced", "seed": 1}
NEGOTIATION = ("threat", "proposal", "counter")


class OrdersError(Exception):
    """A problem with an orders file; ``turn`` and ``action`` are 1-based positions when known."""

    def __init__(self, message: str, turn: int | None = None, action: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.turn = turn
        self.action = action

    def __str__(self) -> str:
        where = []
        if self.turn is not None:
            where.append(_("turn {turn}").format(turn=self.turn))
        if self.action is not None:
            where.append(_("action {action}").format(action=self.action))
        return f"{', '.join(where)}: {self.message}" if where else self.message

    def to_dict(self) -> dict[str, Any]:
        """The JSON error document of ``replay --json``."""
        return {"error": self.message, "turn": self.turn, "action": self.action}


@dataclass
class Orders:
    """A parsed orders file."""

    scenario: str
    mandate: str
    seed: int
    turns: list[list[Action]] = field(default_factory=list)
    description: str = ""
    player: str = ""


def add_data_option(parser: Any) -> None:
    """The ``--data PATH`` option shared by the commands that read content (see ``load_bundle``)."""
    parser.add_argument("--data", metavar="PATH", action="append", default=None,
                        help=_("data folder or .toml file to use instead of the shipped data (repeatable)"))


def load_bundle(paths: Sequence[str] | None, command: str, problems: list[str] | None = None) -> ContentBundle | None:
    """Load the data; on errors print every located problem on stderr (and add them to
    ``problems`` when given) and return None."""
    print(f"{command}: {data_note(paths)}", file=sys.stderr)
    result = load_content(list(paths) if paths else None)
    if result.ok and result.bundle is not None:
        return result.bundle
    for problem in result.problems:
        print(problem.format(), file=sys.stderr)
        if problems is not None:
            problems.append(problem.format())
    count = len(result.errors)
    print(f"{command}: " + ngettext("the data has {n} error; fix it first ({hint} lists it)",
                                    "the data has {n} errors; fix them first ({hint} lists them)",
                                    count).format(n=count, hint=validate_hint(paths)), file=sys.stderr)
    return None


def _pydantic_message(error: ValidationError) -> str:
    """One readable sentence for the first problem pydantic found in an action."""
    first = error.errors()[0]
    kind = first["type"]
    if kind == "union_tag_invalid":
        return _("unknown action kind '{first}' (expected one of: {first2})").format(
                   first=first['ctx']['tag'], first2=first['ctx']['expected_tags'])
    if kind == "union_tag_not_found":
        return _("the action has no 'kind' (threaten, propose, carry_out, lift, engage, investigate or accept_counter)")
    if kind == "model_attributes_type":
        return _('an action must be a JSON object such as {"kind": "engage", "country": "MEX", "lever": "summit"}')
    loc = [str(p) for p in first["loc"][1:]]
    where = _("field '{join}'").format(join='.'.join(loc)) if loc else _("the action")
    if kind == "missing":
        return _("{where} is missing").format(where=where)
    return f"{where}: {first['msg']}"


def parse_action(data: Any, turn: int, index: int) -> Action:
    """One action from its JSON form, or an ``OrdersError`` naming its position."""
    try:
        action = action_from_dict(data)
    except ValidationError as error:
        raise OrdersError(_pydantic_message(error), turn, index) from None
    known = {f.name for f in dataclasses.fields(action)}
    for key in data:
        if key not in known:
            hint = did_you_mean(str(key), known)
            raise OrdersError(_("unknown field '{key}' in a '{kind}' action{hint} (its fields: {join})").format(
                                  key=key, kind=action.kind, hint=hint, join=', '.join(sorted(known))), turn, index)
    return action


def parse_orders(data: Any) -> Orders:
    """Check the shape of an orders document (not yet whether the actions are legal)."""
    if not isinstance(data, dict):
        raise OrdersError(_("the orders must be a JSON object with 'scenario', 'mandate', 'seed' and 'turns'"))
    for key in data:
        if key not in ORDERS_KEYS:
            raise OrdersError(_("unknown key '{key}' in the orders{did_you_mean} (expected: {join})").format(
                                  key=key, did_you_mean=did_you_mean(str(key), ORDERS_KEYS), join=', '.join(ORDERS_KEYS)))
    values = {**DEFAULTS, **data}
    for key in ("scenario", "mandate", "description", "player"):
        if key in values and not isinstance(values[key], str):
            raise OrdersError(_("'{key}' must be a string").format(key=key))
    seed = values["seed"]
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise OrdersError(_("'seed' must be a whole number"))
    turns = values.get("turns", [])
    if not isinstance(turns, list):
        raise OrdersError(_("'turns' must be a list with one list of actions per month"))
    parsed: list[list[Action]] = []
    for t, month in enumerate(turns, start=1):
        if not isinstance(month, list):
            raise OrdersError(_("each month must be a list of actions ([] for none)"), t)
        parsed.append([parse_action(item, t, i) for i, item in enumerate(month, start=1)])
    return Orders(scenario=values["scenario"], mandate=values["mandate"], seed=seed, turns=parsed,
                  description=values.get("description", ""), player=clean_player(values.get("player", "")))


def read_orders(path: str | Path) -> Orders:
    """Read and parse an orders file; every failure is an ``OrdersError``."""
    try:
        data = read_file(Path(path), N_("orders file"))
    except JSONFileError as error:
        raise OrdersError(str(error)) from None
    return parse_orders(data)


def _round(value: float, digits: int = 4) -> float:
    return round(float(value), digits)


def main_response(responses: list[Response]) -> Response | None:
    """The answer to this month's demand or proposal if there was one, else the last response."""
    answers = [r for r in responses if r.about in NEGOTIATION]
    pool = answers or responses
    return pool[-1] if pool else None


def response_dict(response: Response) -> dict[str, Any]:
    """A response as plain JSON data."""
    return {
        "kind": response.kind, "about": response.about, "text": response.text,
        "asks": dict(response.asks), "utility": _round(response.utility),
        "factors": [{"key": f.key, "text": f.text, "value": _round(f.value), "decisive": f.decisive}
                    for f in response.factors],
        "counter": dataclasses.asdict(response.counter) if response.counter is not None else None,
    }


def resources(state: GameState) -> dict[str, Any]:
    """The envoy's resources as the next month starts."""
    us = state.us
    return {
        "political_capital": us.capital, "aid_budget_m": _round(us.aid_budget_m, 3),
        "credibility": _round(us.credibility, 3), "domestic_cost": _round(us.domestic_cost, 3),
        "regional_resistance": _round(us.regional_resistance, 3), "protection": _round(us.protection, 3),
    }


def turn_record(state: GameState, report: TurnReport, plan: list[Action], capital_spent: int) -> dict[str, Any]:
    """One month of a replay as plain JSON data (see docs/scripting.md)."""
    rules: Rules = rules_of(state)
    countries: dict[str, Any] = {}
    for cid in rules.order:
        cs = state.countries[cid]
        own = [r for r in report.responses if r.country == cid]
        main = main_response(own)
        countries[cid] = {
            "response": main.kind if main else "none",
            "responses": [response_dict(r) for r in own],
            "commitments": dict(cs.commitments),
            "measures": dict(cs.measures),
            "relations": _round(cs.relations, 3), "trust": _round(cs.trust, 3),
            "approval": _round(cs.approval, 3), "economy": _round(cs.economy, 3),
            "arrivals_k": _round(cs.arrivals_k, 3),
            "factors": response_dict(main)["factors"] if main else [],
        }
    return {
        "turn": report.turn, "month": report.month,
        "actions": [{"kind": a.kind, **action_to_dict(a)} for a in plan], "capital_spent": capital_spent,
        "resources": resources(state), "countries": countries,
        "news": [{"title": n.title, "text": n.text, "country": n.country, "event": n.event} for n in report.news],
    }

