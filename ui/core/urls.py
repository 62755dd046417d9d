"""The query-string keys of the app's links, named once.

The app's own keys are constants here; a subsidy scenario's keys (``regime``, ``fed``, ``top_up``,
``r_share`` …) are written by :meth:`analytics.models.subsidy.Scenario.to_query_params` and listed,
all of them, by :func:`scenario_keys`; values are plain strings,
parsed and range-checked where they are read (never unpickled).
"""

from __future__ import annotations

#: Interface language (``ru`` / ``en``).
LANG = "lang"
#: Region code (two digits).
REGION = "region"
#: ``1``: open the presentation mode on any page.
PRESENT = "present"
#: Slide number, 1-based.
SLIDE = "slide"
#: Former screen hint (``720``); ignored since the slides fit the measured window, dropped when leaving.
SCREEN = "screen"
#: The deck's focus cluster.
CLUSTER = "cluster"
#: The enterprise whose profile the Enterprise page shows (10 or 12 digits).
INN = "inn"
#: Keys that belong to the presentation mode (dropped when leaving it).
PRESENTATION_KEYS: tuple[str, ...] = (PRESENT, SLIDE, SCREEN)


def scenario_keys() -> tuple[str, ...]:
    """Every key a subsidy scenario can write (:data:`analytics.services.scenarios_view.SCENARIO_KEYS`;
    imported on first use: the model is not loaded by pages that do not need it)."""
    from analytics.services.scenarios_view import SCENARIO_KEYS

    return SCENARIO_KEYS
