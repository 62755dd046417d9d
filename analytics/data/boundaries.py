"""Region and municipal boundaries from GeoJSON, for choropleth maps drawn offline.

An analyst loads a GeoJSON ``FeatureCollection`` (lon/lat, WGS 84) of regions or of municipalities.
Each feature must be a ``Polygon`` or ``MultiPolygon`` with well-formed rings, and one property must
identify it: the region code (``40``) or OKTMO (``29701000``), or the name in Russian or English as
the store knows it (``Калужская область`` / ``Kaluga Oblast``; case, dashes, «Республика» and similar
words ignored). The loader picks the property that matches the most features and reports the
features it could not place. Several features of one unit (islands) are merged into a MultiPolygon.

Boundaries of a level are replaced as a whole, in one transaction, with a ``dataset_versions`` row
(``table_name = 'boundaries'``). :func:`feature_collection` gives the stored shapes back as GeoJSON
with ``id`` = code, ready for ``plotly`` ``Choroplethmap(featureidkey="id")`` with
``map_style="white-bg"`` (no tiles, no network). Sources of boundary files: OpenStreetMap extracts
(e.g. GIS-Lab's "OSM administrative boundaries"), Rosreestr.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import duckdb
import pandas as pd

from analytics import store
from analytics.data.ingest import Limits, LoadReport, read_source
from analytics.data.validate import Issue, msg
from analytics.metrics import geo

LEVELS = ("region", "municipality")
_DROP_WORDS = (
    r"\b(республика|респ|город|г|городской округ|муниципальный район|муниципальный округ|район|"
    r"republic|city|district|urban okrug)\b"
)


def normalise_name(text: object) -> str:
    """Lower case, ``ё`` → ``е``, dashes and brackets as spaces, «Республика», «район», … dropped."""
    s = str(text or "").lower().replace("ё", "е")
    s = re.sub(r"[\-–—_.,()«»\"']+", " ", s)
    s = re.sub(_DROP_WORDS, " ", s)
    return re.sub(r"\s+", " ", s).strip()


@dataclass
class BoundaryPlan:
    """Validated boundaries ready to store, with the report shown to the analyst."""

    report: LoadReport
    level: str = "region"
    rows: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["code", "name", "geometry"]))
    key_property: str | None = None
    unmatched: list[str] = field(default_factory=list)


def _error(code: str, row: int | None = None, value: str | None = None, **params: Any) -> Issue:
    return Issue(row, None, value, msg(code, **params))


def _ring_ok(ring: Any) -> bool:
    if not isinstance(ring, list) or len(ring) < 4:
        return False
    for point in ring:
        if not (
            isinstance(point, list)
            and len(point) >= 2
            and all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in point[:2])
        ):
            return False
        if not (-180 <= point[0] <= 180 and -90 <= point[1] <= 90):
            return False
    return ring[0][:2] == ring[-1][:2]


def _polygons(geometry: Any) -> list[list] | None:
    """The polygons of a Polygon / MultiPolygon geometry, or ``None`` when malformed."""
    if not isinstance(geometry, dict):
        return None
    kind, coords = geometry.get("type"), geometry.get("coordinates")
    polygons = [coords] if kind == "Polygon" else coords if kind == "MultiPolygon" else None
    if not isinstance(polygons, list) or not polygons:
        return None
    for polygon in polygons:
        if not isinstance(polygon, list) or not polygon or not all(_ring_ok(r) for r in polygon):
            return None
    return polygons


def _lookup(con: duckdb.DuckDBPyConnection, level: str) -> dict[str, str]:
    """Normalised code or name → code of the store's regions or municipalities."""
    if level == "region":
        frame = store.query(con, "SELECT code, name_ru, name_en FROM regions")
    else:
        frame = store.query(con, "SELECT oktmo AS code, name_ru, name_en FROM municipalities")
    out: dict[str, str] = {}
    for code, ru, en in zip(frame["code"], frame["name_ru"], frame["name_en"]):
        out[str(code)] = str(code)
        for name in (ru, en):
            if isinstance(name, str) and normalise_name(name):
                out.setdefault(normalise_name(name), str(code))
    return out


def _property_priority(name: str) -> int:
    """Ties between properties go to codes, then names, then anything else (``cartodb_id`` 64 must not
    pass for region 64)."""
    lowered = name.lower()
    if re.search(r"oktmo|октмо|okato|code|kod|код", lowered):
        return 2
    if re.search(r"name|назв|наимен", lowered):
        return 1
    return 0


def _key_of(value: Any, lookup: dict[str, str]) -> str | None:
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = str(value).strip()
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    if text in lookup:
        return lookup[text]
    return lookup.get(normalise_name(text))


