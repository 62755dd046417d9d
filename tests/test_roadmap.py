"""The registry roadmap on hand-made clusters in a tiny store: the expected links and values are
computed by hand from the firms' purchases, revenues and the Decree 779 threshold (20 %), and the
plausibility filter is checked against Rosstat's 2021 table (product 047 «motor vehicles» uses 047
parts at 0.36 ₽/₽, and meat 013 at almost nothing)."""

from __future__ import annotations

import pandas as pd
import pytest

from analytics import store
from analytics.models import registry, roadmap
from analytics.models.registry import RegistryParams

#: min_industrial lowered so that the hand-made clusters fail only the rules the links address
PARAMS = RegistryParams(min_industrial=2)
INN = {k: f"40000000{i:02d}" for i, k in enumerate(["F", "S1", "S2", "S3", "U", "M", "I", "X"], start=10)}
OKVED = {
    "F": "29.10",
    "S1": "29.32",
    "S2": "29.32",
    "S3": "29.32",
    "U": "22.29",
    "M": "10.11",
    "I": "72.19",
    "X": "70.22",
}
KIND = {"I": "infrastructure", "X": "specialised"}


def build(
    *, revenue: dict | None = None, firms=("F", "S1", "S2", "I", "X", "M"), extra_links=()
) -> store.DuckDBPyConnection:
    """F (29.10, final producer) buys 1 000 mln ₽, of it 150 from S1 and 1 from I: FD = 151/1000.
    S2 sells 10 to S1, M sells 1 to S1 (so both have a contract). Revenues 1 000 unless given."""
    revenue = {
        "F": 5000.0,
        "S1": 1000.0,
        "S2": 400.0,
        "S3": 100.0,
        "U": 200.0,
        "M": 10000.0,
        "I": 50.0,
        "X": 20.0,
        **(revenue or {}),
    }
    con = store.connect(":memory:")
    store.load_frame(
        con,
        "regions",
        pd.DataFrame(
            {
                "code": ["40"],
                "name_ru": ["Калужская область"],
                "name_en": ["Kaluga Oblast"],
                "federal_district": ["Центральный"],
            }
        ),
    )
    codes = ["C", "M", "10", "22", "29", "70", "72", "10.11", "22.29", "29.10", "29.32", "70.22", "72.19"]
    store.load_frame(
        con,
        "sectors",
        pd.DataFrame(
            {
                "code": codes,
                "parent": [None, None, "C", "C", "C", "M", "M", "10", "22", "29", "29", "70", "72"],
                "level": ["section"] * 2 + ["division"] * 5 + ["class"] * 6,
                "section": ["C", "M", "C", "C", "C", "M", "M", "C", "C", "C", "C", "M", "M"],
                "name_ru": codes,
            }
        ),
    )
    store.load_frame(
        con,
        "enterprises",
        pd.DataFrame(
            {
                "inn": [INN[f] for f in firms],
                "name_ru": [f"Фирма {f}" for f in firms],
                "name_en": [f"Firm {f}" for f in firms],
                "okved": [OKVED[f] for f in firms],
                "region_code": "40",
                "oktmo": "29701000",
                "kind": [KIND.get(f, "industrial") for f in firms],
                "cluster_hint": "auto",
            }
        ),
    )
    purchases = {"F": 1000.0}
    store.load_frame(
        con,
        "enterprise_years",
        pd.DataFrame(
            {
                "inn": [INN[f] for f in firms],
                "year": 2023,
                "employees": 100,
                "revenue_mln_rub": [revenue[f] for f in firms],
                "purchases_mln_rub": [purchases.get(f, 50.0) for f in firms],
            }
        ),
    )
    rows = [("S1", "F", 150.0), ("I", "F", 1.0), ("S2", "S1", 10.0), ("M", "S1", 1.0), *extra_links]
    rows = [r for r in rows if r[0] in firms and r[1] in firms]
    store.load_frame(
        con,
        "supply_links",
        pd.DataFrame(
            {
                "supplier_inn": [INN[s] for s, _, _ in rows],
                "buyer_inn": [INN[b] for _, b, _ in rows],
                "year": 2023,
                "value_mln_rub": [v for _, _, v in rows],
            }
        ),
    )
    store.load_frame(
        con,
        "cluster_templates",
        pd.DataFrame(
            {
                "cluster_id": "auto",
                "cluster_name_ru": "Авто",
                "cluster_name_en": "Auto",
                "okved": ["29.10", "29.32", "22.29"],
                "role": ["core", "supplier", "supplier"],
            }
        ),
    )
    return con


