"""Deterministic generator of the Kaluga demo dataset (``data/seed/*.csv``).

``python -m analytics.tools.demo_seed [--out DIR]`` reads the curated fact files in ``data/seed/facts/`` and
writes one CSV per data table of :mod:`analytics.store.schema` into ``DIR`` (default ``data/seed/``). Running
it twice gives byte-identical files: one fixed numpy seed for the regional statistics, per-entity seeds
derived from stable keys (CRC32) for enterprises, sorted rows, fixed decimal places, ``\\n`` line ends.

What is fact and what is invented
---------------------------------
*Facts* (``data/seed/facts/``, each file keeps its source and status columns):

- ``regions.csv`` — the 85 federal subjects (tax/INN region code, names, federal district, OKTMO
  prefix); population is approximate and used only as a size weight.
- ``municipalities.csv`` — Kaluga's 24 districts and 2 urban okrugs with approximate admin-centre
  coordinates; only four OKTMO codes are known (three confirmed, Obninsk likely). The others get
  *provisional* codes here (:func:`municipalities`), marked ``oktmo_status = 'provisional'``.
- ``okved.csv`` — OKVED 2 names (Rosstat wording) and NACE Rev. 2 English names.
- ``cluster_okved.csv`` — a *proposed* OKVED → cluster mapping (not an official list).
- ``kaluga_enterprises.csv`` — real Kaluga enterprises with public, dated, approximate facts and
  source links. Their INNs are unknown (except Remputmash 4029032450): they get checksum-valid
  *placeholder* INNs starting with ``4099`` (no tax office has that code).

*Illustrative* (invented here, ``data_status = 'illustrative'``): the ~130 demo enterprises whose names
end with «(демо)» / "(demo)", every yearly figure of every enterprise (real ones included), the
region × sector statistics, the supply links and the joint projects.

Calibration of the illustrative figures
---------------------------------------
- Manufacturing employment of Russia ≈ 10 million persons (the 2007 fact is 11,367.6 thousand);
  each region's size ∝ population × an industrial-intensity factor; the national division structure
  follows :data:`NATIONAL_DIVISIONS` (thousand persons, 2019) and yearly indices
  :data:`NATIONAL_INDEX`; known regional specialisations (:data:`SPECIALISATION`) reshuffle a region's
  structure without changing its size.
- Kaluga oblast ≈ 104 thousand persons in manufacturing in 2019 before the floors below (fact 2007:
  110.3 thousand), so about 1 % of Russia; location quotients set by :data:`KALUGA_LQ_2019`
  (29 motor vehicles ≈ 5, 21 pharma ≈ 2.8, 26 electronics ≈ 1.7, 30 transport equipment ≈ 1.5,
  22 rubber/plastics ≈ 1.5),
  with the 2022–2023 automotive collapse (:data:`KALUGA_INDEX`). Every Kaluga row is at least 1.15 ×
  the headcount of the dataset's own Kaluga enterprises in that code, and class rows of a division
  never sum to more than the division.
- Enterprise headcounts are anchored on the public figures of the reference (PSMA ≈ 1,800,
  Continental ≈ 1,000, Samsung ≈ 1,200, AstraZeneca ≈ 170 in 2015, Berlin-Chemie ≈ 150 in 2014,
  YAPP ≈ 130 …); revenue = headcount × revenue per employee (≈ 2.5–24 mln ₽ in 2019) × utilisation
  × producer price index; purchases, exports and investment are shares of revenue.
- Supply links are scaled per cluster and year so that functional dependence (purchases of the
  cluster's core members from other members ÷ all purchases of the core members; members =
  ``cluster_hint``) follows :data:`DEPENDENCE_TARGET`, while every supplier's sales to the cluster
  stay below 85 % of its revenue. A few members have no links on purpose (:data:`UNLINKED`).
"""

from __future__ import annotations

import argparse
import zlib
from pathlib import Path

import numpy as np
import pandas as pd

from analytics.data.validate import okved_level
from analytics.tools import public_seed

ROOT = Path(__file__).resolve().parents[2]
SEED_DIR = ROOT / "data" / "seed"
FACTS_DIR = SEED_DIR / "facts"

SEED = 20181129  # the date of the AIRKO strategic session
YEARS = list(range(2016, 2024))
KALUGA = "40"
ILLUSTRATIVE = "illustrative"

# --------------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------------


def _rng(key: str) -> np.random.Generator:
    """A generator seeded from a stable key (independent of row order and of PYTHONHASHSEED)."""
    return np.random.default_rng([SEED, zlib.crc32(key.encode("utf-8"))])


def inn_check(first9: str) -> str:
    """A 10-digit legal-entity INN from its first 9 digits (adds the check digit)."""
    weights = (2, 4, 10, 3, 5, 9, 4, 6, 8)
    total = sum(w * int(d) for w, d in zip(weights, first9))
    return first9 + str(total % 11 % 10)


def ogrn_check(first12: str) -> str:
    """A 13-digit OGRN from its first 12 digits (adds the check digit)."""
    return first12 + str(int(first12) % 11 % 10)


def sector_parent(code: str, division_section: dict[str, str]) -> str | None:
    level = okved_level(code)
    if level == "section":
        return None
    if level == "division":
        return division_section[code]
    if level == "group":
        return code.split(".")[0]
    if level == "class":
        return code[:-1]
    return code.rsplit(".", 1)[0]


def _fmt(frame: pd.DataFrame, decimals: dict[str, int]) -> pd.DataFrame:
    """Text rendering of a frame with fixed decimals per float column, '' for missing values."""
    out = pd.DataFrame(index=frame.index)
    for col in frame.columns:
        values = frame[col]
        if col in decimals:
            d = decimals[col]
            out[col] = [("" if pd.isna(v) else f"{float(v):.{d}f}") for v in values]
        elif values.dtype == bool:
            out[col] = np.where(values, "true", "false")
        else:
            out[col] = [
                "" if (v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NA) else str(v) for v in values
            ]
    return out


def write_csv(frame: pd.DataFrame, path: Path, sort_by: list[str], decimals: dict[str, int] | None = None) -> None:
    frame = frame.sort_values(sort_by, kind="mergesort").reset_index(drop=True)
    text = _fmt(frame, decimals or {})
    path.parent.mkdir(parents=True, exist_ok=True)
    text.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")


def read_fact(name: str, facts_dir: Path) -> pd.DataFrame:
    return pd.read_csv(facts_dir / name, dtype=str, keep_default_na=False)


# --------------------------------------------------------------------------------------------------
# Regions, municipalities, sectors, templates (facts)
# --------------------------------------------------------------------------------------------------


def regions(facts: Path) -> pd.DataFrame:
    frame = read_fact("regions.csv", facts)
    frame["oktmo_prefix"] = frame["oktmo_prefix"].replace("", None)
    return frame[["code", "name_ru", "name_en", "federal_district", "oktmo_prefix"]]


def municipalities(facts: Path) -> pd.DataFrame:
    """Kaluga's municipalities; unknown OKTMO codes get provisional ones.

    Rule: districts in Russian alphabetical order take the next free even code 29 6xx 000 starting at
    29602000, skipping codes already held by confirmed districts (Borovsky 29606000, Kirovsky 29614000).
    """
    frame = read_fact("municipalities.csv", facts)
    confirmed = set(frame.loc[frame["oktmo_known"] != "", "oktmo_known"])
    codes, statuses = [], []
    counter = 2
    for _, row in frame.iterrows():
        if row["oktmo_known"]:
            codes.append(row["oktmo_known"])
            statuses.append("likely" if row["oktmo_evidence"].startswith("likely") else "confirmed")
            continue
        assert row["kind"] == "municipal_district", row["name_en"]
        while f"296{counter:02d}000" in confirmed:
            counter += 2
        codes.append(f"296{counter:02d}000")
        statuses.append("provisional")
        counter += 2
    out = pd.DataFrame(
        {
            "oktmo": codes,
            "region_code": KALUGA,
            "name_ru": frame["name_ru"],
            "name_en": frame["name_en"],
            "kind": frame["kind"],
            "admin_centre_ru": frame["admin_centre_ru"],
            "admin_centre_en": frame["admin_centre_en"],
            "lat": frame["lat_approx"].astype(float),
            "lon": frame["lon_approx"].astype(float),
            "oktmo_status": statuses,
            "data_status": "approximate",
        }
    )
    assert out["oktmo"].is_unique
    return out


def cluster_templates(facts: Path) -> pd.DataFrame:
    """Templates from the proposed mapping: role core/supplier kept, every other role → service."""
    frame = read_fact("cluster_okved.csv", facts)
    role = frame["role_proposed"].map({"core": "core", "supplier": "supplier"}).fillna("service")
    weight = role.map({"core": 1.0, "supplier": 1.0, "service": 0.5})
    note = [
        (f"{n} [proposed role: {r}]" if n else f"[proposed role: {r}]")
        for n, r in zip(frame["note"], frame["role_proposed"])
    ]
    out = pd.DataFrame(
        {
            "cluster_id": frame["cluster"],
            "cluster_name_ru": frame["cluster_name_ru"],
            "cluster_name_en": frame["cluster_name_en"],
            "okved": frame["okved2"],
            "role": role,
            "weight": weight,
            "note": note,
            "data_status": "approximate",
        }
    )
    # one row per (cluster, code): keep the strongest role if a code is listed twice
    rank = out["role"].map({"core": 0, "supplier": 1, "service": 2})
    out = out.assign(_r=rank).sort_values(["cluster_id", "okved", "_r"], kind="mergesort")
    return out.drop_duplicates(["cluster_id", "okved"]).drop(columns="_r")


def sectors(facts: Path, used_codes: set[str]) -> pd.DataFrame:
    """Sections, divisions and every group/class/subclass used (plus their ancestors)."""
    names = read_fact("okved.csv", facts).set_index("code")
    levels = {c: okved_level(c) for c in names.index}
    division_section = {}
    section = None
    for code in names.index:  # the facts file lists each section before its divisions
        if levels[code] == "section":
            section = code
        elif levels[code] == "division":
            division_section[code] = section
    keep = {c for c, lv in levels.items() if lv in ("section", "division")}
    for code in sorted(used_codes):
        while code is not None and code not in keep:
            if code not in names.index:
                raise KeyError(f"OKVED code {code} is used but missing from facts/okved.csv")
            keep.add(code)
            code = sector_parent(code, division_section)
    rows = []
    for code in sorted(keep):
        level = levels[code]
        div = code.split(".")[0]
        rows.append(
            {
                "code": code,
                "parent": sector_parent(code, division_section),
                "level": level,
                "section": code if level == "section" else division_section[div],
                "name_ru": names.at[code, "name_ru"],
                "name_en": names.at[code, "name_en"],
            }
        )
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------------------
# Enterprises
# --------------------------------------------------------------------------------------------------

#: Known industrial-park sites (approximate points) for illustrative firms placed there.
SITES = {
    "Grabtsevo": ("Kaluga", 54.568, 36.352),
    "Rosva": ("Kaluga", 54.505, 36.115),
    "Vorsino": ("Borovsk", 55.207, 36.573),
}

