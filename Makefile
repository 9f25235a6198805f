# Sosial Profil. `make run` serves the demo; `make test` runs the whole suite.
# This is the only place that installs anything.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1:8000

.PHONY: run test setup install lock db messages makemessages browser lint format check-deploy clean redis redis-stop bench load worker

run: setup
	$(MANAGE) runserver $(HOST)

# On PostgreSQL the suite includes the multi-process tests (gunicorn + Redis).
TEST_REDIS := $(if $(findstring postgres,$(DATABASE_URL)),redis)
test: $(VENV)/.installed-test messages browser db $(TEST_REDIS)
	$(if $(TEST_REDIS),REDIS_URL=$(TEST_REDIS_URL)) $(BIN)/pytest $(PYTEST_ARGS)

# Production's task worker: sends the queued notification mails and reminders,
# builds the certificate ZIPs and runs Wagtail's tasks (lms.settings.production
# keeps tasks in the database; dev runs them at once). `make worker WORKERS=3`
# runs three side by side (any number may run, on any number of machines: each
# task is claimed by one); WORKER_ARGS adds db_worker options.
WORKERS ?= 1
WORKER_ARGS ?=
worker: install
ifeq ($(WORKERS),1)
	$(MANAGE) db_worker $(WORKER_ARGS)
else
	ops/workers.sh $(WORKERS) $(MANAGE) db_worker $(WORKER_ARGS)
endif

# Everything `make run` needs before serving.
setup: install db

# Code and translations only (what a production server needs).
install: $(VENV)/.installed messages

# The database: migrated, with the demo data.
db: $(VENV)/.installed
	$(MANAGE) migrate --noinput
	$(MANAGE) createcachetable
	$(MANAGE) seed_demo

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

# The whole dependency tree is locked with hashes (requirements/*.lock, made by
# `make lock` from pyproject.toml); the project itself is installed without deps.
PIP := $(BIN)/pip install --quiet --disable-pip-version-check
$(VENV)/.installed: pyproject.toml requirements/base.lock | $(VENV)/bin/python
	$(PIP) --require-hashes -r requirements/base.lock
	$(PIP) --no-deps -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml requirements/test.lock | $(VENV)/bin/python
	$(PIP) --require-hashes -r requirements/test.lock
	$(PIP) --no-deps -e .
	touch $@ $(VENV)/.installed

# Re-lock after changing a dependency in pyproject.toml (needs PyPI).
LOCK_TOOLS := $(VENV)-lock
COMPILE := $(LOCK_TOOLS)/bin/pip-compile --quiet --generate-hashes --strip-extras \
	--allow-unsafe --no-emit-index-url --no-emit-find-links --no-header
lock:
	test -x $(LOCK_TOOLS)/bin/pip-compile || { $(PYTHON) -m venv $(LOCK_TOOLS) && \
		$(LOCK_TOOLS)/bin/pip install --quiet pip-tools==7.6.2; }
	$(COMPILE) -o requirements/base.lock pyproject.toml
	$(COMPILE) --extra test -o requirements/test.lock pyproject.toml
	$(COMPILE) --extra test --extra load -o requirements/load.lock pyproject.toml

messages: $(VENV)/.installed
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v0

# Extract new strings into lms/locale/*/LC_MESSAGES/django.po (then translate them).
# English msgids are the English text, so the English catalogue copies them.
makemessages: $(VENV)/.installed-test
	$(MANAGE) makemessages -l nb -l en --ignore=.venv --ignore=tests --no-obsolete
	$(BIN)/python -c "import polib; po = polib.pofile('lms/locale/en/LC_MESSAGES/django.po'); \
		[setattr(e, 'msgstr', e.msgid) for e in po if not e.msgid_plural]; \
		[e.msgstr_plural.update({0: e.msgid, 1: e.msgid_plural}) for e in po if e.msgid_plural]; \
		[e.flags.remove('fuzzy') for e in po if 'fuzzy' in e.flags]; \
		po.metadata.update(Language='en'); po.metadata_is_fuzzy = False; po.save()"

# Debian packages a target needs, as command:package pairs: installed when missing
# and we are root, otherwise named with the command that installs them.
define debian_tools
	@missing=""; for pair in $(1); do \
		command -v $${pair%%:*} >/dev/null 2>&1 || missing="$$missing $${pair#*:}"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = "0" ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
		else \
			echo "Missing Debian packages:$$missing"; \
			echo "Install them with: sudo apt-get install -y$$missing"; \
			exit 1; \
		fi; \
	fi
endef

# Browser tests drive Debian's Chromium (never a downloaded browser); certificate
# tests render PDFs to PNG (poppler-utils) and read their QR codes (zbar-tools);
# the bench test runs against a private Redis.
REDIS_TOOLS := redis-server:redis-server
TEST_TOOLS := chromium:chromium pdftoppm:poppler-utils zbarimg:zbar-tools $(REDIS_TOOLS)
browser:
	$(call debian_tools,$(TEST_TOOLS))

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates
	$(MANAGE) makemigrations --check --dry-run

format: $(VENV)/.installed-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

