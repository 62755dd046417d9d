"""Seed tables of real public data, built from the files shipped in ``data/public/`` (sources and
licences in ``data/seed/ATTRIBUTION.md`` and each folder's ``SOURCE.md``).

Every row gets ``data_status = 'public'`` and its source. Region names are matched to FNS codes by
:func:`analytics.data.region_names.match_region`; a name that matches nothing stops the build
(``ValueError``), never a guess.

Tables (see migration 5 in :mod:`analytics.schema`):

- ``region_reference`` — 85 subjects with OKATO, OKTMO, ISO, district, English name (CC BY-SA 4.0);
- ``region_indicators`` —
  ``shipments_okved1`` (breakdown C mining / D manufacturing / E utilities, OKVED 1, 2005–2016,
  mln ₽; Russia as ``RU``; Rosstat's confidential cells «…» kept as ``suppressed``);
  ``labour_force`` (2017–2024, thousand persons, LFS); the Arkhangelsk and Tyumen rows of the
  labour-force file include their autonomous okrugs (the regions sum to 77.3 million in 2023 against
  Russia's 76 million), so codes 29 and 72 are stored *without* them, as everywhere in the store:
  oblast − okrugs (``source`` says so);
  ``employment_avg_annual`` (Russia, OKVED 2 sections, 2017–2023, thousand persons; ``TOTAL``,
  and ``M72`` as a sub-item of M — not to be added to the total);
- ``registry_clusters`` — 24 real clusters; ``in_registry`` true when the status says the cluster
  is in the Decree 779 registry (stated or implied by a Decree 41 subsidy);
- ``public_facts`` — registry size over time, Decree 41 programme totals, Kaluga aggregates;
- ``programme_projects`` — 9 named Decree 41 projects.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from analytics.data import region_names

ROOT = Path(__file__).resolve().parents[2]
PUBLIC_DIR = ROOT / "data" / "public"
PUBLIC = "public"

#: Source links per row (full citations in data/seed/ATTRIBUTION.md).
SHIPMENTS_SOURCE = "Росстат https://rosstat.gov.ru/folder/10705"
LABOUR_SOURCE = "Росстат ОРС, https://github.com/bellallion/Rosstat"
EMPLOYMENT_SOURCE = "Росстат https://rosstat.gov.ru/storage/mediabank/05-05_2017-2024.xls"
WITHOUT_OKRUGS = {"29": ("83",), "72": ("86", "89")}


def _read(relative: str, public_dir: Path) -> pd.DataFrame:
    return pd.read_csv(public_dir / relative, dtype=str, keep_default_na=False)


def _code(name: str, *, has_without_okrug: frozenset[str] = frozenset()) -> region_names.RegionMatch:
    match = region_names.match_region(name, has_without_okrug=has_without_okrug)
    if match is None:
        raise ValueError(f"region name matches no federal subject: {name!r}")
    return match


def _number(text: str) -> float | None:
    """A text value that is exactly one number («21.8» → 21.8, «-11867.291»); else ``None`` («>50»,
    «8 / 6 / 3», «~3000»: bounds and lists are not numbers)."""
    cleaned = text.strip().replace(",", ".")
    return float(cleaned) if re.fullmatch(r"-?\d+(\.\d+)?", cleaned) else None


def region_reference(public_dir: Path = PUBLIC_DIR) -> pd.DataFrame:
    ref = region_names.reference()
    return ref.assign(data_status=PUBLIC, source=region_names.REFERENCE_SOURCE)[
        [
            "code",
            "name_ru",
            "name_en",
            "federal_district",
            "okato",
            "oktmo",
            "iso_code",
            "kladr_id",
            "timezone",
            "data_status",
            "source",
        ]
    ]


def shipments(public_dir: Path = PUBLIC_DIR) -> pd.DataFrame:
    raw = _read("rosstat-shipments/shipments_by_region_okved1_sections_2005_2016.csv", public_dir)
    without = region_names.codes_without_okrug(list(raw["region_ru"].unique()))
    matches = {name: _code(name, has_without_okrug=without) for name in raw["region_ru"].unique()}
    rows = []
    for section, name, year, value, flag in raw[
        ["okved1_section", "region_ru", "year", "shipped_mln_rub", "flag"]
    ].itertuples(index=False):
        match = matches[name]
        if match.level == "country":
            code = "RU"
        elif match.level == "region":
            code = match.code
        else:
            continue  # federal districts and oblasts with their okrugs: sums of rows already kept
        suppressed = value == "" or flag != ""
        rows.append(
            {
                "indicator": "shipments_okved1",
                "breakdown": section[0],
                "region_code": code,
                "year": int(year),
                "value": None if suppressed else float(value),
                "unit": "mln_rub",
                "cell_status": "suppressed" if suppressed else "ok",
                "source": SHIPMENTS_SOURCE,
                "data_status": PUBLIC,
            }
        )
    return pd.DataFrame(rows)


def labour_force(public_dir: Path = PUBLIC_DIR) -> pd.DataFrame:
    raw = _read("rosstat-employment/labor_force_by_region_2017_2024.csv", public_dir)
    raw["code"] = [_code(n).code for n in raw["region_ru"]]
    raw["value"] = raw["labour_force_thousand"].astype(float)
    values = raw.set_index(["code", "year"])["value"]
    rows = []
    for code, year, value in zip(raw["code"], raw["year"], raw["value"]):
        source = LABOUR_SOURCE
        if code in WITHOUT_OKRUGS:
            value = value - sum(values[(okrug, year)] for okrug in WITHOUT_OKRUGS[code])
            source += "; без АО = область − АО"
        rows.append(
            {
                "indicator": "labour_force",
                "breakdown": "total",
                "region_code": code,
                "year": int(year),
                "value": round(value, 3),
                "unit": "thousand_persons",
                "cell_status": "ok",
                "source": source,
                "data_status": PUBLIC,
            }
        )
    return pd.DataFrame(rows)


def employment_by_section(public_dir: Path = PUBLIC_DIR) -> pd.DataFrame:
    raw = _read("rosstat-employment/rf_employment_by_okved2_section_2017_2023.csv", public_dir)
    return pd.DataFrame(
        {
            "indicator": "employment_avg_annual",
            "breakdown": raw["okved2_section"],
            "region_code": "RU",
            "year": raw["year"].astype(int),
            "value": raw["employed_avg_annual_thousand"].astype(float),
            "unit": "thousand_persons",
            "cell_status": "ok",
            "source": EMPLOYMENT_SOURCE,
            "data_status": PUBLIC,
        }
    )


def registry_clusters(public_dir: Path = PUBLIC_DIR) -> pd.DataFrame:
    raw = _read("clusters-registry/clusters_registry_facts.csv", public_dir)
    return pd.DataFrame(
        {
            "cluster_name_ru": raw["cluster_name_ru"],
            "region_codes": [";".join(_code(n.strip()).code for n in names.split(";")) for names in raw["region_ru"]],
            "region_ru": raw["region_ru"],
            "specialisation": raw["specialisation"],
            "registry_status": raw["registry_status"],
            "in_registry": raw["registry_status"].str.startswith("in_779_registry"),
            "status_date": raw["status_date"],
            "participants": raw["participants"].replace("", None),
            "specialised_org": raw["specialised_org_or_initiator"].replace("", None),
            "notes": raw["notes"].replace("", None),
            "source_url": raw["source_url"],
            "data_status": PUBLIC,
            # none of the named real clusters is one of the templates: an analyst links one by loading it
            "cluster_id": None,
        }
    )


def public_facts(public_dir: Path = PUBLIC_DIR) -> pd.DataFrame:
    registry = _read("clusters-registry/registry_aggregates.csv", public_dir)
    programme = _read("pp41-projects/pp41_programme_aggregates.csv", public_dir)
    kaluga = _read("kaluga-facts/kaluga_facts.csv", public_dir)
    frames = [
        pd.DataFrame(
            {
                "topic": "registry_size",
                "period": registry["date"],
                "indicator": registry["indicator"],
                "value": registry["value"],
                "unit": registry["unit"],
                "confidence": None,
                "source_url": registry["source_url"],
                "note": registry["note"],
            }
        ),
        pd.DataFrame(
            {
                "topic": "pp41_programme",
                "period": programme["period"],
                "indicator": programme["indicator"],
                "value": programme["value"],
                "unit": programme["unit"],
                "confidence": None,
                "source_url": programme["source_url"],
                "note": None,
            }
        ),
        pd.DataFrame(
            {
                "topic": "kaluga",
                "period": kaluga["period"],
                "indicator": kaluga["indicator"],
                "value": kaluga["value"],
                "unit": kaluga["unit"],
                "confidence": kaluga["confidence"],
                "source_url": kaluga["source_url"],
                "note": kaluga["note"],
            }
        ),
    ]
    out = pd.concat(frames, ignore_index=True)
    out["value_number"] = [_number(v) for v in out["value"]]
    for col in ("unit", "note", "confidence", "value"):
        out[col] = out[col].replace("", None)
    out["data_status"] = PUBLIC
    return out[
        [
            "topic",
            "period",
            "indicator",
            "value",
            "value_number",
            "unit",
            "confidence",
            "source_url",
            "note",
            "data_status",
        ]
    ]


def programme_projects(public_dir: Path = PUBLIC_DIR) -> pd.DataFrame:
    raw = _read("pp41-projects/pp41_projects_facts.csv", public_dir)
    return pd.DataFrame(
        {
            "project_name_ru": raw["project_name_ru"],
            "selection_year": raw["selection_year"],
            "cluster_name_ru": raw["cluster"].replace("", None),
            "region_code": [_code(n).code if n and ";" not in n else None for n in raw["region_ru"]],
            "region_ru": raw["region_ru"].replace("", None),
            "participants": raw["initiator_or_participants"].replace("", None),
            "subsidy_mln_rub": [_number(v) for v in raw["subsidy_mln_rub"]],
            "project_cost_mln_rub": [_number(v) for v in raw["project_cost_mln_rub"]],
            "source_url": raw["source_url"],
            "note": raw["note"].replace("", None),
            "data_status": PUBLIC,
        }
    )


def build_public(public_dir: Path = PUBLIC_DIR) -> dict[str, pd.DataFrame]:
    """The five public-data seed tables as frames."""
    indicators = pd.concat(
        [shipments(public_dir), labour_force(public_dir), employment_by_section(public_dir)], ignore_index=True
    )
    return {
        "region_reference": region_reference(public_dir),
        "region_indicators": indicators,
        "registry_clusters": registry_clusters(public_dir),
        "public_facts": public_facts(public_dir),
        "programme_projects": programme_projects(public_dir),
    }


SORT_KEYS = {
    "region_reference": ["code"],
    "region_indicators": ["indicator", "breakdown", "region_code", "year"],
    "registry_clusters": ["cluster_name_ru"],
    "public_facts": ["topic", "period", "indicator"],
    "programme_projects": ["project_name_ru"],
}
DECIMALS = {
    "region_indicators": {"value": 3},
    "public_facts": {"value_number": 3},
    "programme_projects": {"subsidy_mln_rub": 1, "project_cost_mln_rub": 1},
}