#: Illustrative enterprises: key | cluster | kind | okved | town (admin centre or site) | headcount 2019 |
#: name_ru | name_en. Names get « (демо)» / " (demo)". Keys: a automotive, c composites, r rail,
#: e electronics, p pharma, o other manufacturing, i regional infrastructure.
ILLUSTRATIVE_FIRMS = """
a01|automotive|industrial|25.50|Grabtsevo|420|ООО «Калужский штамповочный завод»|Kaluga Stamping Plant LLC
a02|automotive|industrial|29.32.3|Rosva|310|ООО «Автокомпонент-Калуга»|Avtokomponent-Kaluga LLC
a03|automotive|industrial|29.32.1|Kaluga|380|ООО «Калужские автомобильные сиденья»|Kaluga Automotive Seating LLC
a04|automotive|industrial|29.31|Kaluga|450|ООО «Жгут-Электро»|Zhgut-Elektro LLC (wiring harnesses)
a05|automotive|industrial|29.20|Vorsino|260|ООО «Ворсинский кузовной завод»|Vorsino Body Works LLC
a06|automotive|industrial|29.20|Maloyaroslavets|140|ООО «Калужский прицеп»|Kaluga Trailer LLC
a07|automotive|industrial|22.19|Kaluga|120|ООО «Резинотехника-Калуга»|Rezinotekhnika-Kaluga LLC (seals and hoses)
a08|automotive|industrial|22.29|Obninsk|90|ООО «Полимер-Деталь»|Polimer-Detal LLC (plastic parts)
a09|automotive|industrial|24.51|Lyudinovo|240|ООО «Людиновский чугунолитейный завод»|Lyudinovo Iron Foundry LLC
a10|automotive|industrial|24.53|Kaluga|330|ООО «Алюмлит»|Alumlit LLC (aluminium castings)
a11|automotive|industrial|25.61|Kaluga|60|ООО «Гальванотехника»|Galvanotekhnika LLC (metal coating)
a12|automotive|industrial|25.62|Maloyaroslavets|75|ООО «Прецизион-Мех»|Precision-Mekh LLC (machining)
a13|automotive|industrial|25.94|Kondrovo|110|ООО «Калужский крепёж»|Kaluga Fasteners LLC
a14|automotive|industrial|27.20|Kaluga|150|ООО «АккумТех»|AkkumTekh LLC (batteries)
a15|automotive|industrial|27.40|Obninsk|85|ООО «Автосвет-Калуга»|Avtosvet-Kaluga LLC (vehicle lighting)
a16|automotive|industrial|28.15|Kaluga|130|ООО «Привод-Комплект»|Privod-Komplekt LLC (gears and drives)
a17|automotive|industrial|13.96|Kirov|95|ООО «Автотекстиль»|Avtotekstil LLC (technical textiles)
a18|automotive|industrial|20.30|Kaluga|70|ООО «Калужские лакокрасочные материалы»|Kaluga Coatings LLC
a19|automotive|infrastructure|52.29|Vorsino|180|ООО «Фрейт-Логистик Ворсино»|Freight Logistics Vorsino LLC
a20|automotive|infrastructure|71.20|Kaluga|45|ООО «Автоиспытательный центр «Калуга»»|Kaluga Automotive Test Centre LLC
a21|automotive|industrial|25.50|Grabtsevo|160|ООО «Грабцевский металлосервис»|Grabtsevo Metal Service LLC
a22|automotive|industrial|22.29|Rosva|210|ООО «Калуга Автопластик»|Kaluga Avtoplastik LLC
a23|automotive|industrial|29.32|Kaluga|190|ООО «Калужский завод автокомпонентов»|Kaluga Auto Components Plant LLC
a24|automotive|industrial|29.31|Sukhinichi|220|ООО «Электрожгут-Сухиничи»|Elektrozhgut-Sukhinichi LLC
a25|automotive|industrial|29.32|Kaluga|55|ООО «Калужский завод фильтров»|Kaluga Filter Plant LLC
a26|automotive|industrial|25.62|Borovsk|65|ООО «Боровский механический завод»|Borovsk Mechanical Works LLC
a27|automotive|industrial|29.32|Zhukov|85|ООО «Тормозные системы Калуга»|Kaluga Brake Systems LLC
a28|automotive|industrial|22.19|Kozelsk|70|ООО «Козельские уплотнители»|Kozelsk Seals LLC
a29|automotive|specialised|70.22|Kaluga|12|АНО «Центр кластерного развития «Калужский автокластер»»|Kaluga Automotive Cluster Development Centre (ANO)
c01|composites|industrial|22.29|Obninsk|280|ООО «Обнинский композит»|Obninsk Composite LLC
c02|composites|industrial|23.14|Obninsk|160|ООО «Стеклопластик-Обнинск»|Stekloplastik-Obninsk LLC (glass fibre)
c03|composites|industrial|23.99|Obninsk|120|ООО «Углерод-Про»|Uglerod-Pro LLC (carbon products)
c04|composites|industrial|20.16|Kaluga|140|ООО «Калужские смолы»|Kaluga Resins LLC
c05|composites|industrial|22.21|Kaluga|310|ООО «Композитные трубы»|Composite Pipes LLC
c06|composites|industrial|20.60|Kozelsk|90|ООО «Поливолокно»|Polivolokno LLC (man-made fibres)
c07|composites|industrial|13.96|Obninsk|75|ООО «Техноткань»|Tekhnotkan LLC (technical fabrics)
c08|composites|industrial|20.59|Borovsk|55|ООО «Клеевые системы»|Adhesive Systems LLC
c09|composites|industrial|28.96|Kaluga|60|ООО «Формовочные машины»|Moulding Machines LLC
c10|composites|industrial|30.30|Obninsk|230|ООО «Обнинские авиационные агрегаты»|Obninsk Aero Assemblies LLC
c11|composites|industrial|20.16|Kaluga|65|ООО «Препрег-Калуга»|Prepreg-Kaluga LLC
c12|composites|industrial|22.21|Zhukov|80|ООО «Профиль-Композит»|Profil-Kompozit LLC
c13|composites|infrastructure|72.19|Obninsk|40|ООО «Центр композитных технологий»|Composite Technologies Centre LLC
c14|composites|industrial|23.99|Ferzikovo|70|ООО «Базальтовое волокно»|Basalt Fibre LLC
c15|composites|industrial|20.59|Obninsk|50|ООО «Обнинская химическая компания»|Obninsk Chemical Company LLC
c16|composites|specialised|70.22|Obninsk|8|АНО «Центр развития композитного кластера»|Composites Cluster Development Centre (ANO)
r01|rail|industrial|24.52|Lyudinovo|520|ООО «Людиновский сталелитейный завод»|Lyudinovo Steel Foundry LLC
r02|rail|industrial|27.11|Kaluga|450|ООО «Тяговые машины»|Traction Machines LLC
r03|rail|industrial|28.12|Kaluga|230|ООО «Гидропривод-Калуга»|Gidroprivod-Kaluga LLC (hydraulic drives)
r04|rail|industrial|28.15|Lyudinovo|120|ООО «Редуктор-Людиново»|Reduktor-Lyudinovo LLC (gearboxes)
r05|rail|industrial|28.11|Kaluga|180|ООО «Дизельные системы»|Diesel Systems LLC
r06|rail|industrial|27.12|Kaluga|160|ООО «Электроаппарат-Калуга»|Elektroapparat-Kaluga LLC
r07|rail|industrial|26.51|Kaluga|90|ООО «Путевые приборы»|Track Instruments LLC
r08|rail|industrial|33.17|Lyudinovo|210|ООО «Ремонт подвижного состава»|Rolling Stock Repair LLC
r09|rail|industrial|25.62|Sukhinichi|140|ООО «Сухиничский механический завод»|Sukhinichi Mechanical Works LLC
r10|rail|industrial|25.50|Kirov|110|ООО «Кировская поковка»|Kirov Forgings LLC
r11|rail|industrial|30.20|Kaluga|350|ООО «Локомотивные компоненты»|Locomotive Components LLC
r12|rail|industrial|30.20|Kaluga|170|ООО «Путьмаш-Комплект»|Putmash-Komplekt LLC
r13|rail|industrial|33.17|Kaluga|95|ООО «Вагонсервис-Калуга»|Vagonservis-Kaluga LLC
r14|rail|industrial|25.62|Lyudinovo|85|ООО «Людиновская механика»|Lyudinovo Mechanics LLC
r15|rail|industrial|26.51|Obninsk|45|ООО «Сигнал-Транс»|Signal-Trans LLC
r16|rail|specialised|70.22|Lyudinovo|6|АНО «Центр кластерного развития железнодорожного машиностроения»|Rail Engineering Cluster Development Centre (ANO)
r17|rail|infrastructure|85.21|Lyudinovo|80|АНО ПО «Людиновский колледж машиностроения»|Lyudinovo Engineering College (ANO)
e01|electronics|industrial|26.11|Kaluga|180|ООО «Калужская электроника»|Kaluga Electronics LLC
e02|electronics|industrial|26.12|Obninsk|140|ООО «Печатные платы Обнинска»|Obninsk Printed Boards LLC
e03|electronics|industrial|26.12|Kaluga|320|ООО «Монтаж-Электроникс»|Montazh-Electronics LLC (contract PCB assembly)
e04|electronics|industrial|26.20|Obninsk|300|ООО «Обнинские вычислительные системы»|Obninsk Computing Systems LLC
e05|electronics|industrial|26.30|Kaluga|210|ООО «Связьприбор-Калуга»|Svyazpribor-Kaluga LLC
e06|electronics|industrial|26.40|Vorsino|160|ООО «Медиатех»|Mediatekh LLC (consumer electronics)
e07|electronics|industrial|26.51|Kaluga|380|ООО «Калужский приборный завод»|Kaluga Instrument Plant LLC
e08|electronics|industrial|27.32|Kaluga|150|ООО «Кабель-Калуга»|Kabel-Kaluga LLC
e09|electronics|industrial|27.90|Obninsk|120|ООО «Силовая электроника»|Power Electronics LLC
e10|electronics|industrial|22.29|Maloyaroslavets|90|ООО «Корпус-Пласт»|Korpus-Plast LLC (plastic housings)
e11|electronics|industrial|25.99|Kaluga|110|ООО «Металлокорпус»|Metallokorpus LLC (metal enclosures)
e12|electronics|infrastructure|62.01|Obninsk|70|ООО «Встраиваемые системы»|Embedded Systems LLC
e13|electronics|infrastructure|95.11|Kaluga|35|ООО «Сервис-ЭВМ»|Servis-EVM LLC
e14|electronics|industrial|26.51|Obninsk|85|ООО «Обнинский датчик»|Obninsk Sensor LLC
e15|electronics|industrial|27.11|Kaluga|100|ООО «Трансформатор-Калуга»|Transformator-Kaluga LLC
e16|electronics|industrial|26.11|Obninsk|60|ООО «Калужские микросистемы»|Kaluga Microsystems LLC
e17|electronics|specialised|70.22|Obninsk|7|АНО «Центр кластерного развития электроники»|Electronics Cluster Development Centre (ANO)
p01|pharma|industrial|21.10|Obninsk|260|ООО «Обнинская субстанция»|Obninsk Substance LLC (APIs)
p02|pharma|industrial|21.10|Kaluga|180|ООО «Калуга Биосинтез»|Kaluga Biosintez LLC
p03|pharma|industrial|22.22|Vorsino|130|ООО «Фармупак»|Farmupak LLC (plastic packaging)
p04|pharma|industrial|23.13|Kirov|210|ООО «Ампула-Стекло»|Ampula-Steklo LLC (glass ampoules and vials)
p05|pharma|industrial|17.21|Kaluga|160|ООО «Картонтара-Калуга»|Kartontara-Kaluga LLC (cartons)
p06|pharma|industrial|20.59|Obninsk|60|ООО «Фармреактив»|Farmreaktiv LLC (reagents)
p07|pharma|industrial|20.14|Kaluga|90|ООО «Оргсинтез-Калуга»|Orgsintez-Kaluga LLC
p08|pharma|industrial|20.13|Ferzikovo|70|ООО «Калужские неорганические реактивы»|Kaluga Inorganic Reagents LLC
p09|pharma|industrial|28.29|Kaluga|110|ООО «Фармоборудование»|Farmoborudovanie LLC (process equipment)
p10|pharma|industrial|32.50|Obninsk|140|ООО «Медприбор-Обнинск»|Medpribor-Obninsk LLC
p11|pharma|industrial|26.60|Obninsk|95|ООО «Радиомед»|Radiomed LLC
p12|pharma|infrastructure|72.11|Obninsk|55|ООО «Биотех-Исследования»|Biotech Research LLC
p13|pharma|infrastructure|72.19|Obninsk|80|ООО «Контрактные исследования»|Contract Research LLC (CRO)
p14|pharma|infrastructure|71.20|Kaluga|40|ООО «Фарм-Тест»|Farm-Test LLC (QC laboratory)
p15|pharma|infrastructure|46.46|Kaluga|120|ООО «Фармдистрибуция-Калуга»|Farmdistributsiya-Kaluga LLC
p16|pharma|industrial|21.20.1|Kaluga|240|ООО «Калужские дженерики»|Kaluga Generics LLC
p17|pharma|industrial|21.20|Vorsino|300|ООО «Ворсинская фармацевтическая компания»|Vorsino Pharmaceutical Company LLC
p18|pharma|specialised|70.22|Obninsk|9|АНО «Центр кластерного развития фармацевтики»|Pharmaceutical Cluster Development Centre (ANO)
o01||industrial|10.51|Kaluga|420|ООО «Калужский молочный комбинат»|Kaluga Dairy Plant LLC
o02||industrial|10.11|Kozelsk|260|ООО «Козельский мясокомбинат»|Kozelsk Meat Plant LLC
o03||industrial|10.71|Meshchovsk|90|ООО «Мещовский хлебозавод»|Meshchovsk Bakery LLC
o04||industrial|10.51|Yukhnov|70|ООО «Юхновские сыры»|Yukhnov Cheese LLC
o05||industrial|10.12|Babynino|380|ООО «Бабынинская птицефабрика»|Babynino Poultry Farm LLC
o06||industrial|11.05|Kaluga|60|ООО «Пивоварня «Ока»»|Oka Brewery LLC
o07||industrial|16.10|Spas-Demensk|120|ООО «Спас-Деменский лесозавод»|Spas-Demensk Sawmill LLC
o08||industrial|16.23|Duminichi|80|ООО «Думиничская деревообработка»|Duminichi Woodworking LLC
o09||industrial|16.10|Zhizdra|95|ООО «Жиздринский лесопильный завод»|Zhizdra Sawmill LLC
o10||industrial|16.10|Khvastovichi|60|ООО «Хвастовичский лес»|Khvastovichi Timber LLC
o11||industrial|23.32|Ferzikovo|140|ООО «Ферзиковский кирпичный завод»|Ferzikovo Brickworks LLC
o12||industrial|23.63|Kaluga|110|ООО «Калужский бетон»|Kaluga Concrete LLC
o13||industrial|23.61|Medyn|85|ООО «ЖБИ-Медынь»|ZhBI-Medyn LLC (precast concrete)
o14||industrial|25.11|Mosalsk|100|ООО «Мосальские металлоконструкции»|Mosalsk Steel Structures LLC
o15||industrial|25.99|Baryatino|45|ООО «Барятинские металлоизделия»|Baryatino Metalware LLC
o16||industrial|28.13|Kaluga|230|ООО «Калужский насосный завод»|Kaluga Pump Plant LLC
o17||industrial|28.30|Ulyanovo|120|ООО «Агромаш-Ульяново»|Agromash-Ulyanovo LLC
o18||industrial|28.41|Betlitsa|75|ООО «Бетлицкий станкозавод»|Betlitsa Machine Tool Works LLC
o19||industrial|31.09|Kondrovo|130|ООО «Мебель-Кондрово»|Mebel-Kondrovo LLC
o20||industrial|17.12|Kondrovo|260|ООО «Бумажная фабрика «Угра»»|Ugra Paper Mill LLC
o21||industrial|14.13|Kaluga|110|ООО «Швейная фабрика «Калужанка»»|Kaluzhanka Garment Factory LLC
o22||industrial|33.12|Kaluga|90|ООО «Промремонт-Калуга»|Promremont-Kaluga LLC
o23||industrial|10.71|Tarusa|40|ООО «Тарусская пекарня»|Tarusa Bakery LLC
o24||industrial|16.23|Peremyshl|50|ООО «Перемышльский деревянный дом»|Peremyshl Timber Houses LLC
o25||industrial|23.61|Iznoski|35|ООО «Износковский завод ЖБИ»|Iznoski Precast Concrete LLC
o26||industrial|25.62|Babynino|55|ООО «Бабынинский механический цех»|Babynino Machining LLC
i01||infrastructure|68.20|Obninsk|25|АО «Технопарк «Обнинск-Инновации»»|Obninsk Innovations Technopark JSC
i02||infrastructure|85.22|Kaluga|60|АНО ВО «Калужский инженерный университет»|Kaluga Engineering University (ANO)
i03||infrastructure|71.20|Kaluga|35|ООО «Испытательная лаборатория «КалугаТест»»|KalugaTest Testing Laboratory LLC
i04||infrastructure|71.20|Obninsk|30|ООО «Центр сертификации и метрологии»|Certification and Metrology Centre LLC
i05||infrastructure|68.20|Kaluga|20|АО «Индустриальный парк «Калуга-Север»»|Kaluga-North Industrial Park JSC
i06||infrastructure|72.19|Kaluga|45|ООО «Центр инжиниринга и прототипирования»|Engineering and Prototyping Centre LLC
"""

