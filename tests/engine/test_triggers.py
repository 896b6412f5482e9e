"""Every response states its real trigger: played over many seeds and strategies, month by month,
each response's stated reason is checked against the game at that moment.

- a retaliation names a stick that was imposed on that government this month, or earlier in the
  game and still in force; "imposed this month" only when it was;
- carrying out a threat (any stick put in force) always gets a response that month;
- a backslide is followed by its real reason, and it says Washington withdrew what it gave only when
  an offer of a deal behind that commitment is no longer in force;
- a counter-threat answers a threat made that month; an acceptance of a threat or a measure answers
  one pending (or carried out) at the time;
- no government's written backslide or retaliation line blames a particular US action.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from engine_helpers import shipped_rules

from game.engine import GameState, new_game
from game.engine.actions import Action, CarryOut, Propose, Threaten
from game.engine.bots import STRATEGIES
from game.engine.rules import Rules, is_stick
from game.engine.state import Response
from game.engine.turn import advance

pytestmark = pytest.mark.shipped_data

SEEDS = range(1, 31)
COERCIVE = ("hardline", "carrot_and_stick", "balanced", "random")


def _sticks_carried_out(rules: Rules, plan: list[Action], cid: str) -> set[str]:
    return {a.lever for a in plan if isinstance(a, CarryOut) and a.country == cid and is_stick(rules.levers[a.lever])}


def _threatened(plan: list[Action], cid: str) -> bool:
    return any(a.country == cid and (isinstance(a, Threaten) or (isinstance(a, Propose) and a.threat)) for a in plan)


def _check_month(rules: Rules, state: GameState, plan: list[Action], before: dict[str, dict[str, object]],
                 responses: list[Response]) -> None:
    by_country: dict[str, list[Response]] = {}
    for r in responses:
        by_country.setdefault(r.country, []).append(r)
    for cid in rules.order:
        carried = _sticks_carried_out(rules, plan, cid)
        if carried:
            assert by_country.get(cid), f"month {state.turn - 1}: {cid} got no response to {sorted(carried)}"
    for r in responses:
        cid = r.country
        was = before[cid]
        carried = _sticks_carried_out(rules, plan, cid)
        if r.kind == "retaliate":
            earlier = {lid for lid in was["imposed"] if lid in was["measures"]}  # type: ignore[attr-defined]
            named_now = [lid for lid in carried if rules.levers[lid].name in r.text]
            named_before = [lid for lid in earlier if rules.levers[lid].name in r.text]
            assert named_now or named_before, f"{cid} month {r.turn} retaliates with no true trigger: {r.text}"
            if "imposed this month" in r.text:
                assert named_now, f"{cid} month {r.turn}: 'this month' but nothing was imposed: {r.text}"
        elif r.kind == "backslide":
            assert r.factors and r.text.endswith(r.factors[0].text), r.text
            keys = {f.key for f in r.factors}
            (aid,) = r.asks
            if "withdrawn" in keys:
                deals = [d for d in state.deals if d.country == cid and aid in d.asks]
                assert any(o not in state.countries[cid].measures for d in deals for o in d.offers), \
                    f"{cid} month {r.turn} says Washington withdrew what it gave, but nothing was withdrawn"
            else:
                assert "withdrew" not in r.text, r.text
        elif r.kind == "counter_threat":
            assert _threatened(plan, cid), f"{cid} month {r.turn}: a counter-threat with no threat made"
        elif r.kind == "accept" and r.about == "threat" and not _threatened(plan, cid):
            assert was["pending"], f"{cid} month {r.turn} accepts a threat that was not pending"
        elif r.kind == "none":
            assert carried, f"{cid} month {r.turn}: a 'no response' line with no measure imposed"


@pytest.mark.parametrize("strategy", COERCIVE)
def test_every_response_states_its_real_trigger(strategy: str) -> None:
    rules = shipped_rules()
    bot = STRATEGIES[strategy]
    seen: dict[str, int] = {}
    for seed in SEEDS:
        state = new_game(rules, "default", "balanced", seed)
        rng = random.Random(seed)
        while not state.is_over:
            bot(state, rng)
            plan = list(state.queue)
            before = {cid: {"measures": set(cs.measures), "imposed": set(cs.imposed),
                            "pending": any(t.country == cid and t.status == "pending" for t in state.threats)}
                      for cid, cs in state.countries.items()}
            first = len(state.responses)
            advance(state)
            new = state.responses[first:]
            for r in new:
                seen[r.kind] = seen.get(r.kind, 0) + 1
            _check_month(rules, state, plan, before, new)
    if strategy in ("hardline", "carrot_and_stick"):
        assert seen.get("retaliate", 0) > 0 and seen.get("none", 0) > 0, seen  # the checks above did run


def _hardline_months(rules: Rules) -> Iterator[tuple[list[Action], list[Response]]]:
    """Every month of the hard-line bot's games over ``SEEDS``: its plan and the responses it got."""
    for seed in SEEDS:
        state = new_game(rules, "default", "balanced", seed)
        rng = random.Random(seed)
        while not state.is_over:
            STRATEGIES["hardline"](state, rng)
            plan = list(state.queue)
            first = len(state.responses)
            advance(state)
            yield plan, state.responses[first:]


def test_monthly_retaliation_names_the_measure_and_when() -> None:
    """A government hitting back in a month the envoy did nothing to it says what it answers."""
    rules = shipped_rules()
    found = 0
    for plan, responses in _hardline_months(rules):
        for r in responses:
            if r.kind == "retaliate" and not any(a.country == r.country for a in plan):
                found += 1
                assert "Washington imposed" in r.text and ("months ago" in r.text or "last month" in r.text), r.text
    assert found > 0


def test_written_lines_blame_no_particular_us_action() -> None:
    """Backslide and retaliation lines are said whatever the trigger, so none of them names a US
    measure or a broken US promise (the engine adds the real trigger after the line); counter-offers
    and rejections answer proposals without threats too, so none of them presumes a threat."""
    words = ("tariff", "sanction", "promised", "did not keep", "no longer honours", "remittance", "families abroad")
    for cid, c in shipped_rules().countries.items():
        for kind in ("backslide", "retaliate"):
            for line in c.lines.get(kind, ()):
                assert not any(w in line.lower() for w in words), f"{cid} {kind}: {line}"
        for kind in ("counter", "reject", "stall"):
            for line in c.lines.get(kind, ()):
                assert not any(w in line.lower() for w in ("tariff", "ultimatum", "under pressure", "than threats",
                                                             "threats will not")), f"{cid} {kind}: {line}"


def test_counter_threats_use_the_governments_own_lines() -> None:
    """Every government has counter-threat lines of its own, and a counter-threat says one of them
    before naming what it will do if Washington goes ahead."""
    rules = shipped_rules()
    for cid, c in rules.countries.items():
        assert c.lines.get("counter_threat"), f"{cid} has no counter-threat lines"
    found = 0
    for _plan, responses in _hardline_months(rules):
        for r in responses:
            if r.kind == "counter_threat":
                found += 1
                assert any(r.text.startswith(line) for line in rules.countries[r.country].lines["counter_threat"]), r.text
                assert "If Washington goes ahead" in r.text
    assert found > 0
