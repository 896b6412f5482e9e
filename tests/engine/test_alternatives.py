"""Turning to other partners (a retaliation with ``alternatives`` in the data) cushions US sticks for
a while: the government feels threats and measures less, its economy suffers less from them, the
gain fades, and the response says so."""

from __future__ import annotations

import copy

import pytest
from engine_helpers import fresh, shipped_rules

from game.engine import tuning as T
from game.engine.decide import weigh
from game.engine.retaliation import retaliate
from game.engine.terms import bite
from game.engine.world import run_world

pytestmark = pytest.mark.shipped_data


def _alt_option(cid: str) -> int:
    options = shipped_rules().countries[cid].repertoire
    return next(i for i, o in enumerate(options) if o.alternatives > 0)


def test_turning_to_other_partners_cushions_sticks_and_fades() -> None:
    rules = shipped_rules()
    state = fresh(seed=3)
    cid = "VEN"
    option = _alt_option(cid)
    cs = state.countries[cid]
    before, _ = weigh(rules, state, cid, {"return_flights": 1}, [], threat="visa_restrictions", public=False)
    retaliate(rules, state, cid, "measure", {}, [], 0.0, "This answers a measure imposed this month: Visa restrictions.", option)
    gained = rules.countries[cid].repertoire[option].alternatives
    assert cs.alternatives == pytest.approx(gained)
    assert bite(rules, cs) < 1.0
    response = state.responses[-1]
    assert response.kind == "retaliate" and "other partners" in response.text
    after, _ = weigh(rules, state, cid, {"return_flights": 1}, [], threat="visa_restrictions", public=False)
    assert after < before  # the threat weighs less: the deal is less attractive than under full pressure

    # the economy suffers less from a stick in force while the cushion lasts
    cs.measures["visa_restrictions"] = 0
    plain = copy.deepcopy(state)
    plain.countries[cid].alternatives = 0.0
    econ_start = cs.economy
    state.rng.seed(5)
    plain.rng.seed(5)
    run_world(rules, state)
    run_world(rules, plain)
    assert econ_start - state.countries[cid].economy < econ_start - plain.countries[cid].economy
    assert state.countries[cid].alternatives == pytest.approx(gained * T.ALTERNATIVES_KEEP)
    for _ in range(40):
        run_world(rules, state)
    assert state.countries[cid].alternatives == 0.0
