"""A bot played from a plan of parameters, for the balance check's search for exploits.

A ``Plan`` says which levers the bot may use, whether its threats are public, whether it carries
them out or bluffs, whether it takes counter-offers, how it approaches a government (threats,
offers, proposals backed by a threat, or bare proposals), how high it asks and how many
governments it works on a month. ``plan_bot(plan)`` turns a plan into a strategy that plays like
the built-in bots: through ``apply`` only, from public information.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from typing import Any

from game.engine.actions import AcceptCounter, CarryOut, Engage, Investigate, Lift, Propose, Threaten
from game.engine.botkit import _by_flow, _counter_open, _try, _wanted, kit_of
from game.engine.bots import Strategy
from game.engine.rules import Rules
from game.engine.state import GameState, rules_of

APPROACHES = ("threaten", "offer", "backed", "bare")


@dataclass(frozen=True)
class Plan:
    """The parameters of one searched strategy."""

    levers: frozenset[str]  # sticks, carrots and diplomacy the bot may use
    approach: str = "offer"  # one of APPROACHES
    public: bool = False
    follow_through: bool = True  # carry out threats that come due (False: bluff)
    accept_counters: bool = True
    intel: bool = False  # investigate a government before working on it
    level: int = 1  # the level asked for (capped at each ask's top level)
    per_month: int = 3  # governments worked on a month
    deadline: int = 2

    def describe(self) -> dict[str, Any]:
        """The plan as plain JSON data (what ``balance`` prints as the winning parameters)."""
        return {"levers": sorted(self.levers), "approach": self.approach, "public": self.public,
                "follow_through": self.follow_through, "accept_counters": self.accept_counters,
                "intel": self.intel, "level": self.level, "countries_per_month": self.per_month,
                "deadline": self.deadline}

    def words(self) -> str:
        """The plan in one line for people."""
        how = {"threaten": "threats", "offer": "offers", "backed": "offers backed by threats",
               "bare": "bare proposals (nothing offered)"}[self.approach]
        parts = [f"{how} to {self.per_month} government(s) a month, asking level {self.level}",
                 "in public" if self.public else "in private",
                 "threats carried out" if self.follow_through else "threats never carried out",
                 "counter-offers taken" if self.accept_counters else "counter-offers ignored"]
        if self.intel:
            parts.append("intelligence first")
        parts.append("levers: " + (", ".join(sorted(self.levers)) or "none"))
        return "; ".join(parts)


def choices(rules: Rules) -> dict[str, tuple[Any, ...]]:
    """The values each parameter can take with these rules (levers: the ones a plan may hold)."""
    usable = tuple(lid for lid in rules.lever_order if rules.levers[lid].kind in ("stick", "carrot", "diplomacy"))
    top = max((len(a.levels) for a in rules.asks.values()), default=1)
    return {
        "levers": usable, "approach": APPROACHES, "public": (False, True), "follow_through": (True, False),
        "accept_counters": (True, False), "intel": (False, True), "level": tuple(range(1, top + 1)),
        "per_month": tuple(range(1, len(rules.order) + 1)), "deadline": (1, 2, 3),
    }


def random_plan(rules: Rules, rng: random.Random) -> Plan:
    """A plan with every parameter drawn at random."""
    options = choices(rules)
    levers = frozenset(lid for lid in options["levers"] if rng.random() < 0.5)
    return Plan(levers=levers, **{k: rng.choice(v) for k, v in options.items() if k != "levers"})


def neighbours(rules: Rules, plan: Plan, rng: random.Random, count: int) -> list[Plan]:
    """``count`` plans that differ from ``plan`` in one parameter (a lever added or dropped counts as one)."""
    options = choices(rules)
    keys = list(options)
    out: list[Plan] = []
    for _ in range(count):
        key = rng.choice(keys)
        if key == "levers":
            if not options["levers"]:
                continue
            lid = rng.choice(options["levers"])
            out.append(replace(plan, levers=plan.levers ^ {lid}))
        else:
            values = [v for v in options[key] if v != getattr(plan, key)]
            if values:
                out.append(replace(plan, **{key: rng.choice(values)}))
    return out


def plan_bot(plan: Plan) -> Strategy:
    """The strategy that plays ``plan``."""

    def play(state: GameState, rng: random.Random) -> None:
        rules = rules_of(state)
        tools = kit_of(state)
        sticks = [lid for lid in rules.lever_order if lid in plan.levers and rules.levers[lid].kind == "stick"]
        offers = [lid for lid in tools.offers if lid in plan.levers]
        talks = [lid for lid in rules.lever_order if lid in plan.levers and rules.levers[lid].kind == "diplomacy"]
        us = state.us
        for threat in state.threats:
            if plan.follow_through and threat.status == "pending" and threat.deadline <= state.turn:
                _try(state, CarryOut(threat.country, threat.lever))
        for promise in state.promises:
            if promise.kind == "lift" and promise.status == "open":
                _try(state, Lift(promise.country, promise.lever))
        worked = 0
        for cid in _by_flow(state):
            if worked >= plan.per_month or us.capital <= 0:
                break
            cs = state.countries[cid]
            if plan.accept_counters and _counter_open(state, cs) and _try(state, AcceptCounter(cid)):
                worked += 1
                continue
            if plan.intel and cs.intel.effort == 0 and tools.intel:
                if _try(state, Investigate(cid, tools.intel)):
                    worked += 1
                continue
            if any(t.country == cid and t.status == "pending" for t in state.threats):
                continue
            demand = _wanted(rules, state, cid, level=plan.level)
            acted = False
            if demand:
                stick = next((s for s in rules.stick_rank[cid] if s in sticks and s not in cs.measures), None)
                offer = next((o for o in offers if o not in cs.measures and (
                    rules.levers[o].requires is None or rules.levers[o].requires in cs.measures)), None)
                if plan.approach == "threaten" and stick:
                    acted = _try(state, Threaten(cid, stick, demand, public=plan.public, deadline=plan.deadline))
                elif plan.approach == "offer" and offer:
                    acted = _try(state, Propose(cid, demand, (offer,)))
                elif plan.approach == "backed" and stick:
                    acted = _try(state, Propose(cid, demand, (offer,) if offer else (), threat=stick,
                                                public=plan.public, deadline=plan.deadline))
                elif plan.approach == "bare":
                    acted = _try(state, Propose(cid, demand, ()))
            if not acted and talks:
                acted = _try(state, Engage(cid, talks[int(rng.random() * len(talks))]))
            worked += 1 if acted else 0

    play.__name__ = "searched"
    return play
