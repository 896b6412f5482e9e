"""Say in plain words what is wrong with a value written without quotes: a number, date, time or true/false.

:func:`explain_word` takes the text of one bare value as written (``01``, ``2006-13-01``, ``1__23``,
``True``) and returns ``(kind, message)``: a short stable kind for tests and a sentence that says
what is wrong and how to write it, or None when the word looks like a valid value.
"""

from __future__ import annotations

import calendar
import re

from game.i18n import N_, _

_DATE = re.compile(r"(\d+)-(\d+)-(\d+)(.*)", re.DOTALL)
_TIME = re.compile(r"(\d+):(\d+)(?::(\d+))?(\.\d*)?(.*)", re.DOTALL)
_OFFSET = re.compile(r"[Zz]|[+-]\d\d:\d\d")
_MONTHS = ["", N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"), N_("August"),
           N_("September"), N_("October"), N_("November"), N_("December")]
_BASES = {"x": ("hexadecimal", N_("0-9 and a-f"), "0123456789abcdefABCDEF"),
          "o": ("octal", "0-7", "01234567"), "b": ("binary", N_("0 and 1"), "01")}

Explained = tuple[str, str]


def _time(text: str) -> Explained | None:
    match = _TIME.fullmatch(text)
    if match is None:
        return "time-form", _("'{text}' is not a valid time: a time is written HH:MM:SS, like 07:30:00").format(text=text)
    hour, minute, second, fraction, rest = match.groups()
    if len(hour) != 2 or len(minute) != 2 or (second is not None and len(second) != 2):
        return "time-digits", _("hours, minutes and seconds take two digits each: write 07:05:00, not 7:5:0")
    if second is None:
        return "time-seconds", _("a time is written HH:MM:SS; the seconds are missing: write {hour}:{minute}:00").format(
                                   hour=hour, minute=minute)
    if int(hour) > 23:
        return "time-range", _("hour {hour} does not exist: hours go from 00 to 23").format(hour=hour)
    if int(minute) > 59:
        return "time-range", _("minute {minute} does not exist: minutes go from 00 to 59").format(minute=minute)
    if int(second) > 59:
        return "time-range", _("second {second} does not exist: seconds go from 00 to 59").format(second=second)
    if fraction == ".":
        return "time-fraction", _("a decimal point in the seconds needs digits after it: write 14.5, or leave the point out")
    if rest and (not _OFFSET.fullmatch(rest) or (rest[0] in "+-" and (int(rest[1:3]) > 23 or int(rest[4:6]) > 59))):
        return "time-offset", (_("'{rest}' is not a valid time offset: write Z for UTC or +HH:MM / -HH:MM, like -05:00, or "
                                  "leave it out").format(rest=rest))
    return None


def _date(text: str) -> Explained | None:
    match = _DATE.fullmatch(text)
    if match is None:
        return "date-form", _("'{text}' is not a valid date: a date is written YYYY-MM-DD, like 2025-01-31").format(
                                text=text)
    year, month, day, rest = match.groups()
    if len(year) != 4:
        return "date-digits", _("a date is written YYYY-MM-DD; the year takes four digits, got '{year}'").format(
                                  year=year)
    if len(month) != 2:
        return "date-digits", _("a date is written YYYY-MM-DD; the month takes two digits: write {month:02d}").format(
                                  month=int(month))
    if len(day) > 2 and (not rest or rest[0] == ":"):
        return "date-time-separator", _("put a T (or a space) between the date and the time: 1997-09-09T09:09:09")
    if len(day) != 2:
        return "date-digits", _("a date is written YYYY-MM-DD; the day takes two digits: write {day:02d}").format(
                                  day=int(day))
    if not 1 <= int(month) <= 12:
        return "date-range", _("a date is written YYYY-MM-DD; month {month} does not exist (01 to 12)").format(
                                 month=month)
    days = calendar.monthrange(int(year), int(month))[1]
    if not 1 <= int(day) <= days:
        if int(month) == 2 and int(day) == 29:
            return "date-range", _("{year} is not a leap year: February {year} has 28 days").format(year=year)
        return "date-range", _("day {day} does not exist in {month}: it has {days} days").format(
                                 day=day, month=_(_MONTHS[int(month)]), days=days)
    if not rest:
        return None
    if rest[0] not in "Tt ":
        return "date-trailing", _("unexpected '{rest}' after the date: a date is written YYYY-MM-DD").format(rest=rest)
    if not rest[1:]:
        return "time-missing", _("a time must follow the T: write 2006-01-30T12:00:00, or leave the T out")
    return _time(rest[1:])


