"""The TOML locator: dotted field paths to line and column, on nasty but valid TOML."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.loading import SourceMap, format_dotted, parse_dotted

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

NASTY = '''# comment with [not.a.table] and key = "value"
title = "a # not a comment" # real comment
"quoted key" = 1
'single.quoted' = 2
a.b."c.d" = 3
  [ table . "sub table" ]  # spaced header
x = [ 1, [2, 3], { y = 4 }, "]" ]
multi = """
[fake.header]
fake = "\\"""
"""
lit = \'\'\'raw \\ text ]\'\'\'
arr = [
  # a comment inside an array, with a ] bracket
  { name = "one", inner = { deep = true } },
  { name = "two, three" },   # trailing comment
]
date = 1979-05-27 07:32:00Z
"é ü" = "unicode key"
[[aot]]
k = 1
[[aot]]
k = 2
[[aot.sub]]
z = 1
[aot.tab]
w = 1
[[aot]]
k = 3
'''

CASES: list[tuple[str, tuple[int, int] | None]] = [
    ("title", (2, 1)),
    ('"quoted key"', (3, 1)),
    ('a.b."c.d"', (5, 5)),
    ("a.b", (5, 3)),
    ('table."sub table"', (6, 3)),
    ('table."sub table".x[1]', (7, 10)),
    ('table."sub table".x[1][1]', (7, 14)),
    ('table."sub table".x[2].y', (7, 20)),
    ('table."sub table".x[3]', (7, 29)),
    ('table."sub table".multi', (8, 1)),
    ('table."sub table".lit', (12, 1)),
    ('table."sub table".arr[0].inner.deep', (15, 29)),
    ('table."sub table".arr[1].name', (16, 5)),
    ('table."sub table".date', (18, 1)),
    ('table."sub table"."é ü"', (19, 1)),
    ("aot[0].k", (21, 1)),
    ("aot[1]", (22, 1)),
    ("aot[1].sub[0].z", (25, 1)),
    ("aot[1].tab.w", (27, 1)),
    ("aot[2].k", (29, 1)),
    ("fake.header", None),
    ("fake", None),
]


def test_nasty_text_is_valid_toml() -> None:
    document = tomllib.loads(NASTY)
    assert document["table"]["sub table"]["arr"][1]["name"] == "two, three"
    assert len(document["aot"]) == 3


@pytest.mark.parametrize(("dotted", "expected"), CASES, ids=[c[0] for c in CASES])
def test_find(dotted: str, expected: tuple[int, int] | None) -> None:
    assert SourceMap(NASTY).find(dotted) == expected


def test_literal_quoted_key() -> None:
    assert SourceMap(NASTY).find(("single.quoted",)) == (4, 1)


@pytest.mark.parametrize(("dotted", "expected"), [
    ('table."sub table".missing', (6, 3)),       # missing key -> its table header
    ("aot[1].sub[0].nothing", (24, 1)),          # -> the [[aot.sub]] header
    ("aot[7].k", (20, 3)),                       # index past the end -> the array's first header
    ("nothing.at.all", (1, 1)),                  # nothing written -> start of the file
    ("", (1, 1)),
])
def test_locate_falls_back_to_nearest_ancestor(dotted: str, expected: tuple[int, int]) -> None:
    assert SourceMap(NASTY).locate(dotted) == expected


def test_crlf_tabs_and_multiline_inline_arrays() -> None:
    text = "[countries.MEX]\r\n\tname = \"M\"\r\nlevels = [\r\n\t{ value = 1 },\r\n\r\n\t{ value = 2 }\r\n]\r\n"
    source = SourceMap(text)
    assert source.find("countries.MEX.name") == (2, 2)
    assert source.find("countries.MEX.levels[1].value") == (6, 4)


def test_implicit_tables_are_found_at_their_first_mention_then_at_their_header() -> None:
    text = "[countries.MEX.priorities]\neconomy = 1\n[countries.MEX]\nname = 'x'\n"
    source = SourceMap(text)
    assert source.find("countries.MEX") == (3, 1)
    assert source.find("countries") == (1, 2)
    assert SourceMap("[countries.MEX.priorities]\n").find("countries.MEX") == (1, 12)


def test_duplicates_are_reported() -> None:
    text = "[a]\nx = 1\ny = 2\nx = 3\n[b]\n[a]\n"
    dups = SourceMap(text).duplicates()
    assert (("a", "x"), (2, 1), (4, 1)) in dups
    assert (("a",), (1, 1), (6, 1)) in dups


@pytest.mark.parametrize("text", [
    "", "[", "[[", "a = ", "a = [1, 2", "a = {", 'a = "x', "a = '''x", 'a = """x', "= 1", "[a.]\n",
    "a = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "a = " + "[" * 3000, "\x00\x01", "a.b.c.d", "]]]]",
])
def test_garbage_never_raises(text: str) -> None:
    source = SourceMap(text)
    assert source.locate("a.b[3].c")[0] >= 1


@pytest.mark.parametrize(("dotted", "loc"), [
    ("countries.MEX.priorities.economy", ("countries", "MEX", "priorities", "economy")),
    ("scenarios.default.tutorial[2].text", ("scenarios", "default", "tutorial", 2, "text")),
    ('a."b.c"[0][1].d', ("a", "b.c", 0, 1, "d")),
    ("events.x.when.not.any[0]", ("events", "x", "when", "not", "any", 0)),
])
def test_dotted_paths(dotted: str, loc: tuple) -> None:
    assert parse_dotted(dotted) == loc
    assert format_dotted(loc) == dotted


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.text(min_size=1, max_size=8), st.integers(0, 99)), min_size=1, max_size=6)
       .filter(lambda loc: isinstance(loc[0], str)))
def test_dotted_round_trip(loc: list) -> None:
    assert parse_dotted(format_dotted(tuple(loc))) == tuple(loc)
