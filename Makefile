# Cluster Navigator — the two commands: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
DB := data/navigator.duckdb
PORT ?= 8501
# Listen on this machine only; ADDRESS=0.0.0.0 make run serves the network (put a proxy with TLS in front).
ADDRESS ?= 127.0.0.1

.PHONY: run serve test lint format data bench mutation chromium nginx clean

$(VENV)/bin/activate:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt pyproject.toml | $(VENV)/bin/activate
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

$(DB): | $(VENV)/.runtime
	$(PY) -m analytics.store --if-missing $(DB)

## Serve the app on http://localhost:$(PORT) (builds the demo store if missing). One process, reading published
## snapshots of the store like `make serve`, so the command-line loader works beside it.
run: $(VENV)/.runtime $(DB)
	NAVIGATOR_SNAPSHOTS=1 $(VENV)/bin/streamlit run app.py --server.port $(PORT) --server.address $(ADDRESS) --server.headless true

## N Streamlit workers (default: two per core, see deploy/serve.py default_workers) behind nginx on http://$(ADDRESS):$${PORT:-8080}; see README, Deployment.
## WORKERS=4 PORT=9000 ADDRESS=0.0.0.0 make serve. Workers read published snapshots of the store (loads never block them).
WORKERS ?= $(shell echo $$((2 * $$(nproc 2>/dev/null || echo 1))))
serve: $(VENV)/.runtime $(DB) nginx
	PYTHONPATH=$(CURDIR) $(PY) deploy/serve.py --workers $(WORKERS) --port $(if $(filter environment command line,$(origin PORT)),$(PORT),8080) --address $(ADDRESS)

## Rebuild the demo store from data/seed/ (deterministic).
data: $(VENV)/.runtime
	$(PY) -m analytics.store $(DB)

## The whole suite: the house rules (ruff, import contracts), then unit, AppTest and browser tests.
test: lint chromium nginx
	$(PY) -m pytest -q

## House rules: ruff (lint and format) and the import-linter layer contracts (pyproject.toml).
lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

## Apply ruff's fixes and formatting.
format: $(VENV)/.dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## Benchmarks: print measured figures against the issues' targets.
bench: $(VENV)/.dev
	for f in bench/bench_*.py; do echo "== $$f"; $(PY) $$f || exit 1; done

## Mutation testing of the library core (docs/mutation.md; slow, not part of `make test`): mutmut, then the
## score per module and the surviving mutants. MODULE=analytics.metrics.finance (a dotted module or package)
## runs one module; SAMPLE=60 runs a seeded random sample of 60 mutants per module (an estimate of the score,
## needs one run's mutants/ first); results accumulate in mutants/ between runs.
MODULE ?=
SAMPLE ?=
JOBS ?= 2
mutation: $(VENV)/.dev
	PYTEST_ADDOPTS="-p tests.mutation_scope" nice -n 10 $(PY) $(VENV)/bin/mutmut run --max-children $(JOBS) $(if $(SAMPLE),$$($(PY) bench/mutation_report.py --sample $(SAMPLE) $(MODULE)),$(if $(MODULE),"$(MODULE).*"))
	$(PY) bench/mutation_report.py $(MODULE)

## Debian's chromium for the browser tests (Playwright must not download its own browser).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

## Debian's nginx for `make serve` (and its test).
nginx:
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || { \
	  echo "installing Debian's nginx for make serve"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nginx >/dev/null; }

clean:
	rm -rf $(VENV) $(DB) $(DB).wal test-artifacts .pytest_cache