def _digits_message(word: str) -> Explained | None:
    """Underscores, signs, prefixes and leading zeros: the rules every number follows."""
    body = word.lstrip("+-")
    if len(word) - len(body) > 1:
        return "number-sign", _("'{word}' has more than one sign: write at most one + or -").format(word=word)
    if any(ch.isdigit() and not ch.isascii() for ch in word):
        return "number-digits", _("only the digits 0-9 may be used in a number (this one has digits of another script)")
    if body[:2].lower() in ("0x", "0o", "0b"):
        name, allowed_id, digits = _BASES[body[1].lower()]
        allowed = _(allowed_id)
        rest = body[2:]
        if body[1].isupper():
            return "number-prefix", _("write the prefix in lower case: 0{body}{rest}").format(
                                        body=body[1].lower(), rest=rest)
        if word[0] in "+-":
            return "number-prefix", _("{name} numbers cannot have a sign: write {body}, or a plain number like {word}1").format(
                                        name=name, body=body, word=word[0])
        if not rest.replace("_", ""):
            return "number-prefix", _("0{body} must be followed by {name} digits ({allowed}), like 0{body}1").format(
                                        body=body[1], name=name, allowed=allowed)
        if rest.startswith("_") or rest.endswith("_") or "__" in rest:
            return "number-underscore", _("an underscore in a number must stand between two digits, like 1_000")
        bad = next((ch for ch in rest if ch not in digits and ch != "_"), None)
        if bad is not None:
            return "number-digits", _("{name} numbers use only the digits {allowed}; '{bad}' is not one of them").format(
                                        name=name, allowed=allowed, bad=bad)
        return None
    if "__" in body or body.startswith("_") or body.endswith("_") or re.search(r"_[.eE]|[.eE]_", body):
        return "number-underscore", _("an underscore in a number must stand between two digits, like 1_000")
    if re.match(r"0[0-9_]", body):
        plain = body.lstrip("0_") or "0"
        return "number-leading-zero", _("numbers may not start with 0: write {word}{plain}, not {word2}").format(
                                          word=word[:len(word) - len(body)], plain=plain, word2=word)
    return None


def _number(word: str) -> Explained | None:
    found = _digits_message(word)
    if found is not None:
        return found
    body = word.lstrip("+-")
    if body.startswith("."):
        return "number-point", _("a decimal point needs a digit on each side: write {word}0{body}").format(
                                   word=word[:len(word) - len(body)], body=body)
    mantissa, _e, exponent = body.lower().partition("e")
    if mantissa.count(".") > 1 or mantissa.endswith("."):
        fixed = "1.0" if mantissa.endswith(".") else "0.1"
        return "number-point", _("a decimal point needs a digit on each side and appears once: write {fixed}, not {word}").format(
                                   fixed=fixed, word=word)
    if "e" in body.lower() and not re.fullmatch(r"[+-]?[0-9_]+", exponent):
        return "number-exponent", _("an exponent is e followed by a whole number: write 1e6 or 2.5e-3")
    if not re.fullmatch(r"[0-9_]+(\.[0-9_]+)?(e[+-]?[0-9_]+)?", body.lower()):
        return "number-form", _("'{word}' is not a valid number: write numbers like 12, -3.5 or 1e6").format(word=word)
    return None


def explain_word(word: str) -> Explained | None:
    """What is wrong with one bare value as written, or None when nothing is found wrong with it."""
    lower = word.lower()
    if lower in ("true", "false") and word != lower:
        return "bool-case", _("true and false are written in lower case: write {lower}").format(lower=lower)
    if lower.lstrip("+-") in ("inf", "nan") and word != lower:
        return "inf-nan-case", _("inf and nan are written in lower case: write {lower}").format(lower=lower)
    if any(lower.startswith(stem) and len(lower) >= 1 for stem in ("tru", "fals")) or lower in ("t", "f"):
        return "bool-word", _("'{word}' is not a value: write true or false (lower case), or put text in quotes").format(
                                word=word)
    stripped = lower.lstrip("+-")
    if stripped and ("inf".startswith(stripped[:3]) or "nan".startswith(stripped[:3])) and stripped[:2] in ("in", "na"):
        return "inf-nan-word", _("'{word}' is not a value: write inf or nan (lower case), or put text in quotes").format(
                                   word=word)
    if re.match(r"\d+-", word):
        return _date(word)
    if re.match(r"\d+:", word):
        return _time(word)
    if word[:1].isdigit() or word[:1] in "+-._" or (word[:1].isdigit() is False and word[:1].isnumeric()):
        return _number(word)
    if word and (word[0].isalpha() or word[0] in "_-"):
        return "text-quotes", _('text must be in quotes: write "{word}"').format(word=word)
    return None