def route(con, **kwargs) -> roadmap.RegistryRoadmap:
    return roadmap.registry_roadmap(con, "auto", region="40", year=2023, params=PARAMS, **kwargs)


def record(con, plan: roadmap.RegistryRoadmap) -> None:
    frame = plan.as_supply_links().assign(year=2023)
    store.load_frame(con, "supply_links", frame)


def test_one_link_closes_the_gap_at_the_hand_computed_minimum():
    con = build()
    plan = route(con)
    assert plan.before.rule("dependence").status == "fail"
    assert plan.dependence_before == pytest.approx(0.151)
    # need = 0.20 · 1000 − 151 = 49; S2 (29.32 parts → 29.10 vehicles, cap 0.25 · 400 = 100) is the only
    # plausible new supplier of F that is not a final producer (M's meat is excluded by the IO filter)
    assert plan.needed_mln_rub == pytest.approx(49.0)
    assert plan.status == "optimal" and plan.addresses == ("dependence",)
    assert len(plan.links) == 1
    link = plan.links.iloc[0]
    assert (link["supplier_inn"], link["buyer_inn"]) == (INN["S2"], INN["F"])
    assert link["value_mln_rub"] == pytest.approx(49.0, abs=1e-3)
    assert link["io_coefficient"] >= 0.3 and "29.32" in link["reason"]
    assert plan.dependence_after == pytest.approx(0.20, abs=1e-5)
    # core → core reading: no final producer sells to another here, so it moves by the same amount
    assert plan.core_to_core_after == pytest.approx(plan.core_to_core_before + 0.049, abs=1e-5)
    record(con, plan)
    after = registry.registry_check(con, "auto", region="40", year=2023, params=PARAMS)
    assert after.rule("dependence").status == "pass" and after.verdict == "pass"


def test_two_small_suppliers_need_two_links_and_exactly_the_gap():
    # S2 cap 0.25 · 100 = 25, S3 cap 0.25 · 120 = 30: neither alone covers 49, both do with 49 in all
    con = build(
        revenue={"S2": 100.0, "S3": 120.0},
        firms=("F", "S1", "S2", "S3", "I", "X", "M"),
        extra_links=[("S3", "S1", 5.0)],
    )
    plan = route(con)
    assert plan.status == "optimal" and len(plan.links) == 2
    assert plan.links["value_mln_rub"].sum() == pytest.approx(49.0, abs=2e-3)
    assert set(plan.links["supplier_inn"]) == {INN["S2"], INN["S3"]}
    value = plan.links.set_index("supplier_inn")["value_mln_rub"]
    assert value[INN["S2"]] <= 25.0 + 1e-9 and value[INN["S3"]] <= 30.0 + 1e-9


def test_none_can_close_the_gap_says_so_and_why():
    # S2's cap is 0.25 · 100 = 25 < 49; M could sell but its meat is not an input of vehicles
    con = build(revenue={"S2": 100.0})
    plan = route(con)
    assert plan.status == "no_solution" and plan.links.empty
    why = {w["code"]: w for w in plan.why}
    assert why["capacity"]["needed_mln_rub"] == pytest.approx(49.0)
    assert why["capacity"]["max_mln_rub"] == pytest.approx(25.0)
    assert why["capacity"]["suppliers_cap_mln_rub"] == pytest.approx(25.0)
    assert plan.dependence_after == pytest.approx(plan.dependence_before)
    assert "widen_suppliers" in plan.todo


def test_the_io_filter_excludes_an_implausible_pair():
    con = build(revenue={"S2": 100.0})
    strict = route(con)
    assert strict.excluded_by_io >= 1
    # without the filter the meat plant M (cap 0.25 · 10 000) alone would "close" the gap
    loose = route(con, min_coefficient=0.0)
    assert loose.status == "optimal" and len(loose.links) == 1
    assert loose.links.iloc[0]["supplier_inn"] == INN["M"]
    assert loose.links.iloc[0]["value_mln_rub"] == pytest.approx(49.0, abs=1e-3)
    assert strict.links.empty


