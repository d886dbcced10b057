# Every target works on a fresh machine: .venv is created and filled from requirements.lock.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The Dagster instance (run history, schedules, sensors) that `make run`, `make ui` and `foi build`
# share: its dagster.yaml is committed, what it records is not (dagster_home/.gitignore).
DAGSTER_HOME ?= $(CURDIR)/dagster_home

.PHONY: install tools run build test lint fmt ui bench clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==25.3" "setuptools==80.9.0" "wheel==0.45.1"
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

# Debian programs two readers run: Tesseract for scanned PDFs, antiword for Word 97-2003 .doc.
tools:
	bash scripts/install_ocr.sh
	bash scripts/install_antiword.sh

run: $(STAMP) tools  ## build warehouse/foi.duckdb from raw/
	DAGSTER_HOME=$(DAGSTER_HOME) $(BIN)/foi build

test: $(STAMP) tools  ## the whole suite: lint, parser and asset tests, dbt build with its tests
	$(MAKE) --no-print-directory lint
	bash scripts/install_chromium.sh
	# Both cores; a test file stays on one worker (its module fixtures are built once), session
	# warehouses are shared by the two workers, the longest files start first (decision 1200).
	$(BIN)/python -m pytest -q -n 2 --dist loadfile --durations=25

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/foi prepare --quiet
	# sqlfluff's dbt templater opens the profile's database: give it a scratch file of its own.
	mkdir -p warehouse/.build
	cd dbt && FOI_BUILD_DB=$(CURDIR)/warehouse/.build/sqlfluff.duckdb ../$(BIN)/sqlfluff lint models --processes 2

fmt: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

ui: $(STAMP)  ## the Dagster UI with lineage, schedules and sensors (runs queue one at a time)
	$(BIN)/foi prepare
	DAGSTER_HOME=$(DAGSTER_HOME) $(BIN)/dagster dev -m dagster_project.definitions

bench: $(STAMP)
	# The long fuzz run: 200 random documents per format (the suite draws 8).
	FOI_FUZZ_EXAMPLES=200 $(BIN)/python -m pytest -q tests/fuzz -k random_document
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

clean:
	rm -rf warehouse/*.duckdb warehouse/.build dbt/target dbt/logs .pytest_cache
