"""Property test: whatever happens to the data files, load_content returns problems and never raises.

The real data files are mutated in their text (deleted and duplicated lines, truncation, garbled
bytes, inserted junk) and in their parsed structure (deleted keys, wrong types, out-of-range
numbers, misspelt keys), written back, and loaded. Every problem must be well formed.
"""

from __future__ import annotations

import copy
import datetime as dt
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tomlwrite import dumps

from game import paths
from game.loading import Problem, load_content

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

FIXTURES = Path(__file__).parent / "fixtures" / "mini"
STEMS = ("countries", "levers", "asks", "events", "scenarios")
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _source_dir() -> Path:
    """The shipped data when it is complete, else the small fixture set."""
    shipped = paths.data_dir()
    return shipped if all((shipped / f"{stem}.toml").is_file() for stem in STEMS) else FIXTURES


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("mutated") / "data"
    shutil.copytree(_source_dir(), target, ignore=shutil.ignore_patterns("schema"))
    return target


ORIGINALS: dict[str, bytes] = {stem: (_source_dir() / f"{stem}.toml").read_bytes() for stem in STEMS}


def _check(data_dir: Path, stem: str, content: bytes) -> None:
    target = data_dir / f"{stem}.toml"
    target.write_bytes(content)
    try:
        result = load_content([data_dir])
    finally:
        target.write_bytes(ORIGINALS[stem])
    for problem in result.problems:
        assert isinstance(problem, Problem)
        assert problem.path and problem.message.strip()
        assert problem.line >= 0 and problem.column >= 0
        assert problem.format().startswith(problem.path)
    assert (result.bundle is None) is (not result.ok)


def _mutate_text(data: st.DataObject, raw: bytes) -> bytes:
    kind = data.draw(st.sampled_from(["delete_line", "duplicate_line", "truncate", "garble", "insert"]))
    lines = raw.split(b"\n")
    index = data.draw(st.integers(0, len(lines) - 1))
    if kind == "delete_line":
        return b"\n".join(lines[:index] + lines[index + 1:])
    if kind == "duplicate_line":
        return b"\n".join(lines[:index + 1] + lines[index:])
    position = data.draw(st.integers(0, len(raw)))
    if kind == "truncate":
        return raw[:position]
    if kind == "garble":
        junk = data.draw(st.binary(min_size=1, max_size=8))
        return raw[:position] + junk + raw[position + len(junk):]
    junk_text = data.draw(st.sampled_from(['"', "[", "]]", "{", "=", "\n[countries.MEX]\n", "é", "\x00", "x = 1\n", "#"]))
    return raw[:position] + junk_text.encode("utf-8") + raw[position:]


WRONG_VALUES = st.one_of(
    st.text(max_size=6), st.integers(-10**7, 10**7), st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(), st.just([]), st.just({}), st.lists(st.integers(-5, 5), max_size=3),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
    st.dictionaries(st.sampled_from(["metric", "op", "value", "all", "not", "x"]), st.integers(0, 3), max_size=3),
)


def _mutate_structure(data: st.DataObject, document: dict[str, Any]) -> dict[str, Any]:
    document = copy.deepcopy(document)
    node: Any = document
    for _ in range(data.draw(st.integers(1, 7))):
        keys = list(node) if isinstance(node, dict) else list(range(len(node))) if isinstance(node, list) else []
        if not keys:
            break
        key = data.draw(st.sampled_from(keys))
        child = node[key]
        if not isinstance(child, (dict, list)) or not child or data.draw(st.booleans()):
            kind = data.draw(st.sampled_from(["delete", "wrong", "rename", "scale"]))
            if kind == "delete":
                del node[key]
            elif kind == "wrong":
                node[key] = data.draw(WRONG_VALUES)
            elif kind == "rename" and isinstance(node, dict):
                node[str(key) + data.draw(st.sampled_from(["x", "_", "Y", " "]))] = node.pop(key)
            elif isinstance(child, (int, float)) and not isinstance(child, bool):
                node[key] = child * data.draw(st.sampled_from([-1, 10, 1000, 1.5]))
            break
        node = child
    return document


@SETTINGS
@given(st.data())
def test_text_mutations_give_only_problems(data_dir: Path, data: st.DataObject) -> None:
    stem = data.draw(st.sampled_from(STEMS))
    _check(data_dir, stem, _mutate_text(data, ORIGINALS[stem]))


@SETTINGS
@given(st.data())
def test_structure_mutations_give_only_problems(data_dir: Path, data: st.DataObject) -> None:
    stem = data.draw(st.sampled_from(STEMS))
    document = tomllib.loads(ORIGINALS[stem].decode("utf-8"))
    mutated = _mutate_structure(data, document)
    _check(data_dir, stem, dumps(mutated).encode("utf-8"))
