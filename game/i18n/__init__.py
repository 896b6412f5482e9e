"""Languages: the current one, its gettext catalog, and ``_`` / ``ngettext`` / ``N_`` for code.

No pygame here: the engine, the loading code and the command line use it as well as the UI.
English is the language of the code and of ``data/*.toml``; every other language is a catalog
``game/locale/<code>/LC_MESSAGES/messages.po`` (see :mod:`game.i18n.catalog`) plus, for the data,
``data/i18n/<code>/*.toml``. Adding a language adds files, never code.

Strings are looked up when shown, never at import: a module-level constant that must be
translated is marked with ``N_`` and passed through ``_`` where it is used.
"""

from __future__ import annotations

import contextlib
import functools
import gettext
import locale
import os

from game.i18n.catalog import available_languages, translations

BASE_LANGUAGE = "en"

_language = BASE_LANGUAGE
_active: gettext.NullTranslations = gettext.NullTranslations()


class UnknownLanguage(ValueError):
    """A language code with no catalog; the message names the languages there are."""


def _(message: str) -> str:
    """``message`` in the current language (itself when it has no translation)."""
    return _active.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for the count ``n`` in the current language."""
    return _active.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for the catalog without translating it now (translate it with ``_`` later)."""
    return message


def current_language() -> str:
    """The code of the language texts are shown in, e.g. ``"en"`` or ``"es"``."""
    return _language


def match_language(code: str | None) -> str | None:
    """The available language a code such as ``es``, ``es_MX.UTF-8`` or ``es-CO`` stands for, if any."""
    if not code:
        return None
    cleaned = code.split(".")[0].split("@")[0].replace("-", "_").strip()
    if not cleaned:
        return None
    languages = available_languages()
    for candidate in (cleaned, cleaned.split("_")[0].lower()):
        if candidate in languages:
            return candidate
    return None


def set_language(code: str) -> str:
    """Show texts in the language ``code`` from now on; returns the matched code.

    Raises :class:`UnknownLanguage` when no catalog matches it.
    """
    global _language, _active
    matched = match_language(code)
    if matched is None:
        raise UnknownLanguage(
            _("unknown language '{code}' (available: {languages})").format(
                code=code, languages=", ".join(available_languages())))
    _language = matched
    _active = gettext.NullTranslations() if matched == BASE_LANGUAGE else translations(matched)
    return matched


def system_language() -> str:
    """The language of the system's locale when the game has it, else English."""
    candidates = [os.environ.get(name) for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")]
    with contextlib.suppress(ValueError):  # an unparsable locale setting: fall back to the next source
        candidates.append(locale.getlocale()[0])
    for value in candidates:
        for part in (value or "").split(":"):  # LANGUAGE may list several, e.g. es_MX:es:en
            matched = match_language(part)
            if matched is not None:
                return matched
    return BASE_LANGUAGE


def choose_language(requested: str | None, remembered: str | None) -> str:
    """The language to use: the one asked for, else the remembered setting, else the system's."""
    if requested:
        return set_language(requested)
    matched = match_language(remembered)
    return set_language(matched or system_language())


# The own names of the languages the game ships (what Babel gives for them), so that the title's
# language list does not load Babel's locale data at start-up; other codes ask Babel.
OWN_NAMES = {"en": "English", "es": "español"}


@functools.cache
def language_name(code: str) -> str:
    """A language's own name, e.g. ``English``, ``español``."""
    if code in OWN_NAMES:
        return OWN_NAMES[code]
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code).get_display_name(code) or code
    except (ValueError, UnknownLocaleError):
        return code


__all__ = [
    "BASE_LANGUAGE", "N_", "UnknownLanguage", "_", "available_languages", "choose_language",
    "current_language", "language_name", "match_language", "ngettext", "set_language", "system_language",
]