#: Members deliberately without any supply link (for the registry's "≤ 3 without links" check):
#: composites has 4 and so fails it; specialised organisations never have links.
UNLINKED = {
    "automotive": ["a25", "a27"],
    "composites": ["c06", "c12", "c14", "c15"],
    "rail": ["r15"],
    "electronics": ["e13", "e16"],
    "pharma": ["p11", "astrapharm", "bpharm"],
}

#: Illustrative firms founded after 2016 (their yearly rows start then); all others 1992–2015.
YOUNG_FIRMS = {
    "a28": 2018,
    "c12": 2019,
    "c15": 2021,
    "e16": 2020,
    "e13": 2017,
    "r15": 2019,
    "o06": 2017,
    "i06": 2020,
    "p11": 2018,
}

#: Real enterprises: headcount 2016–2023 (illustrative paths through the reference's anchors),
#: revenue per employee in 2019 (mln ₽), utilisation 2016–2023, purchase / export shares.
_AUTO_UTIL = [0.88, 0.94, 1.0, 1.0, 0.9, 1.0]
REAL_PROFILE: dict[str, dict] = {
    "vw": dict(
        emp=[4300, 4400, 4500, 4200, 4000, 4100, 2900, 1400],
        rpe=24,
        util=_AUTO_UTIL + [0.3, 0.05],
        purch=0.80,
        exp=0.06,
    ),
    "psma": dict(
        emp=[1400, 1450, 1550, 1700, 1650, 1800, 1100, 600],
        rpe=20,
        util=[0.8, 0.9, 1.0, 1.0, 0.85, 1.0, 0.25, 0.1],
        purch=0.80,
        exp=0.03,
    ),
    "volvo": dict(
        emp=[1000, 1050, 1100, 1100, 1000, 1100, 650, 420],
        rpe=23,
        util=[0.7, 0.9, 1.0, 1.0, 0.9, 1.0, 0.4, 0.3],
        purch=0.80,
        exp=0.08,
    ),
    "continental": dict(
        emp=[900, 950, 1000, 1020, 980, 1050, 880, 900],
        rpe=12,
        util=[0.9, 0.95, 1.0, 1.0, 0.9, 1.0, 0.7, 0.85],
        purch=0.62,
        exp=0.12,
    ),
    "magna": dict(
        emp=[650, 680, 700, 700, 650, 680, 420, 300], rpe=10, util=_AUTO_UTIL + [0.55, 0.5], purch=0.68, exp=0.0
    ),
    "yapp": dict(
        emp=[160, 170, 180, 180, 170, 175, 120, 100], rpe=11, util=_AUTO_UTIL + [0.55, 0.5], purch=0.68, exp=0.0
    ),
    "fuyao": dict(
        emp=[520, 560, 600, 600, 580, 620, 560, 600],
        rpe=9,
        util=[0.9, 0.95, 1.0, 1.0, 0.92, 1.0, 0.8, 0.9],
        purch=0.6,
        exp=0.05,
    ),
    "faurecia": dict(
        emp=[650, 680, 700, 700, 650, 680, 380, 200], rpe=12, util=_AUTO_UTIL + [0.45, 0.3], purch=0.7, exp=0.02
    ),
    "lear": dict(
        emp=[450, 480, 500, 500, 470, 480, 240, 140], rpe=12, util=_AUTO_UTIL + [0.45, 0.3], purch=0.7, exp=0.0
    ),
    "pelzer": dict(
        emp=[260, 280, 300, 300, 280, 290, 200, 180], rpe=8, util=_AUTO_UTIL + [0.6, 0.6], purch=0.65, exp=0.0
    ),
    "samsung": dict(
        emp=[1100, 1100, 1120, 1150, 1100, 1150, 800, 600],
        rpe=24,
        util=[0.9, 0.95, 1.0, 1.0, 1.0, 1.0, 0.5, 0.4],
        purch=0.85,
        exp=0.25,
    ),
    "kraftway": dict(emp=[350, 360, 380, 400, 430, 470, 540, 600], rpe=11, purch=0.7, exp=0.01),
    "kemz": dict(emp=[1900, 1950, 2000, 2000, 2050, 2100, 2250, 2400], rpe=5.5, purch=0.45, exp=0.02),
    "typhoon": dict(emp=[1350, 1400, 1450, 1500, 1550, 1600, 1750, 1900], rpe=5, purch=0.5, exp=0.01),
    "kniitmu": dict(emp=[850, 860, 880, 900, 910, 930, 980, 1050], rpe=5, purch=0.45, exp=0.0),
    "ltz": dict(emp=[2200, 2250, 2300, 2300, 2250, 2300, 2350, 2400], rpe=7, purch=0.6, exp=0.08),
    "kalugaputmash": dict(emp=[1200, 1250, 1300, 1300, 1280, 1300, 1350, 1400], rpe=8, purch=0.6, exp=0.05),
    "remputmash": dict(emp=[850, 870, 880, 900, 890, 900, 920, 950], rpe=6, purch=0.55, exp=0.0),
    "kalugatransmash": dict(emp=[650, 660, 680, 700, 690, 700, 720, 740], rpe=5.5, purch=0.55, exp=0.02),
    "ktz": dict(emp=[1550, 1580, 1600, 1600, 1570, 1580, 1620, 1650], rpe=5, purch=0.5, exp=0.07),
    "onpp": dict(emp=[2900, 2950, 3000, 3100, 3150, 3200, 3350, 3500], rpe=6, purch=0.45, exp=0.03),
    "novonordisk": dict(emp=[260, 280, 290, 300, 300, 310, 320, 330], rpe=17, purch=0.6, exp=0.05),
    "astrazeneca": dict(emp=[200, 215, 225, 230, 240, 245, 250, 255], rpe=19, purch=0.55, exp=0.05),
    "berlinchemie": dict(emp=[170, 180, 190, 200, 205, 210, 215, 220], rpe=16, purch=0.55, exp=0.04),
    "hemofarm": dict(emp=[420, 430, 440, 450, 460, 470, 480, 490], rpe=10, purch=0.55, exp=0.05),
    "niarmedic": dict(emp=[300, 310, 330, 350, 380, 390, 400, 410], rpe=9, purch=0.5, exp=0.0),
    "sfera": dict(emp=[180, 200, 230, 250, 260, 270, 280, 290], rpe=8, purch=0.55, exp=0.0),
    "astrapharm": dict(emp=[None] * 6 + [8, 20], rpe=0, purch=0.0, exp=0.0, inv=[None] * 6 + [150, 250]),
    "bpharm": dict(emp=[None] * 6 + [25, 60], rpe=0, purch=0.0, exp=0.0, inv=[None] * 6 + [900, 1600]),
    "airko": dict(emp=[45, 48, 50, 52, 55, 55, 58, 60], rpe=2.5, purch=0.25, exp=0.0),
}

