"""axe-core as the browser tests run it: the WCAG 2.1 A and AA rules, every violation in full.

``resultTypes`` is the library's own default, which passing ``runOnly`` alone replaced: axe still
runs every rule on every node and reports every violating node with its selector and messages;
only the passed, incomplete and inapplicable results (which no test reads) keep one node each,
so axe no longer computes a unique selector for every node of the page and the browser no longer
sends all of them back to Python.
"""

from __future__ import annotations

from axe_playwright_python.base import AxeResults
from axe_playwright_python.sync_playwright import Axe

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
OPTIONS = {"runOnly": WCAG, "resultTypes": ["violations"]}

_axe = Axe()


def run_axe(page) -> AxeResults:
    """axe on the page as it is now (injected into the current document, which a navigation
    replaces): ``violations_count`` and ``generate_report()`` as before."""
    return _axe.run(page, options=OPTIONS)
