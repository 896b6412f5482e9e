"""The official TOML compliance suite (toml-lang/toml-test, TOML 1.0 cases, copied under tests/toml-test).

Every valid file is scanned with every table, key and array item located exactly where it is
written (checked against tomllib's parse of the same file). Every invalid file gives exactly one
located error in plain words, never a traceback, and its kind and position are pinned in
``toml-test-expected.txt`` so that a change in any message shows up here.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterator

import pytest

from game.loading.locate import Loc, SourceMap
from game.loading.reading import read_toml
from game.loading.tomlscan import Scanner

SUITE = Path(__file__).resolve().parent / "toml-test" / "tests"
EXPECTED = Path(__file__).resolve().parent / "toml-test-expected.txt"
NAMES = (SUITE / "files-toml-1.0.0").read_text(encoding="utf-8").split()
VALID = [name for name in NAMES if name.startswith("valid/") and name.endswith(".toml")]
INVALID = [name for name in NAMES if name.startswith("invalid/") and name.endswith(".toml")]
# Python notation an instructor should never see: a tuple, an exception class, a repr of a character.
PYTHON_NOTATION = re.compile(r"\('[^']*',|\b[A-Z][a-z]+(Error|Exception)\b|<class |'\\x[0-9a-f]{2}'|internal error")


def _paths(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, Any]]:
    if isinstance(value, dict):
        for key, inner in value.items():
            yield loc + (key,), inner
            yield from _paths(inner, loc + (key,))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield loc + (index,), inner
            yield from _paths(inner, loc + (index,))


def _key_at(text: str, offset: int) -> str:
    """The key written at ``offset``; at a ``[header]`` (where a table is located), its last part."""
    scanner = Scanner(text)
    scanner.i = offset
    if text.startswith("[", offset):
        scanner.i += 2 if text.startswith("[[", offset) else 1
        return scanner._key()[-1][0]
    return scanner._key()[0][0]


def test_the_suite_is_complete() -> None:
    assert len(VALID) == 210 and len(INVALID) == 499
    assert (SUITE.parent / "LICENSE").is_file() and (SUITE.parent / "SOURCE").is_file()


def test_every_valid_file_is_located_exactly() -> None:
    located = 0
    wrong: list[str] = []
    for name in VALID:
        result = read_toml(SUITE / name, name, section_file=False)
        assert result.source is not None and result.document is not None, name
        assert not [problem for problem in result.problems if problem.is_error], name
        text = result.source.text
        source = SourceMap(text)
        for loc, value in _paths(result.document):
            position = source._positions.get(loc)
            if position is None:
                wrong.append(f"{name}: {loc} not found")
                continue
            located += 1
            if isinstance(loc[-1], str):
                ok = _key_at(text, position) == loc[-1]
            elif isinstance(value, dict) and text.startswith("[[", position):
                ok = True
            else:
                ok = text[position] not in " \t\r\n,#]}"
            if not ok:
                wrong.append(f"{name}: {loc} at offset {position} reads {text[position:position + 20]!r}")
    assert wrong == []
    assert located >= 1285


def _expected() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for row in EXPECTED.read_text(encoding="utf-8").splitlines():
        if row and not row.startswith("#"):
            name, where, code = row.split("\t")
            table[name] = (where, code)
    return table


def _one_error(name: str) -> Any:
    result = read_toml(SUITE / name, name, section_file=False)
    errors = [problem for problem in result.problems if problem.is_error]
    assert len(errors) == 1, (name, [p.format() for p in result.problems])
    return errors[0]


def test_every_invalid_file_gives_one_located_plain_words_problem() -> None:
    expected = _expected()
    assert sorted(expected) == sorted(INVALID)
    changed: list[str] = []
    for name in INVALID:
        problem = _one_error(name)
        assert problem.line >= 1 and problem.column >= 1, name
        assert not PYTHON_NOTATION.search(problem.message), (name, problem.message)
        assert problem.code and problem.code != "other", (name, problem.message)
        got = (f"{problem.line}:{problem.column}", problem.code)
        if got != expected[name]:
            changed.append(f"{name}: expected {expected[name]}, got {got}: {problem.message}")
    assert changed == []


def test_syntax_messages_keep_tomllibs_words_after_the_plain_ones() -> None:
    problem = _one_error("invalid/string/no-close-01.toml")
    assert problem.message.startswith("TOML syntax error: this text in quotes has no closing quote")
    assert problem.message.endswith("(the TOML reader says: Illegal character U+000A (line break))")
    namespace = _one_error("invalid/table/append-with-dotted-keys-01.toml")
    assert "a.b.c" in namespace.message and "('a'" not in namespace.message


@pytest.mark.parametrize("name, words", [
    ("invalid/integer/leading-zero-01.toml", "numbers may not start with 0: write 1, not 01"),
    ("invalid/local-date/month-over.toml", "a date is written YYYY-MM-DD; month 13 does not exist"),
    ("invalid/inline-table/trailing-comma.toml", "remove the comma before }"),
    ("invalid/integer/double-us.toml", "an underscore in a number must stand between two digits"),
    ("invalid/key/special-character.toml", 'non-ASCII keys need quotes: write "μ"'),
    ("invalid/encoding/utf16-bom.toml", "the file is saved as UTF-16; save it as UTF-8"),
    ("invalid/string/multiline-no-close-01.toml", 'the multi-line text opened here with """ is never closed'),
    ("invalid/array/no-close-01.toml", "the list [ opened on line 1 is never closed"),
    ("invalid/key/duplicate-keys-08.toml", "the key 'arr' is given twice in the same table (first on line 1)"),
    ("invalid/control/only-ff.toml", "the control character U+000C (form feed) is not allowed here"),
])
def test_messages_say_what_to_do(name: str, words: str) -> None:
    assert words in _one_error(name).message
