"""Cross-reference checks over all loaded content: every id that is named must exist.

:func:`check_references` returns every problem at once, each located in the file that defines the
entry it belongs to (``origins`` maps ``(section, id)`` to that file). Ids that are defined but
failed validation are listed in ``origins`` too, so they count as existing and a typo in one
entry does not make every reference to it an error as well.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from game.content.bundle import ContentBundle
from game.content.event import COUNTRY_METRICS, Condition, Event, Metric, Scope
from game.content.scenario import MANDATE_IDS
from game.i18n import N_, Wording, _, ngettext
from game.loading.locate import Loc, format_dotted
from game.loading.problems import Problem, Severity, close_match
from game.loading.reading import SourceFile

SECTIONS: tuple[str, ...] = ("countries", "levers", "asks", "events", "scenarios", "episodes")
NOUNS: Mapping[str, str] = Wording({
    "countries": N_("country"), "levers": N_("lever"), "asks": N_("ask"), "events": N_("event"),
    "scenarios": N_("scenario"), "episodes": N_("episode"),
})
LONG_SCENARIO_TURNS = 24
Origins = Mapping[tuple[str, str], SourceFile]


class _Checker:
    """Collects reference problems over one bundle."""

    def __init__(self, bundle: ContentBundle, origins: Origins, incomplete: Collection[str]) -> None:
        self.bundle = bundle
        self.origins = origins
        self.incomplete = frozenset(incomplete)
        self.ids: dict[str, set[str]] = {
            section: set(getattr(bundle, section)) | {key for (sec, key) in origins if sec == section}
            for section in SECTIONS
        }
        self.problems: list[Problem] = []

    def report(self, section: str, entry: str, rest: Loc, message: str,
               severity: Severity = Severity.error) -> None:
        loc: Loc = (section, entry, *rest)
        origin = self.origins.get((section, entry))
        line, column = origin.locate(loc) if origin is not None else (1, 1)
        self.problems.append(Problem(
            path=origin.display if origin is not None else "", line=line, column=column,
            severity=severity, field=format_dotted(loc), message=message,
        ))

    def ref(self, section: str, entry: str, rest: Loc, target: str, value: str) -> bool:
        """Check that ``value`` is an id of ``target``; report it when not. True when it exists."""
        known = self.ids[target]
        if value in known:
            return True
        if target in self.incomplete:
            return False  # a file that may define it could not be read: say nothing
        noun = NOUNS[target]
        match = close_match(value, known)
        if match is not None:
            hint = _("; did you mean '{match}'?").format(match=match)
        elif not known:
            hint = _(" (no {target} are defined)").format(target=target)
        elif len(known) <= 15:
            hint = _(" (known {target}: {join})").format(target=target, join=', '.join(sorted(known)))
        else:
            hint = ""
        self.report(section, entry, rest, _("unknown {noun} '{value}'{hint}").format(noun=noun, value=value, hint=hint))
        return False

    # -- sections ------------------------------------------------------------------------------
    def scenarios(self) -> None:
        for sid, scenario in self.bundle.scenarios.items():
            for index, country in enumerate(scenario.countries):
                self.ref("scenarios", sid, ("countries", index), "countries", country)
            for index, event in enumerate(scenario.events or []):
                self.ref("scenarios", sid, ("events", index), "events", event)
            for mandate in MANDATE_IDS:
                if mandate not in scenario.mandates:
                    self.report("scenarios", sid, ("mandates",), (
                        _("no '{mandate}' mandate: a scenario should offer {join} so that a class can compare goals").format(
                            mandate=mandate, join=', '.join(MANDATE_IDS))), Severity.warning)
            if scenario.turns > LONG_SCENARIO_TURNS:
                self.report("scenarios", sid, ("turns",), (
                    _("turns = {turns} is longer than {LONG_SCENARIO_TURNS} months; a class rarely gets through that "
                       "many").format(turns=scenario.turns, LONG_SCENARIO_TURNS=LONG_SCENARIO_TURNS)), Severity.warning)

    def countries(self) -> None:
        in_play = {cid for scenario in self.bundle.scenarios.values() for cid in scenario.countries}
        # Only when every scenario could be read: a broken one may well list the country.
        scenarios_whole = "scenarios" not in self.incomplete and self.ids["scenarios"] == set(self.bundle.scenarios)
        for cid, country in self.bundle.countries.items():
            for index, step in enumerate(country.route):
                if step == cid:
                    self.report("countries", cid, ("route", index), (
                        _("the route of {cid} lists {cid} itself; list only the countries its migrants cross").format(
                            cid=cid)))
                else:
                    self.ref("countries", cid, ("route", index), "countries", step)
            for ask_id, level in country.start.commitments.items():
                self._commitment(cid, ask_id, level)
            for index, lever in enumerate(country.start.measures):
                self.ref("countries", cid, ("start", "measures", index), "levers", lever)
            self._limits(cid)
            if all(weight == 0 for weight in country.priorities.model_dump().values()):
                self.report("countries", cid, ("priorities",), (
                    _("every priority is 0, so this government cares about nothing; "
                    "give at least one a weight above 0")), Severity.warning)
            if self.bundle.scenarios and scenarios_whole and cid not in in_play:
                self.report("countries", cid, (), (
                    _("{cid} is in no scenario; add it to a scenario's countries to play it").format(cid=cid)), Severity.warning)

    def _limits(self, cid: str) -> None:
        """Red lines, capacity limits and retaliation name asks that exist, at levels they have."""
        country = self.bundle.countries[cid]
        for index, line in enumerate(country.limits.red_lines):
            rest: Loc = ("limits", "red_lines", index, "ask")
            if self.ref("countries", cid, rest, "asks", line.ask) and line.ask in self.bundle.asks:
                count = len(self.bundle.asks[line.ask].levels)
                if line.from_level > count:
                    self.report("countries", cid, ("limits", "red_lines", index, "from_level"), (
                        ngettext("ask '{ask}' has {count} level; from_level {from_level} would never be reached",
                                 "ask '{ask}' has {count} levels; from_level {from_level} would never be reached", count).format(
                            ask=line.ask, count=count, from_level=line.from_level)))
        for ask_id, level in country.limits.max_level.items():
            rest = ("limits", "max_level", ask_id)
            if self.ref("countries", cid, rest, "asks", ask_id) and ask_id in self.bundle.asks:
                count = len(self.bundle.asks[ask_id].levels)
                if not 0 <= level <= count:
                    self.report("countries", cid, rest, _("level must be between 0 and {count}; got {level}").format(
                                                            count=count, level=level))
                held = country.start.commitments.get(ask_id, 0)
                if held > level:
                    self.report("countries", cid, rest, (
                        _("it already holds '{ask_id}' at level {held} at the start, above its max_level {level}").format(
                            ask_id=ask_id, held=held, level=level)))
        for index, option in enumerate(country.retaliation):
            for j, ask_id in enumerate(option.drops):
                self.ref("countries", cid, ("retaliation", index, "drops", j), "asks", ask_id)

    def episodes(self) -> None:
        for eid, episode in self.bundle.episodes.items():
            self.ref("episodes", eid, ("scenario",), "scenarios", episode.scenario)
            self.ref("episodes", eid, ("country",), "countries", episode.country)
            for index, expectation in enumerate(episode.expect):
                if expectation.ask is not None:
                    self.ref("episodes", eid, ("expect", index, "ask"), "asks", expectation.ask)
                if expectation.lever is not None:
                    self.ref("episodes", eid, ("expect", index, "lever"), "levers", expectation.lever)
            for ask_id in (episode.start.commitments or {}):
                self.ref("episodes", eid, ("start", "commitments", ask_id), "asks", ask_id)
            for index, lever in enumerate(episode.start.measures or []):
                self.ref("episodes", eid, ("start", "measures", index), "levers", lever)

    def _commitment(self, cid: str, ask_id: str, level: int) -> None:
        rest: Loc = ("start", "commitments", ask_id)
        if not self.ref("countries", cid, rest, "asks", ask_id) or ask_id not in self.bundle.asks:
            return
        ask = self.bundle.asks[ask_id]
        count = len(ask.levels)
        if not 1 <= level <= count:
            self.report("countries", cid, rest, (
                ngettext("level must be between 1 and {count} (ask '{ask_id}' has {count} level); got {level}",
                         "level must be between 1 and {count} (ask '{ask_id}' has {count} levels); got {level}", count).format(
                    count=count, ask_id=ask_id, level=level)))
        if ask.applies_to and cid not in ask.applies_to:
            self.report("countries", cid, rest, (
                _("ask '{ask_id}' does not apply to {cid} (its applies_to lists {join}); add {cid} there or "
                   "remove this commitment").format(ask_id=ask_id, cid=cid, join=', '.join(ask.applies_to))))

    def asks(self) -> None:
        for ask_id, ask in self.bundle.asks.items():
            for index, country in enumerate(ask.applies_to):
                self.ref("asks", ask_id, ("applies_to", index), "countries", country)

    def events(self) -> None:
        for eid, event in self.bundle.events.items():
            for index, country in enumerate(event.countries):
                self.ref("events", eid, ("countries", index), "countries", country)
            if event.countries and event.scope is Scope.global_:
                self.report("events", eid, ("countries",), (
                    _("countries is used only by each_country events; this event is global "
                    "(set scope = \"each_country\" or remove countries)")), Severity.warning)
            self._condition(eid, event, event.when, ("when",))
            for index, effect in enumerate(event.effects):
                rest: Loc = ("effects", index)
                if effect.country is not None:
                    self.ref("events", eid, (*rest, "country"), "countries", effect.country)
                elif event.scope is Scope.global_ and effect.metric in COUNTRY_METRICS:
                    self._no_country(eid, (*rest, "metric"), effect.metric)

    def _no_country(self, eid: str, rest: Loc, metric: Metric) -> None:
        self.report("events", eid, rest, (
            _("metric '{value}' belongs to a country, and this event is global: name a country (country = "
               '"MEX") or make the event scope each_country').format(value=metric.value)))

    def _condition(self, eid: str, event: Event, condition: Condition, rest: Loc) -> None:
        for key, items in (("all", condition.all), ("any", condition.any)):
            for index, inner in enumerate(items or []):
                self._condition(eid, event, inner, (*rest, key, index))
        if condition.not_ is not None:
            self._condition(eid, event, condition.not_, (*rest, "not"))
        metric = condition.metric
        if metric is None:
            return
        if condition.country is not None:
            self.ref("events", eid, (*rest, "country"), "countries", condition.country)
        elif event.scope is Scope.global_ and metric in COUNTRY_METRICS:
            self._no_country(eid, (*rest, "metric"), metric)
        for key, value, section, wanted in (("ask", condition.ask, "asks", Metric.commitment),
                                            ("lever", condition.lever, "levers", Metric.lever_in_force)):
            if value is None:
                continue
            self.ref("events", eid, (*rest, key), section, value)
            if metric is not wanted:
                self.report("events", eid, (*rest, key), (
                    _("{key} is used only with metric = '{value}'; it is ignored here").format(
                        key=key, value=wanted.value)), Severity.warning)


def check_references(
    bundle: ContentBundle, origins: Origins | None = None, incomplete: Collection[str] = (),
) -> list[Problem]:
    """Every reference problem in ``bundle`` at once (errors and warnings), located via ``origins``.

    ``incomplete`` names sections that a file which could not be read may define: references
    into them are not reported as unknown, since the id may well be in that file.
    """
    checker = _Checker(bundle, origins or {}, incomplete)
    checker.scenarios()
    checker.countries()
    checker.asks()
    checker.events()
    checker.episodes()
    return checker.problems
