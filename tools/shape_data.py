"""Shape the data files so that taplo's formatter (Even Better TOML's format on save) leaves them alone.

taplo 0.9 crashes on a ``key = value  # comment`` line wider than its column width (upstream issue
tamasfe/taplo#741), and aligns trailing comments of neighbouring lines to the longest of them. This
tool moves the trailing comment of every line wider than the column width of ``taplo.toml`` onto its
own line just above, then runs ``taplo fmt`` with that configuration, and repeats until nothing moves.
The change is mechanical (comment placement and spacing only); rerun it after editing the data:

    python tools/shape_data.py            # reshape data/*.toml in place
    python tools/shape_data.py --check    # exit 1 when a file would change (what CI runs)

``taplo`` must be on PATH (``npm install -g @taplo/cli``) or given with ``--taplo``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "taplo.toml"


def column_width(config: Path = CONFIG) -> int:
    """The formatter's column width set in ``taplo.toml``."""
    match = re.search(r"^column_width\s*=\s*(\d+)", config.read_text(encoding="utf-8"), re.MULTILINE)
    return int(match.group(1)) if match else 80


def comment_starts(text: str) -> dict[int, int]:
    """Line number (0-based) -> column of a trailing ``#`` comment that follows code on that line."""
    found: dict[int, int] = {}
    line, column, i, quote, code = 0, 0, 0, "", False
    while i < len(text):
        ch = text[i]
        if ch == "\n":
            line, column, code = line + 1, 0, False
            if len(quote) == 1:
                quote = ""
            i += 1
            continue
        if quote:
            if quote in ('"', '"""') and ch == "\\":
                i, column = i + 2, column + 2
                continue
            if text.startswith(quote, i):
                i, column, quote = i + len(quote), column + len(quote), ""
                continue
        elif ch == "#":
            if code:
                found[line] = column
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
            continue
        elif ch in "\"'":
            quote = ch * 3 if text.startswith(ch * 3, i) else ch
            i, column, code = i + len(quote), column + len(quote), True
            continue
        elif ch not in " \t":
            code = True
        i, column = i + 1, column + 1
    return found


def lift_long_comments(text: str, width: int) -> str:
    """Move the trailing comment of each line wider than ``width`` to its own line above it."""
    lines = text.split("\n")
    starts = comment_starts(text)
    out: list[str] = []
    for number, line in enumerate(lines):
        column = starts.get(number)
        if column is not None and len(line) > width:
            indent = line[:len(line) - len(line.lstrip())]
            out.append(indent + line[column:].rstrip())
            out.append(line[:column].rstrip())
        else:
            out.append(line)
    return "\n".join(out)


def taplo_format(taplo: str, text: str, name: str) -> str:
    """``text`` as ``taplo fmt`` writes it for ``data/NAME`` with the project's configuration."""
    run = subprocess.run([taplo, "fmt", "--config", str(CONFIG), "--stdin-filepath", f"data/{name}", "-"],
                         input=text, capture_output=True, text=True, timeout=120, check=False, cwd=ROOT)
    if run.returncode != 0:
        raise RuntimeError(f"taplo fmt failed on {name}: {run.stderr.strip()[-400:]}")
    return run.stdout


def shape(taplo: str, text: str, name: str, width: int) -> str:
    """Lift long comments and format, until the text no longer changes."""
    for _ in range(10):
        shaped = taplo_format(taplo, lift_long_comments(text, width), name)
        if shaped == text:
            return text
        text = shaped
    raise RuntimeError(f"{name} does not settle after 10 rounds")


def main(argv: list[str] | None = None) -> int:
    """Reshape (or with ``--check`` only check) the given files, by default ``data/*.toml``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 when a file would change")
    parser.add_argument("--taplo", default=shutil.which("taplo") or "taplo", help="the taplo program")
    args = parser.parse_args(argv)
    width = column_width()
    changed = []
    for path in args.files or sorted((ROOT / "data").glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        shaped = shape(args.taplo, text, path.name, width)
        if shaped != text:
            changed.append(path)
            if not args.check:
                path.write_text(shaped, encoding="utf-8", newline="\n")
    for path in changed:
        print(f"{'would reshape' if args.check else 'reshaped'} {path}")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
