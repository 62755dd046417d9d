"""What people read on the Clusters page: the members, places, gaps, templates and taxes tables, the
registry checklist in words (with the act, clause and edition of each threshold) and short texts
(stars, percentage points). Library results in, frames and strings out; no store access."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from analytics.models import rules
from ui.core import escape, fmt
from ui.core.i18n import t
from ui.core.names import names

STATUS_ICONS = {
    "pass": ":green[:material/check_circle:]",
    "fail": ":red[:material/cancel:]",
    "tolerated": ":orange[:material/warning:]",
    "not_enough_data": ":gray[:material/help:]",
}
#: Text from the data (firm names …) made inert for ``st.markdown``: :func:`ui.core.escape.markdown`.


escape_md = escape.markdown


def stars_text(n: int, total: int = 5) -> str:
    """``★★★☆☆``."""
    n = max(0, min(int(n), total))
    return "★" * n + "☆" * (total - n)


def percent_share(share: float, lang: str) -> str:
    """A share as a short percentage for help texts (0.1 → ``10 %`` / ``10%``; 0.125 → ``12,5 %``)."""
    return fmt.percent_short(share, lang)


def _names(missing: dict, lang: str, limit: int = 6) -> str:
    names = missing.get("names_en" if lang == "en" else "names_ru") or missing.get("inns", [])
    shown = [escape_md(n) for n in names[:limit]]
    more = len(names) - len(shown)
    return ", ".join(shown) + (f" … (+{more})" if more > 0 else "")


def _value(rule, value: float | None, lang: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return fmt.DASH
    return fmt.percent(value, lang, 1) if rule.unit == "share" else fmt.integer(value, lang)


#: The acts and editions of :mod:`analytics.models.rules` (English there) → catalog keys.


_SOURCE_KEYS = {rules.DECREE_779: "clusters.src.decree_779"}


_EDITION_KEYS = {
    rules.EDITION_NOT_RECORDED: "clusters.src.edition_not_recorded",
    rules.EDITION_1956: "clusters.src.edition_1956",
    "original, 31.07.2015": "clusters.src.edition_original",
}


def clause_text(clause: str, lang: str) -> str:
    """The clause of Decree No. 779 (its id in :data:`analytics.models.rules.DECREE_779_CLAUSES`) in
    ``lang``; the label itself says when the position in the act is to verify."""
    if clause not in rules.DECREE_779_CLAUSES:
        return clause or fmt.DASH
    ru, en, _status = rules.DECREE_779_CLAUSES[clause]
    return en if lang == "en" else ru


def source_text(source: str, edition: str, lang: str, clause: str = "") -> str:
    """The act, clause and edition behind a threshold in ``lang`` (as recorded when no translation exists)."""
    act = t(_SOURCE_KEYS[source], lang) if source in _SOURCE_KEYS else source
    ed = t(_EDITION_KEYS[edition], lang) if edition in _EDITION_KEYS else edition
    return t("clusters.source", lang, source=act, clause=clause_text(clause, lang), edition=ed)


def registry_lines(result, lang: str) -> list[dict[str, Any]]:
    """The checklist of a :class:`analytics.models.registry.RegistryResult` in words: one dict per rule with
    ``icon`` (Markdown), ``title``, ``status``, ``measured`` (value against threshold), ``to_verify``
    (bool), ``source`` and ``details`` (Markdown lines, data escaped)."""
    out = []
    for rule in result.rules:
        status = "tolerated" if rule.status == "fail" and not rule.blocking else rule.status
        value, threshold = _value(rule, rule.measured, lang), _value(rule, rule.threshold, lang)
        if rule.rule_id == "contracts":
            measured = t("clusters.measured_contracts", lang, measured=value)
        elif rule.rule_id == "organising":
            measured = t("clusters.measured_max", lang, measured=value, threshold=threshold)
        else:
            measured = t("clusters.measured", lang, measured=value, threshold=threshold)
        details = [_missing_text(rule, lang, line) for line in _missing_lines(rule)]
        if rule.rule_id == "dependence" and rule.details.get("relaxed"):
            details.insert(0, t("clusters.relaxed", lang, share=fmt.percent(rule.details["qualifying_share"], lang, 0)))
        if rule.rule_id == "dependence" and "share_with_core_to_core" in rule.details:
            details.append(dependence_sensitivity(rule, lang))
        if rule.rule_id == "contracts" and rule.details.get("organising_without_links"):
            details.append(t("clusters.missing.organising_exempt", lang, n=rule.details["organising_without_links"]))
        out.append(
            {
                "rule_id": rule.rule_id,
                "icon": STATUS_ICONS[status],
                "title": t(f"clusters.rule.{rule.rule_id}", lang),
                "status": t(f"clusters.status.{status}", lang),
                "measured": measured,
                "to_verify": rule.to_verify,
                "source": source_text(rule.source, rule.edition, lang, rule.clause),
                "clause": rule.clause,
                "details": [d for d in details if d],
            }
        )
    return out


def dependence_sensitivity(rule, lang: str) -> str:
    """The sensitivity line of the functional-dependence rule: the other reading (core → core
    purchases counted, or not) against the same threshold."""
    core = rule.details.get("reading", "others") == "others"
    other = rule.details["share_with_core_to_core" if core else "share_from_others"]
    verdict = "pass" if other >= rule.threshold - 1e-12 else "fail"
    return t(
        "clusters.dependence_sensitivity" if core else "clusters.dependence_sensitivity_decree",
        lang,
        other=fmt.percent(other, lang, 1),
        verdict=t(f"clusters.sensitivity.{verdict}", lang),
        threshold=fmt.percent(rule.threshold, lang, 0),
    )


def _missing_lines(rule) -> list[str]:
    if not rule.missing:
        return []
    code = rule.missing["code"]
    lines = [code]
    if code == "dependence_short" and rule.missing.get("links"):
        lines.append("links")
    if code in ("needs_industrial", "needs_infrastructure") and rule.missing.get("inns"):
        lines.append("candidates")
    return lines


def _missing_text(rule, lang: str, line: str) -> str:
    m = rule.missing
    if line in ("no_links_data", "no_final_producers", "no_purchases_data", "needs_specialised", "no_members"):
        return t(f"clusters.missing.{line}", lang)
    if line == "without_contract":
        return t("clusters.missing.without_contract", lang, n=m["count"], names=_names(m, lang))
    if line == "too_many_organising":
        return t(
            "clusters.missing.too_many_organising",
            lang,
            n=m["count"],
            max=m["max"],
            excess=m["excess"],
            names=_names(m, lang),
        )
    if line == "dependence_short":
        return t(
            "clusters.missing.dependence_short",
            lang,
            value=fmt.percent(rule.measured, lang, 1),
            points=fmt.number(m["points"], lang, 1),
            threshold=fmt.percent(rule.threshold, lang, 0),
            needed=fmt.money_mln(m["needed_mln_rub"], lang, 0),
        )
    if line == "links":
        key = "clusters.missing.dependence_links" if m.get("closes") else "clusters.missing.dependence_links_partial"
        rows = [t(key, lang, n=len(m["links"]))]
        for link in m["links"]:
            suffix = "_en" if lang == "en" else "_ru"
            rows.append(
                "- "
                + t(
                    "clusters.missing.dependence_link",
                    lang,
                    supplier=escape_md(link["supplier" + suffix]),
                    buyer=escape_md(link["buyer" + suffix]),
                    value=fmt.money_mln(link["value_mln_rub"], lang, 0),
                )
                + (t("clusters.missing.joins", lang) if link["joins"] else "")
            )
        return "\n".join(rows)
    if line in ("needs_industrial", "needs_infrastructure"):
        return t(f"clusters.missing.{line}", lang, n=m["missing"])
    if line == "candidates":
        return t("clusters.missing.candidates", lang, names=_names(m, lang))
    return ""


def elsewhere_text(items: tuple, lang: str, regions_limit: int = 3) -> str:
    """``"Name (Region, 1 200 persons); …"`` for the gap table, or a dash-like note when empty."""
    if not items:
        return t("clusters.elsewhere_none", lang)
    parts = []
    for _inn, name_ru, name_en, region_code, region_ru, region_en, employees in items[:regions_limit]:
        name = name_en if lang == "en" and isinstance(name_en, str) and name_en else name_ru
        region = region_en if lang == "en" and isinstance(region_en, str) and region_en else (region_ru or region_code)
        parts.append(
            t("clusters.elsewhere_item", lang, name=name, region=region, employees=fmt.integer(employees, lang))
        )
    return "; ".join(parts)


def points(diff: float | None, lang: str, digits: int = 1) -> str:
    """A difference of two shares in percentage points: ``−2,9 п. п.`` / ``−2.9 p.p.``."""
    if diff is None or (isinstance(diff, float) and math.isnan(diff)):
        return fmt.DASH
    return f"{fmt.number(100.0 * float(diff), lang, digits)}\u00a0{t('unit.pp', lang)}"


def place_table(places: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Municipalities hosting members, largest first, headers in ``lang``."""
    shown = places[places["members"] > 0].sort_values(["employees", "members"], ascending=False)
    return pd.DataFrame(
        {
            t("clusters.map_municipality", lang): names(shown, lang).to_numpy(),
            t("clusters.kpi.members", lang): shown["members"].to_numpy(),
            t("col.employees", lang): shown["employees"].to_numpy(),
        }
    )


