"""Table-driven tests: each kind of data mistake gives one exact, located problem.

Every case edits one file of the small fixture data set (``tests/fixtures/mini``) and names the
problem it expects: file, field, severity, key parts of the message, and where it is located
(the first occurrence of ``at`` in the edited text gives the expected line and column).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from game.loading import Problem, Severity, check_references, load_content


@dataclass(frozen=True)
class Case:
    """One mistake and the problem it must produce."""

    name: str
    file: str
    old: str
    new: str
    field: str
    parts: tuple[str, ...]
    at: str
    severity: Severity = Severity.error
    exact: str | None = None
    in_file: str | None = None  # where the problem is, when not in the edited file


CASES: list[Case] = [
    # -- schema problems -------------------------------------------------------------------------
    Case("unknown key with suggestion", "countries.toml", "economy = 0.9", "economyy = 0.9",
         "countries.MEX.priorities.economyy", (), "economyy",
         exact="unknown key 'economyy'; did you mean 'economy'?"),
    Case("unknown key in inline table", "levers.toml", '{ dimension = "aid", amount = 0.5 }',
         '{ dimension = "aid", amont = 0.5 }', "levers.aid_package.impacts[0].amont",
         ("unknown key 'amont'", "did you mean 'amount'?"), "amont"),
    Case("unknown key without suggestion", "countries.toml", "capacity = 0.75", "capacity = 0.75\nzzz = 1",
         "countries.MEX.traits.zzz", ("unknown key 'zzz'", "allowed keys here: pride, retaliation"), "zzz ="),
    Case("unknown section in a section file", "levers.toml", "# Test fixture: levers.",
         "[asks.extra]\nname = 'x'", "asks", ("unknown key 'asks'", "levers.toml holds only [levers.<id>]"), "asks.extra]"),
    Case("missing key", "countries.toml", 'capital = "Mexico City"\n', "", "countries.MEX.capital",
         (), "[countries.MEX]", exact="missing required key 'capital' (Capital city)"),
    Case("missing table", "countries.toml", "[countries.GTM.map]\nlabel_lon = -90.3\nlabel_lat = 15.6\n", "",
         "countries.GTM.map", ("missing required key 'map'", "Map label position"), "[countries.GTM]"),
    Case("out of range", "countries.toml", "remittances = 0.8", "remittances = 1.4",
         "countries.GTM.exposure.remittances", (), "remittances = 1.4", exact="must be between 0 and 1; got 1.4"),
    Case("out of range negative", "countries.toml", "relations = 40.0", "relations = -150",
         "countries.GTM.start.relations", (), "relations = -150", exact="must be between -100 and 100; got -150"),
    Case("out of range in array of tables", "asks.toml", "amount = -0.3", "amount = -3",
         "asks.transit_enforcement.costs[0].amount", ("must be between -1 and 0; got -3",), "amount = -3"),
    Case("number in quotes", "countries.toml", "population_m = 18.0", 'population_m = "18"',
         "countries.GTM.facts.population_m", ('expected a number, found text in quotes "18"', "without quotes: 18"),
         'population_m = "18"'),
    Case("number where text is expected", "countries.toml", 'name = "Mexico"', "name = 5",
         "countries.MEX.name", ("expected text in quotes, found the number 5", 'put it in quotes: "5"'), "name = 5"),
    Case("fraction where a whole number is expected", "levers.toml", "capital_cost = 2\n", "capital_cost = 2.5\n",
         "levers.aid_package.capital_cost", ("expected a whole number, found the number 2.5",), "capital_cost = 2.5"),
    Case("text where a table is expected", "levers.toml", '[{ dimension = "aid", amount = 0.5 }]', '["aid"]',
         "levers.aid_package.impacts[0]", ("expected a table", 'found text in quotes "aid"'), '"aid"]'),
    Case("text where true/false is expected", "levers.toml", "offerable = true", 'offerable = "true"',
         "levers.aid_package.offerable", ("expected true or false", "write true without quotes"), "offerable"),
    Case("bad enum with suggestion", "countries.toml", 'china_ties = "none"', 'china_ties = "strnog"',
         "countries.GTM.facts.china_ties",
         ("'strnog' is not allowed here", "use one of: none, weak, moderate, strong", "did you mean 'strong'?"),
         'china_ties = "strnog"'),
    Case("bad enum in an array of tables", "scenarios.toml", 'target = "dossier"', 'target = "dosier"',
         "scenarios.default.tutorial[1].target", ("map, dossier, meters", "did you mean 'dossier'?"), 'target = "dosier"'),
    Case("bad enum in a nested condition", "events.toml", 'op = ">="', 'op = "=>"',
         "events.crackdown.when.all[1].any[1].op", ("use one of: <, <=, >, >=, ==, !=",), 'op = "=>"'),
    Case("bad id as a table key", "levers.toml", "[levers.diplomatic_call]", "[levers.Diplomatic-Call]",
         "levers.Diplomatic-Call", ("'Diplomatic-Call' is not a valid id", "like return_flights",
                                    "did you mean 'diplomatic_call'?"), "[levers.Diplomatic-Call]"),
    Case("bad country id in a list", "scenarios.toml", 'countries = ["MEX", "GTM"]', 'countries = ["MEX", "gtm"]',
         "scenarios.default.countries[1]", ("'gtm' is not a valid country id", "three capital letters",
                                            "did you mean 'GTM'?"), '"gtm"'),
    Case("bad month", "scenarios.toml", 'start = "2025-01"', 'start = "2025-13"', "scenarios.default.start",
         ('write the month as "YYYY-MM"',), "start ="),
    Case("empty text", "levers.toml", 'name = "A call"', 'name = ""', "levers.diplomatic_call.name",
         ("must not be empty",), 'name = ""'),
    Case("too many items", "asks.toml", '{ value = 14.0, label = "14 flights" },',
         '{ value = 14.0, label = "14 flights" }, { value = 15.0, label = "a" }, { value = 16.0, label = "b" }, '
         '{ value = 17.0, label = "c" },', "asks.return_flights.levels", ("may have at most 5 items; got 6",), "levels ="),
    Case("rule of a model (no pydantic prefix)", "asks.toml", '{ value = 8.0, label = "8 flights" }',
         '{ value = 2.0, label = "8 flights" }', "asks.return_flights", (), "[asks.return_flights]",
         exact="levels must go from least to most demanding, each value larger than the one before"),
    Case("rule of a nested model", "events.toml", "{ turn_min = 2 }", "{ turn_min = 2, chance = 0.5 }",
         "events.crackdown.when.all[0]", ("a condition needs exactly one of",), "{ turn_min = 2"),
    # -- references --------------------------------------------------------------------------------
    Case("unknown country in a route", "countries.toml", 'route = ["MEX"]', 'route = ["MXE"]',
         "countries.GTM.route[0]", (), '"MXE"', exact="unknown country 'MXE'; did you mean 'MEX'?"),
    Case("route through itself", "countries.toml", 'route = ["MEX"]', 'route = ["MEX", "GTM"]',
         "countries.GTM.route[1]", ("lists GTM itself",), '"GTM"]'),
    Case("unknown country in a scenario", "scenarios.toml", 'countries = ["MEX", "GTM"]',
         'countries = ["MEX", "GTM", "HND"]', "scenarios.default.countries[2]",
         ("unknown country 'HND'", "known countries: GTM, MEX"), '"HND"'),
    Case("unknown event in a scenario", "scenarios.toml", "turns = 12", 'turns = 12\nevents = ["crackdwn"]',
         "scenarios.default.events[0]", ("unknown event 'crackdwn'", "did you mean 'crackdown'?"), '"crackdwn"'),
    Case("unknown ask in commitments", "countries.toml", "{ return_flights = 2 }", "{ retrun_flights = 2 }",
         "countries.MEX.start.commitments.retrun_flights", ("did you mean 'return_flights'?",), "retrun_flights"),
    Case("commitment level out of range", "countries.toml", "{ return_flights = 2 }", "{ return_flights = 4 }",
         "countries.MEX.start.commitments.return_flights", ("level must be between 1 and 3", "got 4"), "return_flights"),
    Case("commitment to an ask that does not apply", "asks.toml", 'applies_to = ["MEX", "GTM"]', 'applies_to = ["MEX"]',
         "countries.GTM.start.commitments.transit_enforcement",
         ("ask 'transit_enforcement' does not apply to GTM", "its applies_to lists MEX"), "transit_enforcement",
         in_file="countries.toml"),
    Case("unknown lever in measures", "countries.toml", 'measures = ["aid_package"]', 'measures = ["aid_pakage"]',
         "countries.GTM.start.measures[0]", ("unknown lever 'aid_pakage'", "did you mean 'aid_package'?"), '"aid_pakage"'),
    Case("unknown country in applies_to", "asks.toml", 'applies_to = ["MEX", "GTM"]', 'applies_to = ["MEX", "GTN"]',
         "asks.transit_enforcement.applies_to[1]", ("unknown country 'GTN'", "did you mean 'GTM'?"), '"GTN"'),
    Case("unknown lever deep in a condition", "events.toml", 'lever = "tariff"', 'lever = "tarif"',
         "events.crackdown.when.all[2].not.lever", ("unknown lever 'tarif'", "did you mean 'tariff'?"), 'lever = "tarif"'),
    Case("unknown ask in a condition", "events.toml", 'ask = "return_flights"', 'ask = "returns"',
         "events.crackdown.when.all[1].any[1].ask", ("unknown ask 'returns'",), 'ask = "returns"'),
    Case("unknown country in an effect", "events.toml", '{ metric = "relations", country = "MEX"',
         '{ metric = "relations", country = "MXC"', "events.crackdown.effects[0].country",
         ("unknown country 'MXC'", "did you mean 'MEX'?"), 'country = "MXC"'),
    Case("country metric in a global event", "events.toml", '{ metric = "relations", country = "MEX", op',
         '{ metric = "relations", op', "events.crackdown.when.all[1].any[0].metric",
         ("name a country", "each_country"), 'metric = "relations", op'),
    Case("duplicate id across files", "zz_extra.toml", "", '[levers.tariff]\nname = "Again"\n', "levers.tariff",
         ("lever 'tariff' is already defined in", "levers.toml (line 3)"), "[levers.tariff]"),
    # -- warnings ----------------------------------------------------------------------------------
    Case("mandate missing", "scenarios.toml", "[scenarios.default.mandates.balanced]",
         "[scenarios.default.mandates.middle]", "scenarios.default.mandates", ("no 'balanced' mandate",),
         "mandates.hardline]", Severity.warning),
    Case("long scenario", "scenarios.toml", "turns = 12", "turns = 30", "scenarios.default.turns",
         ("turns = 30 is longer than 24 months",), "turns = 30", Severity.warning),
    Case("country in no scenario", "scenarios.toml", 'countries = ["MEX", "GTM"]', 'countries = ["MEX"]',
         "countries.GTM", ("GTM is in no scenario",), "[countries.GTM]", Severity.warning, in_file="countries.toml"),
    # -- TOML syntax -------------------------------------------------------------------------------
    Case("text without quotes", "countries.toml", 'capital = "Guatemala City"', "capital = Guatemala City",
         "", ("TOML syntax error: text must be in quotes", 'write "Guatemala City"'), "Guatemala City"),
    Case("duplicate key", "levers.toml", 'name = "Tariffs"', 'name = "Tariffs"\nname = "Again"', "",
         ("TOML syntax error", "the key 'name' is given twice", "first on line 4"), 'name = "Again"'),
    Case("duplicate table", "levers.toml", "[levers.diplomatic_call]\n", "[levers.tariff]\nx = 1\n", "",
         ("TOML syntax error", "the table [levers.tariff] is declared twice", "first on line 3"), "[levers.tariff]\nx"),
    Case("unclosed list", "countries.toml", 'sources = ["test"]\n\n[countries.MEX.priorities]',
         'sources = ["test"\n\n[countries.MEX.priorities]', "", ("TOML syntax error", "the list [ opened on line 15 is never closed"), '["test"'),
]


def _position(text: str, needle: str) -> tuple[int, int]:
    offset = text.index(needle)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _apply(case: Case, data: Path) -> Path:
    target = data / case.file
    text = target.read_text(encoding="utf-8") if target.exists() else ""
    assert case.old in text, f"fixture text not found: {case.old!r}"
    target.write_text(text.replace(case.old, case.new, 1), encoding="utf-8")
    return target


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_problem_is_located_and_explained(case: Case, mini_dir: Path) -> None:
    target = _apply(case, mini_dir)
    if case.in_file is not None:
        target = mini_dir / case.in_file
    result = load_content([mini_dir])
    expected_path = target.as_posix()
    matching = [p for p in result.problems if p.field == case.field and p.path == expected_path
                and all(part in p.message for part in case.parts)
                and (case.exact is None or p.message == case.exact)]
    shown = "\n".join(p.format() for p in result.problems)
    assert matching, f"no problem for {case.field!r} with {case.parts}; got:\n{shown}"
    problem = matching[0]
    assert problem.severity is case.severity
    line, column = _position(target.read_text(encoding="utf-8"), case.at)
    if case.field == "" and case.at.endswith(("City", "[countries.MEX.priorities]")):
        assert problem.line == line  # tomllib's column for these points inside the line
    else:
        assert (problem.line, problem.column) == (line, column), problem.format()
    assert result.ok is (case.severity is Severity.warning)
    assert (result.bundle is None) is (case.severity is Severity.error)


def test_format_with_and_without_field() -> None:
    with_field = Problem(path="data/countries.toml", line=12, column=3, field="countries.MEX.priorities.economy",
                         message="must be between 0 and 1; got 1.4")
    assert with_field.format() == (
        "data/countries.toml:12:3: error: countries.MEX.priorities.economy: must be between 0 and 1; got 1.4")
    whole = Problem(path="data/x.toml", line=1, column=1, severity=Severity.warning, message="the file is empty")
    assert whole.format() == "data/x.toml:1:1: warning: the file is empty"


def test_every_problem_is_reported_at_once(mini_dir: Path) -> None:
    by_name = {case.name: case for case in CASES}
    names = ("unknown key with suggestion", "bad id as a table key", "unknown country in a scenario",
             "unknown lever deep in a condition", "duplicate id across files", "long scenario")
    for name in names:
        _apply(by_name[name], mini_dir)
    result = load_content([mini_dir])
    assert {p.field for p in result.problems} >= {by_name[name].field for name in names}
    lines = [(p.path, p.line) for p in result.problems]
    assert lines == sorted(lines)


def test_invalid_entry_does_not_make_references_to_it_unknown(mini_dir: Path) -> None:
    _apply(next(c for c in CASES if c.name == "out of range"), mini_dir)  # GTM invalid, still named
    result = load_content([mini_dir])
    assert not [p for p in result.problems if "unknown country 'GTM'" in p.message]


def test_unreadable_file_does_not_cause_unknown_references(mini_dir: Path) -> None:
    (mini_dir / "asks.toml").write_text("[asks.return_flights\n", encoding="utf-8")
    result = load_content([mini_dir])
    assert [p for p in result.problems if "TOML syntax error" in p.message]
    assert not [p for p in result.problems if "unknown ask" in p.message]


def test_misspelt_key_is_not_also_reported_missing(mini_dir: Path) -> None:
    _apply(CASES[0], mini_dir)  # economy -> economyy
    messages = [p.message for p in load_content([mini_dir]).problems]
    assert messages == ["unknown key 'economyy'; did you mean 'economy'?"]


def test_check_references_on_a_bundle_built_in_code(mini_dir: Path) -> None:
    bundle = load_content([mini_dir]).bundle
    assert bundle is not None
    scenario = bundle.scenarios["default"].model_copy(update={"countries": ["MEX", "GTM", "gtm"], "turns": 40})
    changed = bundle.model_copy(update={"scenarios": {"default": scenario}})
    problems = check_references(changed)
    assert [(p.severity, p.field, p.message) for p in problems] == [
        (Severity.error, "scenarios.default.countries[2]", "unknown country 'gtm'; did you mean 'GTM'?"),
        (Severity.warning, "scenarios.default.turns",
         "turns = 40 is longer than 24 months; a class rarely gets through that many"),
    ]
    assert all((p.path, p.line, p.column) == ("", 1, 1) for p in problems)
