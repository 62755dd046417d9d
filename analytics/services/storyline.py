"""The briefing storyline: what each slide says, computed live from the store (no drawing here).

A deck is a list of :class:`Slide`: an id (which the UI maps to a title, a chart and a sentence in
the chosen language), the key numbers to show as text, and the tables a chart or an export needs.
The same slides feed the presentation mode, the PPTX briefing and the Excel workbook, so what is
shown on the projector, sent as a file and exported as data are the same numbers.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from analytics.models import clusters, registry, roadmap, subsidy

#: Slide ids in storyline order. Slides whose library is not loaded are skipped by :func:`build`.
from analytics.services import overview, scenarios_view, sector_portfolio

SLIDE_ORDER: tuple[str, ...] = (
    "profile",
    "portfolio",
    "clusters",
    "registry",
    "network",
    "route",
    "subsidy",
    "next_steps",
)


@dataclass(frozen=True)
class Slide:
    """One slide: ``slide_id`` in :data:`SLIDE_ORDER`, key numbers and tables."""

    slide_id: str
    numbers: dict[str, float | int | str | None] = field(default_factory=dict)
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)


@dataclass(frozen=True)
class DeckSettings:
    """What the presenter picks before the session."""

    region: str = "40"
    year: int | None = None  #: latest year with data when None
    start: int | None = None  #: first year with sector data when None
    cluster_id: str | None = None  #: the cluster the deck focuses on (top-ranked candidate when None)
    scenario: tuple[tuple[str, str], ...] = ()  #: subsidy scenario as URL parameters (default scenario when empty)

    def subsidy_scenario(self) -> subsidy.Scenario:
        """The deck's subsidy scenario (range-checked: a bad value raises ``subsidy.ParameterError``)."""
        return subsidy.Scenario.from_query_params(dict(self.scenario)) if self.scenario else subsidy.Scenario()


def _years(con: duckdb.DuckDBPyConnection, settings: DeckSettings) -> tuple[int, int]:
    available = sector_portfolio.years_available(con)
    end = settings.year or available[-1]
    start = settings.start or available[0]
    return start, end


def profile(con: duckdb.DuckDBPyConnection, settings: DeckSettings) -> Slide:
    """Region profile: headline figures, employment by cluster and the two largest clusters' share of the
    employees of the enterprises in the store (``top_share`` = Σ employees of the two ÷ Σ employees, 0–1).

    Two employment figures, two sources: ``manufacturing_employees`` is the region's whole manufacturing
    (section C, sector statistics), ``employees`` the headcount of the enterprises in the store only."""
    _, end = _years(con, settings)
    o = overview.region_overview(con, settings.region, end)
    clusters = overview.by_cluster(con, settings.region, end)
    named = clusters[clusters["cluster_id"] != overview.OTHER].sort_values("employees", ascending=False).head(2)
    total = float(clusters["employees"].sum())
    return Slide(
        "profile",
        {
            "year": end,
            "enterprises": o.enterprises,
            "sme": o.sme,
            "employees": o.employees,
            "revenue_mln_rub": o.revenue_mln_rub,
            "manufacturing_employees": o.manufacturing_employees,
            "share_of_russia": o.share_of_russia,
            "top_ru": tuple(named["name_ru"]),
            "top_en": tuple(named["name_en"]),
            "top_share": float(named["employees"].sum()) / total if total > 0 else None,
        },
        {"by_cluster": clusters},
    )


def portfolio(con: duckdb.DuckDBPyConnection, settings: DeckSettings) -> Slide:
    """Sector portfolio: LQ × relative growth, the stars and the strongest specialisation."""
    start, end = _years(con, settings)
    table = sector_portfolio.region_portfolio(con, settings.region, start, end)
    top = table.sort_values("lq", ascending=False).head(1)
    stars = int((table["quadrant"] == "Star").sum())
    return Slide(
        "portfolio",
        {
            "start": start,
            "end": end,
            "stars": stars,
            "strong": int(table["strong"].sum()),
            "top_sector": top["sector"].iloc[0] if len(top) else None,
            "top_lq": float(top["lq"].iloc[0]) if len(top) else None,
        },
        {"portfolio": table},
    )