def members_table(members: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The members table as shown and downloaded: headers and categories in ``lang``."""

    def words(prefix: str, values: pd.Series) -> pd.Series:
        return values.map(lambda v: t(f"{prefix}.{v}", lang))

    yes_no = {True: t("yes", lang), False: t("no", lang)}
    return pd.DataFrame(
        {
            t("clusters.col.inn", lang): members["inn"].to_numpy(),
            t("clusters.col.name", lang): names(members, lang).to_numpy(),
            t("clusters.col.okved", lang): members["okved"].to_numpy(),
            t("clusters.col.role", lang): words("clusters.role", members["role"]).to_numpy(),
            t("clusters.col.basis", lang): words("clusters.basis", members["basis"]).to_numpy(),
            t("clusters.col.kind", lang): words("clusters.kind", members["kind"]).to_numpy(),
            t("clusters.col.sme", lang): members["is_sme"].astype(bool).map(yes_no).to_numpy(),
            t("clusters.col.sme_category", lang): members["sme_category"]
            .map(lambda v: t(f"clusters.sme_category.{v}", lang) if isinstance(v, str) else "")
            .to_numpy(),
            t("clusters.col.municipality", lang): names(members, lang, "municipality").to_numpy(),
            t("col.employees", lang): members["employees"].to_numpy(),
            t("col.revenue", lang): members["revenue_mln_rub"].to_numpy(),
            t("clusters.col.purchases", lang): members["purchases_mln_rub"].to_numpy(),
            t("clusters.col.sales_to_members", lang): members["sales_to_members"].to_numpy(),
            t("clusters.col.partners", lang): members["partners"].to_numpy(),
            t("clusters.col.anchor", lang): members["anchor"].astype(bool).map(yes_no).to_numpy(),
            t("clusters.col.source", lang): members["source"].fillna("").to_numpy(),
        }
    )


def member_taxes_table(taxes: Any, lang: str) -> pd.DataFrame:
    """Taxes paid by the members by budget level (``analytics.services.member_taxes.MemberTaxes``),
    as shown: level, paid (mln ₽) and share, formatted in ``lang``."""
    table = taxes.table
    return pd.DataFrame(
        {
            t("clusters.taxes.level", lang): [t(f"clusters.taxes.level.{v}", lang) for v in table["level"]],
            t("clusters.taxes.paid", lang): [fmt.number(v, lang, 3) for v in table["paid_mln_rub"]],
            t("clusters.taxes.share", lang): [fmt.percent(v, lang) for v in table["share"]],
        }
    )


def member_taxes_caption(taxes: Any, lang: str) -> str:
    """Whose figures were summed and from which FNS file, or that none are loaded."""
    if not taxes.loaded:
        return t("clusters.taxes.none", lang, year=taxes.year)
    return t(
        "clusters.taxes.caption",
        lang,
        year=taxes.year,
        with_figures=taxes.with_figures,
        members=taxes.members,
        sources=escape_md("; ".join(taxes.sources)),
    )


def gaps_table(gaps: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The gap list as shown: code, whole name (never cut), weight, firms, employees, LQ, density, status,
    where else."""
    return pd.DataFrame(
        {
            t("col.code", lang): gaps["okved"].to_numpy(),
            t("col.sector", lang): names(gaps, lang).to_numpy(),
            t("clusters.col.weight", lang): gaps["weight"].to_numpy(),
            t("clusters.col.firms", lang): gaps["firms"].to_numpy(),
            t("clusters.col.stat_employees", lang): gaps["stat_employees"].to_numpy(),
            t("col.lq", lang): gaps["lq"].to_numpy(),
            t("col.density", lang): gaps["density"].to_numpy(),
            t("clusters.col.gap_status", lang): [t(f"clusters.gap.{s}", lang) for s in gaps["status"]],
            t("clusters.col.elsewhere", lang): [elsewhere_text(items, lang) for items in gaps["elsewhere"]],
        }
    )


def templates_table(templates: pd.DataFrame, lang: str) -> pd.DataFrame:
    names = templates["cluster_name_en" if lang == "en" else "cluster_name_ru"]
    return pd.DataFrame(
        {
            t("clusters.col.cluster_id", lang): names.to_numpy(),
            t("col.code", lang): templates["okved"].to_numpy(),
            t("clusters.col.role", lang): [t(f"clusters.role.{r}", lang) for r in templates["role"]],
            t("clusters.col.weight", lang): templates["weight"].to_numpy(),
            t("clusters.col.note", lang): templates["note"].fillna("").to_numpy(),
        }
    )
