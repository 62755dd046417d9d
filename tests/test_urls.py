"""ui.core.urls names the link keys once; a deck link keeps every key of its subsidy scenario."""

from __future__ import annotations

from urllib.parse import parse_qsl

from analytics.models import subsidy
from ui.core import urls
from ui.sections import present


def test_a_deck_link_keeps_a_scenario_with_a_budget_cap_and_base_year():
    scenario = subsidy.Scenario(cap_mln_rub=50.0, budget_mln_rub=300.0, base_year=2024)
    params = scenario.to_query_params()
    assert {"cap", "budget", "base_year"} <= set(params)  # keys the default scenario does not write
    link = present.deck_link("40", "ru", None, params)
    parsed = dict(parse_qsl(link[1:]))
    assert parsed[urls.PRESENT] == "1" and parsed[urls.REGION] == "40" and parsed[urls.SLIDE] == "1"
    settings, bad = present.deck_settings("40", parsed)
    assert bad is None
    assert dict(settings.scenario) == {k: str(v) for k, v in params.items()}
    restored = settings.subsidy_scenario()
    assert (restored.cap_mln_rub, restored.budget_mln_rub, restored.base_year) == (50.0, 300.0, 2024)


def test_keys_outside_the_scenario_are_not_part_of_it():
    settings, _ = present.deck_settings("40", {urls.PRESENT: "1", urls.CLUSTER: "auto_29", "evil": "x", "fed": "0.2"})
    assert dict(settings.scenario) == {"fed": "0.2"} and settings.cluster_id == "auto_29"
    assert set(urls.PRESENTATION_KEYS) == {"present", "slide", "screen"}
    assert {"fed", "r_share", "top_up", "regime"} <= set(urls.scenario_keys())