def next_steps(con: duckdb.DuckDBPyConnection, settings: DeckSettings) -> Slide:
    """Decisions to take: which cluster to back first (the deck's focus), how far the candidate closest to
    the registry is from the functional-dependence threshold (Decree No. 779), and which sectors to
    attract (balanced opportunity ranking, top three)."""
    _, end = _years(con, settings)
    ranked, stability = sector_portfolio.region_opportunities(con, settings.region, end, top=3)
    notes = sector_portfolio.region_complexity_notes(con)
    candidates = clusters.find_candidates(con, settings.region, end)
    focus = _focus(con, settings, candidates)
    row = candidates.loc[candidates["cluster_id"] == focus].iloc[0] if focus is not None else None
    verdicts = registry.verdicts(con, settings.region, end)
    closest = (
        verdicts.sort_values("dependence", ascending=False)
        .head(1)
        .merge(candidates[["cluster_id", "name_ru", "name_en"]], on="cluster_id", how="left")
    )
    return Slide(
        "next_steps",
        {
            "robust": not stability.picture_changes,
            "plausibility": notes,
            "focus_ru": row["name_ru"] if row is not None else None,
            "focus_en": row["name_en"] if row is not None else None,
            "passing": int((verdicts["verdict"] == "pass").sum()),
            "closest_ru": closest["name_ru"].iloc[0] if len(closest) else None,
            "closest_en": closest["name_en"].iloc[0] if len(closest) else None,
            "closest_dependence": float(closest["dependence"].iloc[0]) if len(closest) else None,
            "threshold": float(closest["threshold"].iloc[0]) if len(closest) else None,
        },
        {"opportunities": ranked},
    )


def _focus(con: duckdb.DuckDBPyConnection, settings: DeckSettings, candidates: pd.DataFrame) -> str | None:
    if settings.cluster_id and settings.cluster_id in set(candidates["cluster_id"]):
        return settings.cluster_id
    return candidates.sort_values("rank")["cluster_id"].iloc[0] if len(candidates) else None


def cluster_candidates(con: duckdb.DuckDBPyConnection, settings: DeckSettings) -> Slide:
    """Cluster candidates: composite score, European Cluster Observatory stars, the leader.

    The leader is the top composite score; the candidate with the most stars (ties: the better score) is
    named beside it. When they differ, ``leader_edge`` is the score component (``s_<name>``, 0–1) in which
    the leader is furthest ahead of the stars leader: the reason the two rankings disagree."""
    _, end = _years(con, settings)
    table = clusters.find_candidates(con, settings.region, end).sort_values("rank")
    lead = table.iloc[0] if len(table) else None
    starred = table.sort_values(["stars", "rank"], ascending=[False, True]).iloc[0] if len(table) else None
    edge = None
    if lead is not None and starred is not None and lead["cluster_id"] != starred["cluster_id"]:
        gaps = {c: float(lead[f"s_{c}"]) - float(starred[f"s_{c}"]) for c in clusters.SCORE_COMPONENTS}
        edge = max(gaps, key=gaps.get)
    return Slide(
        "clusters",
        {
            "candidates": len(table),
            "year": end,
            "leader_ru": lead["name_ru"] if lead is not None else None,
            "leader_en": lead["name_en"] if lead is not None else None,
            "leader_stars": int(lead["stars"]) if lead is not None else 0,
            "starred_ru": starred["name_ru"] if starred is not None else None,
            "starred_en": starred["name_en"] if starred is not None else None,
            "starred_stars": int(starred["stars"]) if starred is not None else 0,
            "leader_edge": edge,
            "strong": int(table["strong"].sum()) if len(table) else 0,
        },
        {"candidates": table},
    )


def registry_readiness(con: duckdb.DuckDBPyConnection, settings: DeckSettings) -> Slide:
    """Registry readiness (Decree No. 779): functional dependence of each candidate against its threshold,
    and the candidate closest to it (highest dependence, share 0–1)."""
    _, end = _years(con, settings)
    verdicts = registry.verdicts(con, settings.region, end)
    names = clusters.find_candidates(con, settings.region, end)[["cluster_id", "name_ru", "name_en"]]
    table = verdicts.merge(names, on="cluster_id", how="left")
    closest = table.sort_values("dependence", ascending=False).head(1)
    return Slide(
        "registry",
        {
            "passing": int((table["verdict"] == "pass").sum()),
            "candidates": len(table),
            "threshold": float(table["threshold"].max()) if len(table) else None,
            "closest_ru": closest["name_ru"].iloc[0] if len(closest) else None,
            "closest_en": closest["name_en"].iloc[0] if len(closest) else None,
            "closest_dependence": float(closest["dependence"].iloc[0]) if len(closest) else None,
        },
        {"verdicts": table},
    )


def network_and_gaps(con: duckdb.DuckDBPyConnection, settings: DeckSettings) -> Slide:
    """Cooperation and gaps of the focus cluster: its supply links (``links`` = the rows of the ``links``
    table, which the slide draws), the members with at least one link (``linked``) and the supplier codes
    to attract."""
    _, end = _years(con, settings)
    candidates = clusters.find_candidates(con, settings.region, end)
    focus = _focus(con, settings, candidates)
    row = candidates.loc[candidates["cluster_id"] == focus].iloc[0]
    links = clusters.member_links(con, focus, region=settings.region, year=end)
    missing = clusters.gaps(con, focus, region=settings.region, year=end)
    linked = set(links["supplier_inn"]) | set(links["buyer_inn"])
    return Slide(
        "network",
        {
            "cluster_ru": row["name_ru"],
            "cluster_en": row["name_en"],
            "members": int(row["members"]),
            "links": len(links),
            "linked": len(linked),
            "cooperation": float(row["cooperation"]),
            "gaps": len(missing),
        },
        {
            "gaps": missing.head(6),
            "all_gaps": missing,
            "links": links,
            "members": clusters.members(con, focus, region=settings.region, year=end),
        },
    )


