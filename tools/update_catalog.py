"""Extract every marked string of the game's code and update each language's catalog.

    python tools/update_catalog.py            # template + every catalog
    python tools/update_catalog.py --init pt  # start a new language from the template
    python tools/update_catalog.py --check    # exit 1 when the template or a catalog is stale

Writes ``game/locale/messages.pot`` and ``game/locale/<lang>/LC_MESSAGES/messages.po`` with Babel
(the same as ``pybabel extract -F babel.cfg -k N_ -k counted:2,3`` then ``pybabel update``). New
strings arrive untranslated; strings whose English changed are marked fuzzy (not shown until a
translator checks them and removes the fuzzy flag).
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from babel.messages.catalog import Catalog  # noqa: E402
from babel.messages.pofile import read_po, write_po  # noqa: E402

from game import __version__  # noqa: E402
from game.i18n.catalog import LOCALE_DIR, catalog_path, extract, read_catalog, template_path  # noqa: E402


HEADER = ("# Strings of Pressure Points' code, extracted by tools/update_catalog.py: do not edit this\n"
          "# template; translate in game/locale/<lang>/LC_MESSAGES/messages.po (see docs/translating.md).")


def build_template() -> Catalog:
    """The template: every marked string, with where it is used."""
    template = Catalog(project="Pressure Points", version=__version__, fuzzy=False, charset="utf-8",
                       header_comment=HEADER, msgid_bugs_address="", copyright_holder="", last_translator="",
                       language_team="")
    for message in extract():
        template.add(message.msgid, locations=[(message.path, message.line)])
    return template


def _render(catalog: Catalog, **options: bool) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False, sort_output=False, **options)
    return buffer.getvalue()


def _content(text: bytes) -> bytes:
    """A rendered catalog without its dates and source locations: what must match for it to be fresh.

    Lines moving in the code do not make a catalog stale; a string added, changed or removed does.
    """
    return b"\n".join(line for line in text.splitlines()
                      if not line.startswith((b'"POT-Creation-Date', b'"PO-Revision-Date', b"#:")))


def updated(language: str, template: Catalog) -> Catalog:
    """A language's catalog brought in line with the template."""
    catalog = read_catalog(language)
    catalog.update(template, update_header_comment=False)
    return catalog


def main(argv: list[str] | None = None) -> int:
    """Write (or with --check compare) the template and the catalogs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--init", metavar="LANG", help="create the catalog of a new language")
    parser.add_argument("--check", action="store_true", help="report stale files instead of writing them")
    args = parser.parse_args(argv)
    template = build_template()
    outputs: dict[Path, bytes] = {template_path(): _render(template)}
    if args.init:
        new = read_po(io.BytesIO(outputs[template_path()]), locale=args.init)
        catalog_path(args.init).parent.mkdir(parents=True, exist_ok=True)
        outputs[catalog_path(args.init)] = _render(new)
    for po in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/messages.po")):
        language = po.parent.parent.name
        if language != args.init:
            outputs[po] = _render(updated(language, template), ignore_obsolete=True)
    stale = [path for path, text in outputs.items()
             if not path.exists() or _content(path.read_bytes()) != _content(text)]
    if args.check:
        for path in stale:
            print(f"stale: {path.relative_to(LOCALE_DIR.parent.parent)}")
        return 1 if stale else 0
    for path in stale:
        path.write_bytes(outputs[path])
        print(f"wrote {path.relative_to(LOCALE_DIR.parent.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
