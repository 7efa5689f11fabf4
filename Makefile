# claimwire: `make run` and `make test` work on a fresh machine with Python 3.11+.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test bench train install ui clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall when the dependency list or the pins change.
$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,scale]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/claimwire run seeds --data-dir data

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,scale,bench]'
	$(BIN)/python bench/run_all.py

# Rebuild the shipped model files in pipelines/models/ from ../shared/data, deterministically.
train: $(STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[train]'
	$(BIN)/python -m pipelines.training.build_word_vectors
	$(BIN)/python -m pipelines.training.build_story_df
	$(BIN)/python -m pipelines.training.train_checkworthiness
	$(BIN)/python -m pipelines.training.build_name_case
	$(BIN)/python -m pipelines.training.train_attribution

ui: $(STAMP)
	$(BIN)/claimwire ui

clean:
	rm -rf data/tables data/warehouse.duckdb data/.dagster
