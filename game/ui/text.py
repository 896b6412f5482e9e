"""Plain-language text for the screens: escaped HTML for text boxes, numbers with units.

All in-game wording written by the UI lives here or in the scenes; government lines and news
come from the data through the engine.
"""

from __future__ import annotations

import html
import re

from game.content.common import DIMENSION_HELP, Dimension
from game.engine.state import News, Response
from game.i18n import N_, Wording, _
from game.i18n.formats import number
from game.ui.palette import Palette
from game.ui.printable import printable
from game.wording import ABOUT_WORDS, DIM_NAMES, KIND_WORDS, reason_value

US_METERS = {  # name and help (marked: pass them through ``_`` where shown) and the number's format
    "capital": (N_("Political capital"), N_("Spent on actions; refilled each month."), "{:.0f}"),
    "aid_budget_m": (N_("Aid budget"), N_("Money left for incentives for the whole scenario, in $ millions."),
                     N_("${:.0f}M")),
    "credibility": (N_("Credibility"), N_("How far governments believe US threats and promises (0-100). "
                    "Carrying out threats and keeping promises raises it; called bluffs lower it."), "{:.0f}"),
    "domestic_cost": (N_("Domestic cost"), N_("What tariffs, sanctions and retaliation cost US consumers, firms "
                      "and politics each month."), "{:.1f}"),
    "regional_resistance": (N_("Regional resistance"), N_("How much the region's governments push back together "
                            "against US coercion (0-100)."), "{:.0f}"),
    "protection": (N_("Protection"), N_("Access to asylum and protection along the routes (100 = as at the "
                   "start)."), "{:.0f}"),
}
COUNTRY_METERS = Wording({
    "relations": N_("Relations"), "trust": N_("Trust"), "approval": N_("Approval"), "economy": N_("Economy"),
    "arrivals_k": N_("Arrivals at the US border (k)"), "grievance": N_("Grievance"),
})
OBJECTIVE_NAMES = Wording({
    "agreements": N_("Agreements"), "returns": N_("Returns"), "border_flow": N_("Border flow"),
    "us_costs": N_("US costs"), "relations": N_("Relations"), "regional_standing": N_("Regional standing"),
    "credibility": N_("Credibility"), "humanitarian": N_("Humanitarian"),
})


def esc(text: object) -> str:
    """Escape text for a pygame_gui text box."""
    return html.escape(printable(str(text)), quote=False).replace("\n", "<br>")


def dim_help(dim: str) -> str:
    """A dimension's explanation."""
    return _(DIMENSION_HELP[Dimension(dim)]) if dim in DIM_NAMES else dim


def colour(text: str, hex_colour: str) -> str:
    """Coloured text."""
    return f"<font color='{hex_colour}'>{text}</font>"


def signed(value: float, digits: int = 0) -> str:
    """+3 / -2.5 / 0 (with the current language's decimal mark: -2,5 in Spanish)."""
    if abs(value) < 0.5 * 10 ** -digits:
        return "0"
    return ("+" if value > 0 else "") + number(value, digits)


def shown(fmt: str, value: float) -> str:
    """``value`` written by a format such as ``{:.1f}`` or ``${:.0f}M``, with the current language's
    digit grouping and decimal mark (``1.800``, ``2,5`` in Spanish)."""
    match = re.fullmatch(r"(.*)\{:\.(\d)f\}(.*)", fmt, flags=re.S)
    if match is None:
        return fmt.format(value)
    return match.group(1) + number(value, int(match.group(2))) + match.group(3)


def change(before: float, after: float, pal: Palette, good_up: bool = True, digits: int = 0, fmt: str = "{:.0f}") -> str:
    """'55 to 58 (+3)' coloured by whether the change is good for the envoy.

    The change is the difference of the figures as shown (each rounded to ``digits``), so the
    three numbers always agree: 13.6 -> 14.4 reads '14 (no change)', never '14 to 14 (+1)'.
    """
    shown_before, shown_after = round(before, digits), round(after, digits)
    delta = shown_after - shown_before
    text = _("{before} to {after} ({change})").format(
        before=shown(fmt, shown_before), after=shown(fmt, shown_after), change=signed(delta, digits))
    if abs(delta) < 0.5 * 10 ** -digits:
        return esc(_("{value} (no change)").format(value=shown(fmt, shown_after)))
    good = (delta > 0) == good_up
    return colour(esc(text), pal.good if good else pal.bad)


def _level(ask: str, level: int) -> str:
    return _("{ask} level {level}").format(ask=ask, level=level)


def response_html(resp: Response, name: str, pal: Palette, names: dict[str, str], reveal: bool = False) -> str:
    """A government's response with its line and the reasons behind it."""
    kind = KIND_WORDS.get(resp.kind, resp.kind.capitalize())
    head = f"<b>{esc(name)}: {esc(kind)}</b>"
    if resp.about:
        head += f" <i>({esc(ABOUT_WORDS.get(resp.about, resp.about.replace('_', ' ')))})</i>"
    parts = [head, f"<i>“{esc(resp.text)}”</i>"]
    if resp.asks:
        asks = ", ".join(_level(names.get(a, a), lvl) for a, lvl in resp.asks.items())
        parts.append(esc(_("Concerning: {asks}").format(asks=asks)))
    if resp.counter is not None:
        asks = ", ".join(_level(names.get(a, a), lvl) for a, lvl in resp.counter.asks.items()) or _("nothing")
        offers = ", ".join(names.get(o, o) for o in resp.counter.offers) or _("nothing")
        parts.append(esc(_("Counter-offer: they would agree to {asks} in return for {offers}. "
                           "You can accept it next month from the planning screen.").format(asks=asks, offers=offers)))
    for factor in resp.factors:
        line = f"• {factor.text}" + (_(" (decisive)") if factor.decisive else "")
        if reveal:
            line += f"  [{reason_value(factor.value)}]"
        parts.append(esc(line))
    return "<br>".join(parts)


def news_html(items: list[News], names: dict[str, str], limit: int = 30) -> str:
    """News items, newest first."""
    out = []
    for item in list(reversed(items))[:limit]:
        where = f" ({names.get(item.country, item.country)})" if item.country else ""
        out.append(f"<b>{esc(item.title)}</b>{esc(where)}<br>{esc(item.text)}")
    return "<br><br>".join(out) or _("No news yet.")
