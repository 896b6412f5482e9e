"""The gettext catalogs: ``.po`` files shipped under ``game/locale``, compiled with Babel when loaded.

The ``.po`` files are the only copy (no ``.mo`` to keep in step): :func:`translations` reads one
with Babel and hands the compiled catalog to the standard :mod:`gettext`. :func:`extract` lists
every string marked in the package's code (``_``, ``N_``, ``ngettext`` and
:func:`game.i18n.formats.counted`) with Babel's extractor;
``tools/update_catalog.py`` writes them to the template and the catalogs, and the tests use
:func:`missing_from_catalog` to check that whatever the game shows is in a catalog.
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # Babel is imported when a catalog is read, not at start-up
    from babel.messages.catalog import Catalog

PACKAGE_DIR = Path(__file__).resolve().parent.parent
LOCALE_DIR = PACKAGE_DIR / "locale"
DOMAIN = "messages"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "counted": (2, 3)}


def catalog_path(language: str) -> Path:
    """The ``.po`` file of a language."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def template_path() -> Path:
    """The ``.pot`` template every catalog is updated from."""
    return LOCALE_DIR / f"{DOMAIN}.pot"


@lru_cache(maxsize=1)
def available_languages() -> tuple[str, ...]:
    """English (the language of the code) and every language with a catalog, sorted."""
    found = {path.parent.parent.name for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")}
    return tuple(sorted(found | {"en"}))


def read_catalog(language: str) -> Catalog:
    """The catalog of a language as Babel reads it."""
    from babel.messages.pofile import read_po

    with catalog_path(language).open("rb") as handle:
        return read_po(handle, locale=language, domain=DOMAIN)


@cache
def translations(language: str) -> gettext.GNUTranslations:
    """The compiled catalog of a language (fuzzy entries left out, as gettext does)."""
    from babel.messages.mofile import write_mo

    buffer = io.BytesIO()
    write_mo(buffer, read_catalog(language), use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


class Message(NamedTuple):
    """One string marked in the code: where, and its msgid (a tuple for singular and plural)."""

    path: str
    line: int
    msgid: str | tuple[str, ...]


def extract(root: Path = PACKAGE_DIR) -> list[Message]:
    """Every marked string in the Python files under ``root``, in file order."""
    from babel.messages.extract import extract_from_dir

    found: list[Message] = []
    for filename, line, msgid, _comments, _context in extract_from_dir(
            str(root), method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)):
        found.append(Message(f"{root.name}/{filename}", line, msgid))
    return found


def missing_from_catalog(strings: Iterable[str | tuple[str, str]], language: str) -> list[str | tuple[str, str]]:
    """The strings that have no finished (non-empty, non-fuzzy) translation in a language's catalog."""
    catalog = read_catalog(language)
    missing = []
    for msgid in strings:
        message = catalog.get(msgid)
        strings_out = [] if message is None else (
            list(message.string) if isinstance(message.string, (list, tuple)) else [message.string])
        if message is None or message.fuzzy or not all(strings_out):
            missing.append(msgid)
    return missing