def prepare_boundaries(
    con: duckdb.DuckDBPyConnection,
    level: str,
    source: str | os.PathLike[str] | bytes | BinaryIO,
    *,
    key_property: str | None = None,
    file_name: str | None = None,
    limits: Limits | None = None,
) -> BoundaryPlan:
    """Read and validate a GeoJSON file of ``level`` boundaries (``region`` / ``municipality``)."""
    limits = limits or Limits.from_env()
    data, name = read_source(source)
    report = LoadReport(
        ok=False,
        rows_loaded=0,
        errors=[],
        warnings=[],
        version_id=None,
        table="boundaries",
        mode="replace",
        file_name=Path(file_name).name[:200] if file_name else name,
        sha256=hashlib.sha256(data).hexdigest(),
    )
    plan = BoundaryPlan(report, level)

    def fail(*issues: Issue) -> BoundaryPlan:
        report.errors = list(issues)
        report.error_counts = {i.code: 1 for i in issues}
        return plan

    if level not in LEVELS:
        return fail(_error("boundary_level", level=level))
    if len(data) > limits.max_bytes:
        return fail(
            _error("file_too_large", size_mb=round(len(data) / 2**20, 1), limit_mb=round(limits.max_bytes / 2**20, 1))
        )
    if not data.strip():
        return fail(_error("empty_file"))
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return fail(_error("json_invalid", detail=str(exc)[:120]))
    if isinstance(doc, dict) and doc.get("type") == "Feature":
        doc = {"type": "FeatureCollection", "features": [doc]}
    if not (isinstance(doc, dict) and doc.get("type") == "FeatureCollection" and isinstance(doc.get("features"), list)):
        return fail(_error("geojson_type"))
    features = [f for f in doc["features"] if isinstance(f, dict)]
    if not features:
        return fail(_error("geojson_type"))
    errors: list[Issue] = []
    shapes: list[list | None] = []
    for number, feature in enumerate(features, start=1):
        polygons = _polygons(feature.get("geometry"))
        label = _label(feature)
        if polygons is None:
            kind = (feature.get("geometry") or {}).get("type") if isinstance(feature.get("geometry"), dict) else None
            code = "geometry_type" if kind not in ("Polygon", "MultiPolygon") else "geometry_invalid"
            errors.append(_error(code, number, label, kind=str(kind)))
        shapes.append(polygons)
    if errors:
        report.error_counts = {}
        for e in errors:
            report.error_counts[e.code] = report.error_counts.get(e.code, 0) + 1
        report.errors = errors[:200]
        return plan
    lookup = _lookup(con, level)
    properties = [f.get("properties") or {} for f in features]
    candidates = [key_property] if key_property else sorted({k for p in properties for k in p})
    scored = []
    for prop in candidates:
        hits = sum(1 for p in properties if _key_of(p.get(prop), lookup) is not None)
        scored.append((hits, prop))
    scored.sort(key=lambda x: (-x[0], -_property_priority(x[1]), x[1]))
    if not scored or scored[0][0] == 0:
        return fail(_error("boundary_no_match", level=level))
    plan.key_property = prop = scored[0][1]
    merged: dict[str, dict[str, Any]] = {}
    for feature, props, polygons in zip(features, properties, shapes):
        code = _key_of(props.get(prop), lookup)
        if code is None:
            plan.unmatched.append(_label(feature) or "?")
            continue
        entry = merged.setdefault(code, {"name": str(props.get(prop)), "polygons": []})
        entry["polygons"].extend(polygons or [])
    rows = []
    for code, entry in merged.items():
        polygons = entry["polygons"]
        geometry = (
            {"type": "Polygon", "coordinates": polygons[0]}
            if len(polygons) == 1
            else {"type": "MultiPolygon", "coordinates": polygons}
        )
        rows.append({"code": code, "name": entry["name"], "geometry": json.dumps(geometry, separators=(",", ":"))})
    plan.rows = pd.DataFrame(rows, columns=["code", "name", "geometry"])
    report.warnings.append(Issue(None, prop, None, msg("boundary_property", property=prop, matched=len(rows))))
    if plan.unmatched:
        shown = ", ".join(plan.unmatched[:15]) + (" …" if len(plan.unmatched) > 15 else "")
        report.warnings.append(
            Issue(None, prop, None, msg("boundary_unmatched", count=len(plan.unmatched), names=shown))
        )
    if sum(1 for f, p in zip(features, properties) if _key_of(p.get(prop), lookup)) > len(rows):
        report.warnings.append(Issue(None, prop, None, msg("boundary_merged")))
    report.rows_in_file = len(features)
    report.added = len(rows)
    report.ok = True
    return plan


def _label(feature: dict) -> str | None:
    props = feature.get("properties") or {}
    for key in ("name", "NAME", "name_ru", "name_latin", "oktmo", "OKTMO", "code"):
        if props.get(key) not in (None, ""):
            return str(props[key])[:80]
    return None


