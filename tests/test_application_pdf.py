"""The application pack's PDF summary, read back with pypdf: the participants' INNs, the functional
dependence line by line equal to the registry check's figures before and after recording the proposed
contracts (hand-made cluster: FD = 151 / 1 000 = 15.1 %), the data-status notices, literal text from the
data and long names wrapped inside the page, in Russian and English."""

from __future__ import annotations

import io
import re

import pypdf
import pytest

from analytics import store
from analytics.models import registry
from tests.test_roadmap import INN, PARAMS, build, record, route
from ui.core import fmt
from ui.core.i18n import CATALOG
from ui.downloads import application_pdf

MM = 72 / 25.4


def read(data: bytes) -> tuple[pypdf.PdfReader, str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() for page in reader.pages)
    return reader, re.sub(r"\s+", " ", text.replace("\xa0", " ").replace("\u202f", " "))


def flat(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\xa0", " ").replace("\u202f", " "))


def pdf(con, lang: str) -> bytes:
    return application_pdf.application_pack_pdf(con, "auto", region="40", year=2023, lang=lang, params=PARAMS)


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_summary_holds_the_participants_and_the_checks_dependence(lang):
    con = build(firms=("F", "S1", "U", "I", "X", "M"))
    data = pdf(con, lang)
    assert data.startswith(b"%PDF-")
    _, text = read(data)
    text_ = CATALOG[lang]
    assert text_["roadmap.pdf.title"] in text
    for firm in ("F", "S1", "U", "I", "X", "M"):
        assert INN[firm] in text, firm
    # the registry check before, and after the proposed contracts are recorded as supply links
    before = registry.registry_check(con, "auto", region="40", year=2023, params=PARAMS).functional_dependence
    plan = route(con)
    record(con, plan)
    after = registry.registry_check(con, "auto", region="40", year=2023, params=PARAMS).functional_dependence
    assert before == pytest.approx(0.151)  # 151 / 1 000 by hand
    assert after >= 0.20 - 1e-12 > before
    now_line = re.search(
        re.escape(text_["roadmap.pdf.now"]) + r": ΣD / ΣC = ([\d ,.]+) / ([\d ,.]+) = ([\d,.]+) ?%", text
    )
    after_line = re.search(
        re.escape(text_["roadmap.pdf.after"])
        + r": \(ΣD \+ ΣF\) / ΣC = \(([\d ,.]+) \+ ([\d ,.]+)\) / ([\d ,.]+) = ([\d,.]+) ?%",
        text,
    )
    assert now_line and after_line

    def number(s: str) -> float:
        s = s.strip().replace(" ", "")
        return float(s.replace(",", ".") if lang == "ru" else s.replace(",", ""))

    assert number(now_line.group(1)) == pytest.approx(151.0) and number(now_line.group(2)) == pytest.approx(1000.0)
    assert number(now_line.group(3)) / 100 == pytest.approx(before, abs=5e-4)
    assert (number(after_line.group(1)) + number(after_line.group(2))) / number(after_line.group(3)) == pytest.approx(
        after, abs=1e-6
    )
    assert number(after_line.group(4)) / 100 == pytest.approx(after, abs=5e-4)
    assert flat(fmt.percent(before, lang, 1)) in text and flat(fmt.percent(after, lang, 1)) in text
    assert ("15,1" if lang == "ru" else "15.1") in now_line.group(0)
    # the proposed contract is listed and marked, beside the three existing ones
    assert text.count(text_["roadmap.pdf.proposed_status"]) == len(plan.links) == 1
    assert text_["roadmap.pdf.contracts"].format(existing=3, proposed=1) in text
    # checklist: every document of the decree's list, the blanks named
    for doc in registry.rules.APPLICATION_DOCUMENTS.value:
        assert flat(doc[2 if lang == "en" else 1])[:40] in text
    assert text_["roadmap.pdf.blank"] in text
    assert text_["roadmap.pdf.not_public"][:40] in text  # hand-made rows are "loaded", not public facts


def test_public_data_gets_no_notice_and_illustrative_data_the_demo_one():
    con = build(firms=("F", "S1", "U", "I", "X", "M"))
    for table in ("enterprises", "enterprise_years", "supply_links"):
        con.execute(store.sql("UPDATE {table} SET data_status = 'public'", table=table))
    _, text = read(pdf(con, "en"))
    assert CATALOG["en"]["roadmap.pdf.not_public"][:40] not in text
    assert CATALOG["en"]["roadmap.pdf.illustrative"][:40] not in text
    assert CATALOG["en"]["roadmap.pdf.statuses"].format(statuses=CATALOG["en"]["data.status.public"]) in text
    con.execute("UPDATE enterprise_years SET data_status = 'illustrative' WHERE inn = ?", [INN["S1"]])
    _, text = read(pdf(con, "en"))
    assert CATALOG["en"]["roadmap.pdf.illustrative"][:40] in text


def test_text_from_the_data_is_literal_and_long_names_wrap_inside_the_page():
    con = build(firms=("F", "S1", "U", "I", "X", "M"))
    long = "Ж" * 150  # one word, no space to break at
    con.execute(
        "UPDATE enterprises SET name_ru = ? WHERE inn = ?", ['=HYPERLINK("http://x","y") **жирный** <b>', INN["S1"]]
    )
    con.execute("UPDATE enterprises SET name_ru = ? WHERE inn = ?", [long, INN["U"]])
    reader, text = read(pdf(con, "ru"))
    assert '=HYPERLINK("http://x","y") **жирный** <b>' in text
    pieces = re.findall(r"Ж{5,}", text)
    assert sum(map(len, pieces)) >= 150 and len(pieces) >= 3  # broken over several lines of its cell
    right = []
    for page in reader.pages:
        width = float(page.mediabox.width)

        def visit(chunk, cm, tm, font, size, page_width=width):
            if chunk.strip():
                x = cm[0] * tm[4] + cm[4]
                right.append((x, page_width, chunk))

        page.extract_text(visitor_text=visit)
    assert right and all(x < w - 15 * MM for x, w, _ in right)  # every run starts inside the margins


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_discovered_community_is_named_by_its_codes(lang):
    con = build(firms=("F", "S1", "S2", "X"))
    data = application_pdf.application_pack_pdf(
        con, "found", region="40", year=2023, lang=lang, params=PARAMS, codes=("29.10", "29.32")
    )
    _, text = read(data)
    community = CATALOG[lang]["roadmap.pdf.community"].format(codes="29.10, 29.32")
    assert (
        CATALOG[lang]["roadmap.pdf.subtitle"].format(
            cluster=community, region=("Калужская область" if lang == "ru" else "Kaluga Oblast"), year=2023
        )
        in text
    )
    _, auto = read(pdf(con, lang))
    assert (
        CATALOG[lang]["roadmap.pdf.subtitle"].format(
            cluster="Авто" if lang == "ru" else "Auto",
            region=("Калужская область" if lang == "ru" else "Kaluga Oblast"),
            year=2023,
        )
        in auto
    )
