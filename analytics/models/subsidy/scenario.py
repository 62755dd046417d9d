"""A support scenario (:class:`Scenario`) and its plain-text URL form.

URLs carry plain values, parsed and range-checked on the way back (:meth:`Scenario.from_query_params`);
nothing is evaluated or unpickled.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

from analytics.models import rules
from analytics.models.subsidy.parameters import (
    _SHARE_TOL,
    CAP_BASES,
    COST_CATEGORIES,
    DEFAULT_ADDITIONALITY,
    DEFAULT_CASH_MARGIN,
    DEFAULT_DISCOUNT_RATE,
    DEFAULT_HORIZON_YEARS,
    DEFAULT_PAYMENT_LAG_YEARS,
    DEFAULT_PROFIT_SHARE,
    DEFAULT_PROPERTY_SHARE,
    RANGES,
    TAX_SOURCES,
    ParameterError,
    _number,
    _option,
    _options,
)
from analytics.models.subsidy.regimes import BUILTIN_REGIMES, ProgrammeRegime
from analytics.store.schema import PROJECT_STAGES

# query key → (Scenario field, kind); regime fields under r_*
_QUERY_KEYS: dict[str, tuple[str, str]] = {
    "fed": ("federal_share", "float"),
    "top_up": ("regional_share", "float"),
    "cap": ("cap_mln_rub", "float?"),
    "cap_basis": ("cap_basis", "basis?"),
    "budget": ("budget_mln_rub", "float?"),
    "rate": ("discount_rate", "float"),
    "tax": ("tax_rate", "float?"),
    "margin": ("cash_margin", "float"),
    "horizon": ("horizon_years", "int"),
    "base_year": ("base_year", "int?"),
    "revenue": ("revenue_factor", "float"),
    "taxes": ("taxes", "taxes"),
    "add": ("additionality", "float"),
    "lag": ("payment_lag_years", "int"),
    "assume_reg": ("assume_registered", "bool"),
    "profit": ("profit_share", "float"),
    "property": ("property_share", "float"),
}
_REGIME_QUERY_KEYS: dict[str, tuple[str, str]] = {
    "r_share": ("max_share", "float"),
    "r_cats": ("eligible_categories", "categories"),
    "r_stages": ("eligible_stages", "stages"),
    "r_from": ("costs_from", "date?"),
    "r_to": ("costs_to", "date?"),
    "r_cap": ("cap_mln_rub", "float?"),
    "r_basis": ("cap_basis", "basis"),
    "r_minp": ("min_participants", "int"),
    "r_supplier": ("supplier_in_cluster", "bool"),
}
_FLOAT_RE = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?")
_INT_RE = re.compile(r"[+-]?\d{1,6}")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MAX_PARAM_LEN = 300


def _encode(value: object, kind: str) -> str:
    if value is None:
        return ""
    if kind.startswith("float"):
        return repr(float(value))
    if kind.startswith("int"):
        return str(int(value))
    if kind.startswith("date"):
        return value.isoformat()  # type: ignore[union-attr]
    if kind == "bool":
        return "1" if value else "0"
    if kind in ("categories", "stages"):
        return ",".join(value)  # type: ignore[arg-type]
    return str(value)


def _decode(key: str, text: object, kind: str, field_name: str) -> object:
    """Parse one plain query value; refuse anything that is not exactly of its kind."""
    if isinstance(text, (list, tuple)):
        if not text:
            raise ParameterError(field_name, text, kind, "empty")
        text = text[-1]
    if not isinstance(text, str) or len(text) > _MAX_PARAM_LEN:
        raise ParameterError(field_name, text, kind, "not_a_number" if "float" in kind else "not_an_option")
    text = text.strip()
    if kind.endswith("?") and text == "":
        return None
    base = kind.rstrip("?")
    if base == "float":
        if not _FLOAT_RE.fullmatch(text):
            raise ParameterError(field_name, text, "a decimal number", "not_a_number")
        number = float(text)
        if not math.isfinite(number):
            raise ParameterError(field_name, text, "a finite number", "not_a_number")
        return number
    if base == "int":
        if not _INT_RE.fullmatch(text):
            raise ParameterError(field_name, text, "a whole number", "not_a_number")
        return int(text)
    if base == "date":
        try:
            if not _DATE_RE.fullmatch(text):
                raise ValueError
            return date.fromisoformat(text)
        except ValueError:
            raise ParameterError(field_name, text, "YYYY-MM-DD", "not_a_date") from None
    if base == "bool":
        if text.lower() in ("1", "true"):
            return True
        if text.lower() in ("0", "false"):
            return False
        raise ParameterError(field_name, text, ("1", "0"), "not_an_option")
    if base == "categories":
        return _options(field_name, [t for t in text.split(",") if t], COST_CATEGORIES)
    if base == "stages":
        return _options(field_name, [t for t in text.split(",") if t], PROJECT_STAGES)
    if base == "basis":
        return _option(field_name, text, CAP_BASES)
    if base == "taxes":
        return _option(field_name, text, TAX_SOURCES)
    raise AssertionError(kind)


@dataclass(frozen=True)
class Scenario:
    """A support scenario: regime, shares, caps, budget and the appraisal assumptions.

    - ``federal_share`` — share of eligible costs reimbursed from the federal budget, 0 … regime's
      ``max_share`` (default: the regime's maximum);
    - ``regional_share`` — regional top-up, share of eligible costs; federal + regional ≤ 1;
    - ``cap_mln_rub`` / ``cap_basis`` — the scenario's own cap on the federal subsidy, per project or
      per applicant (mln ₽, total over the years); never above the regime's legal cap, which applies
      in any case (default: none beyond the regime's);
    - ``budget_mln_rub`` — annual programme budget for federal + regional subsidy (None: unlimited);
    - ``discount_rate`` (share per year) and ``base_year``: every amount — subsidy, taxes and cash flows —
      is discounted to 1 January of one year, ``(1 + r) ** -(year − base_year)``; None (default) = the
      first calendar year of the projects' data. Ratios of present values (budget effectiveness) do not
      depend on it;
    - ``additionality`` (0–1): share of the taxes of a project viable without support (NPV without ≥ 0)
      still credited to support; a project that support makes viable (NPV without < 0 ≤ NPV with)
      counts all its taxes, one not viable even with support none (default 0: the incentive-effect
      test of state-aid practice);
    - ``payment_lag_years``: support for the costs of year t is paid in t + lag (default 1);
    - ``assume_registered``: what-if — treat every cluster as on the Minpromtorg registry (default
      False: only the clusters of the project data's registry are eligible);
    - ``tax_rate``: None (default) = taxes by type from the Tax Code on the project's value added and
      wages (:mod:`analytics.models.subsidy.taxes`); a number = a flat share of revenue instead, split
      by budget level in the same proportions; ``profit_share`` (taxable profit ÷ operating surplus)
      and ``property_share`` (share of costs that become taxable immovable property) are the modelled
      taxes' assumptions;
    - ``cash_margin`` (participants' free cash flow per ₽ of revenue), ``horizon_years`` (from each
      project's first year), ``revenue_factor`` (multiplies expected revenue and the taxes on it),
      ``taxes`` (``"reported"``: reported taxes where present, else modelled; ``"rate"``: always
      modelled).

    Every value is checked on creation and refused with :class:`ParameterError` when out of range —
    never clipped. Use :meth:`replace` for slider moves and :meth:`with_regime` to switch regimes.
    """

    regime: ProgrammeRegime = field(default_factory=lambda: BUILTIN_REGIMES[rules.DEFAULT_REGIME])
    federal_share: float | None = None
    regional_share: float = 0.0
    cap_mln_rub: float | None = None
    cap_basis: str | None = None
    budget_mln_rub: float | None = None
    discount_rate: float = DEFAULT_DISCOUNT_RATE
    tax_rate: float | None = None
    cash_margin: float = DEFAULT_CASH_MARGIN
    horizon_years: int = DEFAULT_HORIZON_YEARS
    base_year: int | None = None
    revenue_factor: float = 1.0
    taxes: str = "reported"
    additionality: float = DEFAULT_ADDITIONALITY
    payment_lag_years: int = DEFAULT_PAYMENT_LAG_YEARS
    assume_registered: bool = False
    profit_share: float = DEFAULT_PROFIT_SHARE
    property_share: float = DEFAULT_PROPERTY_SHARE

    def __post_init__(self) -> None:
        set_ = lambda name, value: object.__setattr__(self, name, value)  # noqa: E731 (frozen)
        if not isinstance(self.regime, ProgrammeRegime):
            raise ParameterError("regime", self.regime, tuple(BUILTIN_REGIMES), "not_an_option")
        regime = self.regime
        fed = regime.max_share if self.federal_share is None else self.federal_share
        set_("federal_share", _number("federal_share", fed, 0.0, regime.max_share, tol=_SHARE_TOL))
        set_(
            "regional_share",
            _number("regional_share", self.regional_share, 0.0, 1.0 - self.federal_share, tol=_SHARE_TOL),
        )
        if self.cap_mln_rub is not None:
            high = regime.cap_mln_rub if regime.cap_mln_rub is not None else RANGES["cap_mln_rub"][1]
            set_("cap_mln_rub", _number("cap_mln_rub", self.cap_mln_rub, 0.0, high))
        set_(
            "cap_basis", _option("cap_basis", regime.cap_basis if self.cap_basis is None else self.cap_basis, CAP_BASES)
        )
        if self.budget_mln_rub is not None:
            set_("budget_mln_rub", _number("budget_mln_rub", self.budget_mln_rub, *RANGES["budget_mln_rub"]))
        for name in (
            "discount_rate",
            "cash_margin",
            "revenue_factor",
            "additionality",
            "profit_share",
            "property_share",
        ):
            set_(name, _number(name, getattr(self, name), *RANGES[name]))
        if self.tax_rate is not None:
            set_("tax_rate", _number("tax_rate", self.tax_rate, *RANGES["tax_rate"]))
        set_(
            "payment_lag_years",
            _number("payment_lag_years", self.payment_lag_years, *RANGES["payment_lag_years"], integer=True),
        )
        if not isinstance(self.assume_registered, (bool, np.bool_)):
            raise ParameterError("assume_registered", self.assume_registered, (True, False), "not_an_option")
        set_("assume_registered", bool(self.assume_registered))
        set_("horizon_years", _number("horizon_years", self.horizon_years, *RANGES["horizon_years"], integer=True))
        if self.base_year is not None:
            set_("base_year", _number("base_year", self.base_year, *RANGES["base_year"], integer=True))
        _option("taxes", self.taxes, TAX_SOURCES)

    def replace(self, **changes: Any) -> Scenario:
        """A copy with ``changes``, validated (a slider move)."""
        return dataclasses.replace(self, **changes)

    def with_regime(self, regime: ProgrammeRegime) -> Scenario:
        """Switch regime; the federal share and the cap basis restart from the new regime's values and
        the scenario's own cap is dropped when it exceeds the new legal cap (explicitly, not clipped)."""
        cap = self.cap_mln_rub
        if cap is not None and regime.cap_mln_rub is not None and cap > regime.cap_mln_rub:
            cap = None
        return dataclasses.replace(self, regime=regime, federal_share=None, cap_basis=None, cap_mln_rub=cap)

    # -- URL ----------------------------------------------------------------------------------------

    def to_query_params(self, base_regimes: Mapping[str, ProgrammeRegime] | None = None) -> dict[str, str]:
        """Plain text values for the URL; :meth:`from_query_params` gives back an equal scenario.

        The regime travels as its id plus the parameters that differ from the built-in regime of that id
        (all of them for a regime that is not built in), so a link does not depend on what is stored.
        Optional values that are None are left out.
        """
        base_regimes = BUILTIN_REGIMES if base_regimes is None else base_regimes
        out: dict[str, str] = {"regime": self.regime.regime_id}
        base = base_regimes.get(self.regime.regime_id)
        for key, (name, kind) in _REGIME_QUERY_KEYS.items():
            value = getattr(self.regime, name)
            if base is None or getattr(base, name) != value:
                out[key] = _encode(value, kind)
        for key, (name, kind) in _QUERY_KEYS.items():
            value = getattr(self, name)
            if value is not None:
                out[key] = _encode(value, kind)
        return out

    @classmethod
    def from_query_params(
        cls, params: Mapping[str, object], base_regimes: Mapping[str, ProgrammeRegime] | None = None
    ) -> Scenario:
        """Parse and range-check plain query values (strings, or lists of strings: the last one counts).

        Keys this class does not know (``lang``, ``region`` …) are ignored; missing keys take their
        defaults. Any malformed or out-of-range value raises :class:`ParameterError`. Nothing is
        evaluated or unpickled.
        """
        base_regimes = BUILTIN_REGIMES if base_regimes is None else base_regimes
        regime_id = params.get("regime", rules.DEFAULT_REGIME)
        if isinstance(regime_id, (list, tuple)):
            regime_id = regime_id[-1] if regime_id else rules.DEFAULT_REGIME
        if not isinstance(regime_id, str) or not re.fullmatch(r"[a-z][a-z0-9_]{0,62}", regime_id):
            raise ParameterError("regime", regime_id, tuple(base_regimes), "not_an_option")
        overrides = {
            name: _decode(key, params[key], kind, "regime." + name)
            for key, (name, kind) in _REGIME_QUERY_KEYS.items()
            if key in params
        }
        base = base_regimes.get(regime_id)
        if base is not None:
            regime = (
                base.replace(**overrides, source=base.source + " — edited (query parameters)") if overrides else base
            )
        else:
            missing = [k for k in _REGIME_QUERY_KEYS if k not in params]
            if missing:
                raise ParameterError("regime", regime_id, tuple(base_regimes), "not_an_option")
            regime = ProgrammeRegime(regime_id=regime_id, source="query parameters", **overrides)  # type: ignore[arg-type]
        values = {
            name: _decode(key, params[key], kind, name) for key, (name, kind) in _QUERY_KEYS.items() if key in params
        }
        return cls(regime=regime, **values)  # type: ignore[arg-type]
