# Wonen Eerst receptenbank. `make run` sets everything up and serves the site; `make test` runs the suite.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 3

.PHONY: run serve setup content superuser test lint fmt bench lock browser clean

$(BIN)/.installed: requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	touch $@

setup: $(BIN)/.installed
	$(MANAGE) migrate --no-input
	$(MANAGE) laad_catalogus
	@if [ -n "$$DEMO_ACCOUNTS" ]; then $(MANAGE) maak_demo_accounts; fi

run: setup
	$(MANAGE) runserver $(HOST):$(PORT)

## Production-like serving: gunicorn with $(WORKERS) workers; static files through whitenoise.
serve: setup
	$(MANAGE) collectstatic --no-input --verbosity 0
	$(BIN)/gunicorn config.wsgi --bind $(HOST):$(PORT) --workers $(WORKERS) --access-logfile -

content: $(BIN)/.installed
	$(MANAGE) laad_catalogus

superuser: $(BIN)/.installed
	$(MANAGE) migrate --no-input
	$(MANAGE) createsuperuser

## Debian's Chromium drives the browser tests (no browser is downloaded).
browser:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run

fmt: $(BIN)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: $(BIN)/.installed browser lint
	$(BIN)/python -m pytest; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest ran no tests: failing"; exit 1; fi; exit $$status

bench: $(BIN)/.installed
	$(BIN)/python benchmarks/run.py

lock:
	$(BIN)/python -m pip freeze --exclude-editable > requirements.lock

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
