"""Saving and loading a game as versioned JSON. Content is referenced by id, never saved."""

from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter, ValidationError

from game.content import ContentBundle
from game.engine.compiler import compile_rules
from game.engine.rules import Rules, UnknownContent
from game.engine.savecheck import dangling_references
from game.engine.state import SAVE_VERSION, GameState, attach
from game.i18n import _
from game.safe_json import loads as read_json

STATE_ADAPTER: TypeAdapter[GameState] = TypeAdapter(GameState)
FORMAT = "pressure-points-save"


class SaveError(Exception):
    """A save that cannot be loaded; the message is for the player."""


def state_to_dict(state: GameState) -> dict[str, Any]:
    """The JSON form of a state (plain data only)."""
    state.sync_rng()
    data = STATE_ADAPTER.dump_python(state, mode="json")
    return {"format": FORMAT, "version": SAVE_VERSION, "state": data}


def dumps(state: GameState) -> str:
    """The save file's text."""
    return json.dumps(state_to_dict(state), separators=(",", ":"), sort_keys=False)


def state_from_dict(data: Any, content: ContentBundle | Rules) -> GameState:
    """Rebuild a state from its JSON form and bind it to the content (by id)."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SaveError(_("This is not a Pressure Points save file."))
    version = data.get("version")
    if version != SAVE_VERSION:
        raise SaveError(_("This save is format version {version}; this game reads version {readable}.").format(
                            version=version, readable=SAVE_VERSION))
    try:
        state = STATE_ADAPTER.validate_python(data.get("state"))
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise SaveError(_("The save file is damaged ({error_count} problems; first at {where}: {first}).").format(
                            error_count=error.error_count(), where=where, first=first['msg'])) from None
    rules = content if isinstance(content, Rules) else None
    try:
        if rules is None:
            rules = compile_rules(content, state.scenario)  # type: ignore[arg-type]
    except UnknownContent as error:  # the scenario is gone from the data
        raise SaveError(_("The save needs scenario '{scenario}', which the current data does not have ({error}).").format(
                            scenario=state.scenario, error=error)) from None
    if rules.scenario_id != state.scenario:
        raise SaveError(_("The save is for scenario '{scenario}', not '{scenario_id}'.").format(
                            scenario=state.scenario, scenario_id=rules.scenario_id))
    missing = [cid for cid in rules.order if cid not in state.countries]
    extra = [cid for cid in state.countries if cid not in rules.countries]
    if missing or extra or state.mandate not in rules.mandates:
        raise SaveError(_("The save does not match the current data (its countries or mandate differ)."))
    dangling = dangling_references(state, rules)
    if dangling:
        shown = "; ".join(dangling[:3]) + (_(" (and {n} more)").format(n=len(dangling) - 3) if len(dangling) > 3 else "")
        raise SaveError(_("The save does not match the current data: {shown}. The data files were changed after this "
                           "game was saved.").format(shown=shown))
    state.__post_init__()
    try:
        state.rng  # noqa: B018  rebuild the generator now, so a damaged rng_state is refused here and not mid-game
    except (TypeError, ValueError, OverflowError):
        raise SaveError(_("The save file is damaged (the state of its random generator is invalid).")) from None
    return attach(state, rules)


def loads(text: str | bytes, content: ContentBundle | Rules) -> GameState:
    """Load a save file's text."""
    try:
        data = read_json(text)
    except ValueError as error:  # UnicodeDecodeError and too deep nesting are ValueErrors
        raise SaveError(_("The save file is not readable JSON ({error}).").format(error=error)) from None
    return state_from_dict(data, content)
