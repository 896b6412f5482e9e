"""``schema --with-ids``: the schemas, with the ids the current data defines listed where an id is
named, so an editor completes ``"MEX"`` or ``return_flights`` and marks an unknown one at once.

The ids are those of the data when the schemas were written: after adding or renaming a country,
lever, ask, event or scenario, run ``schema --with-ids`` again (every field that lists them says so).
Without ``--with-ids`` the schemas check only the form of an id and ``validate`` checks the rest.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any, NamedTuple

Schema = dict[str, Any]


class IdField(NamedTuple):
    """A field of a data model that names entries of another section."""

    model: str  # the model's name in the schema's $defs
    field: str
    target: str  # the section whose ids it names
    shape: str  # "value" (one id), "items" (a list of ids) or "keys" (a table keyed by ids)


ID_FIELDS: tuple[IdField, ...] = (
    IdField("Scenario", "countries", "countries", "items"),
    IdField("Scenario", "events", "events", "items"),
    IdField("Country", "route", "countries", "items"),
    IdField("Start", "commitments", "asks", "keys"),
    IdField("Start", "measures", "levers", "items"),
    IdField("RedLine", "ask", "asks", "value"),
    IdField("Limits", "max_level", "asks", "keys"),
    IdField("Retaliation", "drops", "asks", "items"),
    IdField("Episode", "scenario", "scenarios", "value"),
    IdField("Episode", "country", "countries", "value"),
    IdField("Expectation", "ask", "asks", "value"),
    IdField("Expectation", "lever", "levers", "value"),
    IdField("EpisodeStart", "commitments", "asks", "keys"),
    IdField("EpisodeStart", "measures", "levers", "items"),
    IdField("Ask", "applies_to", "countries", "items"),
    IdField("Event", "countries", "countries", "items"),
    IdField("EventEffect", "country", "countries", "value"),
    IdField("Condition", "ask", "asks", "value"),
    IdField("Condition", "country", "countries", "value"),
    IdField("Condition", "lever", "levers", "value"),
)
TRANSLATED_SECTIONS = ("asks", "countries", "events", "levers", "scenarios")
NOUNS = {"countries": "country", "levers": "lever", "asks": "ask", "events": "event", "scenarios": "scenario"}


def _note(node: Schema, target: str, ids: list[str]) -> None:
    """Say in the hover which ids are known and when to write the schemas again."""
    known = ", ".join(ids) if len(ids) <= 40 else ", ".join(ids[:40]) + ", …"
    line = (f"Known {target} (when the schema was written): {known}. After adding or renaming one, "
            f"run `pressure-points schema --with-ids` again.")
    node["description"] = f"{node.get('description', '').rstrip()} {line}".strip()
    node["markdownDescription"] = f"{node.get('markdownDescription', '').rstrip()}\n\n{line}".strip()


def _unknown(target: str) -> Schema:
    return {"enum": [f"(not a known {NOUNS[target]} id: check the spelling, or run `pressure-points schema "
                     f"--with-ids` again after adding it)"]}


def _keyed_by(node: Schema, target: str, ids: list[str]) -> None:
    """A table keyed by ids: each known id is a property; anything else is marked at its key's value."""
    value: Schema = next(iter(node.pop("patternProperties", {}).values()), {})
    node["properties"] = {**node.get("properties", {}), **{i: copy.deepcopy(value) for i in ids}}
    node["additionalProperties"] = _unknown(target)


def _apply(field: IdField, node: Schema, ids: list[str]) -> None:
    if field.shape == "value":
        node["enum"] = ids
    elif field.shape == "items":
        node.setdefault("items", {})["enum"] = ids
    else:
        _keyed_by(node, field.target, ids)
    _note(node, field.target, ids)


def with_ids(schema: Schema, ids: Mapping[str, list[str]], translation: bool = False) -> Schema:
    """A copy of ``schema`` listing ``ids`` (section -> sorted ids) in every field that names them.

    A section with no ids (a data set without events, say) is left as it is."""
    out = copy.deepcopy(schema)
    defs: dict[str, Schema] = out.get("$defs", {})
    for field in ID_FIELDS:
        node = defs.get(field.model, {}).get("properties", {}).get(field.field)
        if node is not None and ids.get(field.target):
            _apply(field, node, ids[field.target])
    if translation:
        for section in TRANSLATED_SECTIONS:
            node = out.get("properties", {}).get(section)
            if node is not None and ids.get(section):
                _keyed_by(node, section, ids[section])
                _note(node, section, ids[section])
    return out
