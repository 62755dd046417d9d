"""Presentation mode in AppTest: ?present=1 opens the deck, the buttons walk every slide."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analytics.services import storyline
from ui.core.i18n import CATALOG

APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture()
def deck_app(app_db):
    """The app on a store copy of this test's own (``app_db``)."""
    return app_db


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_present_flag_opens_the_deck_and_buttons_walk_it(deck_app, lang):
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["present"] = "1"
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception
    code = lang
    titles = [at.title[0].value]
    while not at.button(key="slide-next").disabled:
        at.button(key="slide-next").click().run()
        assert not at.exception
        titles.append(at.title[0].value)
    # the storyline, written out: region profile, sector portfolio, cluster candidates, registry readiness,
    # cooperation and gaps, the route to the registry, subsidy effect, next steps — eight slides, each with
    # its own title
    assert len(titles) == 8 and len(set(titles)) == 8
    texts = CATALOG[code]
    assert titles[1].startswith(texts["slide.portfolio.title"].split("{")[0])
    assert titles[3] == texts["slide.registry.title"]
    assert titles[5].startswith(texts["slide.route.title"].split("{")[0])
    assert titles[-1] == texts["slide.next_steps.title"]
    assert CATALOG[code]["present.counter"].format(n=len(titles), total=len(titles)) in [m.value for m in at.markdown]
    at.button(key="slide-prev").click().run()
    assert at.title[0].value == titles[-2]


def test_slide_number_in_the_link_opens_that_slide(deck_app):
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["present"] = "1"
    at.query_params["slide"] = "2"
    at.run()
    assert at.title[0].value.startswith("Портфель отраслей")


def test_exit_returns_to_the_app(deck_app):
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["present"] = "1"
    at.run()
    at.button(key="slide-exit").click().run()
    assert not at.exception
    assert at.title[0].value == CATALOG["ru"]["present.setup"]


def _slide(at: AppTest, slide_id: str) -> str:
    """Go to the slide ``slide_id`` by the buttons and return its title."""
    wanted = [k for k in storyline.SLIDE_ORDER if k in storyline.BUILDERS].index(slide_id)
    for _ in range(wanted):
        at.button(key="slide-next").click().run()
        assert not at.exception
    return at.title[0].value


def test_a_prepared_link_opens_the_chosen_cluster_and_scenario(deck_app):
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in {"present": "1", "cluster": "automotive", "regime": "joint_2016", "fed": "0.25"}.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    assert _slide(at, "network").startswith("Автомобилестроение")
    order = [k for k in storyline.SLIDE_ORDER if k in storyline.BUILDERS]
    for _ in range(order.index("subsidy") - order.index("network")):
        at.button(key="slide-next").click().run()
    assert at.title[0].value == CATALOG["ru"]["slide.subsidy.title"].format(share="25\u00a0%")


def test_a_bad_scenario_in_the_link_is_said_and_the_default_shown(deck_app):
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in {"present": "1", "fed": "0.9"}.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    assert any("fed" in w.body for w in at.warning)
    assert _slide(at, "subsidy") == CATALOG["ru"]["slide.subsidy.title"].format(share="50\u00a0%")


def test_setup_page_builds_the_link_from_the_choices(deck_app):
    at = AppTest.from_file(APP, default_timeout=90).run()
    at.switch_page("app_pages/present.py").run()
    at.selectbox(key="deck_cluster").set_value("rail").run()
    assert not at.exception
    link = at.code[0].value
    assert "present=1" in link and "cluster=rail" in link and "region=40" in link


@pytest.mark.parametrize("raw", ["²", "٣", "1e3", "-2", "99999999999999999999", "[x](http://e)"])
def test_a_slide_number_that_is_not_plain_digits_opens_the_first_slide(deck_app, raw):
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["present"] = "1"
    at.query_params["slide"] = raw
    at.run()
    assert not at.exception
    assert at.title[0].value.startswith("Калужская область: промышленность")  # slide 1, "{region}: …"


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_slide_6_shows_attributed_taxes_with_gross_beside_and_the_assumption(demo_db, lang):
    from analytics import store
    from analytics.models import subsidy
    from ui.charts import slides
    from ui.core import fmt

    con = store.connect(demo_db, read_only=True)
    scenario = subsidy.Scenario(
        regime=subsidy.BUILTIN_REGIMES["joint_2016"], assume_registered=True, additionality=0.25
    )
    slide = storyline.subsidy_effect(con, storyline.DeckSettings(), scenario)
    table = subsidy.evaluate(subsidy.load_projects(con), scenario)
    con.close()
    eligible = table[table["eligible"]]
    attributed = eligible["pv_taxes_additional_mln_rub"].sum() / eligible["pv_subsidy_mln_rub"].sum()
    gross = eligible["pv_taxes_gross_mln_rub"].sum() / eligible["pv_subsidy_mln_rub"].sum()
    assert attributed < gross  # the old headline counted every tax
    view = slides.view(slide, lang, region_name="Калуга", cluster_names={})
    shown = view.message + " " + " ".join(view.notes)  # the assumption sentence is the slide's first note
    assert fmt.number(attributed, lang, 2) in shown
    assert fmt.money_mln(eligible["pv_taxes_gross_mln_rub"].sum(), lang, 0) in shown
    assert fmt.percent(0.25, lang, 0) in shown  # the assumption, in one sentence
    assert "вернётся" not in shown and "return" not in shown


