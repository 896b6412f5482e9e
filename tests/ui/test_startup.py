"""Start-up: the data is read off the main thread while the title already answers input, and the
command line imports only the module of the command being run."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from game.ui.app import App
from game.ui.launch import load_data
from game.ui.settings import Settings

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


def test_help_lists_every_command_without_importing_them():
    code = ("import sys; from game import cli; cli.build_parser(cli.chosen_command(['--help'])).format_help(); "
            "print(sorted(m for m in sys.modules if m.startswith('game.commands.')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    help_text = subprocess.run([sys.executable, "main.py", "--help"], cwd=ROOT, capture_output=True, text=True,
                               check=True).stdout
    from game.cli import COMMANDS
    assert all(name in help_text and text.split()[0] in help_text for name, text in COMMANDS.items())