#: Producer-price index (2019 = 1), illustrative.
PRICE = np.array([0.86, 0.90, 0.95, 1.00, 1.04, 1.14, 1.30, 1.40])

#: Headcount and utilisation paths of illustrative firms by cluster (2019 = 1).
CLUSTER_EMP = {
    "automotive": [0.92, 0.96, 1.0, 1.0, 0.95, 0.98, 0.82, 0.75],
    "composites": [0.91, 0.94, 0.97, 1.0, 1.02, 1.05, 1.09, 1.13],
    "rail": [0.94, 0.96, 0.98, 1.0, 1.0, 1.02, 1.04, 1.07],
    "electronics": [0.94, 0.96, 0.98, 1.0, 1.02, 1.04, 1.10, 1.17],
    "pharma": [0.86, 0.90, 0.95, 1.0, 1.04, 1.08, 1.13, 1.18],
    "": [0.97, 0.98, 0.99, 1.0, 0.98, 1.0, 1.01, 1.02],
}
CLUSTER_UTIL = {
    "automotive": [0.88, 0.94, 1.0, 1.0, 0.9, 1.0, 0.7, 0.65],
    "composites": [0.95, 0.97, 1.0, 1.0, 0.97, 1.0, 1.03, 1.06],
    "rail": [0.95, 0.97, 1.0, 1.0, 0.98, 1.0, 1.02, 1.04],
    "electronics": [0.95, 0.97, 1.0, 1.0, 1.0, 1.02, 1.05, 1.08],
    "pharma": [0.85, 0.9, 0.95, 1.0, 1.08, 1.12, 1.18, 1.25],
    "": [0.97, 0.98, 1.0, 1.0, 0.95, 1.0, 1.0, 1.02],
}
PHARMA_UTIL = CLUSTER_UTIL["pharma"]

#: Revenue per employee in 2019 (mln ₽) of illustrative firms by OKVED division (services by section).
RPE_BY_DIVISION = {
    "10": 7,
    "11": 6,
    "13": 3.5,
    "14": 2.5,
    "16": 4,
    "17": 8,
    "20": 8,
    "21": 9,
    "22": 7,
    "23": 6,
    "24": 7,
    "25": 5,
    "26": 6,
    "27": 6,
    "28": 5,
    "29": 9,
    "30": 7,
    "31": 3.5,
    "32": 5,
    "33": 4,
}
PURCHASE_BY_DIVISION = {"29": 0.70, "21": 0.5, "26": 0.62, "30": 0.6}


def _parse_illustrative() -> pd.DataFrame:
    rows = [line.split("|") for line in ILLUSTRATIVE_FIRMS.strip().splitlines()]
    frame = pd.DataFrame(rows, columns=["key", "cluster", "kind", "okved", "town", "emp", "name_ru", "name_en"])
    frame["emp"] = frame["emp"].astype(int)
    assert frame["key"].is_unique
    return frame


def enterprises(facts: Path, munis: pd.DataFrame) -> pd.DataFrame:
    """All enterprises (real from the facts, illustrative from :data:`ILLUSTRATIVE_FIRMS`)."""
    by_centre = munis.set_index("admin_centre_en")
    by_name = munis.set_index("name_en")

    real = read_fact("kaluga_enterprises.csv", facts)
    recs = []
    for i, row in real.iterrows():
        rng = _rng("geo:" + row["key"])
        muni = by_name.loc[row["municipality_en"]]
        if row["site_lat"]:
            lat = float(row["site_lat"]) + rng.normal(0, 0.002)
            lon = float(row["site_lon"]) + rng.normal(0, 0.003)
        else:
            lat = muni["lat"] + rng.normal(0, 0.008)
            lon = muni["lon"] + rng.normal(0, 0.012)
        inn = row["inn_known"] or inn_check(f"40990{i + 1:04d}")
        source = row["source_url"]
        if row["inn_known"]:
            source = f"INN {inn} as given in the reference (checksum valid); " + source
        else:
            source = "INN placeholder (real INN not in the reference); " + source
        recs.append(
            {
                "key": row["key"],
                "inn": inn,
                "ogrn": None,
                "name_ru": row["name_ru"],
                "name_en": row["name_en"],
                "okved": row["okved"],
                "region_code": KALUGA,
                "oktmo": muni["oktmo"],
                "lat": lat,
                "lon": lon,
                "is_sme": False,
                "founded": int(row["founded"]) if row["founded"] else None,
                "kind": row["kind"],
                "cluster_hint": row["cluster"] or None,
                "data_status": row["data_status"],
                "source": source,
            }
        )

    blocks = {"a": "1", "c": "2", "r": "3", "e": "4", "p": "5", "o": "6", "i": "7"}
    for _, row in _parse_illustrative().iterrows():
        rng = _rng("geo:" + row["key"])
        if row["town"] in SITES:
            _, lat0, lon0 = SITES[row["town"]]
            lat = lat0 + rng.normal(0, 0.003)
            lon = lon0 + rng.normal(0, 0.005)
            oktmo = by_centre.loc[SITES[row["town"]][0], "oktmo"]
        else:
            muni = by_centre.loc[row["town"]]
            spread = 0.02 if muni["kind"] == "urban_okrug" else 0.012
            lat = muni["lat"] + rng.normal(0, spread * 0.6)
            lon = muni["lon"] + rng.normal(0, spread)
            oktmo = muni["oktmo"]
        serial = blocks[row["key"][0]] + "0" + f"{int(row['key'][1:]):03d}"
        inn = inn_check("4099" + serial)
        frng = _rng("founded:" + row["key"])
        founded = YOUNG_FIRMS.get(row["key"], int(frng.integers(1992, 2016)))
        ogrn = ogrn_check(f"1{max(founded, 2002) % 100:02d}4099" + inn[4:9])
        recs.append(
            {
                "key": row["key"],
                "inn": inn,
                "ogrn": ogrn,
                "name_ru": row["name_ru"] + " (демо)",
                "name_en": row["name_en"] + " (demo)",
                "okved": row["okved"],
                "region_code": KALUGA,
                "oktmo": oktmo,
                "lat": lat,
                "lon": lon,
                "is_sme": False,
                "founded": founded,
                "kind": row["kind"],
                "cluster_hint": row["cluster"] or None,
                "data_status": ILLUSTRATIVE,
                "source": "illustrative demo enterprise (invented name, INN and OGRN)",
            }
        )
    frame = pd.DataFrame(recs)
    frame["founded"] = frame["founded"].astype("Int64")
    assert frame["inn"].is_unique, frame.loc[frame["inn"].duplicated(), "key"]
    return frame


# --------------------------------------------------------------------------------------------------
# Enterprise years
# --------------------------------------------------------------------------------------------------


def enterprise_years(ent: pd.DataFrame) -> pd.DataFrame:
    """Yearly figures 2016–2023 of every enterprise (illustrative; anchored for the real ones)."""
    illustrative = _parse_illustrative().set_index("key")
    rows = []
    for _, firm in ent.iterrows():
        key = firm["key"]
        rng = _rng("years:" + key)
        div = firm["okved"].split(".")[0]
        founded = firm["founded"] if pd.notna(firm["founded"]) else 1900
        if key in REAL_PROFILE:
            prof = REAL_PROFILE[key]
            emp = np.array([np.nan if v is None else v for v in prof["emp"]], dtype=float)
            if firm["cluster_hint"] == "pharma":
                util = np.array(prof.get("util", PHARMA_UTIL), dtype=float)
            else:
                util = np.array(prof.get("util", [0.95, 0.97, 1.0, 1.0, 0.98, 1.0, 1.03, 1.06]), dtype=float)
            rpe, purch, exp = prof["rpe"], prof["purch"], prof["exp"]
            foreign = key in {
                "vw",
                "psma",
                "volvo",
                "continental",
                "magna",
                "yapp",
                "fuyao",
                "faurecia",
                "lear",
                "pelzer",
                "samsung",
                "novonordisk",
                "astrazeneca",
                "berlinchemie",
                "hemofarm",
            }
            inv_share = 0.04
        else:
            info = illustrative.loc[key]
            cluster = info["cluster"]
            noise = np.exp(rng.normal(0, 0.035, len(YEARS)))
            emp = info["emp"] * np.array(CLUSTER_EMP[cluster]) * noise
            util = np.array(CLUSTER_UTIL[cluster]) * np.exp(rng.normal(0, 0.04, len(YEARS)))
            if firm["kind"] == "specialised":
                rpe, purch = 2.0, 0.25
            elif firm["kind"] == "infrastructure":
                rpe, purch = 3.0 * np.exp(rng.normal(0, 0.2)), 0.35
            else:
                rpe = RPE_BY_DIVISION.get(div, 5) * np.exp(rng.normal(0, 0.2))
                purch = PURCHASE_BY_DIVISION.get(div, 0.6) + rng.uniform(-0.05, 0.05)
            exp = float(rng.choice([0.0, 0.0, 0.0, 0.02, 0.05])) if firm["kind"] == "industrial" else 0.0
            foreign = False
            inv_share = rng.uniform(0.02, 0.06)
        years = np.array(YEARS)
        active = years >= founded
        first = years == founded
        emp = np.where(active, emp, np.nan)
        emp = np.where(first & (founded > 2016), emp * 0.5, emp)
        revenue = emp * rpe * util * PRICE
        purchases = revenue * purch * np.exp(rng.normal(0, 0.02, len(YEARS)))
        export_path = np.full(len(YEARS), exp)
        if foreign:
            export_path[6:] *= 0.4
        exports = revenue * export_path
        investment = revenue * inv_share * np.exp(rng.normal(0, 0.3, len(YEARS)))
        if key in REAL_PROFILE and "inv" in REAL_PROFILE[key]:
            investment = np.array([np.nan if v is None else v for v in REAL_PROFILE[key]["inv"]], dtype=float)
        for j, year in enumerate(YEARS):
            if np.isnan(emp[j]):
                continue
            rows.append(
                {
                    "inn": firm["inn"],
                    "year": year,
                    "employees": int(round(emp[j])),
                    "revenue_mln_rub": round(float(revenue[j]), 1),
                    "purchases_mln_rub": round(float(purchases[j]), 1),
                    "exports_mln_rub": round(float(exports[j]), 1),
                    "investment_mln_rub": round(float(investment[j]), 1),
                    "data_status": ILLUSTRATIVE,
                }
            )
    return pd.DataFrame(rows)