def commit_boundaries(con: duckdb.DuckDBPyConnection, plan: BoundaryPlan, user: str | None = None) -> LoadReport:
    """Replace the stored boundaries of the plan's level, in one transaction."""
    report = plan.report
    if not report.ok:
        return report
    try:
        with con.cursor() as cur, store.transaction(cur):
            version_id = int(
                cur.execute(
                    "INSERT INTO dataset_versions (table_name, action, file_name, sha256, user_name, rows_in_file, "
                    "rows_after, note) VALUES ('boundaries', 'replace', ?, ?, ?, ?, ?, ?) RETURNING version_id",
                    [
                        report.file_name,
                        report.sha256,
                        user or "system",
                        report.rows_in_file,
                        len(plan.rows),
                        f"{plan.level} boundaries, property {plan.key_property}",
                    ],
                ).fetchall()[0][0]
            )
            cur.execute("DELETE FROM boundaries WHERE level = ?", [plan.level])
            frame = plan.rows.assign(level=plan.level, file_name=report.file_name, version_id=version_id)
            cur.register("_boundaries_frame", frame)
            cur.execute(
                "INSERT INTO boundaries (level, code, name, geometry, file_name, version_id) "
                "SELECT level, code, name, geometry, file_name, version_id FROM _boundaries_frame"
            )
            cur.unregister("_boundaries_frame")
    except duckdb.Error as exc:
        report.ok = False
        report.errors = [Issue(None, None, None, msg("store_rejected", detail=str(exc).splitlines()[0][:300]))]
        return report
    report.version_id = version_id
    report.rows_loaded = len(plan.rows)
    return report


def load_boundaries(
    con: duckdb.DuckDBPyConnection,
    level: str,
    source: str | os.PathLike[str] | bytes | BinaryIO,
    *,
    user: str | None = None,
    key_property: str | None = None,
    file_name: str | None = None,
) -> LoadReport:
    """Validate and store a GeoJSON of ``level`` boundaries; the store is unchanged when ``ok`` is false."""
    plan = prepare_boundaries(con, level, source, key_property=key_property, file_name=file_name)
    return commit_boundaries(con, plan, user)


def _round(coords: Any, digits: int) -> Any:
    if isinstance(coords, list) and coords and isinstance(coords[0], (int, float)):
        return [round(float(v), digits) for v in coords[:2]]
    return [_round(c, digits) for c in coords]


def feature_collection(con: duckdb.DuckDBPyConnection, level: str, digits: int = 3) -> dict:
    """Stored boundaries of ``level`` as a GeoJSON FeatureCollection (``id`` = code), coordinates
    rounded to ``digits`` decimals (3 ≈ 100 m: plenty for a choropleth, a much lighter page)."""
    frame = store.query(con, "SELECT code, name, geometry FROM boundaries WHERE level = ? ORDER BY code", [level])
    features = []
    for code, name, geometry in zip(frame["code"], frame["name"], frame["geometry"]):
        shape = json.loads(geometry)
        shape["coordinates"] = _round(shape["coordinates"], digits)
        features.append({"type": "Feature", "id": code, "properties": {"name": name}, "geometry": shape})
    return {"type": "FeatureCollection", "features": features}


def map_view(con: duckdb.DuckDBPyConnection, level: str, width_px: int = 1000, height_px: int = 560) -> dict:
    """``center`` (lat, lon) and ``zoom`` of a web-Mercator map of ``width_px`` × ``height_px`` that
    shows all stored boundaries of ``level`` (:func:`analytics.metrics.geo.fit_bounds`: antimeridian-safe,
    latitudes clamped to ±85°, a margin of 0.15 zoom levels)."""
    frame = store.query(con, "SELECT geometry FROM boundaries WHERE level = ?", [level])
    lons: list[float] = []
    lats: list[float] = []
    for geometry in frame["geometry"]:
        x, y = geo.coordinates(json.loads(geometry)["coordinates"])
        lons += x
        lats += y
    return geo.fit_bounds(lats, lons, width_px, height_px)


def summary(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Boundaries held per level: ``level``, ``units``, ``file_name``, ``version_id``."""
    return store.query(
        con,
        "SELECT level, count(*) AS units, any_value(file_name) AS file_name, "
        "max(version_id) AS version_id FROM boundaries GROUP BY level ORDER BY level",
    )


def choropleth_values(con: duckdb.DuckDBPyConnection, level: str, region_code: str) -> pd.DataFrame:
    """Values to colour the stored boundaries by: ``code``, ``name_ru``, ``name_en``, ``value``.

    Regions: manufacturing employment (OKVED 2 section C divisions), persons, latest year in
    ``region_sector_years``. Municipalities of ``region_code``: enterprises in the store.
    """
    if level == "region":
        return store.query(
            con,
            """
            WITH latest AS (SELECT max(year) AS y FROM region_sector_years)
            SELECT r.code, r.name_ru, r.name_en, sum(y.employees) AS value
            FROM regions r JOIN boundaries b ON b.level = 'region' AND b.code = r.code
            LEFT JOIN region_sector_years y ON y.region_code = r.code AND y.year = (SELECT y FROM latest)
                 AND y.okved IN (SELECT code FROM sectors WHERE level = 'division' AND section = 'C')
            GROUP BY ALL ORDER BY r.code""",
        )
    return store.query(
        con,
        """
        SELECT m.oktmo AS code, m.name_ru, m.name_en, count(e.inn) AS value
        FROM municipalities m JOIN boundaries b ON b.level = 'municipality' AND b.code = m.oktmo
        LEFT JOIN enterprises e ON e.oktmo = m.oktmo
        WHERE m.region_code = ? GROUP BY ALL ORDER BY m.oktmo""",
        [region_code],
    )