def test_table_coefficients_behind_the_filter():
    table = roadmap.io_coefficients(["29.32", "10.11", "22.29"], ["29.10"]).set_index("supplier_okved")
    assert table.loc["29.32", "io_coefficient"] > 0.3  # parts into vehicles: 0.36 ₽ per ₽
    assert table.loc["10.11", "io_coefficient"] < 1e-4  # meat into vehicles: nothing
    assert 0.01 < table.loc["22.29", "io_coefficient"] < 0.02  # plastics: 0.013, just above the default


def test_one_link_gives_a_first_contract_and_closes_the_gap():
    # U (22.29 plastics, cap 0.25 · 200 = 50) has no contract: one link U → F fixes both rules
    con = build(firms=("F", "S1", "U", "I", "X", "M"))
    plan = route(con)
    assert plan.addresses == ("contracts", "dependence")
    assert plan.status == "optimal" and len(plan.links) == 1
    link = plan.links.iloc[0]
    assert (link["supplier_inn"], link["buyer_inn"], link["purpose"]) == (INN["U"], INN["F"], "both")
    assert link["value_mln_rub"] == pytest.approx(49.0, abs=1e-3)
    first = plan.first_contracts.set_index("inn").loc[INN["U"]]
    assert first["partner_inn"] == INN["F"] and first["direction"] == "sells_to" and first["in_plan"]
    record(con, plan)
    after = registry.registry_check(con, "auto", region="40", year=2023, params=PARAMS)
    assert after.rule("contracts").status == "pass" and after.rule("dependence").status == "pass"


def test_a_contract_only_link_costs_the_minimum_contract():
    # dependence already met (S2 sells another 100 to F: 251/1000): U still needs a partner, and the
    # smallest contract will do
    con = build(firms=("F", "S1", "S2", "U", "I", "X", "M"), extra_links=[("S2", "F", 100.0)])
    plan = route(con)
    assert plan.before.rule("dependence").status == "pass"
    assert plan.addresses == ("contracts",) and plan.needed_mln_rub == 0
    assert len(plan.links) == 1 and plan.links.iloc[0]["value_mln_rub"] == pytest.approx(roadmap.MIN_LINK_MLN_RUB)
    record(con, plan)
    assert (
        registry.registry_check(con, "auto", region="40", year=2023, params=PARAMS).rule("contracts").status == "pass"
    )


def test_a_participant_without_any_plausible_partner_is_named():
    # the infrastructure organisation I (R&D services) without a contract: no product link at ≥ 1 %
    con = build(firms=("F", "S1", "S2", "I", "X", "M"))
    con.execute("DELETE FROM supply_links WHERE supplier_inn = ?", [INN["I"]])
    plan = route(con)
    assert plan.status == "no_solution"
    why = {w["code"]: w for w in plan.why}
    assert why["no_partner"]["inns"] == [INN["I"]]
    assert "service_contracts" in plan.todo
    assert plan.first_contracts.set_index("inn").loc[INN["I"], "partner_inn"] is None


def test_missing_roles_and_invitations():
    con = build(firms=("F", "S1", "S2", "M"))
    con.execute("UPDATE enterprises SET cluster_hint = NULL WHERE inn = ?", [INN["S2"]])
    plan = route(con)
    roles = plan.missing_roles.set_index("rule_id")
    assert set(roles.index) == {"infrastructure", "specialised"}
    assert roles["inn"].isna().all()  # none in the region to invite
    invite = plan.invite.dropna(subset=["inn"])
    assert list(invite["inn"]) == [INN["S2"]] and invite.iloc[0]["okved"] == "29.32"
    # 22.29 is wanted by the template and nobody in the region has it
    assert plan.invite[plan.invite["okved"] == "22.29"]["inn"].isna().all()
    assert {"attract_infrastructure", "appoint_specialised"} <= set(plan.todo)


def test_parameters_are_checked():
    with pytest.raises(ValueError):
        roadmap.RoadmapParams(max_supplier_share=0)
    with pytest.raises(ValueError):
        roadmap.RoadmapParams(min_coefficient=2)


# --- the application pack ---------------------------------------------------------------------------------