def sme_flags(ent: pd.DataFrame, years_frame: pd.DataFrame) -> pd.Series:
    """SME by the Russian thresholds (≤ 250 persons, revenue ≤ 2 bn ₽) on the latest year.

    Real enterprises stay FALSE (ownership and the SME register were not checked); non-profit
    organisations (АНО) are never SMEs here.
    """
    last = years_frame.sort_values("year").groupby("inn").tail(1).set_index("inn")
    emp = ent["inn"].map(last["employees"])
    rev = ent["inn"].map(last["revenue_mln_rub"])
    small = (emp <= 250) & (rev <= 2000)
    return (small & (ent["data_status"] == ILLUSTRATIVE) & ~ent["name_ru"].str.startswith("АНО")).astype(bool)


# --------------------------------------------------------------------------------------------------
# Supply links
# --------------------------------------------------------------------------------------------------

#: Target functional dependence by cluster, 2016–2023 (share of core members' purchases bought from
#: other members).
DEPENDENCE_TARGET = {
    "automotive": [0.158, 0.171, 0.186, 0.203, 0.211, 0.224, 0.183, 0.166],
    "composites": [0.117, 0.128, 0.139, 0.147, 0.158, 0.166, 0.178, 0.184],
    "rail": [0.216, 0.232, 0.241, 0.254, 0.259, 0.268, 0.281, 0.287],
    "electronics": [0.088, 0.097, 0.108, 0.117, 0.123, 0.131, 0.146, 0.157],
    "pharma": [0.048, 0.053, 0.057, 0.063, 0.069, 0.076, 0.087, 0.094],
}

#: Links outside a cluster's own membership: (supplier key, buyer key, share of buyer's purchases).
CROSS_LINKS = [
    ("e08", "a04", 0.08),  # cables for wiring harnesses (electronics → automotive)
    ("e08", "a24", 0.06),
    ("e10", "a15", 0.05),  # plastic housings for lamps
    ("onpp", "ltz", 0.004),  # composite cab parts (composites → rail)
    ("c01", "r11", 0.03),
    ("typhoon", "ltz", 0.006),  # power supplies (electronics → rail)
    ("kemz", "kalugaputmash", 0.005),
    ("a14", "ltz", 0.003),  # batteries (automotive → rail)
    ("o22", "ktz", 0.01),  # machinery repair (no cluster → rail)
    ("o16", "ktz", 0.008),
    ("o20", "p05", 0.30),  # paper for cartons (no cluster → pharma)
    ("p05", "samsung", 0.002),  # cartons for TVs (pharma → electronics)
    ("o14", "ltz", 0.004),  # steel structures
    ("i03", "kemz", 0.004),  # testing services
    ("i06", "e04", 0.02),  # prototyping
]

SUPPLIER_CAP = 0.85  # a supplier sells at most this share of its revenue to cluster members


def _core_codes(templates: pd.DataFrame) -> dict[str, list[str]]:
    core = templates[templates["role"] == "core"]
    return {c: sorted(g["okved"]) for c, g in core.groupby("cluster_id")}


def _matches(okved: str, codes: list[str]) -> bool:
    return any(okved == c or okved.startswith(c + ".") for c in codes)


def supply_links(ent: pd.DataFrame, years_frame: pd.DataFrame, templates: pd.DataFrame) -> pd.DataFrame:
    """Links between Kaluga enterprises, scaled to :data:`DEPENDENCE_TARGET` (see module docstring)."""
    core_codes = _core_codes(templates)
    yr = years_frame.set_index(["inn", "year"])
    key_inn = dict(zip(ent["key"], ent["inn"]))
    unlinked = {k for keys in UNLINKED.values() for k in keys}
    frames = []
    for cluster in sorted(DEPENDENCE_TARGET):
        members = ent[
            (ent["cluster_hint"] == cluster) & (ent["kind"] != "specialised") & ~ent["key"].isin(unlinked)
        ].sort_values("key")
        is_core = members["okved"].map(lambda c: _matches(c, core_codes[cluster]))
        buyers = members[is_core & (members["kind"] == "industrial")]
        suppliers = members
        rng = _rng("links:" + cluster)
        # fixed pattern: every supplier sells to 1–3 buyers, chosen by size; every buyer gets ≥ 1 supplier
        size = buyers["inn"].map(lambda i: yr.loc[(i, 2021), "purchases_mln_rub"] if (i, 2021) in yr.index else 1.0)
        p = np.sqrt(size.to_numpy(dtype=float))
        pairs = set()
        for _, s in suppliers.iterrows():
            candidates = buyers[buyers["inn"] != s["inn"]]
            if candidates.empty:
                continue
            pc = p[buyers["inn"].to_numpy() != s["inn"]]
            k = min(len(candidates), int(rng.integers(1, 4)))
            chosen = rng.choice(len(candidates), size=k, replace=False, p=pc / pc.sum())
            for c in chosen:
                pairs.add((s["inn"], candidates["inn"].iloc[c]))
        for b in buyers["inn"]:
            if not any(pb == b for _, pb in pairs):
                others = suppliers[suppliers["inn"] != b]["inn"].to_numpy()
                pairs.add((str(rng.choice(others)), b))
        pairs = sorted(pairs)
        weight = {pair: float(rng.uniform(0.5, 1.5)) for pair in pairs}
        tilt = {b: float(rng.uniform(0.7, 1.3)) for b in buyers["inn"]}
        for j, year in enumerate(YEARS):

            def fig(inn: str, col: str) -> float:
                return float(yr.loc[(inn, year), col]) if (inn, year) in yr.index else 0.0

            active = [(s, b) for s, b in pairs if fig(s, "revenue_mln_rub") > 0 and fig(b, "purchases_mln_rub") > 0]
            if not active:
                continue
            buyer_list = sorted({b for _, b in active})
            purch = np.array([fig(b, "purchases_mln_rub") for b in buyer_list])
            all_core_purch = sum(fig(b, "purchases_mln_rub") for b in buyers["inn"])
            need_total = DEPENDENCE_TARGET[cluster][j] * all_core_purch
            want = purch * np.array([tilt[b] for b in buyer_list])
            want = want / want.sum() * need_total
            want = np.minimum(want, 0.6 * purch)
            sup_list = sorted({s for s, _ in active})
            cap = np.array([SUPPLIER_CAP * fig(s, "revenue_mln_rub") for s in sup_list])
            bi = {b: n for n, b in enumerate(buyer_list)}
            si = {s: n for n, s in enumerate(sup_list)}
            mat = np.zeros((len(sup_list), len(buyer_list)))
            for s, b in active:
                mat[si[s], bi[b]] = weight[(s, b)] * cap[si[s]]
            # fit buyer totals, then clip suppliers at capacity, a few rounds
            for _ in range(30):
                col = mat.sum(axis=0)
                mat = mat * np.where(col > 0, want / np.where(col > 0, col, 1), 0)
                row = mat.sum(axis=1)
                over = row > cap
                if not over.any():
                    break
                mat[over] *= (cap[over] / row[over])[:, None]
            for s, b in active:
                v = mat[si[s], bi[b]]
                if v > 0:
                    frames.append((s, b, year, v))
    # cross-cluster and non-member links
    for s_key, b_key, share in CROSS_LINKS:
        s, b = key_inn[s_key], key_inn[b_key]
        for year in YEARS:
            if (s, year) in yr.index and (b, year) in yr.index:
                v = share * float(yr.loc[(b, year), "purchases_mln_rub"])
                v = min(v, 0.1 * float(yr.loc[(s, year), "revenue_mln_rub"]))
                if v > 0:
                    frames.append((s, b, year, v))
    links = pd.DataFrame(frames, columns=["supplier_inn", "buyer_inn", "year", "value_mln_rub"])
    links = links.groupby(["supplier_inn", "buyer_inn", "year"], as_index=False)["value_mln_rub"].sum()
    links["value_mln_rub"] = np.floor(links["value_mln_rub"] * 10) / 10  # round down: sums stay ≤ purchases
    links = links[links["value_mln_rub"] > 0]
    links["data_status"] = ILLUSTRATIVE
    return links


def functional_dependence(
    ent: pd.DataFrame, years_frame: pd.DataFrame, links: pd.DataFrame, templates: pd.DataFrame
) -> pd.DataFrame:
    """Functional dependence by cluster and year as calibrated here (members = ``cluster_hint``)."""
    core_codes = _core_codes(templates)
    out = []
    for cluster in sorted(core_codes):
        members = ent[ent["cluster_hint"] == cluster]
        core = members[
            members["okved"].map(lambda c: _matches(c, core_codes[cluster])) & (members["kind"] == "industrial")
        ]
        inside = links[links["buyer_inn"].isin(core["inn"]) & links["supplier_inn"].isin(members["inn"])]
        num = inside.groupby("year")["value_mln_rub"].sum()
        den = years_frame[years_frame["inn"].isin(core["inn"])].groupby("year")["purchases_mln_rub"].sum()
        for year in YEARS:
            out.append(
                {"cluster_id": cluster, "year": year, "dependence": float(num.get(year, 0.0) / den.get(year, np.nan))}
            )
    return pd.DataFrame(out)


# --------------------------------------------------------------------------------------------------
# Region × sector × year
# --------------------------------------------------------------------------------------------------

DIVISIONS = [f"{d}" for d in range(10, 34)]

#: National manufacturing headcount structure, thousand persons in 2019 (illustrative, rescaled so that
#: the total of all regions is about 10 million).
NATIONAL_DIVISIONS = {
    "10": 1150,
    "11": 130,
    "12": 12,
    "13": 110,
    "14": 210,
    "15": 50,
    "16": 260,
    "17": 110,
    "18": 90,
    "19": 160,
    "20": 360,
    "21": 110,
    "22": 320,
    "23": 450,
    "24": 560,
    "25": 760,
    "26": 560,
    "27": 350,
    "28": 620,
    "29": 400,
    "30": 560,
    "31": 110,
    "32": 150,
    "33": 560,
}
RUSSIA_MANUFACTURING_2019 = 10_000_000

#: National index by division, 2016–2023 (2019 = 1): the 2022 automotive slump, pharma and defence growth.
NATIONAL_INDEX = {
    "default": [1.02, 1.01, 1.0, 1.0, 0.98, 0.99, 0.99, 1.0],
    "29": [0.95, 0.97, 1.0, 1.0, 0.95, 0.97, 0.88, 0.92],
    "21": [0.90, 0.93, 0.97, 1.0, 1.04, 1.07, 1.10, 1.13],
    "26": [0.98, 0.98, 0.99, 1.0, 1.01, 1.02, 1.06, 1.10],
    "30": [0.97, 0.98, 0.99, 1.0, 1.01, 1.02, 1.06, 1.11],
    "25": [1.0, 1.0, 1.0, 1.0, 0.99, 1.0, 1.03, 1.07],
    "14": [1.06, 1.04, 1.02, 1.0, 0.95, 0.95, 0.94, 0.93],
}

