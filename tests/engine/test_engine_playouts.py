"""Random playouts on every scenario never raise, never produce NaN and keep every meter in range."""

from __future__ import annotations

import random

import pytest
from engine_helpers import fresh, meter_problems, scenario_ids, shipped_rules
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import (
    AcceptCounter,
    CarryOut,
    Engage,
    Impossible,
    Investigate,
    Lift,
    Propose,
    Threaten,
    apply,
    end_turn,
    legal_actions,
    scorecard,
    unqueue,
)
from game.engine.bots import random_play

pytestmark = pytest.mark.shipped_data

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(state, where: str) -> None:
    problems = meter_problems(state)
    assert not problems, f"{where}: {problems[:5]}"


@SETTINGS
@given(seed=st.integers(0, 2**31), scenario=st.sampled_from(scenario_ids()),
       mandate=st.sampled_from(["hardline", "balanced", "humanitarian"]), data=st.data())
def test_random_legal_playout(seed: int, scenario: str, mandate: str, data: st.DataObject) -> None:
    """Each month: a few actions drawn from legal_actions (some undone again), then end_turn."""
    state = fresh(scenario, mandate, seed)
    _check(state, "start")
    while not state.is_over:
        options = legal_actions(state)
        for _ in range(data.draw(st.integers(0, 4), label="actions")):
            if not options:
                break
            action = options[data.draw(st.integers(0, len(options) - 1), label="pick")]
            try:
                apply(state, action)  # the list may be stale after earlier picks: a refusal is fine
            except Impossible as error:
                assert str(error)
        if state.queue and data.draw(st.booleans(), label="undo"):
            unqueue(state, data.draw(st.integers(0, len(state.queue) - 1), label="which"))
        assert state.us.capital >= 0
        end_turn(state)
        _check(state, f"after turn {state.turn - 1}")
    card = scorecard(state)
    assert 0 <= card.total <= 100
    assert all(0 <= v <= 100 for v in card.objectives.values())


@pytest.mark.parametrize("scenario", scenario_ids())
def test_random_bot_playouts(scenario: str) -> None:
    for seed in range(15):
        state = fresh(scenario, "balanced", seed)
        rng = random.Random(seed)
        while not state.is_over:
            random_play(state, rng)
            end_turn(state)
            _check(state, f"{scenario} seed {seed} turn {state.turn - 1}")


def _junk_action(draw, rules):
    countries = list(rules.order) + ["XXX", ""]
    levers = list(rules.lever_order) + ["nope"]
    asks = list(rules.ask_order) + ["nope"]
    country = draw(st.sampled_from(countries))
    lever = draw(st.sampled_from(levers))
    demand = draw(st.dictionaries(st.sampled_from(asks), st.integers(-2, 6), max_size=3))
    kind = draw(st.sampled_from(["threaten", "propose", "carry_out", "lift", "engage", "investigate", "accept"]))
    if kind == "threaten":
        return Threaten(country, lever, demand, public=draw(st.booleans()), deadline=draw(st.integers(-1, 8)))
    if kind == "propose":
        offers = tuple(draw(st.lists(st.sampled_from(levers), max_size=3)))
        threat = draw(st.one_of(st.none(), st.sampled_from(levers)))
        return Propose(country, demand, offers, threat, draw(st.booleans()), draw(st.integers(-1, 8)))
    if kind == "carry_out":
        return CarryOut(country, lever)
    if kind == "lift":
        return Lift(country, lever)
    if kind == "engage":
        return Engage(country, lever)
    if kind == "investigate":
        return Investigate(country, lever)
    return AcceptCounter(country)


@SETTINGS
@given(seed=st.integers(0, 2**31), data=st.data())
def test_arbitrary_actions_are_queued_or_refused_with_impossible(seed: int, data: st.DataObject) -> None:
    """Any action, even naming unknown content or out-of-range levels, is either queued or refused
    with a readable ``Impossible``; the month then resolves without error."""
    scenario = data.draw(st.sampled_from(scenario_ids()), label="scenario")
    rules = shipped_rules(scenario)
    state = fresh(scenario, "balanced", seed)
    for _ in range(min(state.turns, data.draw(st.integers(1, 4), label="months"))):
        for _ in range(data.draw(st.integers(0, 8), label="actions")):
            action = data.draw(st.composite(lambda draw: _junk_action(draw, rules))(), label="action")
            try:
                apply(state, action)
            except Impossible as error:
                assert str(error).strip()
        end_turn(state)
        _check(state, f"after turn {state.turn - 1}")
