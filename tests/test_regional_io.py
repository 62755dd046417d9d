"""Regional input–output service (analytics.services.regional_io) on the hand-made store ``tiny_con``.

io_con, year 2023, employees: region 40 — division 29: 6 000, division 21: 2 500; region 77 —
29: 31 000, 21: 60 500. National (sum of the two) 29: 37 000, 21: 63 000, section C: 100 000.
Region size: labour force added here for 2023 (fixture ``io_con``): 40 — 565.77 thousand (Kaluga's
real figure), 77 — 76 720.672 → total 77 286.442 (Russia's 85 regions) → E^r/E^n = 0.0073204.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analytics import store
from analytics.metrics import input_output as io
from analytics.queries import io_queries
from analytics.services import regional_io as rio

SHARE_40 = 565.77 / 77286.442


@pytest.fixture()
def io_con(tiny_con):
    """tiny_con with labour force 2022 (ignored: not the nearest year) and 2023 for regions 40 and 77."""
    store.load_frame(
        tiny_con,
        "region_indicators",
        pd.DataFrame(
            {
                "indicator": ["labour_force"] * 4,
                "breakdown": ["total"] * 4,
                "region_code": ["40", "77", "40", "77"],
                "year": [2023, 2023, 2022, 2022],
                "value": [565.77, 76720.672, 500.0, 500.0],
                "unit": ["thousand_persons"] * 4,
                "data_status": ["public"] * 4,
            }
        ),
    )
    return tiny_con


# λ* = log2(1 + 0.0073204)^0.3 = (0.0072937 / 0.6931472)^0.3 = 0.0105226^0.3 = e^(0.3·(−4.554230))
# = e^(−1.366269) = e^(−1.4)·e^(0.033731) = 0.246597·1.034306 = 0.25506
LAMBDA_40 = 0.25506


def test_query_reads_divisions_and_sections_only(tiny_con) -> None:
    frame = io_queries.division_employment(tiny_con, 2023)
    assert set(frame["okved"]) == {"21", "29"}
    assert frame.loc[(frame["region_code"] == "40") & (frame["okved"] == "29"), "employees"].item() == 6000
    assert io_queries.employment_years(tiny_con) == [2022, 2023]
    own, national = io_queries.region_and_national_employment(tiny_con, "77", 2023)
    assert dict(zip(own["okved"], own["employees"], strict=True)) == {"21": 60500, "29": 31000}
    assert national.to_dict() == {"21": 63000.0, "29": 37000.0}
    assert io_queries.region_codes(tiny_con) == ["40", "77"]


def test_regional_share_and_lambda(io_con) -> None:
    result = rio.regional_multipliers(io_con, "40", 2023)
    assert result.regional_share == pytest.approx(SHARE_40, rel=1e-9)
    assert result.regional_share == pytest.approx(0.0073204, abs=1e-7)
    assert result.regional_share_source == "labour_force"
    assert result.lambda_star == pytest.approx(LAMBDA_40, abs=1e-5)
    assert result.io_year == 2021 and result.method == "flq" and result.delta == 0.3


def test_slq_by_product_and_its_source(io_con) -> None:
    table = rio.regional_multipliers(io_con, "40", 2023).table
    # 047 (OKPD2 29): (6000/37000)/0.0073204 = 22.152; 033 (21): (2500/63000)/0.0073204 = 5.4208
    assert table.loc["047", "slq"] == pytest.approx(6000 / 37000 / SHARE_40)
    assert table.loc["047", "slq"] == pytest.approx(22.152, abs=1e-3)
    assert table.loc["033", "slq"] == pytest.approx(2500 / 63000 / SHARE_40)
    assert (table.loc["047", "slq_source"], table.loc["033", "slq_source"]) == ("division", "division")
    # 013 (10.1, division 10 has no data) takes section C's: (8500/100000)/0.0073204 = 11.611
    assert table.loc["013", "slq_source"] == "section"
    assert table.loc["013", "slq"] == pytest.approx(8500 / 100000 / SHARE_40)
    # 090 (72, section M without any data) and 100 (84): no data, SLQ 1
    assert table.loc["090", "slq_source"] == "none" and table.loc["090", "slq"] == 1.0
    assert (table["slq_source"] == "division").sum() == 2
    assert (table["slq_source"] == "section").sum() == 41 - 2


def test_regional_coefficients_follow_flq(io_con) -> None:
    model = rio.regional_model(io_con, "40", 2023)
    nat = rio.national_model()
    i, j = nat.A.index.get_loc("033"), nat.A.index.get_loc("047")
    # FLQ(033→047) = (5.4208 / 22.152)·λ* = 0.24471·0.25509 = 0.0624 → a·0.0624
    flq = (2500 / 63000) / (6000 / 37000) * LAMBDA_40
    assert model.A[i, j] == pytest.approx(nat.A.iloc[i, j] * flq, rel=1e-4)
    # 047 on itself: SLQ·λ* = 22.152·0.255 = 5.65 > 1 → national coefficient kept
    assert model.A[j, j] == nat.A.iloc[j, j]
    # a service product with SLQ 1 supplying 047: FLQ = (1/22.152)·λ*
    k = nat.A.index.get_loc("086")
    assert model.A[k, j] == pytest.approx(nat.A.iloc[k, j] / 22.152 * LAMBDA_40, rel=1e-3)


def test_regional_multipliers_against_russia(io_con) -> None:
    table = rio.regional_multipliers(io_con, "40", 2023).table
    for kind in ("output", "value_added", "income", "employment", "output_type2"):
        assert (table[f"{kind}_region"] <= table[f"{kind}_russia"] + 1e-12).all(), kind
    assert (table["output_type2_region"] >= table["output_region"] - 1e-12).all()
    assert (table["output_region"] >= 1.0 - 1e-12).all()
    nat = rio.national_model()
    L = io.leontief_inverse(nat.A)
    np.testing.assert_allclose(table["output_russia"].to_numpy(), L.to_numpy().sum(axis=0))
    assert table["key_sector"].dtype == bool
    assert table.loc["047", "backward"] == pytest.approx(
        table.loc["047", "output_region"] / table["output_region"].mean()
    )


def test_delta_and_methods(io_con) -> None:
    low = rio.regional_multipliers(io_con, "40", 2023, delta=0.1).table["output_region"]
    high = rio.regional_multipliers(io_con, "40", 2023, delta=0.4).table["output_region"]
    assert (high <= low + 1e-12).all() and (high < low).any()  # larger δ, smaller multipliers
    slq_only = rio.regional_multipliers(io_con, "40", 2023, method="slq")
    assert slq_only.lambda_star == 1.0
    # SLQ only: sectors with SLQ ≥ 1 everywhere except none → 090 etc. at SLQ 1 keep national rows
    assert slq_only.table["output_region"].max() <= slq_only.table["output_russia"].max() + 1e-12
    with pytest.raises(ValueError):
        rio.regional_multipliers(io_con, "40", 2023, method="rpc")
    with pytest.raises(ValueError):
        rio.regional_multipliers(io_con, "40", 2023, delta=1.5)
    with pytest.raises(LookupError, match="50"):
        rio.regional_multipliers(io_con, "50", 2023)
    with pytest.raises(LookupError):
        rio.regional_multipliers(io_con, "40", 2015)


def test_regional_impact_of_1000_in_motor_vehicles(io_con) -> None:
    model = rio.regional_model(io_con, "40", 2023)
    nat = rio.national_model()
    result = rio.regional_impact(io_con, "40", 2023, {"29.10": 1000.0})
    assert result.shock["047"] == pytest.approx(1000.0) and result.shock.sum() == pytest.approx(1000.0)
    effects = result.effects
    j = nat.A.index.get_loc("047")
    assert effects.loc["direct", "output_mln_rub"] == pytest.approx(1000)
    assert effects.loc["direct", "output_mln_rub"] + effects.loc["indirect", "output_mln_rub"] == pytest.approx(
        1000 * model.L[:, j].sum()
    )
    np.testing.assert_allclose(
        (result.by_product["direct"] + result.by_product["indirect"]).to_numpy(), model.L[:, j] * 1000
    )
    # direct value added = B1g/P1 of 047 × 1000 = 606 358 / 3 480 846 × 1000 = 174.198 (published cells)
    assert effects.loc["direct", "value_added_mln_rub"] == pytest.approx(606358 / 3480846 * 1000)
    # direct compensation = D1/P1 × 1000 = 244 405 / 3 480 846 × 1000 = 70.214;
    # direct wages = D11/P1 × 1000 = 191 914 / 3 480 846 × 1000 = 55.134; tax 13% of wages = 7.167
    assert effects.loc["direct", "compensation_mln_rub"] == pytest.approx(244405 / 3480846 * 1000)
    assert effects.loc["direct", "wages_mln_rub"] == pytest.approx(191914 / 3480846 * 1000)
    assert effects.loc["direct", "taxes_mln_rub"] == pytest.approx(0.13 * 191914 / 3480846 * 1000)
    assert effects.loc["direct", "taxes_mln_rub"] == pytest.approx(7.167, abs=1e-3)
    assert effects.loc["induced", "output_mln_rub"] > 0
    assert result.tax_rates == {"wages": 0.13}
    assert result.data_status == ("loaded",)
    own = rio.regional_impact(io_con, "40", 2023, {"29.10": 1000.0}, tax_rates={"value_added": 0.2})
    assert own.effects.loc["direct", "taxes_mln_rub"] == pytest.approx(0.2 * 606358 / 3480846 * 1000)
    with pytest.raises(ValueError, match="99.99"):
        rio.regional_impact(io_con, "40", 2023, {"99.99": 1.0})


def test_all_regions(io_con) -> None:
    frame = rio.multipliers_all_regions(io_con, 2023)
    assert sorted(frame["region_code"].unique()) == ["40", "77"]
    assert len(frame) == 2 * 113
    one = rio.regional_multipliers(io_con, "40", 2023).table
    mine = frame[frame["region_code"] == "40"].set_index("no")
    np.testing.assert_allclose(mine["output"].to_numpy(), one["output_region"].to_numpy())
    np.testing.assert_allclose(mine["output_type2"].to_numpy(), one["output_type2_region"].to_numpy())


def test_employment_coefficients_use_rosstats_sections() -> None:
    nat = rio.national_model()
    jobs = nat.coefficients["employment"] * nat.tables.output
    # section C 2021 = 9 974.4 thousand persons, split over products 013–053
    assert jobs.loc["013":"053"].sum() == pytest.approx(9_974_400, rel=1e-9)
    # all sections incl. T (the gap to TOTAL) = TOTAL 70 817.9 thousand
    assert jobs.sum() == pytest.approx(70_817_900, rel=1e-9)


def test_tax_bases() -> None:
    by_product = rio.tax_bases()
    assert by_product.loc["047", "value_added_share"] == pytest.approx(606358 / 3480846)
    assert by_product.loc["047", "compensation_share"] == pytest.approx(244405 / 3480846)
    by_division = rio.tax_bases("division")
    assert by_division.loc["29", "value_added_share"] == pytest.approx(606358 / 3480846)
    assert by_division.loc["21", "wages_share"] == pytest.approx(108930 / 1232292)
    assert {"41", "42", "43"} <= set(by_division.index)
    with pytest.raises(ValueError):
        rio.tax_bases("section")


def test_lambda_literal_matches_formula() -> None:
    assert math.log2(1 + SHARE_40) ** 0.3 == pytest.approx(LAMBDA_40, abs=1e-5)
    assert isinstance(rio.national_model().correspondence, pd.DataFrame)


def test_sector_io_view(io_con) -> None:
    view = rio.sector_io_view(io_con, "40", 2023, top_n=5)
    table = view.table
    assert len(view.top) == 5 and list(view.top.index) == list(table.index[:5])
    assert table["output_region"].is_monotonic_decreasing
    np.testing.assert_allclose(
        table["retained"].to_numpy(), (table["output_region"] / table["output_russia"]).to_numpy()
    )
    assert ((table["retained"] > 0) & (table["retained"] <= 1 + 1e-12)).all()
    assert view.slq_sources == {"division": 2, "section": 39, "none": 72}
    assert view.key_sectors["key_sector"].all() and view.key_sectors["backward"].is_monotonic_decreasing
    assert table.loc["047", "name_en"] == "Motor vehicles, trailers and semi-trailers"


def test_labour_force_nearest_year(io_con) -> None:
    lf = io_queries.labour_force(io_con, 2030)  # nearest held year: 2023
    assert set(lf["year"]) == {2023}
    assert rio.labour_force_shares(io_con, 2022) == {"40": 0.5, "77": 0.5}
    assert rio.regional_multipliers(io_con, "40", 2022).regional_share == pytest.approx(0.5)


def test_without_labour_force_the_share_comes_from_the_store(tiny_con) -> None:
    result = rio.regional_multipliers(tiny_con, "40", 2023)
    # region 40: 6 000 + 2 500 of 100 000 employees in the store
    assert result.regional_share == pytest.approx(0.085) and result.regional_share_source == "store"