def test_the_next_steps_slide_and_the_workbook_carry_the_eci_pci_note(demo_db, tmp_path):
    import io
    import shutil

    import openpyxl

    from analytics import store
    from ui.charts import slides
    from ui.downloads import briefing

    copy = tmp_path / "d.duckdb"
    shutil.copyfile(demo_db, copy)
    con = store.connect(copy, read_only=True)
    try:
        slide = storyline.next_steps(con, storyline.DeckSettings())
        assert [n.code for n in slide.numbers["plausibility"]] == ["few_sectors", "single_section"]
        for lang in ("ru", "en"):
            view = slides.view(slide, lang, region_name="X", cluster_names={}, screen=1080)
            # the slide says it in one short sentence under the chart; the page and the workbook carry the full notes
            assert CATALOG[lang]["slide.next_steps.complexity_note"].format(sectors=24) in view.notes
        book = openpyxl.load_workbook(io.BytesIO(briefing.workbook_bytes(con, storyline.DeckSettings(), "en")))
        sheet = book[CATALOG["en"]["sheet.opportunities"]]
        header = [c.value for c in sheet[1]]
        note = sheet.cell(row=2, column=header.index(CATALOG["en"]["col.pci_note"]) + 1).value
        assert note.startswith("Treat ECI and PCI with care: they are computed over only 24 sectors")
    finally:
        con.close()


def test_slide_6_says_why_when_no_project_is_eligible(demo_db):
    from analytics import store
    from analytics.models import subsidy
    from ui.charts import slides

    con = store.connect(demo_db, read_only=True)
    regime = subsidy.BUILTIN_REGIMES["joint_2016"].replace(min_participants=100)  # no project has 100
    slide = storyline.subsidy_effect(con, storyline.DeckSettings(), subsidy.Scenario(regime=regime))
    con.close()
    assert slide.numbers["projects"] == 0
    for lang in ("ru", "en"):
        assert (
            slides.view(slide, lang, region_name="X", cluster_names={}).message
            == CATALOG[lang]["slide.subsidy.message_none"]
        )


# --- issue 15: one conclusion per slide, terms explained, nothing cut -----------------------------------


@pytest.fixture(scope="module")
def demo_deck(demo_db):
    from analytics import store

    con = store.connect(demo_db, read_only=True)
    deck = {s.slide_id: s for s in storyline.build(con, storyline.DeckSettings())}
    con.close()
    return deck


def _views(deck, lang):
    from ui.charts import slides

    return {k: slides.view(s, lang, region_name="Калужская область", cluster_names={}) for k, s in deck.items()}


def _svg_texts(fig) -> list[str]:
    """Every text plotly draws from the figure: tick labels of category axes, bar texts, annotations, titles."""
    texts = [a.text for a in fig.layout.annotations if a.text]
    for trace in fig.data:
        if getattr(trace, "orientation", None) == "h" and trace.y is not None:
            texts += [str(v) for v in trace.y]
        if getattr(trace, "text", None) is not None and not isinstance(trace.text, str):
            texts += [str(v) for v in trace.text]
        if getattr(trace, "name", None):
            texts.append(trace.name)
    return texts


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_no_chart_label_is_cut_and_long_ones_are_wrapped(demo_deck, lang):
    from ui.charts import slides

    for slide_id, view in _views(demo_deck, lang).items():
        if view.figure is None:
            continue
        for text in _svg_texts(view.figure):
            assert not text.endswith("…"), (slide_id, text)
        # bar labels: lines of at most WRAP characters (GAP_WRAP for the missing links; " ★★★" after a
        # cluster's name; one long word excepted)
        width = {"network": slides.GAP_WRAP, "next_steps": 40}.get(slide_id, slides.WRAP + 4)
        for trace in view.figure.data:
            if getattr(trace, "orientation", None) == "h":
                for line in (part for label in trace.y for part in str(label).split("<br>")):
                    assert len(line) <= max(width, *map(len, line.split())), (slide_id, line)
        assert view.figure.layout.font.size >= 24


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_terms_a_director_may_not_know_are_explained_on_the_slides(demo_deck, lang):
    views = _views(demo_deck, lang)
    notes = " ".join(" ".join(v.notes) for v in views.values())
    for key in ("glossary.lq", "glossary.pp", "glossary.score", "glossary.stars", "glossary.us", "glossary.density"):
        assert CATALOG[lang][key] in notes, key
    # slide 1 says why its two employment figures differ, with both figures in the sentence
    first = " ".join(views["profile"].notes)
    assert "99,2" in first if lang == "ru" else "99.2" in first
    assert "42,5" in first if lang == "ru" else "42.5" in first


