"""Values worked out once per set of compiled rules (the bots' kit, the mandates' weights, the idle
games, the start every game shares), kept while those rules live and forgotten with them.

Rules are keyed by identity (``id``), with a weak reference that drops the entry when the rules are
freed, so a new set of rules made at the same address never finds an old value.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Generic, TypeVar

from game.engine.rules import Rules

V = TypeVar("V")


class PerRules(Generic[V]):
    """One value per live set of rules."""

    def __init__(self) -> None:
        self._kept: dict[int, tuple[weakref.ref[Rules], V]] = {}

    def get(self, rules: Rules) -> V | None:
        """The value kept for these rules, or None."""
        kept = self._kept.get(id(rules))
        return kept[1] if kept is not None and kept[0]() is rules else None

    def put(self, rules: Rules, value: V) -> V:
        """Keep ``value`` for these rules (until they are freed); returns it."""
        key = id(rules)
        kept = self._kept

        def forget(_ref: weakref.ref[Rules]) -> None:
            kept.pop(key, None)
        kept[key] = (weakref.ref(rules, forget), value)
        return value

    def of(self, rules: Rules, build: Callable[[Rules], V]) -> V:
        """The value for these rules, built on first use."""
        kept = self._kept.get(id(rules))
        if kept is not None and kept[0]() is rules:
            return kept[1]
        return self.put(rules, build(rules))
