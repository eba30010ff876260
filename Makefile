# Quick start:  make run   (starts the app)   ·   make test   (ruff, mypy, the whole test suite)
#               make test-fast   (ruff and the tests not marked slow: what to run while working)
# All three set up what they need first: a virtual environment in .venv with the app installed.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-fast lint bench clean bundle translations

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	@echo "Installing Imitation Lens and its tools (the first time compiles llama.cpp twice, for the app and for the tests' llama-server: about 24 minutes on 2 cores)…"
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/imitation-lens

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# No real inference, no app subprocesses, no real-window tier: see the `slow` marker.
test-fast: $(STAMP)
	$(BIN)/ruff check .
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not slow" -n auto

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/generation_overhead.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/annotation_latency.py
	$(BIN)/python bench/schedules.py
	$(BIN)/python bench/batch_run.py

# German: collects the tr() messages of the ui/ modules into resources/i18n/*.ts and core's _()
# messages (core, CLI, report templates) into resources/i18n/de/LC_MESSAGES/imitation_lens.po
# (fill in what is new: "unfinished" in the .ts, an empty msgstr in the .po), then builds the .qm and
# the .mo the app loads. Commit them all.
translations: $(STAMP)
	$(BIN)/python packaging/translations.py

bundle:
	packaging/build-bundle.sh

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
