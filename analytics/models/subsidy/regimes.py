"""Programme regimes of Decree No. 41: editable rows of parameters with their source.

The built-in ones come from :mod:`analytics.models.rules` (2016–2018 joint projects up to 50%, 2019–2022
up to 30%, from 2023 starting batches of components up to 50% and 150 mln ₽ per applicant). Edited and
new regimes are stored by :mod:`analytics.models.subsidy.storage`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd

from analytics.models import rules
from analytics.models.subsidy.parameters import (
    CAP_BASES,
    COST_CATEGORIES,
    RANGES,
    ParameterError,
    _number,
    _option,
    _options,
)
from analytics.store.schema import PROJECT_STAGES


@dataclass(frozen=True)
class ProgrammeRegime:
    """One regime of Decree No. 41: an editable row of parameters with its source.

    Equality compares the parameters that change numbers (names, source and status are labels).
    ``to_verify`` names the fields whose value is [to verify] in ``docs/regulations.md``: the page shows them.
    """

    regime_id: str
    max_share: float
    eligible_categories: tuple[str, ...]
    eligible_stages: tuple[str, ...] = rules.ALL_STAGES
    costs_from: date | None = None
    costs_to: date | None = None
    cap_mln_rub: float | None = None
    cap_basis: str = "project"
    min_participants: int = rules.JOINT_PROJECT_MIN_PARTICIPANTS.value
    supplier_in_cluster: bool = False
    name_ru: str = field(default="", compare=False)
    name_en: str = field(default="", compare=False)
    source: str = field(default="", compare=False)
    to_verify: tuple[str, ...] = field(default=(), compare=False)
    in_force_from: date | None = field(default=None, compare=False)
    in_force_to: date | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        set_ = lambda name, value: object.__setattr__(self, name, value)  # noqa: E731 (frozen)
        if not isinstance(self.regime_id, str) or not re.fullmatch(r"[a-z][a-z0-9_]{0,62}", self.regime_id):
            raise ParameterError("regime.regime_id", self.regime_id, "[a-z][a-z0-9_]*", "not_an_option")
        low, high = RANGES["regime.max_share"]
        share = _number("regime.max_share", self.max_share, low, high)
        if share <= 0:
            raise ParameterError("regime.max_share", self.max_share, (low, high))
        set_("max_share", share)
        set_("eligible_categories", _options("regime.eligible_categories", self.eligible_categories, COST_CATEGORIES))
        set_("eligible_stages", _options("regime.eligible_stages", self.eligible_stages, PROJECT_STAGES))
        for name in ("costs_from", "costs_to", "in_force_from", "in_force_to"):
            value = getattr(self, name)
            if isinstance(value, datetime):
                set_(name, value.date())
            elif value is not None and not isinstance(value, date):
                raise ParameterError(f"regime.{name}", value, "a date", "not_a_date")
        if self.costs_from and self.costs_to and self.costs_from > self.costs_to:
            raise ParameterError("regime.costs_to", self.costs_to, (self.costs_from, None))
        if self.cap_mln_rub is not None:
            set_("cap_mln_rub", _number("regime.cap_mln_rub", self.cap_mln_rub, *RANGES["regime.cap_mln_rub"]))
        _option("regime.cap_basis", self.cap_basis, CAP_BASES)
        set_(
            "min_participants",
            _number("regime.min_participants", self.min_participants, *RANGES["regime.min_participants"], integer=True),
        )
        if not isinstance(self.supplier_in_cluster, (bool, np.bool_)):
            raise ParameterError("regime.supplier_in_cluster", self.supplier_in_cluster, (True, False), "not_an_option")
        set_("supplier_in_cluster", bool(self.supplier_in_cluster))
        set_("to_verify", tuple(self.to_verify))
        if not self.name_ru:
            set_("name_ru", self.regime_id)
        if not self.name_en:
            set_("name_en", self.regime_id)

    def replace(self, **changes: Any) -> ProgrammeRegime:
        """A copy with ``changes`` (validated like a new regime)."""
        return dataclasses.replace(self, **changes)


_REGIME_FIELDS = (
    "max_share",
    "eligible_categories",
    "eligible_stages",
    "costs_from",
    "costs_to",
    "cap_mln_rub",
    "cap_basis",
    "min_participants",
    "supplier_in_cluster",
    "name_ru",
    "name_en",
    "in_force_from",
    "in_force_to",
)


def _builtin_regime(regime_id: str, values: Mapping[str, rules.SourcedValue]) -> ProgrammeRegime:
    share = values["max_share"]
    return ProgrammeRegime(
        regime_id=regime_id,
        source=f"{share.source} ({share.edition})",
        to_verify=tuple(k for k in _REGIME_FIELDS if k in values and values[k].status == "to_verify"),
        **{k: values[k].value for k in _REGIME_FIELDS if k in values},
    )


#: The regimes as the law has them (:data:`analytics.models.rules.REGIMES`), by id.
BUILTIN_REGIMES: dict[str, ProgrammeRegime] = {
    rid: _builtin_regime(rid, values) for rid, values in rules.REGIMES.items()
}


def regime_sources(regime_id: str | None = None) -> pd.DataFrame:
    """Every parameter of the built-in regimes with value, unit, act, edition, date and status.

    Columns ``regime_id, field, value, unit, source, edition, applies_from, status, note`` — the
    methodology page's table; ``status`` is ``confirmed`` or ``to_verify``.
    """
    rows = []
    for rid, values in rules.REGIMES.items():
        if regime_id is not None and rid != regime_id:
            continue
        for name, v in values.items():
            rows.append(
                {
                    "regime_id": rid,
                    "field": name,
                    "value": v.value,
                    "unit": v.unit,
                    "source": v.source,
                    "edition": v.edition,
                    "applies_from": v.applies_from,
                    "status": v.status,
                    "note": v.note,
                }
            )
    return pd.DataFrame(
        rows, columns=["regime_id", "field", "value", "unit", "source", "edition", "applies_from", "status", "note"]
    )