def _value(ws, ref: str) -> float:
    """A cell's number; a formula recomputed from the cells it names (SUM of a range, + and /, IF(x>0,…,0))."""
    import re

    cell = ws[ref].value
    if not (isinstance(cell, str) and cell.startswith("=")):
        return float(cell or 0.0)
    expr = cell[1:]

    def total(m):
        col, first, last = m.group(1), int(m.group(2)), int(m.group(4))
        return repr(sum(_value(ws, f"{col}{r}") for r in range(first, last + 1)))

    expr = re.sub(r"SUM\(([A-Z])(\d+):([A-Z])(\d+)\)", total, expr)
    guard = re.fullmatch(r"IF\(([A-Z]\d+)>0,(.*),0\)", expr)
    if guard:
        if _value(ws, guard.group(1)) <= 0:
            return 0.0
        expr = guard.group(2)
    expr = re.sub(r"[A-Z]\d+", lambda m: repr(_value(ws, m.group(0))), expr)
    assert re.fullmatch(r"[0-9.eE+\-/() ]+", expr), expr
    return float(eval(expr))  # noqa: S307 — digits and + / ( ) only, checked above


def _find(ws, text: str) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == text)


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_pack_recomputes_the_dependence_with_live_formulas(lang):
    import io

    from openpyxl import load_workbook

    from analytics.services import application_pack as pack

    con = build(firms=("F", "S1", "U", "I", "X", "M"))
    plan = route(con)
    data = pack.application_pack(con, "auto", region="40", year=2023, params=PARAMS, lang=lang)
    wb = load_workbook(io.BytesIO(data))
    labels = {k: v[1 if lang == "en" else 0] for k, v in pack.LABELS.items()}
    assert wb.sheetnames == [
        labels[f"sheet.{s}"] for s in ("participants", "contracts", "dependence", "specialised", "documents")
    ]
    ws = wb[labels["sheet.dependence"]]
    now, after = (f"D{_find(ws, labels[k])}" for k in ("dep.now", "dep.after"))
    assert ws[now].value.startswith("=") and "SUM" not in ws[now].value  # a formula on the totals row
    assert _value(ws, now) == pytest.approx(plan.dependence_before) == pytest.approx(0.151)
    assert _value(ws, after) == pytest.approx(plan.dependence_after, abs=1e-6)
    core_after = f"D{_find(ws, labels['dep.core_after'])}"
    assert _value(ws, core_after) == pytest.approx(plan.core_to_core_after, abs=1e-6)
    total = ws[now].value.split("/")[-1].split(",")[0]
    assert ws[total].value.startswith("=SUM(")
    # contracts: 3 existing (S1 → F, I → F, M → S1), 1 proposed (U → F), marked
    contracts = wb[labels["sheet.contracts"]]
    kinds = [contracts.cell(row=r, column=6).value for r in range(2, contracts.max_row + 1)]
    assert kinds.count(labels["existing"]) == 3 and kinds.count(labels["proposed"]) == 1
    # participants: OGRN not loaded → marked blanks
    people = wb[labels["sheet.participants"]]
    assert people.cell(row=2, column=4).value == labels["blank"]
    assert people.cell(row=2, column=4).fill.fgColor.rgb.endswith("FFF2CC")
    docs = wb[labels["sheet.documents"]]
    assert docs.max_row >= len(pack.rules.APPLICATION_DOCUMENTS.value) + 1
    clauses = [docs.cell(row=r, column=2).value for r in range(2, len(pack.rules.APPLICATION_DOCUMENTS.value) + 2)]
    assert clauses[2] == ("Requirements, sub-clause «a»" if lang == "en" else "Требования, подп. «а»")  # in words
    assert not any(c.startswith("779:") for c in clauses)


def test_a_name_starting_with_equals_stays_text():
    import io

    from openpyxl import load_workbook

    from analytics.services import application_pack as pack

    con = build()
    con.execute("UPDATE enterprises SET name_ru = ? WHERE inn = ?", ['=HYPERLINK("http://x","y")', INN["S2"]])
    wb = load_workbook(io.BytesIO(pack.application_pack(con, "auto", region="40", year=2023, params=PARAMS)))
    texts = [c.value for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert '\'=HYPERLINK("http://x","y")' in texts
    formulas = [
        c.value
        for ws in wb
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str) and c.value.startswith("=")
    ]
    assert formulas and all("HYPERLINK" not in f for f in formulas)
    assert all(f.startswith(("=SUM(", "=IF(")) for f in formulas)


