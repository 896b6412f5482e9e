"""The ``replay`` and ``simulate`` commands through ``game.cli.main``: output, errors, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli import main

pytestmark = pytest.mark.shipped_data

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "orders-example.json"
ALL_KINDS = {"threaten", "propose", "carry_out", "lift", "engage", "investigate", "accept_counter"}
RESPONSE_KINDS = {"accept", "counter", "stall", "reject", "retaliate", "backslide", "none"}


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return status, out, err


def write_orders(tmp_path: Path, data: object, name: str = "orders.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def test_the_worked_example_uses_every_action_kind() -> None:
    orders = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    kinds = {a["kind"] for month in orders["turns"] for a in month}
    assert kinds == ALL_KINDS


def test_replay_example_text(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run_cli(capsys, "replay", str(EXAMPLE))
    assert status == 0, err
    assert "=== Month 1: January 2025 ===" in out and "=== Month 12:" in out
    assert "Mexico: accept (threat)" in out
    assert "The threat of tariffs on exports would hurt" in out
    assert "resources: capital" in out and "Final score:" in out


def test_replay_example_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run_cli(capsys, "replay", str(EXAMPLE), "--json")
    assert status == 0, err
    doc = json.loads(out)
    assert (doc["scenario"], doc["mandate"], doc["seed"], doc["over"]) == ("default", "balanced", 7, True)
    assert [t["turn"] for t in doc["turns"]] == list(range(1, 13))
    countries = set(doc["turns"][0]["countries"])
    assert len(countries) == 12
    for turn in doc["turns"]:
        assert set(turn) >= {"turn", "month", "resources", "countries", "news"}
        assert set(turn["resources"]) >= {"political_capital", "aid_budget_m", "credibility", "domestic_cost",
                                          "regional_resistance"}
        assert set(turn["countries"]) == countries
        for entry in turn["countries"].values():
            assert set(entry) >= {"response", "responses", "commitments", "relations", "factors"}
            assert entry["response"] in RESPONSE_KINDS
            # "none": no response, or only the record that a measure is in force and it held back
            assert (entry["response"] == "none") == all(r["kind"] == "none" for r in entry["responses"])
            for response in entry["responses"]:
                assert set(response) >= {"kind", "about", "text", "factors", "counter"}
                for f in response["factors"]:
                    assert set(f) == {"key", "text", "value", "decisive"}
    first = doc["turns"][0]["countries"]
    assert first["MEX"]["response"] == "accept"
    assert any(f["key"] == "threat:tariff" for f in first["MEX"]["factors"])
    assert doc["turns"][0]["countries"]["MEX"]["commitments"]["transit_enforcement"] >= 2
    assert doc["score"]["mandate"] == "balanced" and 0 <= doc["score"]["total"] <= 100
    assert doc["score"]["threats_carried_out"] >= 1


def test_replay_is_deterministic(capsys: pytest.CaptureFixture[str]) -> None:
    outputs = {run_cli(capsys, "replay", str(EXAMPLE), "--json")[1] for _ in range(2)}
    assert len(outputs) == 1


def test_replay_stop_after_the_listed_months(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write_orders(tmp_path, {"scenario": "tutorial", "mandate": "hardline", "seed": 3, "turns": [[]]})
    status, out, _ = run_cli(capsys, "replay", path, "--json", "--stop")
    doc = json.loads(out)
    assert status == 0 and len(doc["turns"]) == 1 and doc["over"] is False
    status, out, _ = run_cli(capsys, "replay", path, "--json")
    assert status == 0 and json.loads(out)["over"] is True
    status, out, _ = run_cli(capsys, "replay", path, "--stop")
    assert status == 0 and "game not over" in out


@pytest.mark.parametrize("turns, where, words", [
    ([[{"kind": "engage", "country": "MEX", "lever": "summit"}],
      [{"kind": "engage", "country": "MEX", "lever": "summit"},
       {"kind": "threaten", "country": "MEX", "lever": "aid_package", "demand": {"return_flights": 1}}]],
     (2, 2), "not a measure you can threaten"),
    ([[], [], [{"kind": "lift", "country": "MEX", "lever": "tariff"}]], (3, 1), "not in force"),
    ([[{"kind": "engage", "country": "ATL", "lever": "summit"}]], (1, 1), "no country 'ATL'"),
    ([[{"kind": "engage", "country": "MEX", "lever": "banquet"}]], (1, 1), "no lever 'banquet'"),
    ([[{"kind": "propose", "country": "GTM", "asks": {"remain_in_mexico": 1}}]], (1, 1), "cannot be asked"),
    ([[{"kind": "accept_counter", "country": "MEX"}]], (1, 1), "no counter-offer"),
    ([[{"kind": "thraten", "country": "MEX"}]], (1, 1), "unknown action kind 'thraten'"),
    ([[{"kind": "engage", "country": "MEX"}]], (1, 1), "field 'lever' is missing"),
    ([[{"kind": "engage", "country": "MEX", "lever": "summit", "publc": True}]], (1, 1), "unknown field 'publc'"),
    ([[{"kind": "propose", "country": "MEX", "asks": {"return_flights": "lots"}}]], (1, 1), "asks.return_flights"),
    ([["engage"]], (1, 1), "must be a JSON object"),
])
def test_replay_illegal_action(capsys: pytest.CaptureFixture[str], tmp_path: Path, turns, where, words) -> None:
    path = write_orders(tmp_path, {"scenario": "default", "seed": 1, "turns": turns})
    status, out, err = run_cli(capsys, "replay", path)
    assert status == 1
    assert f"turn {where[0]}, action {where[1]}: " in err and words in err
    status, out, err = run_cli(capsys, "replay", path, "--json")
    assert status == 1
    doc = json.loads(out)
    assert (doc["turn"], doc["action"]) == where and words in doc["error"]


@pytest.mark.parametrize("content, words", [
    (None, "no such orders file"),
    ("{not json", "not readable JSON"),
    ("[1, 2]", "must be a JSON object"),
    ('{"seeed": 3}', "did you mean 'seed'"),
    ('{"seed": "x"}', "'seed' must be a whole number"),
    ('{"turns": {"1": []}}', "'turns' must be a list"),
    ('{"turns": [{}]}', "each month must be a list"),
    ('{"scenario": "atlantis"}', "no scenario 'atlantis'"),
    ('{"mandate": "anarchy"}', "no mandate 'anarchy'"),
    ('{"scenario": "tutorial", "turns": [[], [], [], []]}', "lasts 3"),
])
def test_replay_bad_orders_file(capsys: pytest.CaptureFixture[str], tmp_path: Path, content, words) -> None:
    path = str(tmp_path / "missing.json") if content is None else write_orders(tmp_path, content)
    for extra in ((), ("--json",)):
        status, out, err = run_cli(capsys, "replay", path, *extra)
        assert status == 1 and words in err, err
        if extra:
            assert words in json.loads(out)["error"]


def test_replay_unreadable_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run_cli(capsys, "replay", str(tmp_path))
    assert status == 1 and "cannot read" in err
    (tmp_path / "latin1.json").write_bytes(b'{"description": "caf\xe9"}')
    status, _, err = run_cli(capsys, "replay", str(tmp_path / "latin1.json"))
    assert status == 1 and "cannot read" in err


def test_replay_and_simulate_with_broken_data(capsys: pytest.CaptureFixture[str], mini_dir: Path) -> None:
    (mini_dir / "levers.toml").write_text("[levers.tariff]\nkind = 'stik'\n", encoding="utf-8")
    status, _, err = run_cli(capsys, "replay", str(EXAMPLE), "--data", str(mini_dir))
    assert status == 1 and "levers.toml:" in err and "error" in err
    status, out, err = run_cli(capsys, "replay", str(EXAMPLE), "--data", str(mini_dir), "--json")
    doc = json.loads(out)
    assert status == 1 and doc["error"] and any("levers.toml:" in p for p in doc["problems"])
    status, _, err = run_cli(capsys, "simulate", "--games", "1", "--data", str(mini_dir))
    assert status == 1 and "levers.toml:" in err


def test_simulate_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run_cli(capsys, "simulate", "--scenario", "tutorial", "--games", "3", "--seed", "5", "--json")
    assert status == 0, err
    doc = json.loads(out)
    assert (doc["scenario"], doc["mandate"], doc["seed"], doc["mandates"]) == ("tutorial", "balanced", 5, ["balanced"])
    assert [s["strategy"] for s in doc["strategies"]] == ["hardline", "incentives", "balanced", "carrot_and_stick",
                                                         "partnership", "random", "idle"]
    assert doc["strategies"][-1]["score_mean"] == 0.0  # doing nothing is the baseline of every score
    for entry in doc["strategies"]:
        assert set(entry) >= {"strategy", "mandate", "games", "seconds", "games_per_second", "score_mean",
                              "score_sd", "agreements"}
        assert entry["games"] == 3 and set(entry["agreements"]) == {"MEX", "GTM"}
        assert all(0 <= rate <= 1 for rate in entry["agreements"].values())
    assert set(doc["winners"]) == {"balanced"}


def test_simulate_all_mandates_one_strategy(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_cli(capsys, "simulate", "--scenario", "tutorial", "--games", "2", "--strategy", "hardline",
                             "--mandate", "all", "--json")
    doc = json.loads(out)
    assert status == 0 and doc["mandate"] == "all"
    assert [(s["mandate"], s["strategy"]) for s in doc["strategies"]] == [
        (m, "hardline") for m in ("hardline", "balanced", "humanitarian")]


def test_simulate_is_deterministic_apart_from_timing(capsys: pytest.CaptureFixture[str]) -> None:
    def scores() -> list:
        doc = json.loads(run_cli(capsys, "simulate", "--scenario", "tutorial", "--games", "3", "--json")[1])
        return [(s["score_mean"], s["score_sd"], s["agreements"]) for s in doc["strategies"]]
    assert scores() == scores()


def test_simulate_text_table(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_cli(capsys, "simulate", "--scenario", "tutorial", "--games", "2")
    assert status == 0
    assert "games/s" in out and "MEX" in out and "best mean score:" in out
    assert all(name in out for name in ("hardline", "incentives", "balanced", "random"))


@pytest.mark.parametrize("argv, words", [
    (["--scenario", "atlantis"], "no scenario 'atlantis'"),
    (["--mandate", "anarchy"], "no mandate 'anarchy'"),
    (["--strategy", "luck"], "no strategy 'luck'"),
    (["--games", "0"], "--games"),
])
def test_simulate_unknown_choices_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str], words: str) -> None:
    status, out, err = run_cli(capsys, "simulate", "--games", "1", *argv)
    assert status == 2 and words in err and out == ""
