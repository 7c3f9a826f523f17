# Samizdat: `make run` starts the publication with demo content, `make test` tests it.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PORT
export DJANGO_SETTINGS_MODULE ?= samizdat.settings.dev

.PHONY: install run test lint format messages bench clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py setup_site
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py ensure_admin
	PORT=$(PORT) $(BIN)/python manage.py runstack --port $(PORT)

test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy
	DJANGO_SETTINGS_MODULE=samizdat.settings.test $(BIN)/python manage.py makemigrations --check --dry-run -v0
	bash scripts/test.sh

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Refresh every edition's catalogue (locale/<code>/) from the code and templates,
# then compile it; needs GNU gettext. New strings arrive untranslated, and
# samizdat/editions/tests/test_translations.py fails until they are translated.
LOCALES ?= $(patsubst locale/%/LC_MESSAGES,%,$(wildcard locale/*/LC_MESSAGES))
messages: install
	$(BIN)/python manage.py makemessages $(foreach code,$(LOCALES),-l $(code)) \
	  --ignore=.venv --ignore=node_modules --ignore=bench --ignore='*/tests/*' \
	  --ignore=tests --ignore=var --ignore=media --ignore=staticfiles
	$(BIN)/python manage.py compilemessages --ignore=.venv

bench: install
	for f in bench/*.py; do $(BIN)/python $$f; done

clean:
	rm -rf $(VENV) var staticfiles media
