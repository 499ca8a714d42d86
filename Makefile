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

.PHONY: demo test fuzz fuzz-ci lint check clean docs bench bench-generate bench-peers

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,cli]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/karabakh-tolls

# Tests run in parallel on every core (pytest-xdist; TEST_WORKERS=0 runs them in one process).
TEST_WORKERS ?= auto

test: $(STAMP)
	$(BIN)/python -m pytest -m "not fuzz" -n $(TEST_WORKERS)

fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/test_fuzz.py -m fuzz

fuzz-ci: $(STAMP)
	HYPOTHESIS_PROFILE=ci $(BIN)/python -m pytest tests/test_fuzz.py -m fuzz -n $(TEST_WORKERS)

lint: $(STAMP)
	$(BIN)/ruff check src tests $(wildcard benchmarks)
	$(BIN)/ruff format --check src tests $(wildcard benchmarks)
	$(BIN)/mypy

check: test lint

# The engine's benchmark suite: one case at a time, each in its own subprocess within a time
# limit (at most about 21 minutes when every case runs to its limit, on 2 shared cores).
# Figures and their history: benchmarks/README.md.
bench: $(STAMP)
	$(BIN)/python benchmarks/bench_seeds.py
	$(BIN)/python benchmarks/bench_ucdp.py --timeout 90
	$(BIN)/python benchmarks/bench_synthetic.py 100000 --timeout 120
	$(BIN)/python benchmarks/bench_synthetic.py 1000000 --timeout 300
	$(BIN)/python benchmarks/bench_peers.py 1000 10000 --timeout 120
	$(BIN)/python benchmarks/bench_no_cliff.py --timeout 25

# The synthetic generators' own speed and memory (1M and 5M claims, 5M streamed to Parquet).
bench-generate: $(STAMP)
	$(BIN)/python benchmarks/bench_generate.py

DOCS_STAMP := $(VENV)/.installed-docs

$(DOCS_STAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,cli,docs]'
	touch $(DOCS_STAMP)

docs: $(DOCS_STAMP)
	$(BIN)/mkdocs build --strict

# The side-by-side benchmark of kt.discover against truth-discovery peers, in an environment
# of its own so that the peers never become dependencies of the package.
BENCH_VENV  := .venv-bench
BENCH_STAMP := $(BENCH_VENV)/.installed

$(BENCH_STAMP): pyproject.toml benchmarks/requirements-peers.txt
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BENCH_VENV)/bin/python -m pip install --quiet -e . -r benchmarks/requirements-peers.txt
	$(BENCH_VENV)/bin/python -m pip install --quiet --no-deps truthdiscovery==1.0.4
	touch $(BENCH_STAMP)

bench-peers: $(BENCH_STAMP)
	$(BENCH_VENV)/bin/python benchmarks/bench_discover.py

clean:
	rm -rf $(VENV) $(BENCH_VENV) site .pytest_cache .mypy_cache .ruff_cache .hypothesis
