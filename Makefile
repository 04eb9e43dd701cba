# Two entry points: `make site` and `make test`. Each creates .venv from pinned versions.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test lint types pytest sample-data serve clean offline

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip==26.3"
	$(BIN)/pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/thidua build
	@echo "Site built in site/ — view it with: python3 -m http.server -d site (or $(BIN)/mkdocs serve)"

test: $(STAMP) lint types pytest

lint: $(STAMP)
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench

types: $(STAMP)
	$(BIN)/mypy

# Both cores: one worker per test module's worth of tests (module fixtures are built once).
pytest: $(STAMP)
	$(BIN)/python -m pytest -q -n 2 --dist loadscope --durations=25

sample-data: $(STAMP)
	$(BIN)/python -m tests.builders.sample_campaign data/vpubnd-cantho-2019

serve: $(STAMP)
	$(BIN)/mkdocs serve

clean:
	rm -rf site .cache build *.egg-info

offline: $(STAMP)
	$(BIN)/thidua build --offline
	@echo "Offline bundle: site-offline.zip (unzip, open index.html)"
