"""Injects: a data event fired on purpose as an action, replayed exactly, saved and checked like any other."""

from __future__ import annotations

import pytest

from game.engine import FireEvent, Impossible, apply, compile_rules, dumps, end_turn, loads, new_game
from game.engine.savecheck import dangling_references
from game.loading import load_content
from game.records import record_from_state, verify_record


@pytest.fixture(scope="module")
def bundle():
    result = load_content()
    assert result.bundle is not None
    return result.bundle


def test_an_inject_fires_its_event_everywhere_or_in_one_place(bundle) -> None:
    state = new_game(bundle, "default", "balanced", 3)
    economy = {cid: cs.economy for cid, cs in state.countries.items()}
    apply(state, FireEvent("hurricane_season"))
    apply(state, FireEvent("protests", "MEX"))
    apply(state, FireEvent("protests", "MEX"))  # two injects of the same event both play
    report = end_turn(state)
    titles = [n.title for n in report.news if n.event in ("hurricane_season", "protests")]
    assert titles.count("Protests in Mexico") == 2
    assert {"Hurricane strikes Guatemala", "Hurricane strikes Honduras"} <= set(titles)
    assert state.countries["GTM"].economy < economy["GTM"] and "GTM" in state.fired["hurricane_season"]
    assert state.us.capital == state.us.capital_per_turn  # injects cost nothing


def test_an_inject_replays_verifies_and_survives_a_save(bundle) -> None:
    state = new_game(bundle, "default", "balanced", 5)
    end_turn(state)
    apply(state, FireEvent("darien_surge"))
    end_turn(state)
    record = record_from_state(state)
    assert verify_record(record, bundle).ok
    copy = loads(dumps(state), bundle)
    assert copy.actions_log[1] == [FireEvent("darien_surge")]
    rules = compile_rules(bundle, "default")
    assert dangling_references(copy, rules) == []


def test_an_inject_of_an_unknown_event_or_place_is_refused(bundle) -> None:
    state = new_game(bundle, "default", "balanced", 1)
    with pytest.raises(Impossible, match="no event"):
        apply(state, FireEvent("alien_landing"))
    with pytest.raises(Impossible, match="cannot happen"):
        apply(state, FireEvent("darien_surge", "MEX"))
    assert state.queue == []
