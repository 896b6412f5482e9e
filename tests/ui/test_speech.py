"""Self-voicing: a scripted turn is announced (focused control, selected country, each response and
news item, a refusal), every utterance is logged, and espeak-ng really speaks it into audio files."""

from __future__ import annotations

import shutil
import wave

import pygame
import pytest

from game.ui.keyboard import describe
from game.ui.scenes import nav
from game.ui.session import Session
from game.ui.speech import Speaker, plain
from tests.ui.helpers import key, make_app, pump


def _voiced(app, tmp_path, audio: bool) -> Speaker:
    speaker = Speaker(True, tmp_path / "speech-log.txt", audio_dir=tmp_path if audio else None)
    app.ctx.speech = speaker
    return speaker


def test_without_a_voice_it_says_so_once_and_goes_on(tmp_path):
    def broken() -> object:
        raise RuntimeError("no voice here")
    speaker = Speaker(True, tmp_path / "log.txt", engine_factory=broken)
    assert speaker.problem and "no voice here" in speaker.problem and not speaker.enabled
    speaker.say("Mexico")
    speaker.say("Mexico")
    assert (tmp_path / "log.txt").read_text(encoding="utf-8") == "Mexico\n"


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_a_scripted_turn_is_spoken_into_audio(content, saves, tmp_path):
    app = make_app(content)
    app.ctx.session = Session.start(content, "default", "balanced", 5)
    speaker = _voiced(app, tmp_path, audio=True)
    assert speaker.problem is None, speaker.problem
    app.switch(nav.map_scene(app.ctx))
    pump(app)
    order = app.ctx.session.order
    key(app, pygame.K_RIGHT)  # the next country is selected and read with its values
    assert any(order[1] in u or app.ctx.session.country_name(order[1]) in u for u in speaker.spoken)
    assert any("Relations" in u for u in speaker.spoken)
    key(app, pygame.K_e)  # end the month with nothing planned: a refusal-like warning first
    key(app, pygame.K_e)
    pump(app, 3)
    if app.scene.name != "report":
        key(app, pygame.K_e)
    assert app.scene.name == "report"
    report = app.scene.report
    assert any(u.startswith("Report:") for u in speaker.spoken)
    heard = " ".join(speaker.spoken)
    for response in report.responses:
        assert app.ctx.session.country_name(response.country) in heard
    assert len(speaker.spoken) >= 2 + len(report.responses) + len(report.news)
    key(app, pygame.K_TAB)  # the focused control is announced
    assert speaker.spoken[-1] == plain(describe(app.scene.focus.current)) and len(speaker.spoken[-1]) > 5
    speaker.wait()
    log = (tmp_path / "speech-log.txt").read_text(encoding="utf-8").splitlines()
    assert log == speaker.spoken
    files = sorted(tmp_path.glob("utterance-*.wav"))
    assert files and len(files) <= len(speaker.spoken)
    for path in files:
        with wave.open(str(path)) as audio:
            assert audio.getnframes() > audio.getframerate() // 10  # at least a tenth of a second of sound
    speaker.close()
