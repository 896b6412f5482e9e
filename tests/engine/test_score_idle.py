"""Scoring against doing nothing: the idle baseline, scores that can go below zero, bots that use
whatever levers the data has, and the balance check's search finding a planted exploit."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from engine_helpers import fresh, shipped_rules

from game.cli import main
from game.engine import Impossible, apply, end_turn, new_game, scorecard
from game.engine.actions import CarryOut
from game.engine.autoplay import play_bot_game, run_mandates
from game.engine.score import gain, weighted
from game.loading import load_content

pytestmark = pytest.mark.shipped_data
PLANTED = Path(__file__).parent.parent / "fixtures" / "exploit"
DATA = Path(__file__).parent.parent.parent / "data"


@pytest.mark.parametrize("scenario", ["default", "northern_triangle", "tutorial"])
def test_an_idle_game_scores_zero_against_itself(scenario: str) -> None:
    rules = shipped_rules(scenario)
    for mandate in rules.mandates:
        state = play_bot_game(rules, mandate, 11, "idle")
        card = scorecard(state)
        assert card.total == 0.0 and set(card.gains.values()) == {0.0}
        assert card.objectives == card.baseline and card.facts == card.baseline_facts
        assert card.absolute_total == card.baseline_total > 0.0


def test_the_idle_strategy_is_the_baseline_of_simulate(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", "--scenario", "tutorial", "--strategy", "idle", "--mandate", "all",
                 "--games", "4", "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)["strategies"]
    assert {e["mandate"] for e in entries} == {"hardline", "balanced", "humanitarian"}
    assert all(e["score_mean"] == e["score_sd"] == e["score_max"] == 0.0 for e in entries)
    assert all(set(e["agreements"].values()) == {0.0} for e in entries)


def test_the_score_is_the_weighted_gain_over_the_same_seed_with_no_actions() -> None:
    rules = shipped_rules("northern_triangle")
    state = play_bot_game(rules, "hardline", 5, "hardline")
    idle = play_bot_game(rules, "hardline", 5, "idle")
    card, idle_card = scorecard(state), scorecard(idle)
    assert card.baseline == idle_card.objectives  # the baseline is that very game
    for key, value in card.objectives.items():
        assert card.gains[key] == pytest.approx(gain(key, value, card.baseline[key]), abs=0.011)
    assert card.total == pytest.approx(weighted(card.gains, card.weights), abs=0.011)
    assert card.total > 0 > scorecard(state, "humanitarian").total  # the mandate decides the sign here
    assert card.gains["agreements"] > 0 and card.gains["us_costs"] < 0


def test_nothing_played_yet_scores_zero_and_waste_scores_below_zero() -> None:
    state = fresh("northern_triangle", "balanced", 3)
    assert scorecard(state).total == 0.0
    for _month in range(state.turns):  # tariffs on every government, month after month, for nothing
        for cid in shipped_rules("northern_triangle").order:
            try:
                apply(state, CarryOut(cid, "tariff"))
            except Impossible:  # capital runs out, or the tariff is in force already
                continue
        end_turn(state)
    card = scorecard(state)
    assert card.total < -5 and card.gains["relations"] < 0 and card.gains["us_costs"] < 0


def _without_trade_preferences(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    levers = folder / "levers.toml"
    text = levers.read_text(encoding="utf-8")
    text = re.sub(r"\[levers\.trade_preferences\].*?(?=\n\[levers\.)", "", text, flags=re.S)
    levers.write_text(text, encoding="utf-8")
    result = load_content([folder])
    assert result.ok and "trade_preferences" not in result.bundle.levers
    return folder


def test_bots_use_whatever_levers_the_data_has(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = str(_without_trade_preferences(tmp_path))
    assert main(["simulate", "--data", folder, "--scenario", "northern_triangle", "--games", "2"]) == 0
    assert main(["balance", "--data", folder, "--scenario", "tutorial", "--games", "2", "--restarts", "1",
                 "--steps", "2"]) == 0
    out, err = capsys.readouterr()
    assert "internal error" not in err and "balanced" in out and "searched" in out


def test_the_exploit_search_finds_a_planted_free_lever(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["balance", "--data", str(DATA), "--data", str(PLANTED), "--scenario", "northern_triangle",
                 "--games", "6", "--restarts", "6", "--steps", "12", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)[0]
    exploits = report["exploits"]
    assert exploits, report["flags"]
    assert all("free_favour" in e["plan"]["levers"] for e in exploits)
    assert any(f.startswith("EXPLOIT") and "free_favour" in f for f in report["flags"])
    assert report["searched"]["plans_tried"] >= 20


def test_the_search_is_seeded() -> None:
    rules = shipped_rules("tutorial")
    from game.commands.balance import check_scenario
    one = check_scenario(rules, 2, 3, restarts=2, steps=3)
    two = check_scenario(rules, 2, 3, restarts=2, steps=3)
    assert one.searched == two.searched and one.flags == two.flags


def test_scores_are_the_same_whatever_mandate_the_game_was_played_under() -> None:
    rules = shipped_rules("tutorial")
    results = run_mandates(rules, "balanced", 3, 2)
    for mandate, result in results.items():
        state = new_game(rules, "tutorial", mandate, 2)
        assert result.games == 3 and state.mandate == mandate
    direct = [scorecard(play_bot_game(rules, "humanitarian", 2 + i, "balanced")).total for i in range(3)]
    assert results["humanitarian"].score_mean == pytest.approx(sum(direct) / 3, abs=1e-3)
