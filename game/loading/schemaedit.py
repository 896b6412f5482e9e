"""Make pydantic's JSON Schemas read well in a text editor (taplo / Even Better TOML).

pydantic writes what the models accept; editors need more: no ``null`` branch (TOML has no null),
each field's range, default and allowed values in its own hover text (``description`` and
``markdownDescription``), its own description rather than that of a ``$ref`` target, and mistakes
reported on the line to fix. taplo reports an error on a table once per key of that table, so unknown
keys are refused by a schema on the key's own value (``additionalProperties`` as a schema that names
the allowed keys) rather than by ``additionalProperties: false`` on the whole table, and required keys
are stated in the hover text rather than listed in ``required`` (the validator reports them). The rules the
models check in code and a schema can also say are added here: sticks and carrots, the parts of a
comparison, the metrics an event may change, the three named mandates, countries listed once.
"""

from __future__ import annotations

import copy
from typing import Any

from game.content.common import LeverKind
from game.content.event import EFFECT_METRICS
from game.content.scenario import MANDATE_IDS
from game.loading.problems import fmt_number

Schema = dict[str, Any]
_EXAMPLES = {r"^[A-Z]{3}$": ["MEX"], r"^[a-z][a-z0-9_]{0,39}$": ["return_flights"],
             r"^\d{4}-(0[1-9]|1[0-2])$": ["2025-01"]}
_UNIQUE = {("Scenario", "countries")}
_COMPARISON = {"metric": ["op", "value"], "op": ["metric", "value"], "value": ["metric", "op"]}


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return fmt_number(value)
    if isinstance(value, str):
        return f'"{value}"'
    if value == []:
        return "[] (empty)"
    return str(value)


def _facts(prop: Schema) -> list[tuple[str, str]]:
    """``(plain, markdown)`` sentences stating the range, length, allowed values and default of a field."""
    facts: list[tuple[str, str]] = []
    low, high = prop.get("minimum", prop.get("exclusiveMinimum")), prop.get("maximum", prop.get("exclusiveMaximum"))
    whole = prop.get("type") == "integer"
    kind = "A whole number" if whole else "A number"
    if low is not None and high is not None:
        facts.append((f"{kind} from {fmt_number(low)} to {fmt_number(high)}.",
                      f"{kind} from `{fmt_number(low)}` to `{fmt_number(high)}`."))
    elif low is not None:
        facts.append((f"{kind}, at least {fmt_number(low)}.", f"{kind}, at least `{fmt_number(low)}`."))
    if "enum" in prop:
        values = [str(v) for v in prop["enum"]]
        facts.append((f"One of: {', '.join(values)}.", "One of: " + ", ".join(f"`{v}`" for v in values) + "."))
    if prop.get("type") == "array" and ("minItems" in prop or "maxItems" in prop):
        least, most = prop.get("minItems", 0), prop.get("maxItems")
        text = f"{least} to {most} items." if most is not None else f"At least {least} item{'s' if least != 1 else ''}."
        facts.append((text, text))
    if prop.get("uniqueItems"):
        facts.append(("Each only once.", "Each only once."))
    if "default" in prop:
        shown = _shown(prop["default"])
        facts.append((f"Default: {shown}.", f"Default: `{shown}`."))
    elif prop.get("_required"):
        facts.append(("Required.", "**Required.**"))
    return facts


def _describe(prop: Schema) -> None:
    facts = _facts(prop)
    prop.pop("_required", None)
    text = prop.get("description", "").strip()
    if not text and not facts:
        return
    prop["description"] = " ".join([text] + [plain for plain, _ in facts]).strip()
    prop["markdownDescription"] = "\n\n".join(part for part in [text, " ".join(md for _, md in facts)] if part)


def _examples(node: Schema) -> None:
    pattern = node.get("pattern")
    if pattern in _EXAMPLES and "examples" not in node:
        node["examples"] = _EXAMPLES[pattern]


def _unknown_keys(keys: list[str]) -> Schema:
    """The schema of a key that is not allowed: it fails on the key's own value, naming the allowed keys."""
    allowed = ", ".join(keys) if keys else "none"
    return {"enum": [f"(not a key of this table: check the spelling; allowed keys: {allowed})"]}


def _field(prop: Schema, defs: dict[str, Schema]) -> Schema:
    """One field: no null branch, enums inlined, a model reference wrapped so that its own text shows."""
    if "anyOf" in prop:
        branches = [b for b in prop["anyOf"] if b.get("type") != "null"]
        if len(branches) == 1:
            rest = {k: v for k, v in prop.items() if k != "anyOf"}
            inner = dict(branches[0])
            inner.pop("description", None) if "description" in rest else None
            prop = {**inner, **rest}
            if prop.get("default", 0) is None:
                del prop["default"]
    ref = prop.get("$ref")
    if ref is not None:
        target = defs[ref.rsplit("/", 1)[-1]]
        if "enum" in target:
            prop = {**{k: v for k, v in prop.items() if k != "$ref"}, "enum": target["enum"], "type": target.get("type", "string")}
        elif "description" in prop:
            prop = {**{k: v for k, v in prop.items() if k != "$ref"}, "allOf": [{"$ref": ref}]}
    items = prop.get("items")
    if isinstance(items, dict):
        items.pop("description", None) if "$ref" not in items else None
        _examples(items)
    _examples(prop)
    prop.pop("title", None)
    return prop


