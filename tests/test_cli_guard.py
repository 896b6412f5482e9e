"""The command line turns an unexpected error in any command into one clean line, never a traceback."""

from __future__ import annotations

import argparse

import pytest

import game.cli as cli
import game.commands.validate as validate


def test_unexpected_error_is_one_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def broken(_args: argparse.Namespace) -> int:
        raise RuntimeError("something unforeseen")

    monkeypatch.setattr(validate, "run", broken)
    monkeypatch.setattr(cli, "COMMANDS", {"validate": cli.COMMANDS["validate"]})
    assert cli.main(["validate"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "pressure-points validate: internal error (RuntimeError: something unforeseen); please report it"
    assert "Traceback" not in err
