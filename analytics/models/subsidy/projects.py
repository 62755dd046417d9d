"""The projects to appraise (:class:`Projects`): frames validated once and turned into numpy arrays
over projects × calendar years, so that :func:`analytics.models.subsidy.evaluate` is fast.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import duckdb
import numpy as np
import pandas as pd

from analytics.metrics._panel import warn
from analytics.models import registry
from analytics.models.subsidy.parameters import COST_CATEGORIES
from analytics.models.subsidy.taxes import SHARE_COLUMNS, project_shares
from analytics.queries.projects import project_frames, registered_in_data, registry_region_year
from analytics.store.schema import PROJECT_STAGES


@dataclass(frozen=True)
class _Arrays:
    """Everything :func:`evaluate` needs, as numpy arrays over projects × calendar years."""

    ids: np.ndarray
    years: np.ndarray
    t0_col: np.ndarray  # column of each project's first year
    stage_code: np.ndarray
    registered: np.ndarray
    is_joint: np.ndarray
    n_participants: np.ndarray
    jobs: np.ndarray
    applicant: np.ndarray  # applicant (initiator) code per project
    n_applicants: int
    costs: np.ndarray  # all costs, P × Y
    revenue: np.ndarray  # P × Y
    taxes_reported: np.ndarray  # P × Y, 0 where unknown
    taxes_known: np.ndarray  # P × Y bool
    c_p: np.ndarray  # cost rows: project index
    c_y: np.ndarray  # cost rows: year column
    c_cat: np.ndarray  # cost rows: category code
    c_amount: np.ndarray
    c_first_day: np.ndarray  # cost rows: first and last day (ordinal) the row may date from
    c_last_day: np.ndarray
    c_supplier_missing: np.ndarray
    c_supplier_is_applicant: np.ndarray
    c_supplier_in_cluster: np.ndarray
    start_year: np.ndarray  # P, calendar year the project starts
    tax_shares: np.ndarray  # P × 4: value added, compensation, wages, other taxes per ₽ of output


def _require(frame: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{what} has no column(s) {missing}; it has {list(frame.columns)}")


def _text(series: pd.Series) -> np.ndarray:
    return series.astype(object).where(series.notna(), None).to_numpy(dtype=object)


def _is_leap(year: np.ndarray) -> np.ndarray:
    return (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))


def _known_projects(frame: pd.DataFrame, ids: pd.Index, what: str) -> pd.DataFrame:
    unknown = ~frame["project_id"].isin(ids)
    if unknown.any():
        warn(
            f"{what}: {int(unknown.sum())} row(s) of unknown projects left out "
            f"(e.g. {frame.loc[unknown, 'project_id'].iloc[0]!r})"
        )
        frame = frame.loc[~unknown]
    return frame


@dataclass(frozen=True, eq=False)
class Projects:
    """The projects to appraise, as plain frames (from :func:`load_projects` or built by hand).

    - ``projects``: ``project_id, cluster_id, initiator_inn, stage, start_year`` [, ``jobs`` (0),
      ``is_joint`` (True), ``name_ru``, ``name_en``, ``okved`` (the product's OKVED 2 code, for the tax
      bases), ``value_added_share``, ``compensation_share``, ``wages_share``, ``other_taxes_share``
      (own tax bases per ₽ of revenue, overriding the input–output table's; see
      :mod:`analytics.models.subsidy.taxes`)];
    - ``participants``: ``project_id, inn`` [, ``role``] — the initiator counts even when absent;
    - ``costs``: ``project_id, year, category, amount_mln_rub`` [, ``supplier_inn``, ``cost_date``];
      a row without ``cost_date`` covers its whole year (it passes a date window only when the whole
      year lies inside it);
    - ``revenues``: ``project_id, year, revenue_mln_rub`` [, ``taxes_mln_rub`` — NaN: derive from the
      scenario's tax rate];
    - ``registered_clusters``: cluster ids on the Minpromtorg registry (None: no registry given, every
      cluster counts as registered; :func:`load_projects` always gives one);
    - ``cluster_members``: cluster id → INNs of its participants, for the "supplier is another cluster
      participant" rule (None: everyone taking part in a project of that cluster).

    The frames are validated and turned into arrays once, so that :func:`evaluate` is fast.
    """

    projects: pd.DataFrame
    participants: pd.DataFrame | None = None
    costs: pd.DataFrame | None = None
    revenues: pd.DataFrame | None = None
    registered_clusters: Collection[str] | None = None
    cluster_members: Mapping[str, Collection[str]] | None = None
    arrays: _Arrays = field(init=False, repr=False)

    def __post_init__(self) -> None:
        set_ = lambda name, value: object.__setattr__(self, name, value)  # noqa: E731 (frozen)
        p = self.projects.copy()
        _require(p, ["project_id", "cluster_id", "initiator_inn", "stage", "start_year"], "projects")
        if p["project_id"].duplicated().any():
            duplicated = p.loc[p["project_id"].duplicated(), "project_id"].iloc[0]
            raise ValueError(f"projects: duplicated project_id {duplicated!r}")
        bad_stage = ~p["stage"].isin(PROJECT_STAGES)
        if bad_stage.any():
            stage = p.loc[bad_stage, "stage"].iloc[0]
            raise ValueError(f"projects: unknown stage {stage!r}; allowed {PROJECT_STAGES}")
        if "jobs" not in p:
            p["jobs"] = 0
        if "is_joint" not in p:
            p["is_joint"] = True
        for col in ("name_ru", "name_en", "okved"):
            if col not in p:
                p[col] = None
        p["jobs"] = pd.to_numeric(p["jobs"], errors="raise").fillna(0)
        if (p["jobs"] < 0).any():
            raise ValueError("projects: jobs must be ≥ 0")
        p["start_year"] = pd.to_numeric(p["start_year"], errors="raise").astype("int64")
        p["is_joint"] = p["is_joint"].fillna(True).astype(bool)
        p = p.sort_values("project_id", kind="stable").reset_index(drop=True)
        ids = pd.Index(p["project_id"])

        parts = (
            self.participants if self.participants is not None else pd.DataFrame(columns=["project_id", "inn"])
        ).copy()
        _require(parts, ["project_id", "inn"], "participants")
        parts = _known_projects(parts, ids, "participants")

        costs = (
            self.costs
            if self.costs is not None
            else pd.DataFrame(columns=["project_id", "year", "category", "amount_mln_rub"])
        ).copy()
        _require(costs, ["project_id", "year", "category", "amount_mln_rub"], "costs")
        costs = _known_projects(costs, ids, "costs")
        if "supplier_inn" not in costs:
            costs["supplier_inn"] = None
        if "cost_date" not in costs:
            costs["cost_date"] = pd.NaT
        bad_cat = ~costs["category"].isin(COST_CATEGORIES)
        if bad_cat.any():
            raise ValueError(
                f"costs: unknown category {costs.loc[bad_cat, 'category'].iloc[0]!r}; allowed {COST_CATEGORIES}"
            )
        costs["amount_mln_rub"] = pd.to_numeric(costs["amount_mln_rub"], errors="raise").astype("float64")
        if costs["amount_mln_rub"].isna().any() or (costs["amount_mln_rub"] < 0).any():
            raise ValueError("costs: amount_mln_rub must be a number ≥ 0")
        costs["year"] = pd.to_numeric(costs["year"], errors="raise").astype("int64")
        costs["cost_date"] = pd.to_datetime(costs["cost_date"], errors="raise")
        dated = costs["cost_date"].notna()
        if (costs.loc[dated, "cost_date"].dt.year != costs.loc[dated, "year"]).any():
            raise ValueError("costs: cost_date must fall in the row's year")

        revs = (
            self.revenues
            if self.revenues is not None
            else pd.DataFrame(columns=["project_id", "year", "revenue_mln_rub"])
        ).copy()
        _require(revs, ["project_id", "year", "revenue_mln_rub"], "revenues")
        revs = _known_projects(revs, ids, "revenues")
        if "taxes_mln_rub" not in revs:
            revs["taxes_mln_rub"] = np.nan
        revs["year"] = pd.to_numeric(revs["year"], errors="raise").astype("int64")
        for col in ("revenue_mln_rub", "taxes_mln_rub"):
            revs[col] = pd.to_numeric(revs[col], errors="raise").astype("float64")
        if revs["revenue_mln_rub"].isna().any() or (revs["revenue_mln_rub"] < 0).any():
            raise ValueError("revenues: revenue_mln_rub must be a number ≥ 0")
        if (revs["taxes_mln_rub"] < 0).any():
            raise ValueError("revenues: taxes_mln_rub must be ≥ 0")

        if isinstance(self.registered_clusters, str):
            raise ValueError("registered_clusters must be a collection of cluster ids, not one string")
        registered = None if self.registered_clusters is None else frozenset(self.registered_clusters)
        members = (
            None if self.cluster_members is None else {str(k): frozenset(v) for k, v in self.cluster_members.items()}
        )
        set_("projects", p)
        set_("participants", parts.reset_index(drop=True))
        set_("costs", costs.reset_index(drop=True))
        set_("revenues", revs.reset_index(drop=True))
        set_("registered_clusters", registered)
        set_("cluster_members", members)
        set_("arrays", self._arrays())

    def __len__(self) -> int:
        return len(self.projects)

    def with_registry(self, registered_clusters: Collection[str] | None) -> Projects:
        """The same projects checked against another registry (None: every cluster registered); only
        the registry flags are rebuilt, not the arrays."""
        if isinstance(registered_clusters, str):
            raise ValueError("registered_clusters must be a collection of cluster ids, not one string")
        registered = None if registered_clusters is None else frozenset(registered_clusters)
        flags = (
            np.ones(len(self.projects), dtype=bool)
            if registered is None
            else self.projects["cluster_id"].isin(registered).to_numpy()
        )
        out = copy.copy(self)
        object.__setattr__(out, "registered_clusters", registered)
        object.__setattr__(out, "arrays", dataclasses.replace(self.arrays, registered=flags))
        return out

    def subset(self, project_ids: Iterable[str]) -> Projects:
        """Only the given projects (same registry and membership)."""
        keep = set(project_ids)
        return dataclasses.replace(
            self,
            projects=self.projects[self.projects["project_id"].isin(keep)],
            participants=self.participants[self.participants["project_id"].isin(keep)],
            costs=self.costs[self.costs["project_id"].isin(keep)],
            revenues=self.revenues[self.revenues["project_id"].isin(keep)],
        )

    def _arrays(self) -> _Arrays:
        p, parts, costs, revs = self.projects, self.participants, self.costs, self.revenues
        ids = p["project_id"].to_numpy(dtype=object)
        n = len(p)
        index = pd.Index(p["project_id"])
        c_p = index.get_indexer(costs["project_id"])
        r_p = index.get_indexer(revs["project_id"])
        start = p["start_year"].to_numpy()
        first = start.copy()
        last = start.copy()
        if len(costs):
            np.minimum.at(first, c_p, costs["year"].to_numpy())
            np.maximum.at(last, c_p, costs["year"].to_numpy())
        if len(revs):
            np.minimum.at(first, r_p, revs["year"].to_numpy())
            np.maximum.at(last, r_p, revs["year"].to_numpy())
        years = np.arange(first.min(), last.max() + 1) if n else np.zeros(0, dtype=np.int64)
        y0 = years[0] if n else 0
        n_years = len(years)

        def matrix(rows: np.ndarray, cols: np.ndarray, values: np.ndarray) -> np.ndarray:
            return np.bincount(rows * n_years + cols, weights=values, minlength=n * n_years).reshape(n, n_years)

        c_y = costs["year"].to_numpy() - y0
        r_y = revs["year"].to_numpy() - y0
        amount = costs["amount_mln_rub"].to_numpy(dtype="float64")
        revenue = revs["revenue_mln_rub"].to_numpy(dtype="float64")
        taxes = revs["taxes_mln_rub"].to_numpy(dtype="float64")
        known = ~np.isnan(taxes)

        # Who takes part: the initiator always counts.
        people = (
            pd.concat(
                [
                    pd.DataFrame({"project_id": p["project_id"], "inn": p["initiator_inn"]}),
                    parts[["project_id", "inn"]],
                ],
                ignore_index=True,
            )
            .dropna()
            .drop_duplicates()
        )
        n_participants = people.groupby("project_id").size().reindex(index, fill_value=0).to_numpy()
        applicant, applicants = pd.factorize(p["initiator_inn"])

        # Supplier checks for the "components from other cluster participants" rule.
        cluster_of_row = p["cluster_id"].to_numpy(dtype=object)[c_p] if len(costs) else np.zeros(0, dtype=object)
        supplier = costs["supplier_inn"]
        missing = (supplier.isna() | (supplier.astype(object).astype(str).str.strip() == "")).to_numpy()
        initiator_of_row = p["initiator_inn"].to_numpy(dtype=object)[c_p] if len(costs) else np.zeros(0, dtype=object)
        supplier_text = _text(supplier)
        is_applicant = ~missing & (supplier_text == initiator_of_row)
        if self.cluster_members is None:
            with_cluster = people.merge(p[["project_id", "cluster_id"]], on="project_id")
            member_pairs = pd.MultiIndex.from_arrays([with_cluster["cluster_id"], with_cluster["inn"]])
        else:
            pairs = [(c, inn) for c, inns in self.cluster_members.items() for inn in inns]
            member_pairs = pd.MultiIndex.from_tuples(pairs) if pairs else pd.MultiIndex.from_arrays([[], []])
        in_cluster = (
            pd.MultiIndex.from_arrays([cluster_of_row, supplier_text]).isin(member_pairs)
            if len(costs)
            else np.zeros(0, dtype=bool)
        )

        # Day numbers as date.toordinal(); an undated row spans 1 Jan … 31 Dec of its year.
        epoch = date(1970, 1, 1).toordinal()
        day = costs["cost_date"].to_numpy(dtype="datetime64[D]")
        dated = ~np.isnat(day)
        day = np.where(dated, day, np.datetime64("1970-01-01")).astype(np.int64) + epoch
        row_year = costs["year"].to_numpy()
        year_start = (row_year - 1970).astype("datetime64[Y]").astype("datetime64[D]").astype(np.int64) + epoch
        c_first_day = np.where(dated, day, year_start)
        c_last_day = np.where(dated, day, year_start + np.where(_is_leap(row_year), 365, 364))

        registered = (
            np.ones(n, dtype=bool)
            if self.registered_clusters is None
            else p["cluster_id"].isin(self.registered_clusters).to_numpy()
        )
        return _Arrays(
            ids=ids,
            years=years,
            t0_col=first - y0,
            stage_code=pd.Categorical(p["stage"], categories=PROJECT_STAGES).codes.astype(np.int64),
            registered=registered,
            is_joint=p["is_joint"].to_numpy(dtype=bool),
            n_participants=n_participants.astype(np.int64),
            jobs=p["jobs"].to_numpy(dtype="float64"),
            applicant=applicant.astype(np.int64),
            n_applicants=len(applicants),
            costs=matrix(c_p, c_y, amount),
            revenue=matrix(r_p, r_y, revenue),
            taxes_reported=matrix(r_p, r_y, np.where(known, taxes, 0.0)),
            taxes_known=matrix(r_p, r_y, known.astype("float64")) > 0,
            c_p=c_p.astype(np.int64),
            c_y=c_y.astype(np.int64),
            c_cat=pd.Categorical(costs["category"], categories=COST_CATEGORIES).codes.astype(np.int64),
            c_amount=amount,
            c_first_day=c_first_day,
            c_last_day=c_last_day,
            c_supplier_missing=missing,
            c_supplier_is_applicant=is_applicant,
            c_supplier_in_cluster=np.asarray(in_cluster, dtype=bool),
            start_year=p["start_year"].to_numpy(dtype=np.int64),
            tax_shares=project_shares(p)[list(SHARE_COLUMNS)].to_numpy(dtype="float64").reshape(n, 4),
        )


def registered_by_check(
    con: duckdb.DuckDBPyConnection, region: str | None = None, year: int | None = None
) -> frozenset[str]:
    """Cluster ids on the registry by default: those whose Decree No. 779 check
    (:func:`analytics.models.registry.verdicts`) passes in ``region`` and ``year`` (None: the region of most
    project initiators, the latest year of its enterprise data), and those marked registered in loaded
    data (``registry_clusters`` rows with ``in_registry`` and a ``cluster_id``, see
    :func:`analytics.queries.projects.registered_in_data`); empty when the store has neither."""
    if region is None or year is None:
        found_region, found_year = registry_region_year(con)
        region = found_region if region is None else region
        year = found_year if year is None else year
    if region is None or year is None:
        return frozenset()
    table = registry.verdicts(con, region, int(year))
    return frozenset(table.loc[table["verdict"] == "pass", "cluster_id"]) | registered_in_data(con, region)


def load_projects(
    con: duckdb.DuckDBPyConnection,
    *,
    registered_clusters: Collection[str] | None = None,
    cluster_members: Mapping[str, Collection[str]] | None = None,
    region: str | None = None,
    year: int | None = None,
) -> Projects:
    """Read ``projects``, ``project_participants``, ``project_costs`` and ``project_revenues``.

    ``registered_clusters``: cluster ids on the registry (marked registered); None (default): the
    clusters that pass the registry check (:func:`registered_by_check` in ``region`` and ``year``).
    ``cluster_members`` (None): the participants and initiators of the cluster's projects plus the
    enterprises whose ``cluster_hint`` names the cluster — an approximation until a membership list
    is loaded. Each project's OKVED code is its initiator's (``enterprises.okved``).
    """
    if registered_clusters is None:
        registered_clusters = registered_by_check(con, region, year)
    frames = project_frames(con)
    if cluster_members is None:
        cluster_members = frames.members.groupby("cluster_id")["inn"].agg(frozenset).to_dict()
    projects, participants, costs, revenues = frames.projects, frames.participants, frames.costs, frames.revenues
    return Projects(
        projects,
        participants,
        costs,
        revenues,
        registered_clusters=registered_clusters,
        cluster_members=cluster_members,
    )
