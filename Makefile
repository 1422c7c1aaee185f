# Two commands for a newcomer: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-postgres lint bench screenshots clean translations

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python main.py $(ARGS)

test: $(STAMP)
	$(BIN)/python -m ruff check .
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The same suite with the PostgreSQL tests run, on a throwaway server on 127.0.0.1:55432
# (.ci/postgres.sh; as root it installs Debian's postgresql first if needed), stopped after.
test-postgres: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,postgres]'
	url=$$(bash .ci/postgres.sh start) && trap 'bash .ci/postgres.sh stop' EXIT && \
		MINUTIER_TEST_PG_URL="$$url" $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/python -m ruff check .
	$(BIN)/python -m ruff format --check .

bench: $(STAMP)
	for f in bench/bench_*.py; do $(BIN)/python $$f || exit 1; done

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache

# Interface strings are English in the code; French is shipped as resources/translations/minutier_fr.{ts,qm}.
# Run after changing visible strings, translate the new entries (Qt Linguist: pyside6-linguist), run again.
UI_SOURCES = $(shell git ls-files -co --exclude-standard 'ui/*.py')
translations: $(STAMP)
	$(BIN)/pyside6-lupdate $(UI_SOURCES) -ts resources/translations/minutier_fr.ts -source-language en -target-language fr -no-obsolete
	$(BIN)/pyside6-lrelease resources/translations/minutier_fr.ts -qm resources/translations/minutier_fr.qm
