"""Parts of the Sectors page: the controls, the portfolio bubbles, shift-share and structure, the sector
table with its downloads, the peers' comparison and the opportunities. Library results in (through
:func:`ui.core.state.cached` and :func:`ui.core.state.figure`), Streamlit elements out."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.metrics.complexity import OPPORTUNITY_PRESETS
from analytics.services import peers as peer_service
from analytics.services import sector_portfolio as sp
from ui.charts import common as charts
from ui.charts import enterprise as ec
from ui.core import escape, fmt
from ui.core.names import name_column
from ui.core.state import cached, figure, lang, t
from ui.downloads import exports
from ui.sections.common import one_of, table_downloads
from ui.sections.peers import peer_picker
from ui.tables import common as tables


def controls(years: list[int]) -> tuple[str, str, str, int, int, str]:
    """Level, measure, benchmark, the years and the shift-share method: ``(level, measure, benchmark,
    start, end, method)``."""
    c1, c2, c3 = st.columns(3)
    c4, c5 = st.columns([2, 1])
    level = one_of(c1, "sectors.level", sp.LEVELS, "division", "sectors_level")
    measure = one_of(c2, "sectors.measure", sp.MEASURES, "employees", "sectors_measure")
    benchmark = one_of(c3, "sectors.benchmark", ("russia", "district"), "russia", "sectors_benchmark")
    start, end = c4.select_slider(t("sectors.years"), options=years, value=(years[0], years[-1]), key="sectors_years")
    method = c5.selectbox(
        t("sectors.method"),
        ("dunn", "esteban-marquillas", "dynamic"),
        format_func=lambda v: t(f"sectors.method.{v}"),
        key="sectors_method",
    )
    return level, measure, benchmark, start, end, method


def portfolio_chart(portfolio: pd.DataFrame, measure: str, region: str, start: int, end: int) -> None:
    """The portfolio bubbles (LQ against growth), the codes named in the caption, the help."""
    portfolio["label"] = portfolio["sector"]  # the code is the bubble's short name; the names in the caption
    portfolio["hover"] = tables.portfolio_hover(portfolio, lang(), f"sectors.measure.{measure}")
    cluster_names = cached(sp.cluster_names)
    st.subheader(t("sectors.portfolio"))
    st.plotly_chart(
        figure(
            charts.portfolio_bubbles,
            portfolio,
            lang=lang(),
            cluster_names={**cluster_names.get(lang(), {}), "other": t("cluster.other")},
            quadrant_names={q: t(f"sectors.quadrant.{q}") for q in ("Star", "Mature", "Emerging", "Transforming")},
            x_title=t("sectors.lq_axis"),
            y_title=t("sectors.growth_axis"),
            size_title=t("sectors.size_note"),
        ),
        theme=None,
        config=charts.plotly_config(f"sector-portfolio-{region}-{start}-{end}"),
    )
    st.caption(
        t("sectors.portfolio_caption")
        + " "
        + t(
            "slide.portfolio.codes",
            codes=escape.markdown(tables.labelled_codes(portfolio, lang(), charts.PORTFOLIO_LABELS)),
        )
    )
    with st.expander(t("sectors.help")):
        st.markdown(t("sectors.help_text"))


def shift_share_and_structure(
    region: str, start: int, end: int, measure: str, benchmark: str, level: str, method: str
) -> None:
    """Shift-share bars (left) and the structure indices (right)."""
    left, right = st.columns([3, 2])
    with left:
        st.subheader(t("sectors.shift_share"))
        shifts = cached(sp.shift_share_view, region, start, end, measure, benchmark, level, method)
        st.plotly_chart(
            figure(
                charts.shift_share_bars,
                shifts.table.assign(label=tables.sector_labels(shifts.table, lang(), 40)),
                lang=lang(),
                components={c: t(f"sectors.component.{c}") for c in shifts.components},
                change_name=t("sectors.component.change"),
                x_title=t("sectors.shift_axis"),
            ),
            theme=None,
            config=charts.plotly_config(f"shift-share-{region}-{start}-{end}-{method}"),
        )
    with right:
        st.subheader(t("sectors.structure"))
        structure = cached(sp.region_structure, region, end, measure, level)
        structure["name"] = structure[name_column(lang())]
        st.dataframe(
            tables.styled(
                tables.localise(
                    structure,
                    {
                        "name": "col.region",
                        "krugman": "col.krugman",
                        "hachman": "col.hachman",
                        "hhi": "col.hhi",
                        "entropy": "col.entropy",
                    },
                    lang(),
                ),
                lang(),
                {
                    t("col.krugman"): "number2",
                    t("col.hachman"): "number2",
                    t("col.hhi"): "number3",
                    t("col.entropy"): "number2",
                },
            ),
            hide_index=True,
        )


def sector_table(portfolio: pd.DataFrame, region: str, start: int, end: int) -> None:
    """Every sector with its figures, and the CSV/XLSX downloads."""
    st.subheader(t("sectors.table"))
    shown = tables.localise(
        portfolio.assign(
            name=portfolio[name_column(lang())],
            quadrant=[t(f"sectors.quadrant.{q}") if isinstance(q, str) else "" for q in portfolio["quadrant"]],
            strong=[t("yes") if s else t("no") for s in portfolio["strong"]],
        ),
        {
            "sector": "col.code",
            "name": "col.sector",
            "value": "col.value",
            "share": "col.share",
            "lq": "col.lq",
            "lq_start": "col.lq_start",
            "cagr": "col.cagr",
            "benchmark_cagr": "col.benchmark_cagr",
            "relative_growth": "col.relative_growth",
            "quadrant": "col.quadrant",
            "strong": "col.strong",
        },
        lang(),
    )
    st.dataframe(
        tables.styled(
            shown,
            lang(),
            {  # numbers as the UI language writes them, not the browser
                t("col.value"): "integer",
                t("col.share"): "percent",
                t("col.lq"): "number2",
                t("col.lq_start"): "number2",
                t("col.cagr"): "percent",
                t("col.benchmark_cagr"): "percent",
                t("col.relative_growth"): "percent",
            },
        ),
        hide_index=True,
    )
    table_downloads(
        shown,
        exports.SECTOR_TABLES,
        f"sectors-{region}-{start}-{end}",
        csv_label=t("sectors.download_csv"),
        xlsx_label=t("sectors.download_xlsx"),
        sheet=t("sectors.table"),
    )


def peer_comparison(region: str, start: int, end: int) -> None:
    """The region beside the peer regions the user keeps (LQ and growth by division)."""
    st.subheader(t("peers.title"))
    peers = peer_picker(region, end, key="sectors_peers")
    if peers:
        compared = cached(peer_service.peer_sectors, region, start, end, peers)
        st.plotly_chart(
            figure(
                ec.peer_bars,
                compared,
                lang=lang(),
                lq_title=t("peers.lq", year=end),
                growth_title=t("peers.growth", start=start, end=end),
            ),
            theme=None,
            config=charts.plotly_config(f"peers-{region}-{start}-{end}"),
        )


def opportunities(region: str, end: int, measure: str, level: str) -> None:
    """Sectors the region could grow into (density, complexity, opportunity gain), with their robustness."""
    st.subheader(t("sectors.opportunities"))
    st.caption(t("sectors.opportunities_method"))
    p1, p2 = st.columns([1, 2])
    preset = p1.radio(
        t("sectors.preset"),
        [*OPPORTUNITY_PRESETS, "custom"],
        index=1,
        format_func=lambda v: t(f"sectors.preset.{v}"),
        key="sectors_preset",
    )
    if preset == "custom":
        w1 = p1.slider(t("sectors.weight.density"), 0.0, 1.0, 0.5, 0.05, key="w_density")
        w2 = p1.slider(t("sectors.weight.pci"), 0.0, 1.0, 0.15, 0.05, key="w_pci")
        w3 = p1.slider(t("sectors.weight.cog"), 0.0, 1.0, 0.35, 0.05, key="w_cog")
        weights = (w1, w2, w3)
    else:
        weights = OPPORTUNITY_PRESETS[preset]
    ranked, stability = cached(sp.region_opportunities, region, end, measure, level, tuple(weights))
    with p2:
        for note in tables.plausibility_notes(cached(sp.region_complexity_notes, level), lang()):
            st.warning(note, icon=":material/info:")
        if stability.picture_changes:
            st.warning(
                t("sectors.not_robust", tau=fmt.number(stability.mean_tau, lang(), 2)), icon=":material/warning:"
            )
        else:
            st.success(
                t(
                    "sectors.robust",
                    n=len(stability.robust_top_k),
                    k=stability.top_k,
                    share=fmt.percent(sp.ROBUST_SHARE, lang(), 0),
                ),
                icon=":material/verified:",
            )
        ranked["name"] = ranked[name_column(lang())]
        st.dataframe(
            tables.styled(
                tables.localise(
                    ranked,
                    {
                        "rank": "col.rank",
                        "sector": "col.code",
                        "name": "col.sector",
                        "score": "col.score",
                        "rca": "col.rca",
                        "density": "col.density",
                        "pci": "col.pci",
                        "cog": "col.cog",
                    },
                    lang(),
                ),
                lang(),
                {t(k): "number2" for k in ("col.score", "col.rca", "col.density", "col.pci", "col.cog")},
            ),
            hide_index=True,
        )
