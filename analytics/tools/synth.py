"""National-scale synthetic store for benchmarks and load tests.

``python -m analytics.tools.synth --out PATH [--regions 85] [--enterprises 1000000] [--years 10]
[--start-year 2014] [--links-per-enterprise 3] [--link-years 3] [--projects 1000] [--seed 42]``

writes a DuckDB store with exactly the schema of :func:`analytics.store.connect` (it is created by
it), filled with made-up data (``data_status = 'illustrative'``). Same seed and arguments → the same
table contents (every random draw comes from a ``numpy`` generator seeded from ``seed`` and a fixed
stream number; aggregates are computed from integers or decimals, so they do not depend on thread
scheduling).
Only ``dataset_versions.loaded_at`` records the wall-clock time of the build.

What is in it
-------------
- ``regions``: the first N rows of ``data/seed/regions.csv`` when present; missing ones (no file,
  an incomplete file, or N larger than it) are synthetic: codes "01".."99" not used yet,
  «Синтетический регион NN» / "Synthetic region NN", 8 federal districts.
- ``sectors``: ``data/seed/sectors.csv`` when present, else a synthetic OKVED-2-like tree of section C
  (divisions 10–33 with groups and classes) plus a few codes of sections H and M for infrastructure.
- ``municipalities``: 20–60 per region, OKTMO = region's 2-digit OKTMO prefix + 5xx/6xx/7xx + "000"
  (municipal okrug / district / urban okrug), or its 3-digit prefix + 2 digits + "000".
- ``enterprises``: N firms with unique, checksum-valid 10-digit INNs (region code + 7 digits + check
  digit) and valid 13-digit OGRNs (a few NULL); OKVED classes drawn from region-specific
  (Dirichlet-style, i.e. normalised Gamma) sector weights so that regions specialise; lognormal size
  (median 6 employees, heavy tail); SME by size; 96 % industrial (section C), 2.5 % infrastructure,
  1.5 % specialised. Firms are numbered («ООО «Синтетика 000123»») in INN order, which makes the
  primary-key inserts faster. Divisions of section C without classes in ``sectors`` are used as such.
- A *planted cluster*: in 1–3 of the larger regions, 15 % of the firms are moved into up to 5 classes
  (the first cluster template, core roles first, with ≥ 3 manufacturing classes; else classes of one
  division), concentrated in two municipalities, 2.5× larger with one anchor firm per class, growing
  2 %/year faster, buying mostly from each other; elsewhere these classes get no regional
  specialisation. Recorded as JSON in ``meta`` under ``synth_planted`` (cluster id, OKVED codes,
  region codes, municipalities, firm count, firm INNs when ≤ 20,000).
- ``enterprise_years``: every firm × every year (headcount random walk, revenue, purchases, exports,
  investment), generated in chunks of 100,000 firms and bulk-inserted from Arrow.
- ``region_sector_years``: aggregated in SQL from ``enterprise_years``: one row per region × class ×
  year and one per region × division × year (division = sum of its classes, integers summed exactly);
  wages = employees × a per-region/class/year wage (thousand ₽, integer) / 1000; revenue (when the
  schema has the column) = sum of the firms' revenue.
- ``supply_links``: a network of about ``links_per_enterprise × N`` supplier→buyer pairs (buyers pick
  suppliers mostly in the same region and in related sectors), observed over the last ``link_years``
  years (default 3): every pair exists in the last year and, going back, a pair survives each earlier
  year with probability 0.8 — so rows ≈ pairs × (1 + 0.8 + 0.64) ≈ 7.3M for the defaults.
  A link's value is a share of the buyer's purchases that year (all links of a buyer cover at most
  95 % of its purchases, so functional dependence stays ≤ 1).
- ``cluster_templates``: ``data/seed/cluster_templates.csv`` when present (rows whose OKVED is not in
  ``sectors`` are dropped), else two synthetic templates.
- ``projects`` (``--projects``, default 1000) with participants, costs by category and revenues.
- ``dataset_versions``: one row per data table, action ``synth``.

The build goes to ``PATH.building`` and is moved into place at the end (as :func:`store.build_demo`).
The library never imports streamlit.
"""

from __future__ import annotations

import json
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from analytics import store
from analytics.store import schema
from analytics.store.demo import file_sha256

CHUNK_FIRMS = 100_000  #: firms per enterprise_years chunk (fixed: results depend on it)
LINK_PERSISTENCE = 0.8  #: probability that a supply link existed the year before too
PLANTED_SHARE = 0.15  #: share of a planted region's firms moved into the planted cluster
PLANTED_CLASSES = 5
PLANTED_SIZE = 2.5  #: planted firms are this much larger (first-year headcount)
PLANTED_ELSEWHERE = 0.4  #: weight of a planted class in a region's sector mix, × the mean class weight
FEDERAL_DISTRICTS = (
    "Центральный",
    "Северо-Западный",
    "Южный",
    "Северо-Кавказский",
    "Приволжский",
    "Уральский",
    "Сибирский",
    "Дальневосточный",
)
#: rough centres (lat, lon) of the federal districts, matched by the start of the name
_DISTRICT_CENTRES = {
    "Централ": (54.5, 38.0),
    "Северо-Запад": (61.0, 34.0),
    "Южн": (46.5, 41.0),
    "Северо-Кавказ": (43.7, 44.5),
    "Приволж": (55.0, 50.0),
    "Урал": (59.0, 66.0),
    "Сибир": (55.0, 88.0),
    "Дальневост": (56.0, 132.0),
}
#: candidate codes for infrastructure / specialised enterprises (used when present in ``sectors``)
_INFRA_CODES = ("72.19", "72.11", "71.12", "71.20", "52.10", "52.29", "85.30", "70.22", "85.41")
_SPECIAL_CODES = ("74.90", "82.99", "62.01", "63.11", "33.20", "68.20")
_COST_CATEGORIES = (
    "rd",
    "design_docs",
    "ip_licences",
    "engineering",
    "equipment",
    "loan_interest",
    "leasing",
    "component_batches",
    "other",
)
_OKVED_RE = re.compile(r"[A-U]|[0-9]{2}(\.[0-9]{1,2}(\.[0-9]{1,2})?)?")
_INN_WEIGHTS = np.array([2, 4, 10, 3, 5, 9, 4, 6, 8], dtype=np.int64)


