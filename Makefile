# The two commands of the README: `make demo` and `make test`.
# Both bootstrap a local virtual environment from pyproject.toml on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint typecheck pytest bench services clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/accord forecast examples/seed_talks.yaml
	$(BIN)/accord bargain examples/seed_talks.yaml
	@# the record, end to end: bundled articles -> temporary DB -> board -> scenario -> models
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && db="sqlite:///$$tmp/demo.db" && set -x && \
	$(BIN)/accord ingest examples/articles/*.jsonl --negotiation "North Atlantic fisheries talks" --db "$$db" && \
	$(BIN)/accord board --db "$$db" && \
	$(BIN)/accord draft-scenario --db "$$db" --out "$$tmp/scenario.yaml" && \
	$(BIN)/accord forecast "$$tmp/scenario.yaml" && \
	$(BIN)/accord bargain "$$tmp/scenario.yaml"

services: $(STAMP)
	bash scripts/setup-services

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) services
	$(BIN)/pytest -n 2

test: lint typecheck pytest

bench: $(STAMP)
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis
