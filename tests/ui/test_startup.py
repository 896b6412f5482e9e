"""Start-up: the data is read off the main thread while the title already answers input, and the
command line imports only the module of the command being run."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from game.contentcache import brief_of
from game.ui.app import App
from game.ui.launch import load_data
from game.ui.settings import Settings
from tests.ui.helpers import button, click, scene_of

ROOT = Path(__file__).resolve().parents[2]


def test_data_loads_on_a_thread_while_the_title_answers(saves):
    app = App(Settings(), None, None, size=(1280, 720), loader=lambda: load_data(None))
    app.render()
    assert app.ctx.extra["loading"] and app.ctx.content is None
    app.start_loading()
    deadline = time.perf_counter() + 60
    while app.ctx.content is None and time.perf_counter() < deadline:
        app.pump()
        time.sleep(0.01)
    assert app.ctx.content is not None and not app.ctx.extra["loading"]
    assert app.scene.name == "title" and any(getattr(e, "text", "") == "New game" for e in app.scene.ui.actions)


def test_the_title_lists_the_cached_brief_and_new_game_waits_for_the_data(saves, content):
    def slow_loader():
        time.sleep(0.5)  # the data arrives well after the first frame
        return content, None

    app = App(Settings(), None, None, size=(1280, 720), loader=slow_loader, brief=brief_of(content))
    app.render()
    assert app.ctx.content is None and app.ctx.extra["loading"]
    new_game = button(app, "New game")
    assert new_game.is_enabled  # the title's choices work at the first frame
    titles = {sc.title for sc in content.scenarios.values()}
    assert any(getattr(e, "selected_option", ("",))[0] in titles for e in app.scene.ui.choices)
    app.start_loading()
    click(app, new_game)
    assert app.ctx.content is content and scene_of(app).name == "briefing"


def test_the_title_built_from_the_brief_stays_as_it_is_when_the_data_arrives(saves, content):
    app = App(Settings(), None, None, size=(1280, 720), loader=lambda: (content, None), brief=brief_of(content))
    app.render()
    before = button(app, "New game")
    app.start_loading()
    deadline = time.perf_counter() + 60
    while app.ctx.content is None and time.perf_counter() < deadline:
        app.pump()
        time.sleep(0.01)
    assert app.ctx.content is content and app.ctx.brief is None
    assert button(app, "New game") is before  # not rebuilt: a player already typing keeps the field


def test_help_lists_every_command_without_importing_them():
    code = ("import sys; from game import cli; cli.build_parser(cli.chosen_command(['--help'])).format_help(); "
            "print(sorted(m for m in sys.modules if m.startswith('game.commands.')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    help_text = subprocess.run([sys.executable, "main.py", "--help"], cwd=ROOT, capture_output=True, text=True,
                               check=True).stdout
    from game.cli import COMMANDS
    assert all(name in help_text and text.split()[0] in help_text for name, text in COMMANDS.items())
