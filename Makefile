# The two commands of the README. Each sets everything up on a fresh machine (Python 3.11):
#   make run   — install, generate the example county, build the dashboards site into _site/
#   make test  — install (Chromium too, for the browser tests), then lint and run every test
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test lint browser bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: setup
	$(BIN)/python -m disclosure_metrics.example_data data/example
	$(BIN)/disclosure-metrics build --data data/raw --data data/example --out _site

# Debian's chromium and a CJK font for the headless browser tests (screenshots must show the
# Chinese text), installed when missing (root, as in CI).
browser:
	@{ command -v chromium >/dev/null 2>&1 && fc-list :lang=zh | grep -q .; } || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; }

lint: setup
	$(BIN)/ruff check .

test: lint browser
	$(BIN)/python -m pytest

# Performance figures (README, Performance); REPORTS=5000 for a shorter national-scale run.
REPORTS ?= 100000
bench: setup
	$(BIN)/python benchmarks/run.py --reports $(REPORTS)

clean:
	rm -rf $(VENV) _site _build data/out data/example .pytest_cache .ruff_cache