check-deploy: $(VENV)/.installed
	SECRET_KEY=$$(head -c 48 /dev/urandom | base64) ALLOWED_HOSTS=example.org \
		REDIS_URL=redis://127.0.0.1:6379/0 \
		CREDENTIAL_SIGNING_KEYS="[$$($(MANAGE) credential_signing_key --settings=lms.settings.dev 2>/dev/null)]" \
		$(MANAGE) check --deploy --settings=lms.settings.production --fail-level WARNING

# Page speed against a trivial view, cold and warm cache, on production's cache
# (a private Redis on loopback, started and stopped here): see bench/run.py.
# BENCH_FIRMS (40), BENCH_REQUESTS (100) and BENCH_REPEATS (3) change the size.
BENCH_REDIS_PORT ?= 6479
# SIZE: S (the pilot), M or L, or several ("S M L"), built and measured in turn
# (bench/data.py); the table goes to stdout and to BENCH_TABLE.
SIZE ?= S
BENCH_TABLE ?= docs/benchmarks.md
bench: $(VENV)/.installed messages
	$(call debian_tools,$(REDIS_TOOLS))
	mkdir -p $(dir $(BENCH_TABLE))
	BENCH_SIZE="$(SIZE)" BENCH_TABLE="$(BENCH_TABLE)" DJANGO_SETTINGS_MODULE=bench.settings \
		bench/with-redis.sh $(BENCH_REDIS_PORT) $(BIN)/python -m bench

# Load test: Locust, headless, against gunicorn (3 workers) + PostgreSQL + Redis on
# loopback, all started and stopped here (see bench/load/run.sh for the options).
LOAD_REDIS_PORT ?= 6480
load: $(VENV)/.installed-load messages
	$(call debian_tools,$(REDIS_TOOLS))
	bench/with-redis.sh $(LOAD_REDIS_PORT) bench/load/run.sh

$(VENV)/.installed-load: pyproject.toml requirements/load.lock | $(VENV)/bin/python
	$(PIP) --require-hashes -r requirements/load.lock
	$(PIP) --no-deps -e .
	touch $@ $(VENV)/.installed $(VENV)/.installed-test

# Debian's redis-server on a private loopback port, in memory only (nothing
# saved), daemonized; started once and left running (`make redis-stop` ends it).
# The multi-process tests empty its database 0.
REDIS_PORT ?= 6390
TEST_REDIS_URL := redis://127.0.0.1:$(REDIS_PORT)/0
REDIS_PIDFILE := $(CURDIR)/$(VENV)/redis-$(REDIS_PORT).pid
redis:
	$(call debian_tools,$(REDIS_TOOLS))
	@mkdir -p $(VENV)
	@redis-cli -p $(REDIS_PORT) ping >/dev/null 2>&1 || \
		redis-server --port $(REDIS_PORT) --bind 127.0.0.1 --save '' --appendonly no \
			--daemonize yes --dir /tmp --pidfile $(REDIS_PIDFILE) \
			--logfile $(CURDIR)/$(VENV)/redis-$(REDIS_PORT).log
	@for _ in $$(seq 1 50); do \
		redis-cli -p $(REDIS_PORT) ping >/dev/null 2>&1 && exit 0; sleep 0.1; \
	done; \
	echo "redis-server did not answer on port $(REDIS_PORT): see $(VENV)/redis-$(REDIS_PORT).log"; \
	exit 1

redis-stop:
	@if [ -f $(REDIS_PIDFILE) ]; then \
		kill "$$(cat $(REDIS_PIDFILE))" 2>/dev/null || true; rm -f $(REDIS_PIDFILE); \
	fi

# Backup: the database (PostgreSQL: pg_dump --format=custom; SQLite: its backup
# API) and both media folders, with checksums, into BACKUP_DIR/sosialprofil-<UTC
# time>/ (see ops/backup.sh). Restore one into an empty database and empty
# folders (FORCE=1 replaces what is there): make restore BACKUP=backups/…
# Both read the database and folders from the settings, as the app does
# (DJANGO_SETTINGS_MODULE, DATABASE_URL, MEDIA_ROOT, PRIVATE_MEDIA_ROOT).
.PHONY: backup restore
BACKUP_DIR ?= backups
backup: $(VENV)/.installed
	BACKUP_DIR=$(BACKUP_DIR) PYTHON=$(BIN)/python ops/backup.sh
restore: $(VENV)/.installed
	@test -n "$(BACKUP)" || { echo "Usage: make restore BACKUP=<folder made by make backup> [FORCE=1]"; exit 1; }
	FORCE=$(FORCE) PYTHON=$(BIN)/python ops/restore.sh "$(BACKUP)"

# Generated hostile input for every form and POST view (tests/fuzz), 2,000
# examples each (`make test` runs 200 per form and 25 per view).
fuzz: $(VENV)/.installed-test messages
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-2000} FUZZ_VIEW_EXAMPLES=$${FUZZ_VIEW_EXAMPLES:-2000} \
		$(BIN)/pytest tests/fuzz --timeout=0 $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) $(LOCK_TOOLS) staticfiles