#: Kaluga location quotients in 2019 for the divisions the region is known for; other divisions share
#: the rest of the region's employment in proportion to their national weight.
KALUGA_LQ_2019 = {
    "29": 5.0,
    "21": 2.8,
    "26": 1.7,
    "30": 1.5,
    "22": 1.5,
    "27": 1.0,
    "11": 1.3,
    "23": 0.9,
    "12": 0.0,
    "19": 0.05,
}
KALUGA_MANUFACTURING_2019 = 104_000
#: Kaluga paths (2019 = 1) where they differ from the national index.
KALUGA_INDEX = {
    "29": [0.92, 0.95, 1.0, 1.0, 0.93, 0.96, 0.72, 0.66],
    "21": [0.82, 0.87, 0.93, 1.0, 1.06, 1.12, 1.18, 1.25],
    "26": [0.97, 0.98, 0.99, 1.0, 1.01, 1.03, 0.98, 1.04],
    "30": [0.95, 0.97, 0.98, 1.0, 1.01, 1.03, 1.06, 1.10],
    "22": [0.95, 0.97, 1.0, 1.0, 0.97, 1.0, 0.90, 0.90],
}

#: Industrial intensity (manufacturing jobs per inhabitant relative to Russia), illustrative.
INTENSITY = {
    "01": 0.7,
    "02": 1.1,
    "03": 0.6,
    "04": 0.2,
    "05": 0.25,
    "06": 0.15,
    "07": 0.4,
    "08": 0.2,
    "09": 0.5,
    "10": 1.2,
    "11": 0.7,
    "12": 1.1,
    "13": 1.4,
    "14": 0.3,
    "15": 0.5,
    "16": 1.3,
    "17": 0.15,
    "18": 1.6,
    "19": 0.8,
    "20": 0.2,
    "21": 1.4,
    "22": 0.9,
    "23": 0.7,
    "24": 1.0,
    "25": 0.8,
    "26": 0.7,
    "27": 0.8,
    "28": 0.5,
    "29": 1.0,
    "30": 0.6,
    "31": 1.3,
    "32": 1.1,
    "33": 1.6,
    "34": 0.9,
    "35": 1.6,
    "36": 1.0,
    "37": 1.3,
    "38": 0.9,
    "39": 1.3,
    "40": 1.35,
    "41": 0.9,
    "42": 1.0,
    "43": 1.2,
    "44": 1.3,
    "45": 1.1,
    "46": 1.0,
    "47": 1.3,
    "48": 1.6,
    "49": 0.4,
    "50": 1.2,
    "51": 0.8,
    "52": 1.5,
    "53": 1.3,
    "54": 1.0,
    "55": 1.0,
    "56": 0.9,
    "57": 1.0,
    "58": 1.2,
    "59": 1.3,
    "60": 0.9,
    "61": 1.0,
    "62": 1.1,
    "63": 1.4,
    "64": 0.8,
    "65": 0.6,
    "66": 1.4,
    "67": 1.1,
    "68": 0.8,
    "69": 1.2,
    "70": 0.9,
    "71": 1.5,
    "72": 1.0,
    "73": 1.4,
    "74": 1.5,
    "75": 0.35,
    "76": 1.6,
    "77": 0.8,
    "78": 1.2,
    "79": 0.5,
    "83": 0.2,
    "86": 0.5,
    "87": 0.15,
    "89": 0.4,
    "91": 0.45,
    "92": 0.5,
}

#: Known specialisations (multipliers on the national structure), illustrative.
SPECIALISATION = {
    "29": {
        "63": 7,
        "16": 3.5,
        "52": 3.5,
        "73": 3.5,
        "39": 4,
        "76": 2,
        "18": 1.6,
        "33": 1.5,
        "47": 2,
        "78": 1.6,
        "02": 1.3,
        "45": 1.6,
        "71": 1.3,
        "74": 1.3,
        "32": 1.3,
        "77": 0.5,
    },
    "30": {
        "69": 4,
        "32": 3,
        "61": 2.5,
        "29": 5,
        "25": 2.5,
        "66": 2,
        "63": 1.8,
        "16": 1.5,
        "73": 2.5,
        "38": 2,
        "27": 3,
        "39": 2,
        "51": 1.8,
        "52": 1.5,
        "36": 1.5,
        "78": 2.5,
        "50": 1.5,
        "02": 1.3,
    },
    "21": {
        "50": 2,
        "77": 1.3,
        "78": 1.8,
        "46": 2,
        "76": 2,
        "70": 1.5,
        "31": 1.5,
        "02": 1.3,
        "58": 1.5,
        "33": 1.2,
        "54": 1.2,
        "43": 1.3,
    },
    "26": {
        "77": 2.5,
        "78": 2.5,
        "50": 1.5,
        "70": 2,
        "54": 2,
        "58": 3,
        "52": 2,
        "36": 2,
        "13": 1.5,
        "62": 2,
        "69": 1.2,
        "66": 1.2,
        "76": 1.2,
        "32": 1.5,
    },
    "24": {"35": 5, "74": 5, "48": 6, "66": 4, "24": 3, "51": 3, "42": 3, "38": 2.5, "56": 2, "31": 3, "19": 4},
    "19": {
        "02": 3,
        "63": 2,
        "55": 3,
        "76": 3,
        "47": 3,
        "59": 2,
        "52": 1.5,
        "34": 2,
        "62": 2,
        "11": 3,
        "86": 3,
        "89": 2,
        "16": 2.5,
        "23": 1.5,
    },
    "20": {"16": 2.5, "02": 2, "59": 3, "53": 3, "71": 3, "42": 1.5, "35": 2, "63": 2, "52": 1.5},
    "10": {
        "31": 3,
        "23": 2,
        "46": 2,
        "36": 2,
        "48": 1.5,
        "68": 2,
        "32": 1.5,
        "22": 2,
        "61": 1.5,
        "26": 1.5,
        "39": 1.5,
        "65": 3,
        "41": 3,
        "25": 2,
        "51": 2,
    },
    "16": {"29": 4, "10": 4, "35": 3, "24": 2, "38": 3, "43": 3, "44": 4, "11": 3, "69": 1.5, "60": 1.5, "53": 2},
    "17": {"29": 4, "10": 5, "11": 3, "59": 1.5, "47": 1.5, "38": 1.5},
    "13": {"37": 10, "33": 2, "44": 3, "76": 1.5},
    "14": {"37": 4, "05": 2, "26": 1.5, "33": 1.5},
    "27": {"21": 5, "13": 4, "70": 2, "43": 2, "58": 2, "50": 1.5, "66": 1.5, "73": 1.5},
    "28": {"74": 2, "66": 1.5, "16": 1.5, "36": 1.5, "45": 2, "32": 1.5, "21": 1.5},
    "25": {"18": 3, "71": 4, "43": 2, "33": 1.5, "74": 1.5},
    "22": {"16": 2, "76": 3, "47": 2, "43": 2, "55": 1.5, "50": 1.5, "33": 1.3},
    "23": {"31": 2.5, "50": 1.5, "48": 1.5, "32": 1.5},
    "33": {"51": 4, "25": 3, "14": 2, "86": 2.5, "41": 3, "29": 2, "77": 1.5, "78": 1.5},
    "11": {"50": 1.5, "23": 1.5, "78": 1.5},
    "12": {"78": 5, "50": 2, "76": 3, "39": 3, "46": 2},
    "31": {"39": 3, "50": 1.5, "58": 2, "73": 1.5, "43": 1.5},
}

#: Divisions damped (× 0.3) in regions with industrial intensity < 0.5 unless specialised.
HEAVY_DIVISIONS = ["20", "21", "24", "26", "27", "28", "29", "30"]

#: Average establishment size (persons) by division, for the establishment counts.
ESTABLISHMENT_SIZE = {
    "10": 45,
    "11": 60,
    "12": 300,
    "13": 20,
    "14": 12,
    "15": 15,
    "16": 15,
    "17": 50,
    "18": 10,
    "19": 200,
    "20": 60,
    "21": 120,
    "22": 25,
    "23": 30,
    "24": 150,
    "25": 25,
    "26": 70,
    "27": 50,
    "28": 45,
    "29": 120,
    "30": 250,
    "31": 15,
    "32": 15,
    "33": 30,
}

#: Monthly manufacturing wage of Russia, thousand ₽ (illustrative), and relative factors.
WAGE_MONTHLY = np.array([33.0, 35.5, 39.0, 42.5, 45.5, 50.5, 57.5, 66.5])
WAGE_DIVISION = {
    "10": 0.8,
    "11": 1.0,
    "12": 1.8,
    "13": 0.6,
    "14": 0.5,
    "15": 0.6,
    "16": 0.7,
    "17": 1.0,
    "18": 0.9,
    "19": 2.2,
    "20": 1.3,
    "21": 1.5,
    "22": 0.9,
    "23": 0.95,
    "24": 1.35,
    "25": 1.0,
    "26": 1.3,
    "27": 1.0,
    "28": 1.05,
    "29": 1.1,
    "30": 1.3,
    "31": 0.7,
    "32": 0.85,
    "33": 1.1,
}
#: Revenue per employee, mln ₽ a year, by division (illustrative, of the order of Rosstat's
#: manufacturing averages: refining and metals high, clothing and wood low).
REVENUE_PER_EMPLOYEE = {
    "10": 9.0,
    "11": 14.0,
    "12": 40.0,
    "13": 4.0,
    "14": 2.5,
    "15": 3.5,
    "16": 5.0,
    "17": 10.0,
    "18": 4.5,
    "19": 120.0,
    "20": 22.0,
    "21": 14.0,
    "22": 8.0,
    "23": 7.5,
    "24": 25.0,
    "25": 5.5,
    "26": 7.0,
    "27": 7.5,
    "28": 6.0,
    "29": 16.0,
    "30": 8.0,
    "31": 4.0,
    "32": 4.5,
    "33": 3.5,
}
WAGE_DISTRICT = {
    "Центральный": 0.92,
    "Северо-Западный": 1.05,
    "Южный": 0.8,
    "Северо-Кавказский": 0.62,
    "Приволжский": 0.82,
    "Уральский": 0.98,
    "Сибирский": 0.9,
    "Дальневосточный": 1.2,
}
WAGE_REGION = {
    "77": 1.7,
    "50": 1.3,
    "78": 1.35,
    "47": 1.15,
    "51": 1.4,
    "83": 1.9,
    "11": 1.25,
    "29": 1.15,
    "72": 1.25,
    "86": 1.7,
    "89": 1.9,
    "87": 2.2,
    "49": 1.9,
    "14": 1.6,
    "41": 1.6,
    "65": 1.6,
    "40": 1.02,
    "24": 1.15,
    "16": 0.95,
    "63": 0.9,
    "59": 0.95,
    "45": 0.75,
    "22": 0.7,
    "04": 0.7,
    "79": 0.95,
    "03": 0.9,
    "75": 1.0,
}

