# The few commands a person types. Everything they need is installed by the
# project's own files: a venv from requirements.lock, npm packages from
# package-lock.json, and (on Debian, as root) Chromium, Firefox ESR and WebKitGTK for the
# browser tests, and LibreOffice Calc for the spreadsheet import (scripts/ensure-browsers).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test unit lint eval tone-model care-model bench audit clean

serve: $(VENV)/.installed node_modules/.installed ## build and serve the site at http://127.0.0.1:8000
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:$(PORT)

build: $(VENV)/.installed node_modules/.installed ## write the static site to site/
	$(BIN)/mkdocs build --strict --clean -d site

test: $(VENV)/.installed node_modules/.installed ## everything: lint, workflows, own words, unit, site, parity, browser (Chromium; a smoke test in WebKit and Firefox)
	@scripts/ensure-browsers chromium firefox webkit spreadsheet
	$(BIN)/ruff check .
	$(BIN)/zizmor --offline --quiet .github/workflows
	$(PYTHON) scripts/own_words.py
	$(BIN)/python -m pytest -n 2 --dist loadfile

unit: $(VENV)/.installed ## only the fast tests (no build, no browser)
	$(BIN)/python -m pytest tests/unit

eval: $(VENV)/.installed node_modules/.installed ## how well the checks and the search work: tone and care recall and false alarms (tests/corpus/*.tsv), search hits (tests/corpus/search.yaml)
	@scripts/ensure-browsers chromium
	$(BIN)/python scripts/evaluate_tone.py
	$(BIN)/python scripts/evaluate_search.py

tone-model: $(VENV)/.installed ## train the tone check's model again after tests/corpus/tone.tsv changes (writes workbook/lexicon/tone_model.tsv)
	$(BIN)/python scripts/train_tone_model.py

care-model: $(VENV)/.installed ## train the care check's model again after tests/corpus/hopeless.tsv or its phrases change (writes workbook/lexicon/care_model.tsv)
	$(BIN)/python scripts/train_care_model.py

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/zizmor --offline --quiet .github/workflows

bench: $(VENV)/.installed node_modules/.installed ## time-to-ready and call time, against bare Pyodide
	@scripts/ensure-browsers chromium
	$(BIN)/python benchmarks/bench.py

audit: $(VENV)/.installed node_modules/.installed ## Lighthouse (mobile) on three pages; writes benchmarks/README.md
	@scripts/ensure-browsers chromium
	$(BIN)/python benchmarks/lighthouse.py --write

$(VENV)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund
	touch $@

clean:
	rm -rf site .pytest_cache
