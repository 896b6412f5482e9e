"""Plain-language text for the screens: escaped HTML for text boxes, numbers with units.

All in-game wording written by the UI lives here or in the scenes; government lines and news
come from the data through the engine.
"""

from __future__ import annotations

import html

from game.content.common import DIMENSION_HELP, Dimension
from game.engine.state import News, Response
from game.ui.palette import Palette

KIND_WORDS = {
    "accept": "Accepted", "counter": "Counter-offer", "stall": "Stalled", "reject": "Rejected",
    "retaliate": "Retaliated", "backslide": "Backslid", "none": "No response",
}
US_METERS = {
    "capital": ("Political capital", "Spent on actions; refilled each month.", "{:.0f}"),
    "aid_budget_m": ("Aid budget", "Money left for incentives for the whole scenario, in $ millions.", "${:.0f}M"),
    "credibility": ("Credibility", "How far governments believe US threats and promises (0-100). "
                    "Carrying out threats and keeping promises raises it; called bluffs lower it.", "{:.0f}"),
    "domestic_cost": ("Domestic cost", "What tariffs, sanctions and retaliation cost US consumers, firms and politics each month.", "{:.1f}"),
    "regional_resistance": ("Regional resistance", "How much the region's governments push back together against US coercion (0-100).", "{:.0f}"),
    "protection": ("Protection", "Access to asylum and protection along the routes (100 = as at the start).", "{:.0f}"),
}
COUNTRY_METERS = {
    "relations": "Relations", "trust": "Trust", "approval": "Approval", "economy": "Economy",
    "arrivals_k": "Arrivals at the US border (k)", "grievance": "Grievance",
}
OBJECTIVE_NAMES = {
    "agreements": "Agreements", "returns": "Returns", "border_flow": "Border flow", "us_costs": "US costs",
    "relations": "Relations", "regional_standing": "Regional standing", "credibility": "Credibility",
    "humanitarian": "Humanitarian",
}
DIM_NAMES = {d.value: d.value.replace("_", " ").capitalize() for d in Dimension}


def esc(text: object) -> str:
    """Escape text for a pygame_gui text box."""
    return html.escape(str(text), quote=False).replace("\n", "<br>")


def dim_help(dim: str) -> str:
    """A dimension's explanation."""
    return DIMENSION_HELP.get(Dimension(dim), dim) if dim in DIM_NAMES else dim


def colour(text: str, hex_colour: str) -> str:
    """Coloured text."""
    return f"<font color='{hex_colour}'>{text}</font>"


def signed(value: float, digits: int = 0) -> str:
    """+3 / -2.5 / 0."""
    if abs(value) < 0.5 * 10 ** -digits:
        return "0"
    return f"{value:+.{digits}f}"


def change(before: float, after: float, pal: Palette, good_up: bool = True, digits: int = 0, fmt: str = "{:.0f}") -> str:
    """'55 to 58 (+3)' coloured by whether the change is good for the envoy."""
    delta = after - before
    text = f"{fmt.format(before)} to {fmt.format(after)} ({signed(delta, digits)})"
    if abs(delta) < 0.5 * 10 ** -digits:
        return esc(f"{fmt.format(after)} (no change)")
    good = (delta > 0) == good_up
    return colour(esc(text), pal.good if good else pal.bad)


def response_html(resp: Response, name: str, pal: Palette, names: dict[str, str], reveal: bool = False) -> str:
    """A government's response with its line and the reasons behind it."""
    kind = KIND_WORDS.get(resp.kind, resp.kind.capitalize())
    head = f"<b>{esc(name)}: {esc(kind)}</b>"
    if resp.about:
        head += f" <i>({esc(resp.about)})</i>"
    parts = [head, f"<i>“{esc(resp.text)}”</i>"]
    if resp.asks:
        asks = ", ".join(f"{names.get(a, a)} level {lvl}" for a, lvl in resp.asks.items())
        parts.append(esc(f"Concerning: {asks}"))
    if resp.counter is not None:
        asks = ", ".join(f"{names.get(a, a)} level {lvl}" for a, lvl in resp.counter.asks.items()) or "nothing"
        offers = ", ".join(names.get(o, o) for o in resp.counter.offers) or "nothing"
        parts.append(esc(f"Counter-offer: they would agree to {asks} in return for {offers}. "
                         "You can accept it next month from the planning screen."))
    for factor in resp.factors:
        line = f"• {factor.text}" + (" (decisive)" if factor.decisive else "")
        if reveal:
            line += f"  [{factor.value:+.2f}]"
        parts.append(esc(line))
    return "<br>".join(parts)


def news_html(items: list[News], names: dict[str, str], limit: int = 30) -> str:
    """News items, newest first."""
    out = []
    for item in list(reversed(items))[:limit]:
        where = f" ({names.get(item.country, item.country)})" if item.country else ""
        out.append(f"<b>{esc(item.title)}</b>{esc(where)}<br>{esc(item.text)}")
    return "<br><br>".join(out) or "No news yet."
