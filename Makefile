# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000

.PHONY: run test lint install backup restore

run: export SITE_URL ?= http://127.0.0.1:$(PORT)
run: $(STAMP)
	@mkdir -p var
	$(BIN)/python manage.py prepare_site
	@echo "Mail is written to var/mail/. Serving http://127.0.0.1:$(PORT) (stop with Ctrl-C)."
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# One xdist worker per core, at most 4 (PYTEST_ARGS=--pdb runs the tests in this process); the
# tests of an xdist_group (tests/wsi/test_stack.py: one stack for the module) run on one worker.
test: $(STAMP)
	$(BIN)/pytest -n auto --maxprocesses=4 --dist loadgroup $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint . --lint
	$(BIN)/djlint . --check

install: $(STAMP)

# The database and the media folder (COMPOSE=1: the Compose stack's); see bin/backup.
backup:
	bin/backup create

restore:
	bin/backup restore "$(BACKUP)"

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed"'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	$(BIN)/python -m pip check
	@touch $(STAMP)