def subsidy_effect(
    con: duckdb.DuckDBPyConnection, settings: DeckSettings, scenario: subsidy.Scenario | None = None
) -> Slide:
    """The subsidy scenario and its effect on the budget: discounted outlay against the discounted taxes
    attributed to support (:mod:`analytics.models.subsidy`: only projects support makes viable count in
    full, those viable anyway at the scenario's additionality), all taxes of the projects beside, and the
    values of the assumption sentence (:func:`scenarios_view.attribution_note`).

    When no project gets support because no cluster is on the registry, the figures are those of the same
    scenario with every cluster assumed registered (``what_if`` = True): what entering the registry is worth."""
    scenario = scenario or settings.subsidy_scenario()
    projects = subsidy.load_projects(con)
    evaluation = subsidy.evaluate_detail(projects, scenario)
    summary = subsidy.portfolio_summary(evaluation)
    what_if = False
    if int(summary["n_selected"]) == 0 and not scenario.assume_registered:
        assumed = dataclasses.replace(scenario, assume_registered=True)
        trial = subsidy.evaluate_detail(projects, assumed)
        if int(subsidy.portfolio_summary(trial)["n_selected"]) > 0:
            scenario, evaluation, what_if = assumed, trial, True
            summary = subsidy.portfolio_summary(evaluation)
    balance = subsidy.budget_balance(evaluation)
    return Slide(
        "subsidy",
        {
            "share": float(scenario.federal_share + scenario.regional_share),
            "subsidy_mln_rub": float(summary["subsidy_mln_rub"]),
            "projects": int(summary["n_selected"]),
            "leverage": float(summary["leverage"]),
            "effectiveness": float(summary["budget_effectiveness"]),
            "taxes_additional_mln_rub": float(summary["pv_taxes_additional_mln_rub"]),
            "taxes_gross_mln_rub": float(summary["pv_taxes_gross_mln_rub"]),
            "break_even_year": balance.break_even_year,
            "what_if": what_if,
            "assumption": scenarios_view.attribution_note(scenario),
        },
        {"balance": balance.table, "projects": subsidy.evaluate(projects, scenario)},
    )


def registry_route(con: duckdb.DuckDBPyConnection, settings: DeckSettings) -> Slide:
    """The route to the registry of the focus cluster (:func:`analytics.models.roadmap.registry_roadmap`,
    the check's default reading): the rules it fails with their gaps, the contracts proposed (count and
    value, mln ₽) and functional dependence before → after (shares 0–1) against the threshold.

    Table ``rules``: one row per rule of Decree No. 779 — ``rule_id``, ``status``, ``blocking``,
    ``measured``, ``threshold``, ``points`` (percentage points of dependence missing), ``missing``
    (participants, organisations … missing), ``excess`` (organising participants over the limit)."""
    _, end = _years(con, settings)
    candidates = clusters.find_candidates(con, settings.region, end)
    focus = _focus(con, settings, candidates)
    row = candidates.loc[candidates["cluster_id"] == focus].iloc[0]
    plan = roadmap.registry_roadmap(con, focus, region=settings.region, year=end)
    rules = pd.DataFrame(
        [
            {
                "rule_id": r.rule_id,
                "status": r.status,
                "blocking": r.blocking,
                "measured": r.measured,
                "threshold": r.threshold,
                "points": (r.missing or {}).get("points"),
                "missing": (r.missing or {}).get("missing"),
                "excess": (r.missing or {}).get("excess"),
            }
            for r in plan.before.rules
        ]
    )
    return Slide(
        "route",
        {
            "cluster_ru": row["name_ru"],
            "cluster_en": row["name_en"],
            "year": end,
            "status": plan.status,
            "verdict": plan.before.verdict,
            "addresses": ",".join(plan.addresses),
            "contracts": len(plan.links),
            "value_mln_rub": float(plan.links["value_mln_rub"].sum()),
            "needed_mln_rub": plan.needed_mln_rub,
            "dependence_before": plan.dependence_before,
            "dependence_after": plan.dependence_after,
            "threshold": plan.threshold,
        },
        {"rules": rules, "links": plan.links},
    )


BUILDERS = {
    "profile": profile,
    "portfolio": portfolio,
    "clusters": cluster_candidates,
    "registry": registry_readiness,
    "network": network_and_gaps,
    "route": registry_route,
    "subsidy": subsidy_effect,
    "next_steps": next_steps,
}


def build(con: duckdb.DuckDBPyConnection, settings: DeckSettings) -> list[Slide]:
    """All slides of the storyline, in order (those with a builder)."""
    return [BUILDERS[slide_id](con, settings) for slide_id in SLIDE_ORDER if slide_id in BUILDERS]
