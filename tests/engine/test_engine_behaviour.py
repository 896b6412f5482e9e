"""Behaviour the design promises: priorities change answers; a called bluff costs credibility for all."""

from __future__ import annotations

import pytest
from engine_helpers import fresh

from game.engine import Engage, GameState, Propose, Threaten, apply, end_turn, scorecard
from game.engine.state import Response

pytestmark = pytest.mark.shipped_data

REMITTANCE_ECONOMIES = ("HND", "SLV", "GTM")
SANCTIONED = ("VEN", "CUB")
SEEDS = (1, 2, 3)


def answer(state: GameState, cid: str) -> Response:
    """The government's answer this month (ends the month)."""
    report = end_turn(state)
    own = [r for r in report.responses if r.country == cid and r.about in ("threat", "proposal")]
    assert len(own) == 1, [(r.country, r.kind, r.about) for r in report.responses]
    return own[0]


def threat_answer(cid: str, seed: int) -> Response:
    state = fresh("default", "balanced", seed)
    apply(state, Threaten(cid, "remittance_tax", {"return_flights": 1}, public=False))
    return answer(state, cid)


def factor(response: Response, key: str):
    found = [f for f in response.factors if f.key == key]
    assert found, [f.key for f in response.factors]
    return found[0]


@pytest.mark.parametrize("seed", SEEDS)
def test_same_threat_answered_by_priorities(seed: int) -> None:
    """A private remittance-tax threat for return flights bites where remittances matter and the
    government has much to lose; sanctioned governments with other partners shrug it off."""
    bitten = {cid: threat_answer(cid, seed) for cid in REMITTANCE_ECONOMIES}
    shrug = {cid: threat_answer(cid, seed) for cid in SANCTIONED}
    assert min(r.utility for r in bitten.values()) > max(r.utility for r in shrug.values()) + 0.1
    assert all(r.kind == "accept" for r in bitten.values()), {c: r.kind for c, r in bitten.items()}
    assert shrug["VEN"].kind != "accept"
    weight = {cid: factor(r, "threat:remittance_tax").value for cid, r in {**bitten, **shrug}.items()}
    assert min(weight[c] for c in REMITTANCE_ECONOMIES) > 2 * max(weight[c] for c in SANCTIONED)
    for response in bitten.values():
        assert "would hurt money sent home" in factor(response, "threat:remittance_tax").text
    assert "carries little weight" in factor(shrug["VEN"], "threat:remittance_tax").text


@pytest.mark.parametrize("seed", SEEDS)
def test_same_proposal_answered_by_priorities(seed: int) -> None:
    """Aid for return flights is worth more to an aid-dependent government than to Mexico."""
    values = {}
    for cid in ("HND", "HTI", "MEX"):
        state = fresh("default", "balanced", seed)
        apply(state, Propose(cid, {"return_flights": 1}, ("aid_package",)))
        values[cid] = factor(answer(state, cid), "offer:aid_package").value
    assert values["HTI"] > values["MEX"] and values["HND"] > values["MEX"]


def _without_mood(response: Response) -> float:
    return sum(f.value for f in response.factors if f.key != "mood")


def _bluff_and_control(seed: int) -> tuple[GameState, GameState]:
    """Two games after two months: one where a threat to Venezuela was not carried out, one without it."""
    bluff = fresh("default", "balanced", seed)
    control = fresh("default", "balanced", seed)
    apply(bluff, Threaten("VEN", "remittance_tax", {"return_flights": 1}, public=False, deadline=1))
    apply(control, Engage("VEN", "diplomatic_call"))
    for state in (bluff, control):
        end_turn(state)
        end_turn(state)
    return bluff, control


@pytest.mark.parametrize("seed", SEEDS)
def test_called_bluff_costs_credibility(seed: int) -> None:
    bluff, control = _bluff_and_control(seed)
    threat = bluff.threats[0]
    assert threat.status == "bluff_called", threat
    assert bluff.us.credibility < control.us.credibility
    assert any(n.country == "VEN" and "deadline" in n.title.lower() for n in bluff.news)
    assert scorecard(bluff).bluffs_called == 1 and scorecard(control).bluffs_called == 0


@pytest.mark.parametrize("seed", SEEDS)
def test_called_bluff_weakens_later_threats_to_others(seed: int) -> None:
    """Other governments watched: the same threat to Honduras weighs less after the bluff."""
    bluff, control = _bluff_and_control(seed)
    demand = Threaten("HND", "remittance_tax", {"return_flights": 1}, public=False)
    answers = {}
    for name, state in (("bluff", bluff), ("control", control)):
        apply(state, demand)
        answers[name] = answer(state, "HND")
    after_bluff = factor(answers["bluff"], "threat:remittance_tax").value
    without = factor(answers["control"], "threat:remittance_tax").value
    assert after_bluff < without
    assert _without_mood(answers["bluff"]) < _without_mood(answers["control"])


@pytest.mark.parametrize("seed", SEEDS)
def test_carried_out_threat_builds_credibility(seed: int) -> None:
    from game.engine import CarryOut

    kept = fresh("default", "balanced", seed)
    apply(kept, Threaten("VEN", "remittance_tax", {"return_flights": 1}, public=False, deadline=1))
    end_turn(kept)
    before = kept.us.credibility
    apply(kept, CarryOut("VEN", "remittance_tax"))
    end_turn(kept)
    assert kept.threats[0].status == "carried_out"
    assert kept.us.credibility > before
