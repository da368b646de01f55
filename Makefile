# Two commands for a fresh machine with Python 3.11+ and make:
#   make run    start the desktop app
#   make test   run the whole test suite
# Both create and reuse a local virtual environment in .venv/.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench screenshots bundle dist clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "ptplanner needs Python 3.11 or newer, and $(PYTHON) is " + sys.version.split()[0] + ": run make with PYTHON=python3.12 (for example)")'
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || { echo "Python's venv module is missing (on Debian or Ubuntu: sudo apt-get install python3-venv)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,dev]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/ptplanner

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests tools bench
	$(BIN)/ruff format --check src tests tools bench
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(STAMP)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

bundle:
	bash packaging/build_bundle.sh

dist: $(STAMP)
	$(BIN)/python -m build --outdir dist

screenshots: $(STAMP)
	$(BIN)/python tools/screenshots.py
	$(BIN)/python tools/screen_sizes.py --readme

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
