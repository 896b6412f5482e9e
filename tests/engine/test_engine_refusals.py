"""Refused actions raise Impossible with a sentence for the player; unqueue refunds capital."""

from __future__ import annotations

import pytest
from engine_helpers import fresh

from game.engine import (
    AcceptCounter,
    CarryOut,
    Engage,
    GameState,
    Impossible,
    Investigate,
    Lift,
    Propose,
    Threaten,
    UnknownContent,
    action_cost,
    aid_outlook,
    apply,
    end_turn,
    rules_of,
    unqueue,
)

pytestmark = pytest.mark.shipped_data


def refused(state: GameState, action, contains: str = "") -> str:
    """Apply must refuse the action with a non-empty message and leave the plan and capital alone."""
    capital, queue = state.us.capital, list(state.queue)
    with pytest.raises(Impossible) as caught:
        apply(state, action)
    message = str(caught.value)
    assert message.strip(), "the refusal has no message"
    assert contains.lower() in message.lower(), message
    assert state.us.capital == capital and state.queue == queue
    return message


def test_over_political_capital(game: GameState) -> None:
    apply(game, Engage("MEX", "summit"))
    apply(game, Engage("GTM", "summit"))
    assert game.us.capital == 2
    refused(game, Engage("HND", "summit"), "political capital")


def test_over_aid_budget(game: GameState) -> None:
    game.us.aid_budget_m = 10.0
    refused(game, Propose("GTM", {"return_flights": 1}, ("aid_package",)), "aid")
    refused(game, CarryOut("GTM", "aid_package"), "aid")


@pytest.mark.parametrize("action", [
    Engage("XXX", "summit"), Threaten("ATL", "tariff", {"return_flights": 1}), AcceptCounter("mex"),
])
def test_unknown_country(game: GameState, action) -> None:
    with pytest.raises(UnknownContent):
        apply(game, action)
    refused(game, action, "no country")


@pytest.mark.parametrize("action", [
    Threaten("MEX", "embargo", {"return_flights": 1}), CarryOut("MEX", "embargo"), Lift("MEX", "embargo"),
    Engage("MEX", "dinner"), Investigate("MEX", "spies"),
    Propose("MEX", {"return_flights": 1}, ("free_lunch",)),
    Propose("MEX", {"return_flights": 1}, threat="embargo"),
])
def test_unknown_lever(game: GameState, action) -> None:
    refused(game, action, "no lever")


@pytest.mark.parametrize("action", [
    Threaten("MEX", "tariff", {"open_borders": 1}), Propose("MEX", {"open_borders": 2}),
])
def test_unknown_ask(game: GameState, action) -> None:
    refused(game, action, "no ask")


def test_ask_not_applicable(game: GameState) -> None:
    refused(game, Propose("GTM", {"remain_in_mexico": 1}), "cannot be asked of Guatemala")
    refused(game, Threaten("CUB", "visa_restrictions", {"transit_enforcement": 1}), "cannot be asked")


def test_two_negotiations_with_one_country_in_a_month(game: GameState) -> None:
    apply(game, Threaten("MEX", "tariff", {"transit_enforcement": 1}))
    refused(game, Propose("MEX", {"return_flights": 1}), "already")
    refused(game, Threaten("MEX", "visa_restrictions", {"return_flights": 1}), "already")
    apply(game, Engage("MEX", "diplomatic_call"))  # diplomacy is not a negotiation
    apply(game, Propose("GTM", {"return_flights": 1}))  # another country is fine


@pytest.mark.parametrize("lever", ["aid_package", "trade_preferences", "summit", "intelligence"])
def test_threatening_what_is_not_a_stick(game: GameState, lever: str) -> None:
    refused(game, Threaten("MEX", lever, {"return_flights": 1}), "not a measure you can threaten")
    refused(game, Propose("MEX", {"return_flights": 1}, threat=lever), "threaten")


def test_carrying_out_what_is_in_force(game: GameState) -> None:
    rules = rules_of(game)
    in_force = [(cid, lid) for cid in rules.order for lid in game.countries[cid].measures]
    assert in_force, "the default scenario starts with measures in force (sanctions)"
    cid, lid = in_force[0]
    refused(game, CarryOut(cid, lid), "already in force")
    refused(game, Threaten(cid, lid, {"return_flights": 1}), "already in force")
    apply(game, CarryOut("MEX", "tariff"))
    refused(game, CarryOut("MEX", "tariff"), "already in force")