def _keyed(prop: Schema) -> None:
    """A table keyed by id (``patternProperties``): an unknown id is reported on its own table."""
    if "patternProperties" in prop:
        names = prop.pop("propertyNames", {})
        rule = names.get("description", "").rstrip(".")
        prop["additionalProperties"] = {"enum": [f"(not a valid id here: {rule or 'check the spelling'})"]}


def _model(name: str, model: Schema, defs: dict[str, Schema]) -> None:
    required = set(model.get("required", []))
    props: dict[str, Schema] = model.get("properties", {})
    for key in list(props):
        prop = _field(props[key], defs)
        if (name, key) in _UNIQUE:
            prop["uniqueItems"] = True
        _keyed(prop)
        if key in required:
            prop["_required"] = True
        _describe(prop)
        props[key] = prop
    if props:
        model["additionalProperties"] = _unknown_keys(list(props))
    # taplo shows an error about a table on every key of it: a missing key is stated in the hover text
    # ("Required.") and reported by the validator, so that a misspelt key gives one mark, on its line.
    model.pop("required", None)
    model.pop("title", None)


def _rules(defs: dict[str, Schema]) -> None:
    """The checks the models make in code that a schema can also express."""
    lever = defs.get("Lever")
    if lever is not None:
        lever["allOf"] = [
            {"if": {"not": {"properties": {"kind": {"const": LeverKind.carrot.value}}}},
             "then": {"properties": {"offerable": {"const": False, "description": "Only a carrot can be offered."}}}},
            {"if": {"not": {"properties": {"kind": {"const": LeverKind.stick.value}}}},
             "then": {"properties": {"threat_public": {"const": False, "description": "Only a stick can be threatened."},
                                     "threat_private": {"const": False, "description": "Only a stick can be threatened."}}}},
        ]
    condition = defs.get("Condition")
    if condition is not None:
        condition["dependencies"] = copy.deepcopy(_COMPARISON)  # draft 7 keyword: taplo reads it
        condition["dependentRequired"] = copy.deepcopy(_COMPARISON)
    effect = defs.get("EventEffect")
    if effect is not None:
        metric = effect["properties"]["metric"]
        metric["enum"] = [value for value in metric["enum"] if value in {m.value for m in EFFECT_METRICS}]
        _describe_again(metric)
    scenario = defs.get("Scenario")
    if scenario is not None:
        mandates = scenario["properties"]["mandates"]
        mandates.pop("patternProperties", None)
        mandates.pop("minProperties", None)
        mandates["properties"] = {mid: {"$ref": "#/$defs/Mandate"} for mid in MANDATE_IDS}
        mandates["additionalProperties"] = {"enum": [f"(not a mandate id: use {', '.join(MANDATE_IDS)})"]}


def _describe_again(prop: Schema) -> None:
    """Recompute the hover text of a field whose allowed values changed."""
    text = prop.get("markdownDescription", "").split("\n\n")[0]
    prop.pop("markdownDescription", None)
    prop["description"] = text
    _describe(prop)


def editor_schema(schema: Schema) -> Schema:
    """``schema`` (pydantic's, by alias) reshaped for editors, as described in the module docstring."""
    schema = copy.deepcopy(schema)
    defs: dict[str, Schema] = schema.get("$defs", {})
    for name, model in defs.items():
        if "properties" in model:
            _model(name, model, defs)
    _model("", schema, defs)
    _rules(defs)
    used = _referenced(schema)
    for name in [name for name in defs if name not in used]:
        del defs[name]  # enums now written out where they are used
    return schema


def _referenced(schema: Schema) -> set[str]:
    """Names of the ``$defs`` that ``schema`` refers to, directly or through other definitions."""
    def refs(node: Any) -> set[str]:
        if isinstance(node, dict):
            found = {node["$ref"].rsplit("/", 1)[-1]} if isinstance(node.get("$ref"), str) else set()
            return found.union(*(refs(v) for k, v in node.items() if k != "$defs"))
        if isinstance(node, list):
            return set().union(*(refs(v) for v in node))
        return set()

    defs = schema.get("$defs", {})
    used: set[str] = set()
    todo = refs(schema)
    while todo:
        name = todo.pop()
        if name not in used and name in defs:
            used.add(name)
            todo |= refs(defs[name])
    return used