# --------------------------------------------------------------------------------------------
# identifiers
# --------------------------------------------------------------------------------------------
def inn10_check_digit(first9: np.ndarray) -> np.ndarray:
    """Check digit of 10-digit INNs from their first 9 digits (int64 array), vectorised."""
    first9 = np.asarray(first9, dtype=np.int64)
    powers = 10 ** np.arange(8, -1, -1, dtype=np.int64)
    digits = (first9[:, None] // powers) % 10
    return (digits @ _INN_WEIGHTS) % 11 % 10


def ogrn13_check_digit(first12: np.ndarray) -> np.ndarray:
    """Check digit of 13-digit OGRNs from their first 12 digits (int64 array)."""
    return np.asarray(first12, dtype=np.int64) % 11 % 10


def _rng(seed: int, *stream: int) -> np.random.Generator:
    return np.random.default_rng(np.random.SeedSequence([int(seed), *stream]))


# --------------------------------------------------------------------------------------------
# reference tables: regions, sectors, templates
# --------------------------------------------------------------------------------------------
def _read_seed_safely(table: str, seed_dir: Path, needed: list[str]) -> tuple[pd.DataFrame | None, Path | None]:
    path = seed_dir / f"{table}.csv"
    if not path.exists():
        return None, None
    try:
        frame = store.read_seed(table, seed_dir)
    except Exception:  # noqa: BLE001 - a half-written or malformed file counts as absent
        return None, None
    if any(c not in frame.columns for c in needed):
        return None, None
    return frame, path


def _regions(n: int, seed_dir: Path) -> tuple[pd.DataFrame, Path | None]:
    if n < 1 or n > 99:
        raise ValueError("regions must be between 1 and 99")
    cols = ["code", "name_ru", "name_en", "federal_district", "oktmo_prefix"]
    frame, path = _read_seed_safely("regions", seed_dir, cols[:4])
    rows: list[dict[str, Any]] = []
    if frame is not None:
        if "oktmo_prefix" not in frame.columns:
            frame["oktmo_prefix"] = None
        frame = frame[cols].copy()
        frame = frame[frame["code"].fillna("").str.fullmatch(r"[0-9]{2}")]
        frame = frame.dropna(subset=["name_ru", "name_en", "federal_district"])
        frame = frame.drop_duplicates("code")
        rows = frame.head(n).to_dict("records")
    used_codes = {r["code"] for r in rows}
    for code in (f"{i:02d}" for i in range(1, 100)):
        if len(rows) >= n:
            break
        if code in used_codes:
            continue
        k = len(rows)
        rows.append(
            {
                "code": code,
                "name_ru": f"Синтетический регион {code}",
                "name_en": f"Synthetic region {code}",
                "federal_district": FEDERAL_DISTRICTS[k % len(FEDERAL_DISTRICTS)],
                "oktmo_prefix": None,
            }
        )
        used_codes.add(code)
    regions = pd.DataFrame(rows, columns=cols)
    # one OKTMO prefix per region whose municipality codes cannot collide with another region's: the
    # seed's (2 or 3 digits, e.g. "29" Kaluga, "118" Nenets AO) when free, else the region code, else any
    taken: list[str] = []
    prefixes = []
    for code, prefix in zip(regions["code"], regions["oktmo_prefix"]):
        candidates = [p for p in (prefix, code) if isinstance(p, str) and re.fullmatch(r"[0-9]{2,3}", p)]
        choice = next(
            (p for p in candidates if not p.startswith("00") and not any(_prefixes_clash(p, t) for t in taken)), None
        )
        if choice is None:
            choice = next(f"{i:02d}" for i in range(1, 100) if not any(_prefixes_clash(f"{i:02d}", t) for t in taken))
        taken.append(choice)
        prefixes.append(choice)
    regions["oktmo_prefix"] = prefixes
    return regions.reset_index(drop=True), (path if frame is not None and len(frame) else None)


def _prefixes_clash(a: str, b: str) -> bool:
    """Whether municipality codes generated under two OKTMO prefixes can coincide.

    A 2-digit prefix P gives codes P + {5,6,7} + NN + "000"; a 3-digit prefix Q gives Q + NN + "000".
    """
    if len(a) == len(b):
        return a == b
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return long_.startswith(short) and long_[2] in "567"


def _synthetic_sectors() -> pd.DataFrame:
    """A fixed OKVED-2-like tree: section C (10–33: groups, classes) plus a few H and M codes."""
    rows = [("C", None, "section", "C", "Обрабатывающие производства", "Manufacturing")]
    for d in range(10, 34):
        dv = f"{d}"
        rows.append((dv, "C", "division", "C", f"Синтетический раздел {dv}", f"Synthetic division {dv}"))
        for g in range(1, 2 + (d % 4) + 1):
            gp = f"{d}.{g}"
            rows.append((gp, dv, "group", "C", f"Синтетическая группа {gp}", f"Synthetic group {gp}"))
            if (d + g) % 3 == 0:
                classes = [f"{d}.{g}0"]
            else:
                classes = [f"{d}.{g}{k}" for k in range(1, 3 + (d * g) % 3)]
            for cl in classes:
                rows.append((cl, gp, "class", "C", f"Синтетический класс {cl}", f"Synthetic class {cl}"))
    extra = [
        ("H", None, "section", "H", "Транспортировка и хранение", "Transportation and storage"),
        (
            "52",
            "H",
            "division",
            "H",
            "Складское хозяйство и вспомогательная транспортная деятельность",
            "Warehousing and support activities for transportation",
        ),
        ("52.1", "52", "group", "H", "Деятельность по складированию и хранению", "Warehousing and storage"),
        ("52.10", "52.1", "class", "H", "Деятельность по складированию и хранению", "Warehousing and storage"),
        (
            "M",
            None,
            "section",
            "M",
            "Деятельность профессиональная, научная и техническая",
            "Professional, scientific and technical activities",
        ),
        ("72", "M", "division", "M", "Научные исследования и разработки", "Scientific research and development"),
        (
            "72.1",
            "72",
            "group",
            "M",
            "Научные исследования и разработки в области естественных и технических наук",
            "Research and experimental development on natural sciences and engineering",
        ),
        (
            "72.19",
            "72.1",
            "class",
            "M",
            "Научные исследования и разработки в области естественных и технических наук прочие",
            "Other research and experimental development on natural sciences and engineering",
        ),
        (
            "74",
            "M",
            "division",
            "M",
            "Деятельность профессиональная научная и техническая прочая",
            "Other professional, scientific and technical activities",
        ),
        (
            "74.9",
            "74",
            "group",
            "M",
            "Деятельность профессиональная, научная и техническая прочая, н.в.д.г.",
            "Other professional, scientific and technical activities n.e.c.",
        ),
        (
            "74.90",
            "74.9",
            "class",
            "M",
            "Деятельность профессиональная, научная и техническая прочая, н.в.д.г.",
            "Other professional, scientific and technical activities n.e.c.",
        ),
    ]
    rows.extend(extra)
    return pd.DataFrame(rows, columns=["code", "parent", "level", "section", "name_ru", "name_en"])


def _sectors(seed_dir: Path) -> tuple[pd.DataFrame, Path | None]:
    cols = ["code", "parent", "level", "section", "name_ru", "name_en"]
    frame, path = _read_seed_safely("sectors", seed_dir, ["code", "level", "section", "name_ru"])
    if frame is not None:
        for c in cols:
            if c not in frame.columns:
                frame[c] = None
        frame = frame[cols].copy()
        frame = frame[frame["code"].fillna("").map(lambda c: bool(_OKVED_RE.fullmatch(c)))]
        frame = frame[frame["level"].isin(schema.SECTOR_LEVELS)].dropna(subset=["section", "name_ru"])
        frame = frame.drop_duplicates("code").reset_index(drop=True)
        manufacturing = frame[(frame["section"] == "C") & frame["level"].isin(["class", "division"])]
        if len(manufacturing):
            return frame, path
    return _synthetic_sectors(), None


def _synthetic_templates(ind_codes: list[str]) -> pd.DataFrame:
    def pick(prefixes: tuple[str, ...], k: int) -> list[str]:
        out = [c for p in prefixes for c in ind_codes if c.startswith(p + ".")]
        return out[:k]

    rows = []
    for cid, ru, en, core, sup in (
        ("synth_machinery", "Синтетическое машиностроение", "Synthetic machinery", ("28",), ("25", "27")),
        ("synth_food", "Синтетическая пищевая промышленность", "Synthetic food processing", ("10",), ("11", "17")),
    ):
        core_codes = pick(core, 3) or ind_codes[:3]
        sup_codes = [c for c in pick(sup, 3) if c not in core_codes] or ind_codes[3:5]
        for role, codes in (("core", core_codes), ("supplier", sup_codes)):
            for c in codes:
                rows.append((cid, ru, en, c, role, 1.0, "synthetic template", "illustrative"))
    frame = pd.DataFrame(
        rows,
        columns=["cluster_id", "cluster_name_ru", "cluster_name_en", "okved", "role", "weight", "note", "data_status"],
    )
    return frame.drop_duplicates(["cluster_id", "okved"]).reset_index(drop=True)


def _templates(seed_dir: Path, sectors: pd.DataFrame, ind_codes: list[str]) -> tuple[pd.DataFrame, Path | None]:
    cols = ["cluster_id", "cluster_name_ru", "cluster_name_en", "okved", "role"]
    frame, path = _read_seed_safely("cluster_templates", seed_dir, cols)
    if frame is not None:
        frame = frame.copy()
        frame = frame[frame["okved"].isin(set(sectors["code"]))]
        frame = frame[frame["cluster_id"].fillna("").str.fullmatch(r"[a-z][a-z0-9_]*")]
        frame = frame[frame["role"].isin(schema.TEMPLATE_ROLES)]
        frame = frame.dropna(subset=["cluster_name_ru", "cluster_name_en"])
        if "data_status" in frame.columns:
            frame["data_status"] = frame["data_status"].where(frame["data_status"].isin(schema.DATA_STATUSES), "loaded")
        if "weight" in frame.columns:
            frame["weight"] = pd.to_numeric(frame["weight"], errors="coerce")
            frame.loc[~(frame["weight"] > 0), "weight"] = 1.0
        known = ["cluster_id", "cluster_name_ru", "cluster_name_en", "okved", "role", "weight", "note", "data_status"]
        frame = frame[[c for c in known if c in frame.columns]]
        frame = frame.drop_duplicates(["cluster_id", "okved"]).reset_index(drop=True)
        if len(frame):
            return frame, path
    return _synthetic_templates(ind_codes), None


# --------------------------------------------------------------------------------------------
# the generator
# --------------------------------------------------------------------------------------------
@dataclass
class _Firms:
    region: np.ndarray  # int16 index into regions
    sector: np.ndarray  # int32 index into used codes
    muni: np.ndarray  # int32 index into municipalities, -1 = none
    inn: np.ndarray  # int64, 10 digits
    size0: np.ndarray  # float64 employees in the first year
    prod: np.ndarray  # float64 revenue per employee, mln ₽, first year
    planted: np.ndarray  # bool
    n_regions: int
    n_sectors: int


def _district_centre(name: Any) -> tuple[float, float]:
    text = str(name or "")
    for stem, centre in _DISTRICT_CENTRES.items():
        if text.startswith(stem) or stem in text:
            return centre
    return (56.0, 60.0)


def _municipalities(regions: pd.DataFrame, rng: np.random.Generator) -> tuple[pd.DataFrame, np.ndarray]:
    frames = []
    for r, row in regions.iterrows():
        clat, clon = _district_centre(row["federal_district"])
        rlat = float(np.clip(clat + rng.normal(0, 2.0), 43.0, 72.0))
        rlon = float(np.clip(clon + rng.normal(0, 4.0), 21.0, 176.0))
        m = int(rng.integers(20, 61))
        n_urban = max(1, int(round(m * rng.uniform(0.08, 0.2))))
        n_okrug = int(round(m * rng.uniform(0.0, 0.15)))
        n_district = m - n_urban - n_okrug
        kinds = ["urban_okrug"] * n_urban + ["municipal_okrug"] * n_okrug + ["municipal_district"] * n_district
        serial = list(range(1, n_urban + 1)) + list(range(1, n_okrug + 1)) + list(range(1, n_district + 1))
        first = {"urban_okrug": "7", "municipal_okrug": "5", "municipal_district": "6"}
        if len(row["oktmo_prefix"]) == 2:
            oktmo = [f"{row['oktmo_prefix']}{first[k]}{s:02d}000" for k, s in zip(kinds, serial)]
        else:  # 3-digit prefix (an autonomous okrug inside an oblast): one running number
            oktmo = [f"{row['oktmo_prefix']}{s:02d}000" for s in range(1, m + 1)]
        ru_kind = {
            "urban_okrug": "Городской округ",
            "municipal_okrug": "Муниципальный округ",
            "municipal_district": "Муниципальный район",
        }
        en_kind = {"urban_okrug": "urban okrug", "municipal_okrug": "municipal okrug", "municipal_district": "district"}
        tag = [f"{row['code']}-{first[k]}{s:02d}" for k, s in zip(kinds, serial)]
        frames.append(
            pd.DataFrame(
                {
                    "oktmo": oktmo,
                    "region_code": row["code"],
                    "name_ru": [f"{ru_kind[k]} Синтетический {t}" for k, t in zip(kinds, tag)],
                    "name_en": [f"Synthetic {en_kind[k]} {t}" for k, t in zip(kinds, tag)],
                    "kind": kinds,
                    "admin_centre_ru": [f"Синтетград {t}" for t in tag],
                    "admin_centre_en": [f"Syntheticgrad {t}" for t in tag],
                    "lat": np.clip(rlat + rng.normal(0, 0.7, m), 41.5, 81.5),
                    "lon": np.clip(rlon + rng.normal(0, 1.2, m), 19.5, 179.5),
                    "oktmo_status": "synthetic",
                    "data_status": "illustrative",
                    "_region": r,
                }
            )
        )
    munis = pd.concat(frames, ignore_index=True)
    return munis, munis["_region"].to_numpy()


def _sector_lists(sectors: pd.DataFrame) -> tuple[list[str], list[str], list[str]]:
    lv = sectors.set_index("code")["level"]
    # manufacturing classes, plus the divisions of section C that have no class in the classifier
    # (their firms carry the division code), so that every division can have employment
    classes = sectors[(sectors["section"] == "C") & (sectors["level"] == "class")]["code"].tolist()
    divisions = sectors[(sectors["section"] == "C") & (sectors["level"] == "division")]["code"].tolist()
    with_classes = {c[:2] for c in classes}
    ind = sorted(classes + [d for d in divisions if d not in with_classes])
    infra = [c for c in _INFRA_CODES if c in lv.index and lv[c] == "class"] or ind[:3]
    special = [c for c in _SPECIAL_CODES if c in lv.index and lv[c] == "class" and c not in ind] or ind[-3:]
    return ind, infra, special


def _planted_choice(templates: pd.DataFrame, ind_codes: list[str], rng: np.random.Generator) -> tuple[str, list[str]]:
    role_rank = {"core": 0, "supplier": 1, "service": 2}
    ind_set = set(ind_codes)
    for cid, grp in (
        templates.assign(_r=templates["role"].map(role_rank))
        .sort_values(["_r", "okved"])
        .groupby("cluster_id", sort=True)
    ):
        codes: list[str] = []
        for code in grp.sort_values(["_r", "okved"])["okved"]:
            expanded = [code] if code in ind_set else [c for c in ind_codes if c.startswith(code)]
            for c in expanded:
                if c not in codes:
                    codes.append(c)
        if len(codes) >= 3:
            return str(cid), codes[:PLANTED_CLASSES]
    # no template has enough manufacturing classes: 5 classes from two divisions
    divisions = sorted({c[:2] for c in ind_codes})
    d = divisions[int(rng.integers(len(divisions)))]
    codes = [c for c in ind_codes if c[:2] == d]
    others = [c for c in ind_codes if c[:2] != d]
    while len(codes) < PLANTED_CLASSES and others:
        codes.append(others.pop(int(rng.integers(len(others)))))
    return "synth_planted", codes[:PLANTED_CLASSES]


def generate(
    path: str | os.PathLike[str],
    *,
    regions: int = 85,
    enterprises: int = 1_000_000,
    years: int = 10,
    start_year: int = 2014,
    links_per_enterprise: float = 3,
    seed: int = 42,
    link_years: int = 3,
    projects: int = 1000,
    seed_dir: str | os.PathLike[str] = store.SEED_DIR,
    threads: int | None = None,
    memory_limit: str = "3GB",
) -> dict[str, Any]:
    """Write a synthetic store at ``path`` (replacing it); returns counts, timings and parameters.

    Returns ``{"path", "counts": {table: rows}, "timings_s": {step: seconds}, "total_s",
    "size_bytes", "params", "planted"}``.
    """
    if enterprises < 10:
        raise ValueError("enterprises must be at least 10")
    if years < 1 or start_year < 1990 or start_year + years - 1 > 2100:
        raise ValueError("years must lie within 1990..2100")
    seed_dir = Path(seed_dir)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".building")
    for leftover in (tmp, Path(str(tmp) + ".wal")):
        if leftover.exists():
            leftover.unlink()

    timings: dict[str, float] = {}
    started = time.perf_counter()
    clock = [started]

    def lap(name: str) -> None:
        now = time.perf_counter()
        timings[name] = round(now - clock[0], 3)
        clock[0] = now

    params = {
        "regions": regions,
        "enterprises": enterprises,
        "years": years,
        "start_year": start_year,
        "links_per_enterprise": links_per_enterprise,
        "link_years": min(link_years, years),
        "projects": projects,
        "seed": seed,
    }
    year_list = np.arange(start_year, start_year + years, dtype=np.int32)
    n_link_years = max(1, min(int(link_years), years))
    N = int(enterprises)

    # ---- reference tables -------------------------------------------------------------------
    reg, reg_path = _regions(regions, seed_dir)
    sectors, sec_path = _sectors(seed_dir)
    ind_codes, infra_codes, special_codes = _sector_lists(sectors)
    templates, tpl_path = _templates(seed_dir, sectors, ind_codes)
    used_codes = list(dict.fromkeys(ind_codes + infra_codes + special_codes))
    code_idx = {c: i for i, c in enumerate(used_codes)}
    S = len(used_codes)
    n_ind = len(ind_codes)
    R = len(reg)
    munis, muni_region = _municipalities(reg, _rng(seed, 1))
    lap("reference_tables")

    # ---- enterprises ------------------------------------------------------------------------
    rng = _rng(seed, 2)
    region_weight = rng.lognormal(0.0, 0.8, R)
    firm_region = np.repeat(np.arange(R, dtype=np.int16), rng.multinomial(N, region_weight / region_weight.sum()))
    # region-specific sector preferences: national base × Gamma division factor × Gamma class factor
    divisions_of = np.array([c[:2] for c in ind_codes])
    div_names, div_of_class = np.unique(divisions_of, return_inverse=True)
    base = rng.gamma(1.5, 1.0, n_ind)
    div_pref = rng.gamma(0.7, 1.0, (R, len(div_names)))
    class_pref = rng.gamma(2.0, 1.0, (R, n_ind))
    pref = base[None, :] * div_pref[:, div_of_class] * class_pref
    bounds = np.concatenate([[0], np.cumsum(np.bincount(firm_region, minlength=R))])
    # the planted cluster: its classes and regions (among the larger half of the regions, so that it
    # has enough firms to be seen); elsewhere its classes are less common than they would be
    planted_id, planted_codes = _planted_choice(templates, ind_codes, _rng(seed, 3))
    prng = _rng(seed, 4)
    n_planted_regions = max(1, min(3, R // 5))
    firms_per_region = np.diff(bounds)
    larger = np.argsort(-firms_per_region, kind="stable")[: max(n_planted_regions, (R + 1) // 2)]
    planted_regions = np.sort(prng.choice(larger, n_planted_regions, replace=False))
    planted_sector_idx = np.array([code_idx[c] for c in planted_codes], dtype=np.int32)
    pref[:, planted_sector_idx] = PLANTED_ELSEWHERE * pref.mean(axis=1, keepdims=True)  # no specialisation
    pref /= pref.sum(axis=1, keepdims=True)
    cum = np.cumsum(pref, axis=1)
    u = rng.random(N)
    firm_sector = np.empty(N, dtype=np.int32)
    for r in range(R):
        lo, hi = bounds[r], bounds[r + 1]
        firm_sector[lo:hi] = np.minimum(np.searchsorted(cum[r], u[lo:hi] * cum[r, -1], side="right"), n_ind - 1)
    kind_draw = rng.random(N)
    kind = np.zeros(N, dtype=np.int8)  # 0 industrial, 1 infrastructure, 2 specialised
    kind[kind_draw < 0.025] = 1
    kind[(kind_draw >= 0.025) & (kind_draw < 0.04)] = 2
    infra_idx = np.array([code_idx[c] for c in infra_codes])
    special_idx = np.array([code_idx[c] for c in special_codes])
    firm_sector[kind == 1] = infra_idx[rng.integers(0, len(infra_idx), int((kind == 1).sum()))]
    firm_sector[kind == 2] = special_idx[rng.integers(0, len(special_idx), int((kind == 2).sum()))]
    size0 = np.minimum(rng.lognormal(np.log(6.0), 1.35, N), 60_000.0)
    sector_prod = rng.lognormal(np.log(3.0), 0.45, S)
    prod = sector_prod[firm_sector] * rng.lognormal(0.0, 0.5, N)

    # municipalities: Zipf-like weights within each region (urban okrugs come first)
    muni_bounds = np.concatenate([[0], np.cumsum(np.bincount(muni_region, minlength=R))])
    firm_muni = np.empty(N, dtype=np.int32)
    u = rng.random(N)
    for r in range(R):
        lo, hi = bounds[r], bounds[r + 1]
        m0, m1 = muni_bounds[r], muni_bounds[r + 1]
        w = 1.0 / np.arange(1, m1 - m0 + 1) ** 0.9
        c = np.cumsum(w) / w.sum()
        firm_muni[lo:hi] = m0 + np.minimum(np.searchsorted(c, u[lo:hi], side="right"), m1 - m0 - 1)

    # the planted cluster (its firms are placed below)
    planted = np.zeros(N, dtype=bool)
    planted_munis: dict[str, list[str]] = {}
    for r in planted_regions:
        lo, hi = bounds[r], bounds[r + 1]
        members = np.flatnonzero((kind[lo:hi] == 0) & (prng.random(hi - lo) < PLANTED_SHARE)) + lo
        planted[members] = True
        members = prng.permutation(members)
        firm_sector[members] = planted_sector_idx[np.arange(len(members)) % len(planted_sector_idx)]
        m0, m1 = muni_bounds[r], muni_bounds[r + 1]
        sites = m0 + prng.choice(m1 - m0, min(2, m1 - m0), replace=False)
        firm_muni[members] = sites[prng.integers(0, len(sites), len(members))]
        size0[members] = np.minimum(size0[members] * PLANTED_SIZE, 60_000.0)
        planted_munis[str(reg["code"].iat[r])] = munis["oktmo"].iloc[np.sort(sites)].tolist()
    # anchors: in each planted region and class the largest member is at least 1.2 × as large as the largest
    # firm of that class outside the cluster (heavy tails would otherwise hide a small planted cluster)
    for r in planted_regions:
        lo, hi = bounds[r], bounds[r + 1]
        for s_idx in planted_sector_idx:
            in_class = firm_sector == s_idx
            mine = np.flatnonzero(planted[lo:hi] & in_class[lo:hi]) + lo
            if len(mine) == 0:
                continue
            others = size0[in_class & ~planted]
            floor = 1.2 * others.max() if len(others) else 0.0
            anchor = mine[np.argmax(size0[mine])]
            size0[anchor] = min(max(size0[anchor], floor), 60_000.0)

    # identifiers: region code + 7-digit serial (affine permutation, unique within a region) + check
    offsets = _rng(seed, 5).integers(0, 10**7, R)
    within = np.arange(N, dtype=np.int64) - bounds[firm_region]
    serial = (within * 3_141_593 + offsets[firm_region]) % 10**7
    region_num = reg["code"].astype(int).to_numpy()[firm_region].astype(np.int64)
    first9 = region_num * 10**7 + serial
    inn = first9 * 10 + inn10_check_digit(first9)
    orng = _rng(seed, 6)
    founded = start_year - 1 - np.floor(orng.exponential(11.0, N)).astype(np.int64)
    founded = np.clip(founded, 1930, start_year - 1)
    reg_year = np.where(founded >= 2002, founded % 100, orng.integers(2, 4, N))
    first12 = 10**11 + reg_year * 10**9 + region_num * 10**7 + serial
    ogrn = first12 * 10 + ogrn13_check_digit(first12)
    ogrn_null = orng.random(N) < 0.03
    legal = np.zeros(N, dtype=np.int8)  # 0 ООО, 1 АО, 2 ПАО
    legal[(size0 >= 250) & (orng.random(N) < 0.5)] = 1
    legal[(size0 >= 2000) & (orng.random(N) < 0.3)] = 2
    no_place = orng.random(N) < 0.01
    firm_muni[no_place] = -1
    m_lat = munis["lat"].to_numpy()
    m_lon = munis["lon"].to_numpy()
    lat = np.clip(m_lat[np.maximum(firm_muni, 0)] + orng.normal(0, 0.04, N), 41.0, 82.0)
    lon = np.clip(m_lon[np.maximum(firm_muni, 0)] + orng.normal(0, 0.06, N), 19.0, 180.0)
    is_sme = (size0 < 250) & (size0 * prod < 2000)
    # number the firms in INN order: the primary-key indexes of enterprise_years and supply_links then
    # receive their keys in ascending order, which makes the bulk inserts faster
    perm = np.argsort(inn, kind="stable")
    (
        firm_region,
        firm_sector,
        firm_muni,
        inn,
        size0,
        prod,
        planted,
        ogrn,
        ogrn_null,
        legal,
        lat,
        lon,
        no_place,
        is_sme,
        founded,
        kind,
    ) = (
        x[perm]
        for x in (
            firm_region,
            firm_sector,
            firm_muni,
            inn,
            size0,
            prod,
            planted,
            ogrn,
            ogrn_null,
            legal,
            lat,
            lon,
            no_place,
            is_sme,
            founded,
            kind,
        )
    )
    firms = _Firms(firm_region, firm_sector, firm_muni, inn, size0, prod, planted, R, S)
    lap("enterprises_numpy")

    con = store.connect(tmp)
    try:
        con.execute("SET threads = ?", [int(threads or os.cpu_count() or 2)])
        con.execute("SET memory_limit = ?", [_safe_limit(memory_limit)])
        con.execute("SET preserve_insertion_order = false")
        cur = con.cursor()

        store.load_frame(cur, "regions", reg)
        store.load_frame(cur, "sectors", sectors)
        store.load_frame(cur, "municipalities", munis.drop(columns=["_region"]))
        store.load_frame(
            cur,
            "cluster_templates",
            templates.assign(**({} if "data_status" in templates.columns else {"data_status": "loaded"})),
        )
        lap("insert_reference")

        width = max(6, len(str(N)))
        dims_regions = pa.table({"r": np.arange(R, dtype=np.int32), "region_code": reg["code"].tolist()})
        dims_sectors = pa.table({"s": np.arange(S, dtype=np.int32), "okved": used_codes})
        dims_munis = pa.table({"m": np.arange(len(munis), dtype=np.int32), "oktmo": munis["oktmo"].tolist()})
        kinds = pa.table({"k": np.arange(3, dtype=np.int8), "kind": list(schema.ENTERPRISE_KINDS)})
        forms = pa.table(
            {"l": np.arange(3, dtype=np.int8), "form_ru": ["ООО", "АО", "ПАО"], "form_en": ["LLC", "JSC", "PJSC"]}
        )
        firm_tab = pa.table(
            {
                "i": np.arange(N, dtype=np.int64),
                "inn": inn,
                "ogrn": pa.array(ogrn, mask=ogrn_null),
                "l": legal,
                "s": firm_sector,
                "r": firm_region.astype(np.int32),
                "m": firm_muni,
                "lat": pa.array(lat, mask=no_place),
                "lon": pa.array(lon, mask=no_place),
                "is_sme": is_sme,
                "founded": founded.astype(np.int32),
                "k": kind,
            }
        )
        for name, tab in (
            ("_dims_regions", dims_regions),
            ("_dims_sectors", dims_sectors),
            ("_dims_munis", dims_munis),
            ("_kinds", kinds),
            ("_forms", forms),
            ("_firms", firm_tab),
        ):
            cur.register(name, tab)
        source = f"synthetic: analytics.tools.synth seed={seed}"
        cur.execute(
            """
            INSERT INTO enterprises (inn, ogrn, name_ru, name_en, okved, region_code, oktmo, lat, lon, is_sme,
                                     founded, kind, cluster_hint, data_status, source)
            SELECT lpad(CAST(f.inn AS VARCHAR), 10, '0'), CAST(f.ogrn AS VARCHAR),
                   fo.form_ru || ' «Синтетика ' || lpad(CAST(f.i + 1 AS VARCHAR), ?, '0') || '»',
                   'Sintetika ' || fo.form_en || ' ' || lpad(CAST(f.i + 1 AS VARCHAR), ?, '0'),
                   s.okved, r.region_code, m.oktmo, f.lat, f.lon, f.is_sme, f.founded, k.kind, NULL,
                   'illustrative', ?
            FROM _firms f
            JOIN _forms fo USING (l) JOIN _dims_sectors s USING (s) JOIN _dims_regions r USING (r)
            JOIN _kinds k USING (k) LEFT JOIN _dims_munis m USING (m)""",
            [width, width, source],
        )
        cur.unregister("_firms")
        del firm_tab
        lap("insert_enterprises")

        # ---- enterprise_years ---------------------------------------------------------------
        purchases_tail = _enterprise_years(cur, firms, year_list, seed, n_link_years, planted_sector_idx)
        lap("enterprise_years")

        # ---- region_sector_years (SQL) ------------------------------------------------------
        _region_sector_years(cur, reg, used_codes, sectors, year_list, seed)
        lap("region_sector_years")

        # ---- supply links -------------------------------------------------------------------
        n_links_rows = _supply_links(
            cur,
            firms,
            n_ind,
            div_of_class,
            year_list[-n_link_years:],
            purchases_tail,
            links_per_enterprise,
            planted_sector_idx,
            seed,
        )
        del purchases_tail
        lap("supply_links")

        # ---- projects -----------------------------------------------------------------------
        _projects(cur, firms, templates, used_codes, projects, start_year, years, planted_id, seed)
        lap("projects")

        # ---- meta and versions --------------------------------------------------------------
        inns_planted = np.sort(inn[planted])
        planted_info = {
            "cluster_id": planted_id,
            "okved": planted_codes,
            "regions": [str(reg["code"].iat[r]) for r in planted_regions],
            "municipalities": planted_munis,
            "firms": int(planted.sum()),
            "share_of_region_firms": PLANTED_SHARE,
            "size_multiplier": PLANTED_SIZE,
            "weight_of_planted_classes_elsewhere": PLANTED_ELSEWHERE,
            "anchors": "largest member per region and class ≥ 1.2 × the largest non-member of the class",
            "extra_growth_per_year": 0.02,
            "description": "firms of the planted regions moved into these OKVED classes, located in the listed "
            "municipalities, linked mostly to each other (same region, planted classes)",
            "inns": [f"{x:010d}" for x in inns_planted] if len(inns_planted) <= 20_000 else None,
        }
        cur.execute("INSERT OR REPLACE INTO meta VALUES ('dataset', 'synthetic')")
        cur.execute("INSERT OR REPLACE INTO meta VALUES ('synth_params', ?)", [json.dumps(params, sort_keys=True)])
        cur.execute(
            "INSERT OR REPLACE INTO meta VALUES ('synth_planted', ?)",
            [json.dumps(planted_info, ensure_ascii=False, sort_keys=True)],
        )
        counts = store.table_counts(cur)
        files = {"regions": reg_path, "sectors": sec_path, "cluster_templates": tpl_path}
        note = "analytics.tools.synth " + " ".join(f"{k}={v}" for k, v in params.items())
        for table in schema.DATA_TABLES:
            fpath = files.get(table)
            cur.execute(
                "INSERT INTO dataset_versions (table_name, action, file_name, sha256, user_name, rows_in_file, "
                "rows_after, note) VALUES (?, 'synth', ?, ?, 'synth', NULL, ?, ?)",
                [
                    table,
                    fpath.name if fpath else None,
                    file_sha256(fpath) if fpath else None,
                    counts[table],
                    note + (" (from seed file)" if fpath else ""),
                ],
            )
        cur.close()
        con.execute("CHECKPOINT")
        lap("meta_checkpoint")
    finally:
        con.close()
    store.install_built(tmp, target)
    total = time.perf_counter() - started
    planted_info.pop("inns", None)
    return {
        "path": str(target),
        "counts": counts,
        "timings_s": timings,
        "total_s": round(total, 3),
        "size_bytes": target.stat().st_size,
        "params": params,
        "planted": planted_info,
        "supply_link_rows": n_links_rows,
    }


def _safe_limit(text: str) -> str:
    if not re.fullmatch(r"[0-9]+(\.[0-9]+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)", text.strip()):
        raise ValueError(f"memory_limit not understood: {text!r}")
    return text.strip()


def _enterprise_years(
    cur, firms: _Firms, year_list: np.ndarray, seed: int, n_link_years: int, planted_sector_idx: np.ndarray
) -> np.ndarray:
    """Insert every firm × year in chunks; returns the purchases of the last ``n_link_years`` years."""
    N = len(firms.inn)
    Y = len(year_list)
    S, R = firms.n_sectors, firms.n_regions
    g = _rng(seed, 7)
    # sector × year and region × year growth; a national dip in 2015 and 2020 when in range
    sector_growth = g.normal(0.0, 0.03, (S, Y))
    region_growth = g.normal(0.0, 0.01, (R, Y))
    national = np.where(np.isin(year_list, [2015, 2020]), -0.04, 0.005)
    price = np.cumprod(np.where(np.arange(Y) == 0, 1.0, 1.06 + g.normal(0, 0.02, Y)))
    purchase_share = np.clip(g.beta(6, 4, N), 0.2, 0.9)
    export_share = np.where(g.random(N) < 0.08 + 0.3 * (firms.size0 > 250), g.beta(2, 5, N), 0.0)
    drift = g.normal(0.0, 0.03, N) + 0.02 * firms.planted
    tail = np.empty((N, n_link_years), dtype=np.float64)
    years_col = np.tile(year_list, CHUNK_FIRMS)
    for c, lo in enumerate(range(0, N, CHUNK_FIRMS)):
        hi = min(N, lo + CHUNK_FIRMS)
        n = hi - lo
        rng = _rng(seed, 8, c)
        sec = firms.sector[lo:hi]
        reg = firms.region[lo:hi]
        shocks = (
            sector_growth[sec]
            + region_growth[reg]
            + national[None, :]
            + drift[lo:hi, None]
            + rng.normal(0.0, 0.10, (n, Y))
        )
        shocks[:, 0] = 0.0
        emp = np.maximum(1, np.rint(firms.size0[lo:hi, None] * np.exp(np.cumsum(shocks, axis=1)))).astype(np.int32)
        revenue = np.round(emp * firms.prod[lo:hi, None] * price[None, :] * rng.lognormal(0.0, 0.1, (n, Y)), 3)
        purchases = np.round(revenue * purchase_share[lo:hi, None] * rng.lognormal(0.0, 0.05, (n, Y)), 3)
        purchases = np.minimum(purchases, revenue)
        exports = np.round(revenue * export_share[lo:hi, None], 3)
        invest = np.round(revenue * rng.gamma(2.0, 0.03, (n, Y)), 3)
        invest_null = rng.random((n, Y)) < 0.01
        tail[lo:hi] = purchases[:, Y - n_link_years :]
        tab = pa.table(
            {
                "inn": np.repeat(firms.inn[lo:hi], Y),
                "year": years_col[: n * Y],
                "employees": emp.ravel(),
                "revenue": revenue.ravel(),
                "purchases": purchases.ravel(),
                "exports": exports.ravel(),
                "investment": pa.array(invest.ravel(), mask=invest_null.ravel()),
            }
        )
        cur.register("_ey", tab)
        cur.execute("""
            INSERT INTO enterprise_years (inn, year, employees, revenue_mln_rub, purchases_mln_rub,
                                          exports_mln_rub, investment_mln_rub, data_status)
            SELECT lpad(CAST(inn AS VARCHAR), 10, '0'), year, employees, revenue, purchases, exports, investment,
                   'illustrative'
            FROM _ey""")
        cur.unregister("_ey")
    return tail


def _region_sector_years(
    cur, reg: pd.DataFrame, used_codes: list[str], sectors: pd.DataFrame, year_list: np.ndarray, seed: int
) -> None:
    """Class and division rows from enterprise_years; wages from an integer wage grid (thousand ₽)."""
    g = _rng(seed, 9)
    R, S, Y = len(reg), len(used_codes), len(year_list)
    region_wage = g.lognormal(np.log(500.0), 0.25, R)  # thousand ₽ per employee per year
    sector_factor = g.lognormal(0.0, 0.15, S)
    growth = np.cumprod(np.where(np.arange(Y) == 0, 1.0, 1.08))
    wage = np.rint(region_wage[:, None, None] * sector_factor[None, :, None] * growth[None, None, :]).astype(np.int64)
    grid = pa.table(
        {
            "region_code": np.repeat(reg["code"].to_numpy(dtype=object), S * Y).tolist(),
            "okved": np.tile(np.repeat(np.array(used_codes, dtype=object), Y), R).tolist(),
            "year": np.tile(year_list, R * S),
            "wage_k": wage.ravel(),
        }
    )
    cur.register("_wage_grid", grid)
    divisions = sorted(set(sectors.loc[sectors["level"] == "division", "code"]))
    cur.register("_divisions", pa.table({"code": divisions}))
    # revenue (rounded to 0.001 in enterprise_years) is summed as DECIMAL: exact, so the result does not
    # depend on the order in which threads add it up
    cur.execute("""
        INSERT INTO region_sector_years (region_code, okved, year, employees, wages_mln_rub, establishments,
                                         data_status, revenue_mln_rub)
        WITH agg AS (
            SELECT e.region_code, e.okved, y.year,
                   CAST(sum(y.employees) AS BIGINT) AS emp,
                   CAST(count(*) FILTER (WHERE y.employees > 0) AS BIGINT) AS est,
                   sum(CAST(y.revenue_mln_rub AS DECIMAL(18, 3))) AS rev
            FROM enterprise_years y JOIN enterprises e USING (inn)
            GROUP BY ALL),
        w AS (
            SELECT a.*, a.emp * g.wage_k AS wage_k_total
            FROM agg a JOIN _wage_grid g USING (region_code, okved, year))
        SELECT region_code, okved, year, CAST(emp AS DOUBLE), wage_k_total / 1000.0, CAST(est AS INTEGER),
               'illustrative', CAST(rev AS DOUBLE)
        FROM w WHERE length(okved) > 2
        UNION ALL
        SELECT region_code, left(okved, 2), year, CAST(sum(emp) AS DOUBLE), sum(wage_k_total) / 1000.0,
               CAST(sum(est) AS INTEGER), 'illustrative', CAST(sum(rev) AS DOUBLE)
        FROM w WHERE left(okved, 2) IN (SELECT code FROM _divisions)
        GROUP BY ALL""")
    cur.unregister("_wage_grid")
    cur.unregister("_divisions")


def _group_index(keys: np.ndarray, n_keys: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(order, start, count) so that members of key k are order[start[k] : start[k] + count[k]]."""
    order = np.argsort(keys, kind="stable")
    count = np.bincount(keys, minlength=n_keys)
    start = np.concatenate([[0], np.cumsum(count)[:-1]])
    return order, start, count


def _supply_links(
    cur,
    firms: _Firms,
    n_ind: int,
    div_of_class: np.ndarray,
    link_years: np.ndarray,
    purchases_tail: np.ndarray,
    links_per_enterprise: float,
    planted_sector_idx: np.ndarray,
    seed: int,
) -> int:
    N = len(firms.inn)
    S, R = firms.n_sectors, firms.n_regions
    rng = _rng(seed, 10)
    # a synthetic input-output structure: each class buys from 6 "input" classes
    K = 6
    inputs = rng.integers(0, n_ind, (S, K))
    # same-division classes, grouped (non-manufacturing codes form one extra group)
    n_div = int(div_of_class.max()) + 1
    div_key = np.concatenate([div_of_class, np.full(S - n_ind, n_div)]).astype(np.int64)
    div_order, div_start, div_count = _group_index(div_key, n_div + 1)

    # link slots per buyer: ~ links_per_enterprise on average, more for bigger and planted firms
    w = firms.size0**0.3 * np.where(firms.planted, 3.0, 1.0)
    lam = links_per_enterprise * N * w / w.sum()
    n_slots = np.minimum(rng.poisson(lam), 60)
    buyer = np.repeat(np.arange(N, dtype=np.int64), n_slots)
    M = len(buyer)
    b_sec = firms.sector[buyer]
    b_reg = firms.region[buyer].astype(np.int64)
    b_planted = firms.planted[buyer]

    u = rng.random(M)
    sup_sec = np.empty(M, dtype=np.int64)
    a = u < 0.5
    sup_sec[a] = inputs[b_sec[a], rng.integers(0, K, int(a.sum()))]
    b = (u >= 0.5) & (u < 0.8)
    d = div_key[b_sec[b]]
    sup_sec[b] = div_order[
        div_start[d] + np.floor(rng.random(int(b.sum())) * np.maximum(div_count[d], 1)).astype(np.int64)
    ]
    c = u >= 0.8
    sup_sec[c] = firms.sector[rng.integers(0, N, int(c.sum()))]
    p = b_planted & (rng.random(M) < 0.85)
    sup_sec[p] = planted_sector_idx[rng.integers(0, len(planted_sector_idx), int(p.sum()))]
    same_region = np.where(b_planted, rng.random(M) < 0.95, rng.random(M) < 0.7)

    supplier = rng.integers(0, N, M).astype(np.int64)  # fallback: any firm
    # national class groups
    order_s, start_s, count_s = _group_index(firms.sector.astype(np.int64), S)
    has = count_s[sup_sec] > 0
    pick = start_s[sup_sec] + np.floor(rng.random(M) * np.maximum(count_s[sup_sec], 1)).astype(np.int64)
    supplier[has] = order_s[pick[has]]
    # region × class groups (planted buyers prefer planted firms: planted classes are dense there anyway)
    key = firms.region.astype(np.int64) * S + firms.sector
    order_rs, start_rs, count_rs = _group_index(key, R * S)
    bk = b_reg * S + sup_sec
    has_r = same_region & (count_rs[bk] > 0)
    pick = start_rs[bk] + np.floor(rng.random(M) * np.maximum(count_rs[bk], 1)).astype(np.int64)
    supplier[has_r] = order_rs[pick[has_r]]

    keep = supplier != buyer
    pair = np.unique(supplier[keep] * N + buyer[keep])
    supplier, buyer = pair // N, pair % N
    P = len(pair)

    # values: each buyer's links cover a share of its purchases (Dirichlet weights across its links)
    share = rng.gamma(1.0, 1.0, P)
    share /= np.bincount(buyer, weights=share, minlength=N)[buyer]
    coverage = np.where(firms.planted, rng.beta(6, 3, N), rng.beta(2, 3, N)) * 0.95
    weight = share * coverage[buyer]
    # pair's age in years: geometric (persistence LINK_PERSISTENCE per year back), capped at the link years
    Yl = len(link_years)
    n_active = np.minimum(rng.geometric(1.0 - LINK_PERSISTENCE, P), Yl)  # 1 = only the last year
    # one row per active (pair, year), ordered by pair then year (= by the primary key)
    first_row = np.cumsum(n_active) - n_active
    total = int(n_active.sum())
    for lo in range(0, P, 1_000_000):
        hi = min(P, lo + 1_000_000)
        rep = np.repeat(np.arange(lo, hi), n_active[lo:hi])
        rank = np.arange(first_row[lo], first_row[lo] + len(rep)) - first_row[rep]
        col = Yl - n_active[rep] + rank
        vals = np.floor(purchases_tail[buyer[rep], col] * weight[rep] * 1000.0) / 1000.0
        tab = pa.table(
            {
                "s": firms.inn[supplier[rep]],
                "b": firms.inn[buyer[rep]],
                "y": link_years[col].astype(np.int32),
                "v": vals,
            }
        )
        cur.register("_links", tab)
        cur.execute("""
            INSERT INTO supply_links (supplier_inn, buyer_inn, year, value_mln_rub, data_status)
            SELECT lpad(CAST(s AS VARCHAR), 10, '0'), lpad(CAST(b AS VARCHAR), 10, '0'), y, v, 'illustrative'
            FROM _links""")
        cur.unregister("_links")
    return total


def _projects(
    cur,
    firms: _Firms,
    templates: pd.DataFrame,
    used_codes: list[str],
    n_projects: int,
    start_year: int,
    years: int,
    planted_id: str,
    seed: int,
) -> None:
    if n_projects <= 0:
        return
    rng = _rng(seed, 11)
    N = len(firms.inn)
    cluster_ids = sorted(templates["cluster_id"].unique())
    # candidate firms per template: OKVED equal to a template code or under it
    cand: dict[str, np.ndarray] = {}
    for cid in cluster_ids:
        codes = templates.loc[templates["cluster_id"] == cid, "okved"].tolist()
        mask_codes = np.array([any(c == t or c.startswith(t) for t in codes) for c in used_codes])
        members = np.flatnonzero(mask_codes[firms.sector])
        if cid == planted_id and firms.planted.any():
            members = np.flatnonzero(firms.planted)
        cand[cid] = members if len(members) else np.arange(N)
    by_region = {}
    for cid, m in cand.items():
        m = m[np.argsort(firms.region[m], kind="stable")]
        by_region[cid] = (m, firms.region[m])

    y0 = max(start_year, 2000)
    y1 = min(start_year + years - 1, 2100)
    rows_p, rows_pp, rows_c, rows_r = [], [], [], []
    for k in range(n_projects):
        pid = f"SYN-{k + 1:06d}"
        cid = cluster_ids[int(rng.integers(len(cluster_ids)))]
        members = cand[cid]
        init = int(members[int(rng.integers(len(members)))])
        stage = ("rd", "engineering", "pilot", "serial")[int(rng.choice(4, p=[0.2, 0.25, 0.2, 0.35]))]
        start = int(rng.integers(y0, max(y0, y1) + 1))
        joint = bool(rng.random() < 0.9)
        parts: list[int] = []
        if joint:
            sorted_m, regs = by_region[cid]
            lo_r, hi_r = np.searchsorted(regs, [firms.region[init], firms.region[init] + 1])
            reg_members = sorted_m[lo_r:hi_r]
            pool = reg_members if len(reg_members) > 1 else members
            want = int(rng.integers(1, 5))
            picks = rng.choice(len(pool), min(len(pool), want + 1), replace=False)
            parts = [int(pool[i]) for i in picks if int(pool[i]) != init][:want]
            if not parts:
                other = int(rng.integers(N))
                parts = [other if other != init else (init + 1) % N]
        jobs = int(rng.poisson({"rd": 8, "engineering": 15, "pilot": 30, "serial": 80}[stage]))
        rows_p.append(
            (
                pid,
                f"Синтетический проект {k + 1:06d}",
                f"Synthetic project {k + 1:06d}",
                cid,
                f"{firms.inn[init]:010d}",
                stage,
                start,
                jobs,
                joint and bool(parts),
                "illustrative",
            )
        )
        rows_pp.append((pid, f"{firms.inn[init]:010d}", "initiator"))
        for q in parts:
            rows_pp.append((pid, f"{firms.inn[q]:010d}", "participant"))
        scale = float(rng.lognormal(np.log(60.0), 0.9))
        for t in range(int(rng.integers(1, 4))):
            year = start + t
            if year > 2100:
                break
            if year >= 2023:
                cats = ["component_batches"] + list(
                    rng.choice(["equipment", "engineering", "other"], int(rng.integers(0, 3)), replace=False)
                )
            else:
                cats = list(rng.choice(_COST_CATEGORIES[:7], int(rng.integers(2, 6)), replace=False))
            for cat in cats:
                amount = round(scale * float(rng.lognormal(-1.0, 0.6)), 3)
                supplier = None
                if cat == "component_batches" and parts:
                    supplier = f"{firms.inn[parts[int(rng.integers(len(parts)))]]:010d}"
                rows_c.append((pid, year, str(cat), amount, supplier))
        for t in range(1, 7):
            year = start + t
            if year > 2100:
                break
            revenue = round(scale * 1.5 * (1 - np.exp(-0.6 * t)) * float(rng.lognormal(0.0, 0.15)), 3)
            rows_r.append((pid, year, revenue, round(revenue * 0.2, 3)))
    frames = {
        "projects": pd.DataFrame(
            rows_p,
            columns=[
                "project_id",
                "name_ru",
                "name_en",
                "cluster_id",
                "initiator_inn",
                "stage",
                "start_year",
                "jobs",
                "is_joint",
                "data_status",
            ],
        ),
        "project_participants": pd.DataFrame(rows_pp, columns=["project_id", "inn", "role"]).drop_duplicates(
            ["project_id", "inn"]
        ),
        "project_costs": pd.DataFrame(
            rows_c, columns=["project_id", "year", "category", "amount_mln_rub", "supplier_inn"]
        ),
        "project_revenues": pd.DataFrame(rows_r, columns=["project_id", "year", "revenue_mln_rub", "taxes_mln_rub"]),
    }
    for table, frame in frames.items():
        store.load_frame(cur, table, frame)


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m analytics.tools.synth --out PATH [options]``."""
    import argparse

    parser = argparse.ArgumentParser(description="Write a synthetic national-scale Cluster Navigator store.")
    parser.add_argument("--out", required=True, help="path of the DuckDB file to write (replaced)")
    parser.add_argument("--regions", type=int, default=85)
    parser.add_argument("--enterprises", type=int, default=1_000_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--start-year", type=int, default=2014)
    parser.add_argument("--links-per-enterprise", type=float, default=3)
    parser.add_argument("--link-years", type=int, default=3, help="years with supply links (the last ones)")
    parser.add_argument("--projects", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--memory-limit", default="3GB", help="DuckDB memory limit (default 3GB)")
    parser.add_argument("--force", action="store_true", help="allow replacing the app's own store")
    args = parser.parse_args(argv)
    out = Path(args.out)
    if out.resolve() == store.DEFAULT_DB.resolve() and not args.force:
        parser.error(f"{out} is the app's store; pass --force to replace it with synthetic data")
    result = generate(
        out,
        regions=args.regions,
        enterprises=args.enterprises,
        years=args.years,
        start_year=args.start_year,
        links_per_enterprise=args.links_per_enterprise,
        seed=args.seed,
        link_years=args.link_years,
        projects=args.projects,
        threads=args.threads,
        memory_limit=args.memory_limit,
    )
    print(f"wrote {result['path']} in {result['total_s']:.1f} s, {result['size_bytes'] / 1e6:.1f} MB")
    for table, n in result["counts"].items():
        print(f"  {table:22s} {n:>12,d}")
    print("timings (s): " + ", ".join(f"{k} {v:.2f}" for k, v in result["timings_s"].items()))
    print("planted: " + json.dumps(result["planted"], ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