def test_slide_3_names_the_stars_leader_beside_the_score_leader(demo_deck):
    table = demo_deck["clusters"].tables["candidates"]
    # hand check on the demo data: automotive has the most stars (3), pharma the top score
    most = table.sort_values("stars", ascending=False).iloc[0]
    top = table.sort_values("rank").iloc[0]
    assert (most["cluster_id"], int(most["stars"]), top["cluster_id"]) == ("automotive", 3, "pharma")
    message = _views(demo_deck, "ru")["clusters"].message
    assert "«Фармацевтика»" in message and "«Автомобилестроение» (3 из 5)" in message
    # pharma leads on growth: its growth component is above automotive's by the widest margin
    assert "рост занятости" in message


def test_slide_5_draws_every_link_it_counts(demo_deck):
    slide = demo_deck["network"]
    view = _views(demo_deck, "ru")["network"]
    drawn = 0
    for trace in view.figure.data:
        if getattr(trace, "mode", None) == "lines" and trace.x is not None:
            drawn += sum(1 for v in trace.x if v is None)  # one None closes each drawn segment
    assert drawn == len(slide.tables["links"]) == slide.numbers["links"]
    assert f"{slide.numbers['links']} связей" in view.message
    assert CATALOG["ru"]["slide.network.links_title"].format(links=drawn) in [
        a.text for a in view.figure.layout.annotations
    ]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_last_slide_lists_decisions_to_take(demo_deck, lang):
    view = _views(demo_deck, lang)["next_steps"]
    lines = view.message.split("\n")
    assert [line.split(".")[0] for line in lines] == ["1", "2", "3", "4"]
    assert "обсудить" not in view.message
    assert view.title == CATALOG[lang]["slide.next_steps.title"]


def test_slide_6_shows_what_the_registry_is_worth_when_no_cluster_is_on_it(demo_deck):
    """The demo's default scenario supports nobody (no cluster passes Decree 779): the slide shows the same
    scenario with every cluster assumed registered, and says so."""
    from analytics.models import subsidy

    slide = demo_deck["subsidy"]
    assert slide.numbers["what_if"] is True
    table = slide.tables["projects"]
    assert slide.numbers["projects"] == int(table["eligible"].sum()) > 0
    assert slide.numbers["subsidy_mln_rub"] == pytest.approx(table.loc[table["eligible"], "subsidy_mln_rub"].sum())
    message = _views(demo_deck, "ru")["subsidy"].message
    assert message.startswith(CATALOG["ru"]["slide.subsidy.what_if"])
    assert subsidy.Scenario().assume_registered is False


# --- what the slides say, against the data computed here -----------------------------------------------


@pytest.fixture(scope="module")
def deck(demo_db):
    """The slides of the default deck (Kaluga, latest year) and the store they came from, read-only."""
    from analytics import store

    con = store.connect(demo_db, read_only=True)
    slides_by_id = {s.slide_id: s for s in storyline.build(con, storyline.DeckSettings())}
    yield con, slides_by_id
    con.close()


def _said(slide, lang: str = "ru") -> str:
    """Everything the slide says in words: the conclusion, the key numbers and the notes under the chart."""
    from ui.charts import slides

    view = slides.view(slide, lang, region_name="Калужская область", cluster_names={})
    return " ".join([view.message, *(f"{label}: {value}" for label, value in view.numbers), *view.notes])


def _one(con, text: str, params: list) -> float:
    from analytics import store

    return float(store.query(con, text, params).iat[0, 0])


