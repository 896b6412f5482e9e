"""The debrief as plain data: what the in-game debrief screen and every export show.

``build_debrief(record, bundle)`` replays and verifies the record, then gathers: the score and its
objectives, each government's true priorities beside the player's guesses (scored), timelines
of the envoy's meters, relations, flows and commitments, the credibility and humanitarian ledgers,
the governments' key decisions with their hidden numbers, and the scenario's discussion prompts.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from game.content import ContentBundle
from game.content.scenario import Weights
from game.debrief.ledgers import (
    DealRow,
    HumanitarianRow,
    LedgerEntry,
    deal_rows,
    humanitarian_rows,
    promise_entries,
    threat_entries,
)
from game.debrief.reading import Reading, reading_score, readings
from game.debrief.versus import objective_title, total_words, versus_rows
from game.engine import GameState, Rules, describe, month_label, rules_of, scorecard
from game.i18n import _
from game.records.counterfactual import Comparison, counterfactual
from game.records.model import Record
from game.records.verify import replay_record, rules_for, verify_record

KEY_ABOUT = ("threat", "proposal", "counter", "measure")
KEY_KINDS = ("retaliate", "backslide")


@dataclass
class Series:
    """One line of a chart: a value per month (index 0 = the start)."""

    label: str
    values: list[float]


@dataclass
class Timeline:
    """A chart: several series over the same months."""

    id: str
    title: str
    unit: str
    turns: list[int]
    series: list[Series]
    low: float | None = None
    high: float | None = None


@dataclass
class ObjectiveRow:
    """One objective of the mandate's score: its 0-100 score, the idle year's, and the points between."""

    id: str
    name: str
    score: float
    weight: float
    idle: float = 0.0
    gain: float = 0.0
    verdict: str = ""
    figures: str = ""


@dataclass
class DecisionFactor:
    """One reason behind a decision, with its hidden number."""

    key: str
    text: str
    value: float


@dataclass
class Decision:
    """A government's decision with the numbers behind it."""

    turn: int
    month: str
    country: str
    name: str
    kind: str
    about: str
    asks: str
    said: str
    utility: float
    factors: list[DecisionFactor] = field(default_factory=list)


@dataclass
class ActionRow:
    """One action the envoy took."""

    turn: int
    month: str
    index: int
    text: str


@dataclass
class Debrief:
    """Everything the debrief shows, as plain data (``to_dict`` gives JSON-ready data)."""

    scenario: str
    scenario_title: str
    mandate: str
    mandate_name: str
    seed: int
    player: str
    created: str
    updated: str
    fingerprint: str
    data_matches: bool
    over: bool
    months_played: int
    turns_total: int
    verified: bool
    verify_summary: str
    mismatches: list[str]
    warnings: list[str]
    total: float  # points against doing nothing
    total_words: str
    absolute_total: float
    idle_total: float
    objectives: list[ObjectiveRow]
    scorecard: dict[str, Any]
    readings: list[Reading]
    reading_score: float
    timelines: list[Timeline]
    threats: list[LedgerEntry]
    promises: list[LedgerEntry]
    deals: list[DealRow]
    humanitarian: list[HumanitarianRow]
    decisions: list[Decision]
    actions: list[ActionRow]
    prompts: list[str]
    counterfactual: Comparison | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data (the ``export --format json`` document)."""
        data = dataclasses.asdict(self)
        if self.counterfactual is not None:
            data["counterfactual"]["changed"] = [dataclasses.asdict(c) for c in self.counterfactual.changed()]
        return data


def names_of(rules: Rules) -> dict[str, str]:
    """Display names of countries, levers and asks."""
    out = {cid: c.name for cid, c in rules.countries.items()}
    out.update({lid: lv.name for lid, lv in rules.levers.items()})
    out.update({aid: a.name for aid, a in rules.asks.items()})
    return out


def objective_name(key: str) -> str:
    """A readable objective name, e.g. 'Border flow'."""
    return objective_title(key)


def objective_help(key: str) -> str:
    """The objective's one-line description from the scenario model."""
    info = Weights.model_fields.get(key)
    return _(info.description) if info and info.description else ""


