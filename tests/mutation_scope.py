"""A pytest plugin for mutation runs only: module-, class- and package-scoped fixtures become function-scoped.

mutmut learns which tests reach which function by tracing one run of the suite, and later runs only those
tests against a mutant of that function. A fixture built once per module is traced to the first test that
requested it, so the tests after it — which read the same fixture — would never be run against a mutant of
the code behind it and that mutant would falsely survive. Rebuilding such fixtures for every test makes the
trace complete. Session fixtures (the demo store) stay as they are.

Loaded by `make mutation` through ``PYTEST_ADDOPTS="-p tests.mutation_scope"``; never in ordinary test runs.
"""

from __future__ import annotations

from _pytest.scope import Scope

_WIDER = {Scope.Module, Scope.Class, Scope.Package}


def pytest_collection_finish(session) -> None:
    manager = session._fixturemanager
    for by_node in (manager._arg2node2fixturedefs, manager._arg2nodeid2fixturedefs):
        for node_map in by_node.values():
            for definitions in node_map.values():
                for definition in definitions:
                    if definition._scope in _WIDER:
                        definition._scope = Scope.Function
