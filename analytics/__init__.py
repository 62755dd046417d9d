"""Cluster Navigator's library: no Streamlit, usable from a notebook.

Packages by layer (data flows one way: file → store → queries → metrics/models → services → page):

- :mod:`analytics.store`    connect, schema, SQL composition, versions, transactions
- :mod:`analytics.data`     reading and validating files, boundaries, analyst accounts, exports
- :mod:`analytics.metrics`  pure functions, frames in and out (LQ, shift-share, complexity, finance)
- :mod:`analytics.queries`  the only code that reads the store
- :mod:`analytics.models`   rules from law, clusters, registry, discovery, subsidies
- :mod:`analytics.services` what pages call
- :mod:`analytics.tools`    demo seed and synthetic data generators

The public modules stay importable by their short names, as the README documents:
``from analytics import store, overview, ingest, subsidy`` works (loaded on first use).
"""

from __future__ import annotations

import importlib
from types import ModuleType

#: short public name → module that holds it
PUBLIC_MODULES: dict[str, str] = {
    "schema": "analytics.store.schema",
    "versions": "analytics.store.versions",
    "ingest": "analytics.data.ingest",
    "validate": "analytics.data.validate",
    "boundaries": "analytics.data.boundaries",
    "auth": "analytics.data.auth",
    "export": "analytics.data.export",
    "specialization": "analytics.metrics.specialization",
    "complexity": "analytics.metrics.complexity",
    "robustness": "analytics.metrics.robustness",
    "finance": "analytics.metrics.finance",
    "rules": "analytics.models.rules",
    "clusters": "analytics.models.clusters",
    "registry": "analytics.models.registry",
    "discovery": "analytics.models.discovery",
    "subsidy": "analytics.models.subsidy",
    "overview": "analytics.services.overview",
    "sector_portfolio": "analytics.services.sector_portfolio",
    "scenarios_view": "analytics.services.scenarios_view",
    "storyline": "analytics.services.storyline",
    "provenance": "analytics.services.provenance",
    "demo_seed": "analytics.tools.demo_seed",
    "synth": "analytics.tools.synth",
}

__all__ = ["PUBLIC_MODULES", *PUBLIC_MODULES]


def __getattr__(name: str) -> ModuleType:
    """Import a public module on first use under its short name (PEP 562)."""
    target = PUBLIC_MODULES.get(name)
    if target is None:
        raise AttributeError(f"module 'analytics' has no attribute {name!r}")
    module = importlib.import_module(target)
    globals()[name] = module
    return module