#: Class shares within their division, Russia (illustrative), for the template classes of section C.
CLASS_SHARE = {
    "13.96": 0.15,
    "17.21": 0.35,
    "20.13": 0.06,
    "20.14": 0.15,
    "20.16": 0.12,
    "20.30": 0.08,
    "20.59": 0.10,
    "20.60": 0.03,
    "21.10": 0.15,
    "21.20": 0.80,
    "22.11": 0.18,
    "22.19": 0.12,
    "22.21": 0.15,
    "22.22": 0.15,
    "22.29": 0.30,
    "23.12": 0.03,
    "23.13": 0.06,
    "23.14": 0.02,
    "23.99": 0.06,
    "24.51": 0.06,
    "24.52": 0.05,
    "24.53": 0.03,
    "25.50": 0.06,
    "25.61": 0.05,
    "25.62": 0.15,
    "25.94": 0.03,
    "25.99": 0.12,
    "26.11": 0.15,
    "26.12": 0.05,
    "26.20": 0.08,
    "26.30": 0.25,
    "26.40": 0.04,
    "26.51": 0.30,
    "26.60": 0.03,
    "27.11": 0.18,
    "27.12": 0.20,
    "27.20": 0.05,
    "27.32": 0.10,
    "27.40": 0.07,
    "27.90": 0.15,
    "28.11": 0.08,
    "28.12": 0.05,
    "28.15": 0.06,
    "28.29": 0.12,
    "28.96": 0.02,
    "29.10": 0.45,
    "29.20": 0.08,
    "29.31": 0.10,
    "29.32": 0.35,
    "30.20": 0.25,
    "30.30": 0.45,
    "32.50": 0.30,
    "33.17": 0.12,
}
#: Regional class-share overrides (share of the division), illustrative.
CLASS_OVERRIDE = {
    ("63", "29.10"): 0.7,
    ("16", "29.10"): 0.6,
    ("52", "29.10"): 0.5,
    ("73", "29.10"): 0.6,
    ("39", "29.10"): 0.75,
    ("40", "29.10"): 0.5,
    ("40", "29.32"): 0.32,
    ("40", "26.40"): 0.15,
    ("40", "26.30"): 0.35,
    ("40", "30.20"): 0.6,
    ("40", "30.30"): 0.3,
    ("40", "21.20"): 0.85,
    ("40", "21.10"): 0.1,
    ("40", "22.11"): 0.2,
    ("40", "22.29"): 0.55,
    ("69", "30.20"): 0.8,
    ("32", "30.20"): 0.7,
    ("61", "30.20"): 0.4,
    ("29", "30.20"): 0.02,
    ("76", "22.11"): 0.45,
    ("16", "22.11"): 0.35,
    ("43", "22.11"): 0.4,
}
CLASS_SHARE_CAP = 0.9  # modelled class shares of a division sum to at most this
CLASS_CAP = 0.97  # after the Kaluga floors, class rows never sum to more than this share of the division
KALUGA_FLOOR = 1.15  # Kaluga rows ≥ this multiple of the dataset's enterprises in the code


def region_sector_years(
    regs: pd.DataFrame, facts: Path, ent: pd.DataFrame, years_frame: pd.DataFrame, class_codes: list[str]
) -> pd.DataFrame:
    """Employment, wage fund, establishments and revenue by region × manufacturing division/class × year."""
    rng = np.random.default_rng(SEED)
    pop = read_fact("regions.csv", facts).set_index("code")["population_thousands"].astype(float)
    codes = list(regs["code"])
    nr, nd, ny = len(codes), len(DIVISIONS), len(YEARS)
    base = np.array([NATIONAL_DIVISIONS[d] for d in DIVISIONS], dtype=float)
    share = base / base.sum()
    size = np.array([pop[c] * INTENSITY[c] for c in codes])
    spec = np.ones((nr, nd))
    for d, regions_ in SPECIALISATION.items():
        for r, m in regions_.items():
            spec[codes.index(r), DIVISIONS.index(d)] = m
    noise = np.exp(rng.normal(0, 0.3, (nr, nd)))
    # little heavy or high-tech industry in the least industrial regions unless specialised above
    heavy = np.isin(DIVISIONS, HEAVY_DIVISIONS)[None, :]
    weak = np.array([INTENSITY[c] < 0.5 for c in codes])[:, None]
    spec = np.where(heavy & weak & (spec == 1), 0.3, spec)
    mix = share[None, :] * spec * noise
    k = codes.index(KALUGA)
    others = np.ones(nr, dtype=bool)
    others[k] = False
    scale = (RUSSIA_MANUFACTURING_2019 - KALUGA_MANUFACTURING_2019) / size[others].sum()
    # iterative proportional fitting: each region keeps its size, Russia keeps the national structure
    for _ in range(20):
        mix = mix / mix.sum(axis=1, keepdims=True)
        col = (mix[others] * size[others, None]).sum(axis=0)
        mix = mix * (share / (col / col.sum()))[None, :]
    mix = mix / mix.sum(axis=1, keepdims=True)
    e2019 = mix * size[:, None] * scale
    # Kaluga: fixed LQs against the national structure of the other regions
    nat = e2019[others].sum(axis=0)
    nat_share = nat / nat.sum()
    kal = np.zeros(nd)
    fixed = np.zeros(nd, dtype=bool)
    for d, lq in KALUGA_LQ_2019.items():
        kal[DIVISIONS.index(d)] = lq * nat_share[DIVISIONS.index(d)]
        fixed[DIVISIONS.index(d)] = True
    rest = 1 - kal.sum()
    kal[~fixed] = nat_share[~fixed] / nat_share[~fixed].sum() * rest
    e2019[k] = kal * KALUGA_MANUFACTURING_2019
    # yearly paths: national index × regional drift (random walk anchored at 2019) × Kaluga paths
    idx = np.array([NATIONAL_INDEX.get(d, NATIONAL_INDEX["default"]) for d in DIVISIONS])  # nd × ny
    steps = rng.normal(0, 0.02, (nr, nd, ny))
    walk = np.cumsum(steps, axis=2)
    walk = walk - walk[:, :, [YEARS.index(2019)]]
    emp = e2019[:, :, None] * idx[None, :, :] * np.exp(walk)
    for d, path in KALUGA_INDEX.items():
        emp[k, DIVISIONS.index(d), :] = (
            e2019[k, DIVISIONS.index(d)] * np.array(path) * np.exp(walk[k, DIVISIONS.index(d), :] * 0.5)
        )
    emp = np.round(emp)

    # class shares
    nc = len(class_codes)
    class_div = [DIVISIONS.index(c.split(".")[0]) for c in class_codes]
    cshare = np.array([CLASS_SHARE[c] for c in class_codes])[None, :] * np.exp(rng.normal(0, 0.5, (nr, nc)))
    for (r, c), v in CLASS_OVERRIDE.items():
        cshare[codes.index(r), class_codes.index(c)] = v
    for d in set(class_div):
        cols = [i for i, cd in enumerate(class_div) if cd == d]
        total = cshare[:, cols].sum(axis=1, keepdims=True)
        cshare[:, cols] = np.where(total > CLASS_SHARE_CAP, cshare[:, cols] / total * CLASS_SHARE_CAP, cshare[:, cols])
    cemp = np.floor(emp[:, class_div, :] * cshare[:, :, None])

    # Kaluga floors from the dataset's own enterprises: a raised class first takes room from the
    # division's other classes (down to their own floors), the division grows only when it must
    ey = years_frame.merge(ent[["inn", "okved", "region_code"]], on="inn")
    ey = ey[ey["region_code"] == KALUGA]
    for j, year in enumerate(YEARS):
        in_year = ey[ey["year"] == year]
        okved = in_year["okved"]
        for di, d in enumerate(DIVISIONS):
            div_floor = np.ceil(KALUGA_FLOOR * in_year.loc[okved.str.split(".").str[0] == d, "employees"].sum())
            emp[k, di, j] = max(emp[k, di, j], div_floor)
            cols = [i for i, cd in enumerate(class_div) if cd == di]
            if not cols:
                continue
            floors = np.array(
                [
                    np.ceil(
                        KALUGA_FLOOR
                        * in_year.loc[
                            (okved == class_codes[i]) | okved.str.startswith(class_codes[i] + "."), "employees"
                        ].sum()
                    )
                    for i in cols
                ]
            )
            model = cemp[k, cols, j]
            raised = np.maximum(model, floors)
            room = np.floor(CLASS_CAP * emp[k, di, j])
            if raised.sum() > room:
                spare = raised - floors
                excess = raised.sum() - room
                if spare.sum() >= excess:
                    raised = floors + np.floor(spare * (1 - excess / spare.sum()))
                else:
                    raised = floors
                    emp[k, di, j] = np.ceil(floors.sum() / CLASS_CAP)
            cemp[k, cols, j] = raised

    # wages and establishments
    district = regs.set_index("code")["federal_district"]
    rfac = np.array([WAGE_REGION.get(c, WAGE_DISTRICT[district[c]]) for c in codes])
    dfac = np.array([WAGE_DIVISION[d] for d in DIVISIONS])
    wnoise = np.exp(rng.normal(0, 0.05, (nr, nd)))
    monthly = rfac[:, None, None] * dfac[None, :, None] * wnoise[:, :, None] * WAGE_MONTHLY[None, None, :]
    wages = emp * monthly * 12 / 1000
    est_size = np.array([ESTABLISHMENT_SIZE[d] for d in DIVISIONS]) * np.exp(rng.normal(0, 0.25, (nr, nd)))
    est = np.where(emp > 0, np.maximum(1, np.round(emp / est_size[:, :, None])), 0)
    cmonthly = monthly[:, class_div, :]
    cwages = cemp * cmonthly * 12 / 1000
    cest_size = est_size[:, class_div] * np.exp(rng.normal(0, 0.2, (nr, nc)))
    cest = np.where(cemp > 0, np.maximum(1, np.round(cemp / cest_size[:, :, None])), 0)
    cest = np.minimum(cest, est[:, class_div, :])

    # revenue = employees × revenue per employee (division level × regional noise); a class takes its
    # division's productivity, so class revenues never exceed their division's
    productivity = np.array([REVENUE_PER_EMPLOYEE[d] for d in DIVISIONS])[None, :] * np.exp(
        rng.normal(0, 0.15, (nr, nd))
    )
    revenue = emp * productivity[:, :, None]
    crevenue = cemp * productivity[:, class_div][:, :, None]

    def long(values, wage, estab, rev, labels):
        r_idx, c_idx, y_idx = np.meshgrid(np.arange(nr), np.arange(len(labels)), np.arange(ny), indexing="ij")
        return pd.DataFrame(
            {
                "region_code": np.array(codes)[r_idx.ravel()],
                "okved": np.array(labels)[c_idx.ravel()],
                "year": np.array(YEARS)[y_idx.ravel()],
                "employees": values.ravel().astype(np.int64),
                "wages_mln_rub": np.round(wage.ravel(), 1),
                "establishments": estab.ravel().astype(np.int64),
                "revenue_mln_rub": np.round(rev.ravel(), 1),
            }
        )

    out = pd.concat(
        [long(emp, wages, est, revenue, DIVISIONS), long(cemp, cwages, cest, crevenue, class_codes)], ignore_index=True
    )
    out["data_status"] = ILLUSTRATIVE
    return out


# --------------------------------------------------------------------------------------------------
# Projects
# --------------------------------------------------------------------------------------------------