def timelines(record: Record, state: GameState) -> list[Timeline]:
    """The charts: the envoy's meters, budget, relations, flows, commitments and the score."""
    rules = rules_of(state)
    us = state.us.history
    turns = [h.turn for h in us]
    countries = [(cid, rules.countries[cid].name, state.countries[cid].history) for cid in rules.order]

    def per_country(attr: str) -> list[Series]:
        return [Series(name, [round(getattr(h, attr), 3) for h in hist]) for _, name, hist in countries]

    def us_series(label: str, attr: str) -> Series:
        return Series(label, [round(getattr(h, attr), 3) for h in us])

    score = [0.0] + [entry.outcome.score for entry in record.turns]
    return [
        Timeline("standing", _("The envoy's standing"), "0-100", turns, [
            us_series(_("Credibility"), "credibility"), us_series(_("Regional resistance"), "regional_resistance"),
            us_series(_("Access to protection"), "protection")], 0, 100),
        Timeline("budget", _("Aid budget left"), _("$ million"), turns, [us_series(_("Aid budget"), "aid_budget_m")], 0, None),
        Timeline("domestic", _("Domestic cost of US measures (per month)"), _("index"), turns,
                 [us_series(_("Domestic cost"), "domestic_cost")], 0, None),
        Timeline("relations", _("Relations with Washington"), _("-100 hostile to 100 close"), turns,
                 per_country("relations"), -100, 100),
        Timeline("arrivals", _("Arrivals at the US border by nationality"), _("thousands a month"), turns,
                 per_country("arrivals_k"), 0, None),
        Timeline("people", _("People returned and stranded (cumulative)"), _("thousands"), turns, [
            us_series(_("Returned"), "returned_k"), us_series(_("Stranded in transit"), "stranded_k")], 0, None),
        Timeline("commitments", _("Commitments in force (cooperation)"), "0-100", turns,
                 per_country("cooperation"), 0, 100),
        Timeline("score", _("Score against doing nothing"), _("points"), list(range(len(score))),
                 [Series(_("Score"), score)], None, None),
    ]


def decisions(state: GameState) -> list[Decision]:
    """Every answer to a threat, proposal or measure, every retaliation and backsliding."""
    rules = rules_of(state)
    names = names_of(rules)
    out: list[Decision] = []
    for r in state.responses:
        if r.about not in KEY_ABOUT and r.kind not in KEY_KINDS:
            continue
        asks = ", ".join(f"{names.get(a, a)} {lvl}" for a, lvl in r.asks.items())
        out.append(Decision(
            turn=r.turn, month=month_label(rules, r.turn), country=r.country, name=names.get(r.country, r.country),
            kind=r.kind, about=r.about, asks=asks, said=r.text, utility=round(r.utility, 4),
            factors=[DecisionFactor(f.key, f.text, round(f.value, 4)) for f in r.factors],
        ))
    return out


def build_debrief(record: Record, content: ContentBundle | Rules,
                  without: tuple[int, int] | None = None) -> Debrief:
    """The debrief of a record (raises ``RecordError`` if it cannot be replayed with this data).

    ``without=(month, index)`` adds the counterfactual of removing that action (0-based index).
    """
    rules = rules_for(record, content)
    check = verify_record(record, rules)
    state = replay_record(record, rules)
    card = scorecard(state)
    card_data = dataclasses.asdict(card)
    names = names_of(rules)
    intel = {cid: dict(state.countries[cid].intel.estimates) for cid in rules.order}
    items = readings(rules, record.notes, intel)
    mandate = rules.mandates.get(record.mandate)
    return Debrief(
        scenario=record.scenario, scenario_title=rules.scenario.title, mandate=record.mandate,
        mandate_name=mandate.name if mandate else record.mandate, seed=record.seed, player=record.player or "",
        created=record.created, updated=record.updated, fingerprint=record.fingerprint,
        data_matches=record.fingerprint == rules.fingerprint, over=state.is_over,
        months_played=len(record.turns), turns_total=record.turns_total,
        verified=check.ok, verify_summary=check.summary(), mismatches=[str(m) for m in check.mismatches[:50]],
        warnings=list(check.warnings), total=card.total, total_words=total_words(card_data),
        absolute_total=card.absolute_total, idle_total=card.baseline_total,
        objectives=[ObjectiveRow(r.id, r.name, r.score, r.weight, r.idle, r.gain, r.verdict, r.figures)
                    for r in versus_rows(card_data)],
        scorecard=card_data, readings=items, reading_score=reading_score(items),
        timelines=timelines(record, state),
        threats=threat_entries(state, names), promises=promise_entries(state, names), deals=deal_rows(state, names),
        humanitarian=humanitarian_rows(state), decisions=decisions(state),
        actions=[ActionRow(e.turn, e.month, i, describe(a, names)) for e in record.turns for i, a in enumerate(e.actions)],
        prompts=list(rules.scenario.discussion),
        counterfactual=counterfactual(record, rules, *without) if without else None,
    )
