# Two commands do all the set-up: `make book` and `make test` (each creates .venv when missing).
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BOOK_BUILD := $(BIN)/jupyter-book build . --config book/_config.yml --toc book/_toc.yml \
	--path-output book --warningiserror --nitpick --keep-going

.PHONY: book test lint unit nbval book-check site-check browser notebooks lab benchmark mutation clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The notebook cache is valid only for the library and data it was made with.
INPUTS := $(shell find src data -type f -not -path '*/__pycache__/*' 2>/dev/null)
CACHE_STAMP := book/_build/.inputs-stamp
$(CACHE_STAMP): $(INPUTS)
	rm -rf book/_build/.jupyter_cache book/_build/.doctrees
	mkdir -p book/_build
	touch $(CACHE_STAMP)

book: $(STAMP) $(CACHE_STAMP)
	$(BOOK_BUILD)
	@echo "$(CURDIR)/book/_build/html/index.html"

test: lint unit nbval book-check site-check

lint: $(STAMP)
	$(BIN)/ruff check $(wildcard src tests checks notebooks benchmarks tools book/_ext)
	$(BIN)/ruff format --check $(wildcard src tests checks benchmarks tools book/_ext)

unit: $(STAMP)
	$(BIN)/pytest tests

nbval: $(STAMP)
	$(BIN)/pytest --nbval --nbval-current-env -p no:cacheprovider notebooks

book-check: $(STAMP)
	rm -rf book/_build
	$(BOOK_BUILD)
	test -f book/_build/html/index.html

# Checks of the built book: real browser (headless Chromium), links, escaping, determinism.
site-check: $(STAMP) browser
	test -f book/_build/html/index.html || $(MAKE) book
	$(BIN)/pytest -p no:cacheprovider checks

# Debian's Chromium, installed when missing (no browser download at run time).
browser:
	command -v chromium >/dev/null || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Benchmarks (not part of the tests): extraction accuracy, speed and memory; book build times.
benchmark: $(STAMP)
	$(BIN)/python benchmarks/extraction.py
	$(BIN)/python benchmarks/book_build.py
	$(BIN)/python benchmarks/stage_costs.py
	$(BIN)/python benchmarks/pathological.py

# Mutation testing of the rule modules (hours on two cores): benchmarks/results/mutation.json.
mutation: $(STAMP)
	$(BIN)/python benchmarks/mutation.py

# Re-execute notebooks in place and store their outputs (after changing the library or data):
# every notebook, or one with `make notebooks NOTEBOOKS=notebooks/01_corpus.ipynb`.
NOTEBOOKS ?= notebooks/*.ipynb
notebooks: $(STAMP)
	$(BIN)/python tools/run_notebooks.py $(NOTEBOOKS)

# The notebooks in JupyterLab, installed in .venv with the project (the dev extras).
lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=notebooks

clean:
	rm -rf book/_build
