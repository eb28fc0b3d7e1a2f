# Wonen Eerst receptenbank. `make run` sets everything up and serves the site; `make test` runs the suite.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 3

.PHONY: run serve setup content superuser test lint fmt bench lock browser redis spectral clean

$(BIN)/.installed: requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	touch $@

setup: $(BIN)/.installed
	$(MANAGE) migrate --no-input
	$(MANAGE) laad_catalogus
	@if [ -n "$$DEMO_ACCOUNTS" ]; then $(MANAGE) maak_demo_accounts; fi

## The development server, with the worker for background jobs (large spreadsheet imports) beside it.
run: setup
	$(MANAGE) db_worker --no-startup-delay --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT; \
	$(MANAGE) runserver $(HOST):$(PORT)

## Production-like serving: gunicorn with $(WORKERS) workers (config/gunicorn.py), which also starts the
## worker for background jobs; static files through whitenoise.
serve: setup
	$(MANAGE) collectstatic --no-input --verbosity 0
	HOST=$(HOST) PORT=$(PORT) WORKERS=$(WORKERS) $(BIN)/gunicorn --config config/gunicorn.py

content: $(BIN)/.installed
	$(MANAGE) laad_catalogus

superuser: $(BIN)/.installed
	$(MANAGE) migrate --no-input
	$(MANAGE) createsuperuser

## Debian's Chromium drives the browser tests (no browser is downloaded).
browser:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

## Redis on 127.0.0.1:6379 for the test of two application servers sharing one cache
## (tests/api/test_two_servers.py); started like CI starts it, installed from Debian if missing.
REDIS_ANSWERS := $(PYTHON) -c 'import socket; socket.create_connection(("127.0.0.1", 6379), 2).close()' 2>/dev/null
redis:
	@$(REDIS_ANSWERS) || { \
	  command -v redis-server >/dev/null || { apt-get update -qq && apt-get install -y -qq redis-server >/dev/null; }; \
	  echo "Redis does not answer on 127.0.0.1:6379; starting it."; \
	  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no >/dev/null; \
	  for attempt in $$(seq 1 50); do $(REDIS_ANSWERS) && exit 0; sleep 0.2; done; \
	  echo "Redis could not be started on 127.0.0.1:6379." >&2; exit 1; }

## Spectral, from the npm registry at the version in package-lock.json, lints the API's OpenAPI document
## against the NLGov API Design Rules (tests/api/test_openapi.py). Install scripts are not run.
SPECTRAL := node_modules/.bin/spectral
$(SPECTRAL): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

spectral: $(SPECTRAL)

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run

fmt: $(BIN)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: $(BIN)/.installed browser redis $(SPECTRAL) lint
	$(BIN)/python -m pytest; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest ran no tests: failing"; exit 1; fi; exit $$status

bench: $(BIN)/.installed
	$(BIN)/python benchmarks/run.py

lock:
	$(BIN)/python -m pip freeze --exclude-editable > requirements.lock

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 node_modules