#: Joint projects (all invented; only illustrative enterprises take part, so that no real company
#: is shown in a made-up project): id | cluster | stage | start | jobs | total cost mln ₽ |
#: initiator, participants… | name_ru | name_en
PROJECTS = """
AUTO-2017-01|automotive|serial|2017|85|320|a01,a02,a11|Локализация штампованных деталей кузова|Localisation of stamped body parts
AUTO-2019-02|automotive|engineering|2019|40|140|a03,a17,a08|Сиденья для коммерческого транспорта|Seats for commercial vehicles
AUTO-2023-03|automotive|pilot|2023|60|210|a04,a24|Жгуты проводов для автомобилей отечественных марок|Wiring harnesses for domestic car brands
AUTO-2024-04|automotive|pilot|2024|35|150|a10,a12,a16|Литые алюминиевые детали трансмиссии|Cast aluminium transmission parts
COMP-2018-01|composites|rd|2018|15|60|c11,c07,c13|Препреги на отечественной углеродной ткани|Prepregs on domestic carbon fabric
COMP-2021-02|composites|serial|2021|55|240|c05,c04,c02|Композитные трубы для коммунальных сетей|Composite pipes for utility networks
COMP-2023-03|composites|pilot|2023|30|120|c01,c10,c02|Композитные панели интерьера подвижного состава|Composite interior panels for rolling stock
RAIL-2016-01|rail|engineering|2016|45|180|r03,r04,r12|Гидропривод для путевых машин|Hydraulic drives for track machines
RAIL-2019-02|rail|serial|2019|110|560|r01,r11,r14|Стальное литьё для тележек локомотивов|Steel castings for locomotive bogies
RAIL-2023-03|rail|pilot|2023|70|380|r02,r06,r11|Тяговый электродвигатель для маневрового тепловоза|Traction motor for a shunting locomotive
ELEC-2018-01|electronics|serial|2018|65|260|e03,e02,e01|Контрактное производство печатных узлов|Contract assembly of printed circuit boards
ELEC-2022-02|electronics|engineering|2022|50|300|e04,e11,e12,e09|Отечественная серверная платформа|Domestic server platform
ELEC-2024-03|electronics|pilot|2024|40|170|e07,e14,e10|Интеллектуальные приборы учёта|Smart metering devices
PHAR-2017-01|pharma|rd|2017|25|90|p01,p16,p13|Субстанции для онкологических препаратов|Active substances for oncology drugs
PHAR-2020-02|pharma|engineering|2020|45|420|p02,p12,p06|Биотехнологические субстанции полного цикла|Full-cycle biotech substances
PHAR-2023-03|pharma|serial|2023|80|480|p17,p04,p03|Упаковка для инъекционных лекарственных форм|Packaging for injectable dosage forms
"""

#: Cost categories by programme regime (see docs/regulations.md): before 2023 the joint-project list;
#: from 2023 starting batches of components bought from other participants.
COST_MIX_EARLY = {
    "rd": 0.15,
    "design_docs": 0.08,
    "ip_licences": 0.04,
    "engineering": 0.13,
    "equipment": 0.45,
    "loan_interest": 0.07,
    "leasing": 0.08,
}
COST_MIX_2023 = {"component_batches": 0.45, "equipment": 0.35, "engineering": 0.12, "other": 0.08}
STAGE_MIX = {
    "rd": {"rd": 3.0, "design_docs": 1.5, "equipment": 0.5},
    "engineering": {"engineering": 2.0, "design_docs": 1.5},
    "pilot": {"equipment": 1.2},
    "serial": {"equipment": 1.5, "leasing": 1.3},
}


def projects(ent: pd.DataFrame) -> dict[str, pd.DataFrame]:
    key_inn = dict(zip(ent["key"], ent["inn"]))
    founded = dict(zip(ent["key"], ent["founded"]))
    proj, parts, costs, revs = [], [], [], []
    for line in PROJECTS.strip().splitlines():
        pid, cluster, stage, start, jobs, total, members, name_ru, name_en = line.split("|")
        start, jobs, total = int(start), int(jobs), float(total)
        keys = members.split(",")
        assert all(founded[k] < start for k in keys), pid
        rng = _rng("project:" + pid)
        proj.append(
            {
                "project_id": pid,
                "name_ru": name_ru,
                "name_en": name_en,
                "cluster_id": cluster,
                "initiator_inn": key_inn[keys[0]],
                "stage": stage,
                "start_year": start,
                "jobs": jobs,
                "is_joint": True,
                "data_status": ILLUSTRATIVE,
            }
        )
        for n, k in enumerate(keys):
            parts.append({"project_id": pid, "inn": key_inn[k], "role": "initiator" if n == 0 else "participant"})
        n_years = 2 if total < 200 else 3
        year_w = np.array([0.3, 0.45, 0.25][:n_years]) if n_years == 3 else np.array([0.55, 0.45])
        mix = dict(COST_MIX_2023 if start >= 2023 else COST_MIX_EARLY)
        for cat, m in STAGE_MIX[stage].items():
            if cat in mix:
                mix[cat] *= m
        cats = sorted(mix)
        w = np.array([mix[c] for c in cats]) * np.exp(rng.normal(0, 0.15, len(cats)))
        w = w / w.sum()
        for j in range(n_years):
            for c, share in zip(cats, w):
                amount = round(total * year_w[j] * share, 1)
                if amount <= 0:
                    continue
                supplier = None
                if c == "component_batches":
                    supplier = key_inn[keys[1 + (j % (len(keys) - 1))]]
                costs.append(
                    {
                        "project_id": pid,
                        "year": start + j,
                        "category": c,
                        "amount_mln_rub": amount,
                        "supplier_inn": supplier,
                        "line": 1,
                    }
                )
        # revenues: from the year after the last cost year, 7–10 years, ramp-up to a plateau
        length = int(rng.integers(7, 11))
        peak = total * rng.uniform(1.2, 2.5) * (0.4 if stage == "rd" else 1.0)
        ramp = np.minimum(1.0, np.array([0.2, 0.5, 0.8] + [1.0] * 10)[:length] * rng.uniform(0.9, 1.1))
        no_taxes = stage == "rd"
        for j in range(length):
            revenue = round(float(peak * ramp[j] * (1.03**j)), 1)
            revs.append(
                {
                    "project_id": pid,
                    "year": start + n_years + j,
                    "revenue_mln_rub": revenue,
                    "taxes_mln_rub": np.nan if no_taxes else round(revenue * 0.13, 1),
                }
            )
    return {
        "projects": pd.DataFrame(proj),
        "project_participants": pd.DataFrame(parts),
        "project_costs": pd.DataFrame(costs),
        "project_revenues": pd.DataFrame(revs),
    }


# --------------------------------------------------------------------------------------------------
# Orchestration
# --------------------------------------------------------------------------------------------------

ENTERPRISE_COLUMNS = [
    "inn",
    "ogrn",
    "name_ru",
    "name_en",
    "okved",
    "region_code",
    "oktmo",
    "lat",
    "lon",
    "is_sme",
    "founded",
    "kind",
    "cluster_hint",
    "data_status",
    "source",
    "organising_production",
]


def build(facts: Path = FACTS_DIR) -> dict[str, pd.DataFrame]:
    """All tables as frames (plus ``_enterprise_keys`` for diagnostics)."""
    regs = regions(facts)
    munis = municipalities(facts)
    templates = cluster_templates(facts)
    ent = enterprises(facts, munis)
    years_frame = enterprise_years(ent)
    tables = projects(ent)
    # initiators' investment includes their project costs (years up to 2023)
    cost = tables["project_costs"].merge(tables["projects"][["project_id", "initiator_inn"]], on="project_id")
    extra = cost.groupby(["initiator_inn", "year"])["amount_mln_rub"].sum()
    add = [extra.get((i, y), 0.0) for i, y in zip(years_frame["inn"], years_frame["year"])]
    years_frame["investment_mln_rub"] = (years_frame["investment_mln_rub"] + np.array(add)).round(1)
    ent["is_sme"] = sme_flags(ent, years_frame)
    # Decree No. 779 member flag: no demo participant is declared as organising production
    ent["organising_production"] = False
    links = supply_links(ent, years_frame, templates)
    used = set(ent["okved"]) | set(templates["okved"])
    secs = sectors(facts, used)
    class_codes = sorted(c for c in templates["okved"].unique() if c.split(".")[0] in DIVISIONS)
    rsy = region_sector_years(regs, facts, ent, years_frame, class_codes)
    tables.update(
        {
            "regions": regs,
            "municipalities": munis,
            "sectors": secs,
            "enterprises": ent[ENTERPRISE_COLUMNS],
            "enterprise_years": years_frame,
            "region_sector_years": rsy,
            "supply_links": links,
            "cluster_templates": templates,
            "_enterprise_keys": ent[["key", "inn", "cluster_hint", "kind", "okved"]],
        }
    )
    tables.update(public_seed.build_public())  # real public data from data/public/
    return tables


SORT_KEYS = {
    "regions": ["code"],
    "municipalities": ["oktmo"],
    "sectors": ["code"],
    "enterprises": ["inn"],
    "enterprise_years": ["inn", "year"],
    "region_sector_years": ["region_code", "okved", "year"],
    "supply_links": ["supplier_inn", "buyer_inn", "year"],
    "cluster_templates": ["cluster_id", "okved"],
    "projects": ["project_id"],
    "project_participants": ["project_id", "inn"],
    "project_costs": ["project_id", "year", "category", "line"],
    "project_revenues": ["project_id", "year"],
}
DECIMALS = {
    "municipalities": {"lat": 4, "lon": 4},
    "enterprises": {"lat": 4, "lon": 4},
    "enterprise_years": {
        c: 1 for c in ("revenue_mln_rub", "purchases_mln_rub", "exports_mln_rub", "investment_mln_rub")
    },
    "region_sector_years": {"wages_mln_rub": 1, "revenue_mln_rub": 1},
    "supply_links": {"value_mln_rub": 1},
    "cluster_templates": {"weight": 1},
    "project_costs": {"amount_mln_rub": 1},
    "project_revenues": {"revenue_mln_rub": 1, "taxes_mln_rub": 1},
}
SORT_KEYS.update(public_seed.SORT_KEYS)
DECIMALS.update(public_seed.DECIMALS)


#: Columns of migration 7 filled only from FNS open data (analytics/data/fns_load.py).
FNS_COLUMNS: dict[str, tuple[str, ...]] = {
    "enterprises": ("sme_category", "legal_kind"),
    "enterprise_years": (
        "income_mln_rub",
        "expenses_mln_rub",
        "taxes_federal_mln_rub",
        "taxes_regional_mln_rub",
        "taxes_local_mln_rub",
        "taxes_social_funds_mln_rub",
        "taxes_non_tax_mln_rub",
        "taxes_unknown_mln_rub",
        "source",
    ),
}


def write_all(out_dir: Path = SEED_DIR, facts: Path = FACTS_DIR) -> dict[str, int]:
    tables = build(facts)
    counts = {}
    for name, keys in SORT_KEYS.items():
        # Columns the demo does not fill (the FNS columns of migration 7) are written empty.
        frame = tables[name].reindex(columns=[*tables[name].columns, *FNS_COLUMNS.get(name, ())])
        write_csv(frame, Path(out_dir) / f"{name}.csv", keys, DECIMALS.get(name))
        counts[name] = len(tables[name])
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the Kaluga demo seed CSVs (deterministic).")
    parser.add_argument("--out", default=str(SEED_DIR), help="output directory (default: data/seed)")
    parser.add_argument("--facts", default=str(FACTS_DIR), help="fact files (default: data/seed/facts)")
    args = parser.parse_args(argv)
    counts = write_all(Path(args.out), Path(args.facts))
    for name, n in counts.items():
        print(f"{name:22s} {n:>7,d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
