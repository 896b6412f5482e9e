"""Numbers, money, months and counts written the way the current language writes them (Babel).

``number(1800)`` is ``1,800`` in English and ``1.800`` in Spanish; ``month_year(2025, 1)`` is
``January 2025`` / ``enero de 2025``; ``money_millions(1800)`` is ``$1,800 million`` /
``1.800 millones de dólares``; ``counted(3, "{n} report", "{n} reports")`` is ``3 informes``.
"""

from __future__ import annotations

import datetime

from babel import Locale, dates, numbers

from game.i18n import current_language, ngettext


def _locale() -> str:
    return current_language()


def number(value: float, decimals: int = 0) -> str:
    """A number with the language's digit grouping and decimal mark, rounded to ``decimals``."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return numbers.format_decimal(round(value, decimals), format=pattern, locale=_locale(),
                                  decimal_quantization=True)


def percent(share: float, decimals: int = 0) -> str:
    """A share (0.25) as a percentage in the language's style: ``25%``, ``25 %``."""
    pattern = Locale.parse(_locale()).percent_formats[None].pattern.split(";")[0]
    if decimals > 0:  # the language's own pattern (``#,##0 %``) with decimals after its last digit
        last = pattern.rindex("0")
        pattern = pattern[:last + 1] + "." + "0" * decimals + pattern[last + 1:]
    return numbers.format_percent(share, format=pattern, locale=_locale())


def money_millions(millions: float, decimals: int = 0) -> str:
    """An amount of US dollars given in millions: ``$1,800 million``, ``1.800 millones de dólares``."""
    amount = number(millions, decimals)
    n = int(millions) if float(millions).is_integer() else 2  # a fraction takes the plural
    return ngettext("${amount} million", "${amount} million", n).format(amount=amount)


def month_year(year: int, month: int) -> str:
    """A month of a year: ``January 2025``, ``enero de 2025``."""
    return dates.format_skeleton("yMMMM", datetime.date(year, month, 1), locale=_locale())


def month_name(month: int) -> str:
    """The name of a month on its own: ``January``, ``enero``."""
    return dates.get_month_names("wide", "stand-alone", locale=_locale())[month]


def counted(n: int, singular: str, plural: str) -> str:
    """``ngettext`` filled in with the count written as a number: ``counted(3, "{n} report", "{n} reports")``.

    ``singular`` and ``plural`` must be literal strings: the catalog extracts them from the call.
    """
    return ngettext(singular, plural, n).format(n=number(n))


def date(value: datetime.date) -> str:
    """A full date in the language's medium style: ``Jan 5, 2025``, ``5 ene 2025``."""
    return dates.format_date(value, format="medium", locale=_locale())


def date_time(value: datetime.datetime) -> str:
    """A date and time of day in the language's medium date and short time: ``Jan 5, 2025, 2:30 PM``,
    ``5 ene 2025, 14:30``."""
    return f"{date(value.date())}, {dates.format_time(value, format='short', locale=_locale())}"
