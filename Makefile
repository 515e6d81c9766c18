# Opstap — two commands: `make run` and `make test`.
SHELL := /bin/sh
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
export DJANGO_SETTINGS_MODULE ?= opstap.conf.dev

.PHONY: run test setup lint types check bench clean browsers

$(STAMP): pyproject.toml
	@PYTHON_BIN=$$(scripts/find-python) || exit 1; \
	  [ -x $(PY) ] || $$PYTHON_BIN -m venv $(VENV) || { echo "Kan geen virtualenv maken: installeer python3-venv (apt-get install python3-venv)."; exit 1; }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

setup: $(STAMP)
	$(BIN)/opstap compilemessages_opstap
	$(BIN)/opstap migrate --noinput -v0
	$(BIN)/opstap collectstatic --noinput -v0
	$(BIN)/opstap deduce_klaarzetten

## make run: set up and serve Gemeente Demodam on http://127.0.0.1:8000
run: setup
	$(BIN)/opstap laad_demo
	@echo ""
	@command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx nld || \
	  echo "Let op: Tesseract met Nederlands ontbreekt (apt-get install tesseract-ocr tesseract-ocr-nld). Een foto van een loonstrook wordt dan niet vooraf ingevuld; de rest werkt gewoon."
	@echo "Opstap draait op http://127.0.0.1:8000  (stoppen: Ctrl+C)"
	$(BIN)/opstap runserver 127.0.0.1:8000 --noreload

## make test: set up and run the whole suite (SQLite; DATABASE_URL=postgres://... for PostgreSQL)
test: $(STAMP)
	$(BIN)/opstap compilemessages_opstap
	$(BIN)/opstap deduce_klaarzetten
	DJANGO_SETTINGS_MODULE=opstap.conf.test $(BIN)/pytest -n 2 --dist loadgroup -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check src tests bench

types: $(STAMP)
	$(BIN)/mypy src

check: lint types
	DJANGO_SETTINGS_MODULE=opstap.conf.test $(BIN)/opstap makemigrations --check --dry-run

bench: $(STAMP)
	$(PY) bench/engine.py
	$(PY) bench/api.py

clean:
	rm -rf $(VENV) var
