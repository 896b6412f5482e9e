"""Damaged or foreign saves raise SaveError with a message, and never anything else."""

from __future__ import annotations

import json

import pytest
from engine_helpers import fresh, shipped_bundle, shipped_rules
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import SaveError, dumps, end_turn, loads, state_from_dict
from game.engine.autoplay import play_bot_game

pytestmark = pytest.mark.shipped_data


def _save_text() -> str:
    return dumps(play_bot_game(shipped_rules("default"), "balanced", 4, "balanced"))


SAVE = _save_text()


def _refused(text: str | bytes, content=None) -> str:
    with pytest.raises(SaveError) as caught:
        loads(text, content if content is not None else shipped_rules("default"))
    message = str(caught.value)
    assert message.strip()
    return message


def _mangled(edit) -> str:
    data = json.loads(SAVE)
    edit(data)
    return json.dumps(data)


def test_a_good_save_loads_with_rules_and_with_the_bundle() -> None:
    assert dumps(loads(SAVE, shipped_rules("default"))) == SAVE
    assert dumps(loads(SAVE, shipped_bundle())) == SAVE


@pytest.mark.parametrize("text", ["", "not json", "{", "[1, 2]", "null", "42", b"\xff\xfe\x00", '"a string"'])
def test_not_a_save(text: str | bytes) -> None:
    _refused(text)


def test_wrong_format_key() -> None:
    assert "not a Pressure Points save" in _refused(_mangled(lambda d: d.update(format="something-else")))
    _refused(_mangled(lambda d: d.pop("format")))


@pytest.mark.parametrize("version", [0, 2, 99, "1", None])
def test_wrong_version(version) -> None:
    assert "version" in _refused(_mangled(lambda d: d.update(version=version)))


@pytest.mark.parametrize("cut", [1, 10, 100, 1000, len(SAVE) // 2, len(SAVE) - 1])
def test_truncated(cut: int) -> None:
    _refused(SAVE[:cut])


MANGLES = {
    "turn is text": lambda d: d["state"].update(turn="three"),
    "countries is a list": lambda d: d["state"].update(countries=[1, 2]),
    "credibility is text": lambda d: d["state"]["us"].update(credibility="high"),
    "us is missing": lambda d: d["state"].pop("us"),
    "state is a list": lambda d: d.update(state=[]),
    "state is missing": lambda d: d.pop("state"),
    "queue has a bad action": lambda d: d["state"].update(queue=[{"kind": "dance", "country": "MEX"}]),
    "relations is null": lambda d: d["state"]["countries"]["MEX"].update(relations=None),
    "commitments level is text": lambda d: d["state"]["countries"]["MEX"].update(commitments={"return_flights": "x"}),
    "rng state is text": lambda d: d["state"].update(rng_state="junk"),
    "rng state is the wrong list": lambda d: d["state"].update(rng_state=[1, 2]),
    "rng state has a bad generator": lambda d: d["state"].update(rng_state=[3, [1, 2, 3], None]),
    "threats is a dict": lambda d: d["state"].update(threats={"a": 1}),
    "a country is missing": lambda d: d["state"]["countries"].pop("MEX"),
    "an extra country": lambda d: d["state"]["countries"].update(
        XXX=d["state"]["countries"]["MEX"]),
    "unknown mandate": lambda d: d["state"].update(mandate="nope"),
}


@pytest.mark.parametrize("name", sorted(MANGLES))
def test_mangled_fields(name: str) -> None:
    _refused(_mangled(MANGLES[name]))


def test_save_for_an_unknown_scenario() -> None:
    text = _mangled(lambda d: d["state"].update(scenario="atlantis"))
    assert "atlantis" in _refused(text, shipped_bundle())
    assert "atlantis" in _refused(text, shipped_rules("default"))


def test_save_for_another_scenario_than_the_rules() -> None:
    text = dumps(fresh("tutorial"))
    assert "tutorial" in _refused(text, shipped_rules("default"))


def test_state_from_dict_refuses_non_dicts() -> None:
    for data in (None, [], "x", 3):
        with pytest.raises(SaveError):
            state_from_dict(data, shipped_rules("default"))


JSON_LEAF = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False),
                      st.text(max_size=5), st.just([]), st.just({}))


def _leaves(data, path=()):
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _leaves(v, path + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _leaves(v, path + (i,))
    yield path


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_randomly_damaged_saves_load_cleanly_or_raise_save_error(data: st.DataObject) -> None:
    """Replace one random part of a save (a new game's) by random JSON: either SaveError, or a state
    that can still be saved and played for a month."""
    rules = shipped_rules("tutorial")
    doc = json.loads(dumps(fresh("tutorial", "balanced", 2)))
    paths = [p for p in _leaves(doc) if p]
    path = data.draw(st.sampled_from(paths), label="path")
    value = data.draw(JSON_LEAF, label="value")
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    try:
        state = loads(json.dumps(doc), rules)
    except SaveError as error:
        assert str(error).strip()
        return
    dumps(state)
    end_turn(state)


DANGLING = {
    "commitment to an unknown ask": lambda d: d["state"]["countries"]["MEX"]["commitments"].update(open_borders=1),
    "threat against an unknown country": lambda d: d["state"]["threats"].append(
        {"id": 1, "turn": 1, "country": "ATL", "lever": "tariff", "public": False,
         "demand": {"return_flights": 1}, "deadline": 2}),
    "queued action with an unknown lever": lambda d: d["state"]["queue"].append(
        {"kind": "carry_out", "country": "MEX", "lever": "embargo"}),
}


@pytest.mark.parametrize("name", sorted(DANGLING))
def test_save_naming_content_the_data_does_not_have(name: str) -> None:
    """A save made before an instructor removed an ask, a country or a lever is refused on load."""
    doc = json.loads(dumps(fresh("default", "balanced", 1)))
    DANGLING[name](doc)
    with pytest.raises(SaveError, match="does not match the current data"):
        loads(json.dumps(doc), shipped_rules("default"))
