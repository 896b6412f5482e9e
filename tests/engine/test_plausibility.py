"""The behaviour model against the 2019-2025 record (see the country facts sheet).

Each check runs many seeds and asserts a rate, so it tests the model's tendencies rather than one
lucky draw: Mexico enforces under a credible tariff threat but refuses "Remain in Mexico";
Guatemala signs an asylum agreement under a remittance threat; Venezuela does not take flights
for threats alone, does for sanctions relief, and drops them when sanctions return.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from game.engine import AcceptCounter, CarryOut, GameState, Propose, Threaten, apply, compile_rules, end_turn, new_game
from game.loading import load_content

SEEDS = range(40)


@pytest.fixture(scope="module")
def rules():
    result = load_content()
    assert result.ok, [p.format() for p in result.problems]
    return compile_rules(result.bundle, "default")


def rate(rules, play: Callable[[GameState], bool]) -> float:
    return sum(play(new_game(rules, "default", "balanced", seed)) for seed in SEEDS) / len(SEEDS)


def first_response(state: GameState, cid: str):
    return next(r for r in state.responses if r.country == cid)


def test_mexico_enforces_under_a_credible_tariff_threat(rules) -> None:
    def play(state: GameState) -> bool:
        apply(state, Threaten("MEX", "tariff", {"transit_enforcement": 2}, public=True, deadline=1))
        end_turn(state)
        return first_response(state, "MEX").kind in ("accept", "counter")

    assert rate(rules, play) >= 0.9


def test_mexico_refuses_remain_in_mexico_even_under_tariffs(rules) -> None:
    def play(state: GameState) -> bool:
        apply(state, Threaten("MEX", "tariff", {"remain_in_mexico": 2}, public=True, deadline=1))
        end_turn(state)
        return state.countries["MEX"].commitments.get("remain_in_mexico", 0) > 0

    assert rate(rules, play) <= 0.1


def test_guatemala_signs_an_asylum_agreement_under_a_remittance_threat(rules) -> None:
    def play(state: GameState) -> bool:
        apply(state, Threaten("GTM", "remittance_tax", {"asylum_cooperation": 1}, public=False, deadline=2))
        end_turn(state)
        return state.countries["GTM"].commitments.get("asylum_cooperation", 0) >= 1

    assert rate(rules, play) >= 0.8


def test_venezuela_takes_no_flights_for_threats_alone(rules) -> None:
    def play(state: GameState) -> bool:
        apply(state, Threaten("VEN", "tariff", {"return_flights": 1}, public=False, deadline=2))
        end_turn(state)
        end_turn(state)
        return state.countries["VEN"].commitments.get("return_flights", 0) >= 1

    assert rate(rules, play) <= 0.1


def _relief_deal(state: GameState) -> bool:
    apply(state, Propose("VEN", {"return_flights": 2}, ("sanctions_relief",)))
    end_turn(state)
    if first_response(state, "VEN").kind == "counter":
        apply(state, AcceptCounter("VEN"))
        end_turn(state)
    return state.countries["VEN"].commitments.get("return_flights", 0) >= 1


def test_venezuela_takes_flights_for_sanctions_relief(rules) -> None:
    assert rate(rules, _relief_deal) >= 0.8


def test_venezuelan_flights_lapse_when_sanctions_return(rules) -> None:
    def play(state: GameState) -> bool:
        if not _relief_deal(state):
            return False
        apply(state, CarryOut("VEN", "sanctions"))
        for _ in range(3):
            end_turn(state)
        broken = [p for p in state.promises if p.country == "VEN" and p.status == "broken"]
        return bool(broken) and state.countries["VEN"].commitments.get("return_flights", 0) == 0

    assert rate(rules, play) >= 0.7


def test_remittance_economies_yield_where_sanctioned_governments_bargain(rules) -> None:
    """The same private remittance threat: Honduras, El Salvador and Guatemala accept; Venezuela and
    Cuba, with little to lose to it, answer with a counter-offer asking for sanctions relief."""
    for cid in ("HND", "SLV", "GTM"):
        state = new_game(rules, "default", "balanced", 3)
        apply(state, Threaten(cid, "remittance_tax", {"return_flights": 3}))
        end_turn(state)
        assert first_response(state, cid).kind == "accept", cid
    for cid in ("VEN", "CUB"):
        state = new_game(rules, "default", "balanced", 3)
        apply(state, Threaten(cid, "remittance_tax", {"return_flights": 3}))
        end_turn(state)
        response = first_response(state, cid)
        assert response.kind in ("counter", "reject", "stall", "retaliate"), cid
        threat = next(f for f in response.factors if f.key == "threat:remittance_tax")
        assert threat.value < 0.15, cid
        if cid == "VEN":
            assert "little weight" in threat.text