@pytest.mark.parametrize(
    "firms, revenue, extra",
    [
        (("F", "S1", "S2", "I", "X", "M"), {}, ()),
        (("F", "S1", "S2", "S3", "I", "X", "M"), {"S2": 100.0, "S3": 120.0}, (("S3", "S1", 5.0),)),
        (("F", "S1", "U", "I", "X", "M"), {}, ()),
        (("F", "S1", "S2", "U", "I", "X", "M"), {}, (("S2", "F", 100.0),)),
    ],
)
def test_the_shortlist_gives_the_full_programmes_answer(monkeypatch, firms, revenue, extra):
    full = route(build(firms=firms, revenue=revenue, extra_links=extra))
    monkeypatch.setattr(roadmap, "REDUCE_ABOVE_PAIRS", 0)  # shortlist first, kept only when proven
    short = route(build(firms=firms, revenue=revenue, extra_links=extra))
    assert short.status == full.status == "optimal"
    assert len(short.links) == len(full.links)
    assert short.links["value_mln_rub"].sum() == pytest.approx(full.links["value_mln_rub"].sum(), abs=1e-6)


@pytest.mark.parametrize("cluster_id", ["automotive", "rail"])
def test_recorded_demo_links_pass_the_rules_they_address(demo_copy, cluster_id):
    import io

    from openpyxl import load_workbook

    from analytics.services import application_pack as pack

    plan = roadmap.registry_roadmap(demo_copy, cluster_id, region="40", year=2023)
    assert plan.status == "optimal" and "dependence" in plan.addresses
    wb = load_workbook(io.BytesIO(pack.application_pack(demo_copy, cluster_id, region="40", year=2023)))
    ws = wb[pack.LABELS["sheet.dependence"][0]]
    assert _value(ws, f"D{_find(ws, pack.LABELS['dep.now'][0])}") == pytest.approx(plan.dependence_before)
    assert _value(ws, f"D{_find(ws, pack.LABELS['dep.after'][0])}") == pytest.approx(plan.dependence_after)
    record(demo_copy, plan)
    after = registry.registry_check(demo_copy, cluster_id, region="40", year=2023)
    for rule_id in plan.addresses:
        assert after.rule(rule_id).status == "pass", rule_id
    assert after.functional_dependence == pytest.approx(plan.dependence_after, abs=1e-9)


def test_a_community_of_final_producers_only_has_no_counting_supplier():
    # a discovered community given by codes: every member is "core", so under the decree's reading no
    # purchase between them counts, and no new contract can raise the dependence
    con = build(firms=("F", "S1", "S2", "X"))
    plan = roadmap.registry_roadmap(con, "found", region="40", year=2023, params=PARAMS, codes=("29.10", "29.32"))
    assert plan.before.rule("dependence").status == "fail" and plan.dependence_before == 0.0
    assert plan.status == "no_solution"
    capacity = next(w for w in plan.why if w["code"] == "capacity")
    assert capacity["pairs"] == 0 and capacity["max_mln_rub"] == 0.0
    assert capacity["needed_mln_rub"] == pytest.approx(0.20 * plan.purchases_mln_rub)


def test_without_supply_data_the_route_says_it_cannot_judge():
    con = build(firms=("F", "S2", "U", "X"))
    con.execute("DELETE FROM supply_links")
    plan = route(con)
    assert plan.links.empty and plan.addresses == ()
    assert {w["code"] for w in plan.why} == {"contracts_no_data", "dependence_no_data"}


def test_okved_codes_map_to_the_products_of_the_table():
    import csv
    from pathlib import Path

    from analytics.metrics import io_links

    root = Path(__file__).resolve().parent.parent / "data" / "io2021"
    corr = pd.read_csv(root / "okpd2_okved2.csv", dtype=str)
    assert io_links.products_of("22.29", corr) == ["035"]  # group 22.2 «Изделия из пластмасс»
    assert io_links.products_of("22.19", corr) == ["034"]  # group 22.1 «Изделия резиновые»
    assert io_links.products_of("29.32", corr) == ["047"]  # division 29 is one product
    assert io_links.products_of("32.99", corr) == ["052"]  # «32 без 32.1 и 32.5»: the residual
    assert io_links.products_of("32.50", corr) == ["051"]
    # a_SB for plastics (035) into vehicles (047) read straight from the shipped CSVs: z / P1
    with open(root / "flows_total.csv", encoding="utf-8") as f:
        rows = {r["no"]: r for r in csv.DictReader(f)}
    with open(root / "primary_inputs.csv", encoding="utf-8") as f:
        output = {r["no"]: float(r["output_p1"]) for r in csv.DictReader(f)}
    expected = float(rows["035"]["047"]) / output["047"]
    table = roadmap.io_coefficients(["22.29"], ["29.10"])
    assert table["io_coefficient"].iat[0] == pytest.approx(expected, rel=1e-12)
