# Sosial Profil. `make run` serves the demo; `make test` runs the whole suite.
# This is the only place that installs anything.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1:8000

.PHONY: run test setup install db messages makemessages browser lint format check-deploy clean

run: setup
	$(MANAGE) runserver $(HOST)

test: $(VENV)/.installed-test messages browser db
	$(BIN)/pytest $(PYTEST_ARGS)

# Everything `make run` needs before serving.
setup: install db

# Code and translations only (what a production server needs).
install: $(VENV)/.installed messages

# The database: migrated, with the demo data.
db: $(VENV)/.installed
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e ".[test]"
	touch $@ $(VENV)/.installed

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

# Browser tests drive Debian's Chromium (never a downloaded browser); certificate
# tests render PDFs to PNG (poppler-utils) and read their QR codes (zbar-tools).
TEST_TOOLS := chromium:chromium pdftoppm:poppler-utils zbarimg:zbar-tools
browser:
	@missing=""; for pair in $(TEST_TOOLS); do \
		command -v $${pair%%:*} >/dev/null 2>&1 || missing="$$missing $${pair#*:}"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = "0" ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
		else \
			echo "Missing Debian packages the tests need:$$missing"; \
			echo "Install them with: sudo apt-get install -y$$missing"; \
			exit 1; \
		fi; \
	fi

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
		$(MANAGE) check --deploy --settings=lms.settings.production --fail-level WARNING

# Page speed against a trivial view, on a run of 40 firms (see lms/bench.py).
bench: $(VENV)/.installed messages
	DJANGO_SETTINGS_MODULE=lms.settings.bench $(BIN)/python -m lms.bench

clean:
	rm -rf $(VENV) staticfiles
