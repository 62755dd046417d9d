"""The portfolio's effect for the region's economy (analytics.services.regional_io.projects_effect /
portfolio_effect) on the demo store, and its table and chart builders (ui.charts.input_output).

Oracles: the demo projects' revenue rows read here with pandas (average per project, summed by the
initiator's OKVED); a one-product slice — OKVED division 21 maps to product 033 only — computed by hand
with numpy's own inverse: Type I output = y · Σ_i (I − A_r)⁻¹_{i,033}; Type II with the household row
w (D1/P1) and column h·min(1, SLQ·λ*) bordered onto A_r (Miller & Blair 2009, §6.2).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analytics import store
from analytics.services import regional_io as rio
from ui.charts import input_output as io_charts
from ui.tables import input_output as io_tables


@pytest.fixture(scope="module")
def con(demo_db):
    connection = store.connect(demo_db, read_only=True)
    yield connection
    connection.close()


def _expected_revenue(con) -> pd.Series:
    p = store.query(con, "SELECT project_id, initiator_inn FROM projects")
    e = store.query(con, "SELECT inn, okved FROM enterprises")
    r = store.query(con, "SELECT project_id, year, revenue_mln_rub FROM project_revenues")
    mean = r.groupby("project_id")["revenue_mln_rub"].mean().rename("mean").reset_index()
    merged = mean.merge(p, on="project_id").merge(e, left_on="initiator_inn", right_on="inn")
    return merged.groupby("okved")["mean"].sum()


def test_the_demo_portfolio_effect_adds_up_and_its_direct_output_is_the_revenue(con):
    ids = store.query(con, "SELECT project_id FROM projects")["project_id"].tolist()
    result = rio.projects_effect(con, "40", 2023, ids)
    expected = _expected_revenue(con)
    got = result.revenue.set_index("okved")["revenue_mln_rub"].sort_index()
    pd.testing.assert_series_equal(got, expected.sort_index(), check_names=False)
    effects = result.impact.effects
    for col in effects.columns:
        assert effects.loc["total", col] == pytest.approx(effects.loc[["direct", "indirect", "induced"], col].sum())
    assert effects.loc["direct", "output_mln_rub"] == pytest.approx(expected.sum(), rel=1e-12)
    assert (effects.loc[["indirect", "induced"], "output_mln_rub"] > 0).all()
    assert result.employment_year == 2023 and result.io_year == 2021
    # personal income tax 13 % of the wage effect (rules.PERSONAL_INCOME_TAX_RATE)
    assert effects.loc["total", "taxes_mln_rub"] == pytest.approx(0.13 * effects.loc["total", "wages_mln_rub"])


def test_a_one_product_shock_equals_the_hand_computed_inverse(con):
    shock = 1000.0
    impact = rio.portfolio_effect(con, "40", 2023, {"21.20": shock})
    model = rio.regional_model(con, "40", 2023)
    nat = rio.national_model(con)
    j = list(nat.A.index).index("033")
    n = len(nat.A)
    L = np.linalg.inv(np.eye(n) - model.A)
    type1 = shock * L[:, j].sum()
    slq = model.slq["slq"].to_numpy()
    h = nat.household.to_numpy() * np.minimum(1.0, slq * model.lambda_star)
    bordered = np.zeros((n + 1, n + 1))
    bordered[:n, :n], bordered[:n, n], bordered[n, :n] = model.A, h, nat.coefficients["income"].to_numpy()
    type2 = shock * np.linalg.inv(np.eye(n + 1) - bordered)[:n, j].sum()
    e = impact.effects
    assert e.loc["direct", "output_mln_rub"] == pytest.approx(shock)
    assert e.loc["direct", "output_mln_rub"] + e.loc["indirect", "output_mln_rub"] == pytest.approx(type1, rel=1e-9)
    assert e.loc["total", "output_mln_rub"] == pytest.approx(type2, rel=1e-9)
    jobs = nat.coefficients["employment"].to_numpy()
    assert e.loc["direct", "jobs"] == pytest.approx(shock * jobs[j], rel=1e-9)


def test_no_revenue_gives_no_impact(con):
    result = rio.projects_effect(con, "40", 2023, [])
    assert result.impact is None and result.revenue.empty


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_table_and_chart_read_in_both_languages(con, lang):
    effects = rio.portfolio_effect(con, "40", 2023, {"29.10": 1000.0}).effects
    table = io_tables.portfolio_effect_table(effects, lang)
    assert len(table) == 4 and table.shape[1] == 6
    assert table.iloc[0, 1] == ("1\u00a0000,0" if lang == "ru" else "1,000.0")  # direct output = the shock
    fig = io_charts.portfolio_effect_bars(effects, lang=lang)
    assert len(fig.data) == 3 and all(len(trace.x) == 3 for trace in fig.data)


def _section_script():
    import pandas as pd

    from ui.sections.io_section import portfolio_effect_section

    results = pd.DataFrame(
        {"project_id": ["AUTO-2017-01", "PHAR-2020-02", "RAIL-2016-01"], "selected": [True, True, False]}
    )  # like ScenarioResults.table
    portfolio_effect_section("40", 2023, results, "en")


def test_the_section_draws_in_one_call(demo_db, tmp_path, monkeypatch):
    import shutil

    import streamlit as st
    from streamlit.testing.v1 import AppTest

    db = tmp_path / "store.duckdb"
    shutil.copyfile(demo_db, db)
    monkeypatch.setenv("NAVIGATOR_DB", str(db))
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_function(_section_script, default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    assert [s.value for s in at.subheader] == ["Effect for the region's economy"]
    table = at.dataframe[0].value
    assert list(table.iloc[:, 0]) == ["Direct", "Indirect (suppliers)", "Induced (workers' spending)", "Total"]
    assert "1,105.5" == table.iloc[0, 1]  # 404.925 + 700.5375 mln ₽: the two projects' mean revenue
    st.cache_resource.clear()


def test_the_revenue_total_is_the_sum_over_codes():
    revenue = pd.DataFrame({"okved": ["29.10", "21.20"], "revenue_mln_rub": [404.925, 700.5375], "projects": [1, 1]})
    result = rio.PortfolioEffect(revenue, None, 2023, 2021)
    assert result.revenue_total_mln_rub == pytest.approx(1105.4625)  # 404.925 + 700.5375
    assert rio.PortfolioEffect(revenue.iloc[:0], None, 2023, 2021).revenue_total_mln_rub == 0.0


def test_the_chosen_projects_are_the_selected_rows_sorted_once():
    table = pd.DataFrame({"project_id": ["B", "A", "C", "B"], "selected": [True, True, False, 1]})
    assert rio.chosen_project_ids(table) == ("A", "B")
    assert rio.chosen_project_ids(table[["project_id"]]) == ("A", "B", "C")  # no `selected`: every row
    assert rio.chosen_project_ids(["X-2", "X-1", "X-2"]) == ("X-1", "X-2")
    assert rio.chosen_project_ids([]) == ()


def test_no_year_takes_the_latest_year_of_employment(con):
    latest = store.query(con, "SELECT max(year) AS y FROM region_sector_years WHERE employees IS NOT NULL")["y"][0]
    ids = store.query(con, "SELECT project_id FROM projects")["project_id"].tolist()
    assert rio.projects_effect(con, "40", None, ids).employment_year == int(latest)
