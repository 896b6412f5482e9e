"""The data files in taplo, the TOML engine of VS Code's Even Better TOML, as instructors meet them.

The shipped files pass ``taplo fmt --check`` (format on save neither fails nor rewrites them) and
``taplo lint`` with their schemas; broken copies get the diagnostics pinned below, on the line where
the fix goes. taplo comes from npm (``@taplo/cli``); without it these tests are skipped, except in CI
(``TAPLO_REQUIRED=1``), which installs it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import NamedTuple

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
TAPLO = os.environ.get("TAPLO") or shutil.which("taplo")
if TAPLO is None and os.environ.get("TAPLO_REQUIRED"):
    raise RuntimeError("TAPLO_REQUIRED is set but taplo is not on PATH: npm install -g @taplo/cli")
pytestmark = pytest.mark.skipif(TAPLO is None, reason="taplo is not installed (npm install -g @taplo/cli); CI installs it")
_DIAGNOSTIC = re.compile(r"error: (.*)\n\s*┌─ (.*?):(\d+):(\d+)")


def _taplo(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    assert TAPLO is not None
    return subprocess.run([TAPLO, *args], capture_output=True, text=True, timeout=300, cwd=cwd, check=False)


class Mistake(NamedTuple):
    """A realistic mistake in one shipped file, and what taplo must say about it (start of the message)."""

    name: str
    file: str
    old: str
    new: str
    says: str
    marks: int  # diagnostics taplo gives: several only for a value spread over one line, or a misspelt table


MISTAKES = [
    Mistake("out of range", "countries.toml", "trust = 45.0 ", "trust = 145.0 ", "145.0 is greater than the maximum of 100", 1),
    Mistake("misspelt key", "countries.toml", "leader = ", "leaderr = ",
            '"Claudia Sheinbaum" is not one of ["(not a key of this table: check the spelling; allowed keys: name, leader', 1),
    Mistake("unknown value", "countries.toml", 'china_ties = "weak"', 'china_ties = "wek"',
            '"wek" is not one of ["none","weak","moderate","strong"]', 1),
    Mistake("number in quotes", "scenarios.toml", "turns = 12\n", 'turns = "12"\n', '"12" is not of type "integer"', 1),
    Mistake("country twice", "scenarios.toml", 'countries = ["MEX", "GTM", "HND"', 'countries = ["MEX", "GTM", "MEX"',
            "has non-unique elements", 13),
    Mistake("effect on a metric events cannot change", "events.toml", '{ metric = "economy", delta = -8 }',
            '{ metric = "commitment", delta = -8 }', '"commitment" is not one of ["relations",', 1),
    Mistake("misspelt mandate", "scenarios.toml", "[scenarios.default.mandates.humanitarian]",
            "[scenarios.default.mandates.humanitarain]", "(not a mandate id: use hardline, balanced, humanitarian)", 5),
    Mistake("stick offered", "levers.toml", "offerable = false", "offerable = true", "false was expected", 1),
    Mistake("comparison without op", "events.toml", '{ metric = "economy", op = "<", value = 35 }',
            '{ metric = "economy", value = 35 }', '"op" is a required property', 10),
    Mistake("ask cost above 0", "asks.toml", '{ dimension = "approval", amount = -0.2 }',
            '{ dimension = "approval", amount = 0.2 }', "0.2 is greater than the maximum of 0.0", 1),
    Mistake("misspelt table", "countries.toml", "[countries.MEX.map]", "[countries.MEX.mapp]",
            '{"label_lon":-102.5,"label_lat":23.9} is not one of ["(not a key of this table', 5),
]


def _broken_copy(data: Path, folder: Path, mistake: Mistake) -> tuple[Path, int]:
    """A copy of the data folder with the mistake made; the file changed and the line of the mistake."""
    shutil.copytree(data, folder)
    path = folder / mistake.file
    text = path.read_text(encoding="utf-8")
    assert mistake.old in text, mistake.name
    text = text.replace(mistake.old, mistake.new, 1)
    path.write_text(text, encoding="utf-8")
    return path, text[:text.index(mistake.new)].count("\n") + 1


def test_format_on_save_leaves_the_shipped_files_alone() -> None:
    run = _taplo("fmt", "--check", *[str(p.relative_to(ROOT)) for p in sorted(DATA.glob("*.toml"))])
    assert run.returncode == 0, run.stderr[-2000:]


def test_the_shipped_files_pass_the_linter_with_their_schemas() -> None:
    run = _taplo("lint", *[str(p.relative_to(ROOT)) for p in sorted(DATA.glob("*.toml"))])
    assert run.returncode == 0 and "error" not in run.stderr.replace("errors=0", ""), run.stderr[-2000:]


def test_each_mistake_is_marked_where_the_fix_goes(tmp_path: Path) -> None:
    files: list[tuple[Mistake, Path, int]] = []
    for number, mistake in enumerate(MISTAKES):
        files.append((mistake, *_broken_copy(DATA, tmp_path / f"case{number}", mistake)))
    run = _taplo("lint", *[str(path) for _, path, _ in files], cwd=tmp_path)
    found: dict[str, list[tuple[str, int]]] = {}
    for message, where, line, _ in _DIAGNOSTIC.findall(run.stderr):
        found.setdefault(Path(where).resolve().as_posix(), []).append((message, int(line)))
    for mistake, path, line in files:
        marks = found.get(path.resolve().as_posix(), [])
        assert len(marks) == mistake.marks, (mistake.name, marks)
        assert all(message.startswith(mistake.says) or mistake.says in message for message, _ in marks), (mistake.name, marks)
        assert marks[0][1] == line or min(mark_line for _, mark_line in marks) == line, (mistake.name, line, marks)
        if mistake.marks > 1 and "table" not in mistake.name and "mandate" not in mistake.name:
            assert {mark_line for _, mark_line in marks} == {line}, (mistake.name, marks)


ID_MISTAKES = [
    Mistake("country id misspelt", "scenarios.toml", 'countries = ["MEX", "GTM", "HND"', 'countries = ["MEX", "GTM", "HDN"',
            '"HDN" is not one of ["COL"', 1),
    Mistake("ask id misspelt as a key", "countries.toml", "commitments = { return_flights = 2,",
            "commitments = { return_flight = 2,", '2 is not one of ["(not a known ask id', 1),
    Mistake("ask id misspelt in a red line", "countries.toml", '{ ask = "asylum_cooperation", from_level = 1, price = 0.0',
            '{ ask = "asylum_cooperations", from_level = 1, price = 0.0', '"asylum_cooperations" is not one of [', 1),
    Mistake("lever id misspelt", "countries.toml", 'drops = ["anti_smuggling"', 'drops = ["anti_smugling"',
            '"anti_smugling" is not one of [', 1),
]


def test_schemas_with_ids_complete_and_mark_unknown_ids(tmp_path: Path) -> None:
    """``schema --with-ids``: the shipped data still passes, and an unknown id is one mark where it is written."""
    import sys
    base = tmp_path / "data"
    shutil.copytree(DATA, base)
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "schema", "--with-ids", "--out", str(base / "schema")],
                          capture_output=True, text=True, timeout=120, cwd=ROOT, check=False)
    assert done.returncode == 0 and "listed the ids" in done.stdout, done.stderr
    run = _taplo("lint", *[p.name for p in sorted(base.glob("*.toml"))], cwd=base)
    assert run.returncode == 0 and "error" not in run.stderr.replace("errors=0", ""), run.stderr[-2000:]
    for number, mistake in enumerate(ID_MISTAKES):
        path, line = _broken_copy(base, tmp_path / f"ids{number}", mistake)
        run = _taplo("lint", mistake.file, cwd=path.parent)
        marks = [(message, int(at)) for message, _, at, _ in _DIAGNOSTIC.findall(run.stderr)]
        assert len(marks) == mistake.marks and marks[0][1] == line, (mistake.name, marks)
        assert mistake.says in marks[0][0], (mistake.name, marks)
