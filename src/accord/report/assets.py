"""Files the charts need in a browser: Plotly's bundled JS and Accord's chart loader.

Both the dashboard (which serves them) and the briefing (which inlines them) read
them from here, so a page and a briefing draw the same figure the same way, offline.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable

__all__ = ["ASSETS", "asset", "plotly_style_guards"]

#: Public name → file; the only files served or inlined.
ASSETS: dict[str, Traversable] = {
    "plotly.min.js": files("plotly") / "package_data" / "plotly.min.js",
    "plots.js": files("accord.report") / "assets" / "plots.js",
    "accord.css": files("accord.report") / "assets" / "accord.css",
}


@cache
def asset(name: str) -> str:
    """The text of one asset (``KeyError`` for names not in :data:`ASSETS`)."""
    return ASSETS[name].read_text(encoding="utf-8")


_STYLE_GUARD = re.compile(
    r'getElementById\("([0-9a-f]{64})"\)\)\{var \w+=document\.createElement\("style"\)'
)


@cache
def plotly_style_guards() -> tuple[str, ...]:
    """Ids that stop Plotly's bundled map library from injecting a ``<style>`` element.

    The bundle skips the injection when an element with that id exists; a page under
    ``style-src 'self'`` renders such elements so that the browser has nothing to block
    (map traces are never drawn, so their CSS is not needed).
    """
    return tuple(_STYLE_GUARD.findall(asset("plotly.min.js")))
