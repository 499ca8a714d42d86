# The two commands a newcomer needs: `make demo` and `make test`.
#   make test     the suite without the fuzz tests (fast; HYPOTHESIS_PROFILE=dev by default)
#   make fuzz     the fuzz tests of tests/test_fuzz.py with many examples (minutes; not in CI)
#   make fuzz-ci  the fuzz tests with the bounded `ci` profile, as CI runs them
#   make docs     the site; the tutorial shows the outputs that tests/test_notebook.py wrote
#                 when KARABAKH_TOLLS_EXECUTED_NOTEBOOK=docs/tutorial.ipynb (CI sets it)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test fuzz fuzz-ci lint check clean docs

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/karabakh-tolls

test: $(STAMP)
	$(BIN)/python -m pytest -m "not fuzz"

fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/test_fuzz.py -m fuzz

fuzz-ci: $(STAMP)
	HYPOTHESIS_PROFILE=ci $(BIN)/python -m pytest tests/test_fuzz.py -m fuzz

lint: $(STAMP)
	$(BIN)/ruff check src tests $(wildcard benchmarks)
	$(BIN)/ruff format --check src tests $(wildcard benchmarks)
	$(BIN)/mypy

check: test lint

DOCS_STAMP := $(VENV)/.installed-docs

$(DOCS_STAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,docs]'
	touch $(DOCS_STAMP)

docs: $(DOCS_STAMP)
	$(BIN)/mkdocs build --strict

clean:
	rm -rf $(VENV) site .pytest_cache .mypy_cache .ruff_cache .hypothesis
