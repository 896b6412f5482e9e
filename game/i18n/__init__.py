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
import string
from collections.abc import Iterator, Mapping

from game.i18n.catalog import available_languages, translations

BASE_LANGUAGE = "en"

_language = BASE_LANGUAGE
_active: gettext.NullTranslations = gettext.NullTranslations()


class UnknownLanguage(ValueError):
    """A language code with no catalog; the message names the languages there are."""


class _Numbers(string.Formatter):
    """Fills a translated message's ``{x:.1f}``-style fields with the language's decimal mark and
    digit grouping (``2,5`` and ``1.800`` in Spanish) from Babel's data."""

    def __init__(self, decimal: str, group: str) -> None:
        self.swap = {ord("."): decimal, ord(","): group}

    def format_field(self, value: object, format_spec: str) -> str:
        text = format(value, format_spec)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return text.translate(self.swap)
        return text


class Localized(str):
    """A translated message whose ``format`` writes numbers the current language's way."""

    __slots__ = ()

    def format(self, *args: object, **kwargs: object) -> str:
        return _numbers.vformat(self, args, kwargs) if _numbers is not None else str.format(self, *args, **kwargs)


_numbers: _Numbers | None = None  # None in English: messages are plain strings
_texts: dict[str, str] = {}  # msgid -> its translation in the current language (empty in English)


def _texts_of(catalog: gettext.NullTranslations) -> dict[str, str]:
    """The translations ``catalog.gettext`` gives, as one table: each msgid, and a plural entry's
    form for 1 under its singular msgid when no entry of its own has that msgid."""
    entries = getattr(catalog, "_catalog", None)
    if not entries:
        return {}
    plural = getattr(catalog, "plural", lambda n: 0)
    out = {key: text for key, text in entries.items() if isinstance(key, str)}
    for key, text in entries.items():
        if isinstance(key, tuple) and key[1] == plural(1):
            out.setdefault(key[0], text)
    return out


def _(message: str) -> str:
    """``message`` in the current language (itself when it has no translation)."""
    text = _texts.get(message, message)  # what ``_active.gettext`` returns, without the call
    return text if _numbers is None or "{" not in text else Localized(text)  # plain text needs no formatter


def number_text(text: str) -> str:
    """A number Python wrote (``+0.26``, ``1,800``) with the current language's decimal mark and grouping."""
    return text if _numbers is None else text.translate(_numbers.swap)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for the count ``n`` in the current language."""
    text = _active.ngettext(singular, plural, n)
    return text if _numbers is None or "{" not in text else Localized(text)


def N_(message: str) -> str:
    """Mark a string for the catalog without translating it now (translate it with ``_`` later)."""
    return message


class Wording(Mapping[str, str]):
    """A table of words marked with ``N_`` whose values are translated each time one is read.

    ``KIND_WORDS = Wording({"accept": N_("Accepted")})``: ``KIND_WORDS["accept"]`` is ``Aceptó`` in
    Spanish, and the table follows a change of language without being rebuilt.
    """

    def __init__(self, words: Mapping[str, str]) -> None:
        self._words = dict(words)

    def __getitem__(self, key: str) -> str:
        return _(self._words[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)


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
    global _language, _active, _numbers, _texts
    matched = match_language(code)
    if matched is None:
        raise UnknownLanguage(
            _("unknown language '{code}' (available: {languages})").format(
                code=code, languages=", ".join(available_languages())))
    _language = matched
    _active = gettext.NullTranslations() if matched == BASE_LANGUAGE else translations(matched)
    _numbers = None if matched == BASE_LANGUAGE else _numbers_of(matched)
    _texts = _texts_of(_active)
    return matched


def _numbers_of(code: str) -> _Numbers | None:
    """The number formatter of a language, or None when it writes numbers as English does."""
    from babel import UnknownLocaleError, numbers

    try:
        decimal, group = numbers.get_decimal_symbol(code), numbers.get_group_symbol(code)
    except (ValueError, UnknownLocaleError):
        return None
    return None if (decimal, group) == (".", ",") else _Numbers(decimal, group)


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
    "BASE_LANGUAGE", "N_", "UnknownLanguage", "Wording", "_", "available_languages", "choose_language",
    "current_language", "language_name", "match_language", "ngettext", "number_text", "set_language",
    "system_language",
]
