# The two commands of the README. Each sets everything up on a fresh machine (Python 3.11):
#   make run   — install, generate the example county, build the dashboards site into _site/
#   make test  — install (Chromium and LibreOffice too, for the browser and .doc tests), then lint
#                and run every test
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test lint system-deps bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: setup
	$(BIN)/python -m disclosure_metrics.example_data data/example
	$(BIN)/disclosure-metrics build --data data/raw --data data/example --out _site

# Debian packages the tests use, installed when missing (root, as in CI): chromium and a CJK font
# for the headless browser tests (screenshots must show the Chinese text), and LibreOffice
# without its GUI to read old Word .doc/.wps files (about 100 MB to download, 300 MB installed,
# under a minute; measured 2026-12-06), and the text browsers w3m and lynx, whose printed pages
# the text reader is tested on (about 3 MB).
system-deps:
	@{ command -v chromium >/dev/null 2>&1 && fc-list :lang=zh | grep -q . && command -v soffice >/dev/null 2>&1 && command -v w3m >/dev/null 2>&1 && command -v lynx >/dev/null 2>&1; } || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk libreoffice-writer-nogui w3m lynx >/dev/null; }

lint: setup
	$(BIN)/ruff check .

test: lint system-deps
	$(BIN)/python -m pytest

# Performance figures (README, Performance); REPORTS=5000 for a shorter national-scale run.
REPORTS ?= 100000
bench: setup
	$(BIN)/python benchmarks/run.py --reports $(REPORTS)

clean:
	rm -rf $(VENV) _site _build data/out data/example .pytest_cache .ruff_cache
