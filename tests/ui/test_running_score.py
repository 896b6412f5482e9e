"""The meters bar shows the score so far against doing nothing, unless the scenario turns it off;
the end screen shows it objective by objective."""

from __future__ import annotations

from game.engine import scorecard
from game.ui.palette import palette_for
from game.ui.scenes.end import score_html
from game.ui.session import Session
from game.ui.tour import scripted_month
from game.ui.widgets import meter_texts


def _session(content, running: bool) -> Session:
    scenario = content.scenarios["tutorial"].model_copy(update={"running_score": running})
    data = content.model_copy(update={"scenarios": {**content.scenarios, "tutorial": scenario}})
    session = Session.start(data, "tutorial", "hardline", 4)
    scripted_month(session)
    session.end_month()
    return session


def test_meters_show_the_score_so_far_unless_the_scenario_turns_it_off(content) -> None:
    shown = _session(content, True)
    total = scorecard(shown.state).total
    text, tip = meter_texts(shown)[-1]
    assert text.startswith(f"Score {total:+.0f} vs doing nothing") and "Agreements" in text
    assert "same months played with no actions" in tip and "Hard line" in tip
    hidden = _session(content, False)
    assert not any("doing nothing" in text for text, _ in meter_texts(hidden))


def test_end_screen_compares_every_objective_with_doing_nothing(content) -> None:
    session = _session(content, True)
    while not session.over:
        session.end_month()
    html = score_html(session, palette_for(False, False))
    card = scorecard(session.state)
    assert "against doing nothing" in html and f"{card.total:+.0f}" in html
    assert html.count("(doing nothing:") == len(card.gains)