def test_the_profile_slide_says_the_regions_manufacturing_share_of_russia(deck):
    from ui.core import fmt

    con, slides_by_id = deck
    slide = slides_by_id["profile"]
    year = slide.numbers["year"]
    # manufacturing = the divisions of section C in region_sector_years, the region over all regions
    division_c = (
        "SELECT coalesce(sum(r.employees), 0) FROM region_sector_years r JOIN sectors s ON s.code = r.okved "
        "WHERE s.section = 'C' AND s.level = 'division' AND r.year = ?"
    )
    mine = _one(con, division_c + " AND r.region_code = '40'", [year])
    russia = _one(con, division_c, [year])
    assert 0 < mine < russia
    for lang in ("ru", "en"):
        said = _said(slide, lang)
        assert fmt.thousands(mine, lang) in said and fmt.percent(mine / russia, lang, 2) in said
    firms = _one(con, "SELECT count(*) FROM enterprises WHERE region_code = '40'", [])
    assert slide.numbers["enterprises"] == firms


def test_the_portfolio_slide_names_the_division_with_the_highest_lq(deck):
    from ui.core import fmt

    con, slides_by_id = deck
    slide = slides_by_id["portfolio"]
    end = slide.numbers["end"]
    from analytics import store

    cells = store.query(
        con,
        "SELECT r.region_code, r.okved, r.employees, s.name_ru FROM region_sector_years r "
        "JOIN sectors s ON s.code = r.okved WHERE s.section = 'C' AND s.level = 'division' "
        "AND r.year = ?",
        [end],
    )
    # LQ = (E_rs / E_r) / (E_s / E), manufacturing divisions, all regions as the benchmark
    e = cells["employees"].sum()
    by_sector = cells.groupby("okved")["employees"].sum()
    kaluga = cells[cells["region_code"] == "40"].set_index("okved")
    lq = (kaluga["employees"] / kaluga["employees"].sum()) / (by_sector[kaluga.index] / e)
    top = lq.idxmax()
    assert slide.numbers["top_sector"] == top
    assert slide.numbers["top_lq"] == pytest.approx(lq.max())
    said = _said(slide)
    assert kaluga.at[top, "name_ru"][:30] in said and fmt.number(lq.max(), "ru", 1) in said


def test_the_clusters_slide_names_the_candidate_with_the_highest_score(deck):
    from analytics.models import clusters

    con, slides_by_id = deck
    slide = slides_by_id["clusters"]
    table = clusters.find_candidates(con, "40", slide.numbers["year"])
    leader = table.loc[table["score"].idxmax()]
    stars = sum(bool(leader[f"star_{k}"]) for k in ("size", "specialisation", "focus", "productivity", "dynamism"))
    assert slide.numbers["leader_ru"] == leader["name_ru"] and slide.numbers["leader_stars"] == stars
    said = _said(slide)
    # the leader by name; the slide's bars carry each candidate's stars (the leader's: one ★ per star)
    assert f"«{leader['name_ru']}»" in said
    from ui.charts import slides

    labels = list(slides.view(slide, "ru", region_name="X", cluster_names={}).figure.data[0].y)
    assert any(label.endswith(" " + "★" * stars) and leader["name_ru"].split()[0] in label for label in labels)
    assert f"US Cluster Mapping: {int(table['strong'].sum())} из {len(table)}" in said


def test_the_network_slide_counts_the_links_among_the_focus_clusters_members(deck):
    from analytics import store
    from analytics.models import clusters
    from ui.core import fmt

    con, slides_by_id = deck
    slide = slides_by_id["network"]
    year = slides_by_id["clusters"].numbers["year"]
    table = clusters.find_candidates(con, "40", year)
    focus = table.loc[table["score"].idxmax(), "cluster_id"]  # no cluster picked: the leader
    members = clusters.members(con, focus, region="40", year=year)["inn"].tolist()
    links = store.query(con, "SELECT supplier_inn, buyer_inn, value_mln_rub FROM supply_links WHERE year = ?", [year])
    among = links[
        links["supplier_inn"].isin(members)
        & links["buyer_inn"].isin(members)
        & (links["supplier_inn"] != links["buyer_inn"])
    ]
    purchases = store.query(con, "SELECT inn, purchases_mln_rub FROM enterprise_years WHERE year = ?", [year])
    known = purchases[purchases["inn"].isin(members) & purchases["purchases_mln_rub"].notna()]
    # cooperation = links among members ÷ purchases of members, members without known purchases left out of both
    cooperation = (
        among.loc[among["buyer_inn"].isin(known["inn"]), "value_mln_rub"].sum() / known["purchases_mln_rub"].sum()
    )
    assert slide.numbers["members"] == len(members) and slide.numbers["links"] == len(among)
    assert slide.numbers["cooperation"] == pytest.approx(cooperation)
    said = _said(slide)
    linked = len(set(among["supplier_inn"]) | set(among["buyer_inn"]))
    assert (
        f"Связаны поставками {linked} из {len(members)} участников: {len(among)} связей на схеме; "
        f"у своих закупается {fmt.percent(cooperation, 'ru', 0)}"
    ) in said
