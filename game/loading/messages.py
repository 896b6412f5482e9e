"""Turn pydantic validation errors into located problems with plain-language messages.

Each message says what is wrong and how to fix it, in the terms an instructor sees in the TOML
file: "unknown key 'economyy'; did you mean 'economy'?", "must be between 0 and 1; got 1.4",
"expected a number, found text in quotes", "country ids are three capital letters, like MEX".
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError

from game.i18n import N_, _, ngettext
from game.loading.locate import Loc, SourceMap, format_dotted
from game.loading.modelinfo import (
    Target,
    allowed_keys,
    bounds,
    description,
    enum_at,
    model_at,
    resolve,
    unwrap,
)
from game.loading.problems import Problem, Severity, close_match, did_you_mean, fmt_number

_ID_HELP: dict[str, tuple[str, str, Callable[[str], str]]] = {
    r"^[A-Z]{3}$": (N_("country id"), N_("country ids are three capital letters (ISO 3166 alpha-3), like MEX"), str.upper),
    r"^[a-z][a-z0-9_]{0,39}$": (
        N_("id"), N_("ids are lower case: a letter, then letters, digits or underscores (at most 40), like return_flights"),
        lambda text: re.sub(r"[^a-z0-9_]+", "_", text.strip().lower()).strip("_"),
    ),
    r"^\d{4}-(0[1-9]|1[0-2])$": (N_("month"), N_('write the month as "YYYY-MM", like "2025-01"'), str.strip),
}

_EXPECTED: dict[str, str] = {
    "float_type": N_("a number"), "float_parsing": N_("a number"), "finite_number": N_("a finite number"),
    "int_type": N_("a whole number"), "int_parsing": N_("a whole number"), "int_from_float": N_("a whole number"),
    "string_type": N_("text in quotes"), "bool_type": N_("true or false"), "bool_parsing": N_("true or false"),
    "list_type": N_("a list [..]"), "tuple_type": N_("a list [..]"), "set_type": N_("a list [..]"),
    "dict_type": N_("a table"), "model_type": N_("a table"), "model_attributes_type": N_("a table"),
}
_TABLE_HINT = N_("a table ([section] header or { key = value, ... })")


def found(value: Any) -> str:
    """What a TOML value is, in TOML terms: ``the number 1.4``, ``text in quotes "abc"``…"""
    if isinstance(value, bool):
        return _("true/false ({value})").format(value="true" if value else "false")
    if isinstance(value, (int, float)):
        return _("the number {number}").format(number=fmt_number(value))
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return _('text in quotes "{shown}"').format(shown=shown)
    if isinstance(value, list):
        return ngettext("a list of {n} item", "a list of {n} items", len(value)).format(n=len(value))
    if isinstance(value, dict):
        return _("a table")
    if isinstance(value, (dt.date, dt.time)):
        return _("a date/time ({value})").format(value=value.isoformat())
    return "nothing" if value is None else type(value).__name__


def _is_number_text(value: Any) -> bool:
    try:
        float(value)
    except (TypeError, ValueError):
        return False
    return isinstance(value, str)


def _type_message(kind: str, value: Any) -> str:
    expected = _(_EXPECTED[kind])
    if expected == "a table":
        expected = _(_TABLE_HINT)
    message = _("expected {expected}, found {found}").format(expected=expected, found=found(value))
    if expected.endswith("number") and _is_number_text(value):
        message += _("; write numbers without quotes: {value}").format(value=value.strip())
    elif kind == "string_type" and isinstance(value, (int, float)) and not isinstance(value, bool):
        message += _('; put it in quotes: "{number}"').format(number=fmt_number(value))
    elif kind == "bool_type" and isinstance(value, str) and value.strip().lower() in ("true", "false"):
        message += _("; write {value} without quotes").format(value=value.strip().lower())
    return message


def _range_message(target: Target | None, ctx: dict[str, Any], value: Any) -> str:
    limits = bounds(target) if target is not None else {}
    for name in ("ge", "le", "gt", "lt"):
        if name in ctx and name not in limits:
            limits[name] = ctx[name]
    low = limits.get("ge", limits.get("gt"))
    high = limits.get("le", limits.get("lt"))
    got = _("; got {number}").format(number=fmt_number(value))
    if low is not None and high is not None:
        return _("must be between {number} and {high}{got}").format(
                   number=fmt_number(low), high=fmt_number(high), got=got)
    if low is not None:
        bound = _("must be at least {number}{got}") if "ge" in limits else _("must be more than {number}{got}")
        return bound.format(number=fmt_number(low), got=got)
    if high is not None:
        bound = _("must be at most {number}{got}") if "le" in limits else _("must be less than {number}{got}")
        return bound.format(number=fmt_number(high), got=got)
    return _("is out of range{got}").format(got=got)


def _enum_message(target: Target | None, ctx: dict[str, Any], value: Any) -> str:
    enum = enum_at(target) if target is not None else None
    allowed = [str(member.value) for member in enum] if enum is not None else []
    listed = ", ".join(allowed) if allowed else str(ctx.get("expected", ""))
    if not isinstance(value, str):
        return _("expected one of: {listed}; found {found}").format(listed=listed, found=found(value))
    return _("'{value}' is not allowed here; use one of: {listed}{did_you_mean}").format(
               value=value, listed=listed, did_you_mean=did_you_mean(value, allowed))


def _pattern_message(ctx: dict[str, Any], value: Any, is_key: bool) -> str:
    pattern = str(ctx.get("pattern", ""))
    what, rule, fix = _ID_HELP.get(pattern, (N_("value"), _("it must match the pattern {pattern}").format(pattern=pattern), str))
    what, rule = _(what), _(rule)
    if not isinstance(value, str):
        return _("{what} expected; {rule}").format(what=what, rule=rule)
    shown = f"'{value}'"
    message = _("{shown} is not a valid {what}: {rule}").format(shown=shown, what=what, rule=rule)
    if is_key:
        message = _("{shown} is not a valid {what} for a table key: {rule}").format(shown=shown, what=what, rule=rule)
    fixed = fix(value)
    if fixed != value and re.match(pattern, fixed):
        message += _("; did you mean '{fixed}'?").format(fixed=fixed)
    return message


def _length_message(kind: str, ctx: dict[str, Any], value: Any) -> str:
    if kind == "string_too_short":
        if ctx.get("min_length") == 1:
            return _("must not be empty")
        return _("must be at least {least} characters long").format(least=ctx.get("min_length"))
    if kind == "string_too_long":
        return _("is too long: at most {most} characters; got {actual}").format(
                   most=ctx.get("max_length"), actual=len(value) if isinstance(value, str) else "?")
    entries = isinstance(value, dict)
    actual = ctx.get("actual_length", len(value) if isinstance(value, (list, dict)) else "?")
    if kind == "too_short":
        least = ctx.get("min_length")
        n = least if isinstance(least, int) else 2
        text = (ngettext("needs at least {least} entry; got {actual}", "needs at least {least} entries; got {actual}", n)
                if entries else ngettext("needs at least {least} item; got {actual}", "needs at least {least} items; got {actual}", n))
        return text.format(least=least, actual=actual)
    most = ctx.get("max_length")
    n = most if isinstance(most, int) else 2
    text = (ngettext("may have at most {most} entry; got {actual}", "may have at most {most} entries; got {actual}", n)
            if entries else ngettext("may have at most {most} item; got {actual}", "may have at most {most} items; got {actual}", n))
    return text.format(most=most, actual=actual)


def _unknown_key_message(root: type[BaseModel], loc: Loc, file_name: str) -> str:
    key = str(loc[-1])
    model = model_at(root, loc[:-1])
    allowed = allowed_keys(model) if model is not None else []
    message = _("unknown key '{key}'").format(key=key)
    hint = did_you_mean(key, allowed)
    if hint:
        return message + hint
    if len(loc) == 1 and len(allowed) == 1:
        section = allowed[0]
        return (_("{message}; {file_name} holds only [{section}.<id>] tables: put {key} in {key}.toml or in a "
                   ".toml file with another name").format(
                    message=message, file_name=file_name, section=section, key=key))
    if allowed:
        return _("{message}; allowed keys here: {allowed}").format(message=message, allowed=", ".join(allowed))
    return message


def _missing_message(root: type[BaseModel], loc: Loc) -> str:
    target = resolve(root, loc)
    text = description(target) if target is not None else ""
    key = str(loc[-1]) if loc else "?"
    return _("missing required key '{key}'").format(key=key) + (f" ({text.rstrip('.')})" if text else "")


def _key_target(root: type[BaseModel], dict_loc: Loc) -> Target | None:
    target = resolve(root, dict_loc[:-1])
    if target is None:
        return None
    inner, _optional = unwrap(target.annotation, target.owner)
    if typing.get_origin(inner) is dict:
        return Target(annotation=typing.get_args(inner)[0])
    return None


def error_message(root: type[BaseModel], error: dict[str, Any], file_name: str) -> tuple[Loc, str]:
    """``(field path, message)`` for one pydantic error dict from ``ValidationError.errors()``."""
    loc: Loc = tuple(error.get("loc", ()))
    kind = str(error.get("type", ""))
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    value = error.get("input")
    is_key = bool(loc) and loc[-1] == "[key]"
    if is_key:
        loc = loc[:-1]
        value = loc[-1] if loc else value
    target = _key_target(root, loc) if is_key else resolve(root, loc)
    if kind == "extra_forbidden":
        return loc, _unknown_key_message(root, loc, file_name)
    if kind == "missing":
        return loc, _missing_message(root, loc)
    if kind in _EXPECTED and kind != "finite_number":
        return loc, _type_message(kind, value)
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal", "finite_number"):
        return loc, _range_message(target, ctx, value)
    if kind == "enum":
        return loc, _enum_message(target, ctx, value)
    if kind == "string_pattern_mismatch":
        return loc, _pattern_message(ctx, value, is_key)
    if kind in ("string_too_short", "string_too_long", "too_short", "too_long"):
        return loc, _length_message(kind, ctx, value)
    if kind in ("value_error", "assertion_error"):
        inner = ctx.get("error")
        text = str(inner) if inner is not None else str(error.get("msg", ""))
        return loc, re.sub(r"^(Value error|Assertion failed), ", "", text)
    message = str(error.get("msg", "is not valid"))
    return loc, message[:1].lower() + message[1:]


def validation_problems(
    error: ValidationError, root: type[BaseModel], path: str, source: SourceMap,
) -> list[Problem]:
    """One located problem per pydantic error, in the file ``path`` whose text is ``source``."""
    file_name = path.replace("\\", "/").rsplit("/", 1)[-1]
    items = error.errors(include_url=False)
    # A misspelt key is reported once, as "unknown key 'x'; did you mean 'y'?", not also as missing.
    typos: set[tuple[Any, ...]] = set()
    for item in items:
        loc = tuple(item.get("loc", ()))
        if item.get("type") == "extra_forbidden" and loc:
            model = model_at(root, loc[:-1])
            match = close_match(str(loc[-1]), allowed_keys(model)) if model is not None else None
            if match is not None:
                typos.add((*loc[:-1], match))
    problems: list[Problem] = []
    for item in items:
        if item.get("type") == "missing" and tuple(item.get("loc", ())) in typos:
            continue
        loc, message = error_message(root, dict(item), file_name)
        line, column = source.locate(loc)
        problems.append(Problem(
            path=path, line=line, column=column, severity=Severity.error,
            field=format_dotted(loc), message=message,
        ))
    return problems