def test_lifting_what_is_not_in_force(game: GameState) -> None:
    refused(game, Lift("MEX", "tariff"), "not in force")
    apply(game, CarryOut("MEX", "tariff"))
    apply(game, Lift("MEX", "tariff"))
    refused(game, Lift("MEX", "tariff"), "not in force")


@pytest.mark.parametrize("asks", [{"return_flights": 5}, {"return_flights": -1}, {"return_flights": 0}, {},
                                  {"remain_in_mexico": 4}])
def test_level_out_of_range(game: GameState, asks: dict[str, int]) -> None:
    message = refused(game, Propose("MEX", asks))
    assert "level" in message.lower()
    refused(game, Threaten("MEX", "tariff", asks))


@pytest.mark.parametrize("deadline", [0, -1, 7, 100])
def test_deadline_out_of_range(game: GameState, deadline: int) -> None:
    refused(game, Threaten("MEX", "tariff", {"return_flights": 1}, deadline=deadline), "deadline")


def test_accept_counter_without_a_counter(game: GameState) -> None:
    refused(game, AcceptCounter("MEX"), "no counter-offer")


def test_offers_that_cannot_be_made(game: GameState) -> None:
    refused(game, Propose("MEX", {"return_flights": 1}, ("tariff",)), "cannot be offered")
    refused(game, Propose("MEX", {"return_flights": 1}, ("aid_package", "aid_package")), "twice")
    refused(game, Propose("MEX", {"return_flights": 1}, ("sanctions_relief",)), "sanctions")


def test_nothing_after_the_game_is_over() -> None:
    state = fresh("tutorial")
    while not state.is_over:
        end_turn(state)
    refused(state, Engage("MEX", "summit"), "over")
    with pytest.raises(Impossible):
        end_turn(state)


def test_unqueue_refunds_capital(game: GameState) -> None:
    rules = rules_of(game)
    start = game.us.capital
    first = Threaten("MEX", "tariff", {"transit_enforcement": 1}, public=True)
    second = Engage("GTM", "diplomatic_call")
    apply(game, first)
    apply(game, second)
    spent = action_cost(rules, game, first) + action_cost(rules, game, second)
    assert game.us.capital == start - spent
    assert unqueue(game, 0) == [first]
    assert game.us.capital == start - action_cost(rules, game, second)
    assert game.queue == [second]
    unqueue(game, 0)
    assert game.us.capital == start and game.queue == []
    with pytest.raises(Impossible):
        unqueue(game, 0)


def test_sanctions_relief_needs_sanctions(game: GameState) -> None:
    """Offering sanctions relief after queuing sanctions; undoing the sanctions drops the offer too."""
    start = game.us.capital
    apply(game, CarryOut("MEX", "sanctions"))
    apply(game, Propose("MEX", {"return_flights": 1}, ("sanctions_relief",)))
    removed = unqueue(game, 0)
    assert len(removed) == 2 and game.queue == [] and game.us.capital == start


def test_aid_promised_beyond_the_budget_is_refused_before_it_is_committed(game: GameState) -> None:
    """Aid measures are projected to the end of the scenario: a promise the budget could not keep
    is refused when it is made, not broken automatically in a later month."""
    game.us.capital = 99
    months = game.turns - game.turn + 1
    apply(game, CarryOut("GTM", "aid_package"))  # $40 M a month for 6 months
    apply(game, Propose("HND", {"return_flights": 1}, ("aid_package",)))
    outlook = aid_outlook(game)
    assert outlook.months_left == months and outlook.committed_m == pytest.approx(2 * 40 * 6)
    game.us.aid_budget_m = outlook.committed_m + 100.0  # room for 100 more
    message = refused(game, Propose("SLV", {"return_flights": 1}, ("aid_package",)), "already promised")
    assert "$240 M" in message and "broken" in message
    refused(game, CarryOut("SLV", "security_cooperation"), "lapses")  # $10 M x 12 months = 120 > 100
    game.us.aid_budget_m += 20.0
    apply(game, CarryOut("SLV", "security_cooperation"))
    for _ in range(months):  # nothing promised lapses: no promise breaks for lack of money
        end_turn(game)
    assert not [p for p in game.promises if p.status == "broken"]
