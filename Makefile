# Two commands for a newcomer: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-postgres lint bench screenshots clean translations icons install-desktop bundle bundle-check

# PYTHONWARNINGS: setuptools tells every editable install to beware of folders named like its
# packages, a warning with nothing to act on.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	PYTHONWARNINGS="ignore:Editable installation" $(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python main.py $(ARGS)

test: $(STAMP)
	$(BIN)/python -m ruff check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The same suite with the PostgreSQL tests run, on a throwaway server on 127.0.0.1:55432
# (.ci/postgres.sh; as root it installs Debian's postgresql first if needed), stopped after.
test-postgres: $(STAMP)
	PYTHONWARNINGS="ignore:Editable installation" $(BIN)/python -m pip install --quiet -e '.[test,postgres]'
	url=$$(bash .ci/postgres.sh start) && trap 'bash .ci/postgres.sh stop' EXIT && \
		MINUTIER_TEST_PG_URL="$$url" $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/python -m ruff check .
	$(BIN)/python -m ruff format --check .

bench: $(STAMP)
	for f in bench/bench_*.py; do $(BIN)/python $$f || exit 1; done

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache

# The application icon: PNG sizes drawn from resources/icons/minutier.svg by Qt's SVG renderer.
icons: $(STAMP)
	$(BIN)/python resources/icons/render_icons.py

# Minutier in the current user's application menu (XDG folders), launching this checkout's
# editor; after `pipx install .`, run it with LAUNCHER=$HOME/.local/bin/minutier-gui. Menus
# notice new entries by themselves; the two caches are refreshed where their tools exist.
XDG_DATA_HOME ?= $(HOME)/.local/share
LAUNCHER ?= $(abspath $(BIN))/minutier-gui
install-desktop: $(STAMP)
	install -D -m 644 resources/icons/minutier.svg "$(XDG_DATA_HOME)/icons/hicolor/scalable/apps/minutier.svg"
	for size in 16 24 32 48 64 128 256; do \
		install -D -m 644 resources/icons/minutier-$$size.png \
			"$(XDG_DATA_HOME)/icons/hicolor/$${size}x$${size}/apps/minutier.png" || exit 1; \
	done
	mkdir -p "$(XDG_DATA_HOME)/applications"
	sed 's|^Exec=.*|Exec="$(LAUNCHER)"|' resources/minutier.desktop > "$(XDG_DATA_HOME)/applications/minutier.desktop"
	! command -v update-desktop-database >/dev/null || update-desktop-database -q "$(XDG_DATA_HOME)/applications"
	! command -v gtk-update-icon-cache >/dev/null || gtk-update-icon-cache -q -t "$(XDG_DATA_HOME)/icons/hicolor"
	@echo "Minutier is in the application menu ($(XDG_DATA_HOME)/applications/minutier.desktop)."

# A standalone folder, $(BUNDLE_DIST)/minutier/, that runs without Python (PyInstaller, recipe in
# .ci/minutier.spec), built in a virtual environment of its own so that .venv is left as it is.
BUNDLE_VENV ?= build/bundle-venv
BUNDLE_DIST ?= dist
BUNDLE_WORK ?= build/pyinstaller
bundle:
	test -x $(BUNDLE_VENV)/bin/python || $(PYTHON) -m venv $(BUNDLE_VENV)
	$(BUNDLE_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BUNDLE_VENV)/bin/python -m pip install --quiet . 'pyinstaller>=6.10' 'pyinstaller-hooks-contrib>=2024.8'
	$(BUNDLE_VENV)/bin/python -m PyInstaller --noconfirm --clean --log-level WARN \
		--distpath $(BUNDLE_DIST) --workpath $(BUNDLE_WORK) .ci/minutier.spec
	@du -sh $(BUNDLE_DIST)/minutier

# Runs the bundle offscreen on a fresh data folder: --version, list, export, --screenshots.
bundle-check: $(STAMP)
	$(BIN)/python .ci/bundle_check.py $(BUNDLE_DIST)/minutier/minutier

# Interface strings are English in the code; French is shipped as resources/translations/minutier_fr.{ts,qm}.
# Run after changing visible strings, translate the new entries (Qt Linguist: pyside6-linguist), run again.
UI_SOURCES = $(shell git ls-files -co --exclude-standard 'ui/*.py')
translations: $(STAMP)
	$(BIN)/pyside6-lupdate $(UI_SOURCES) -ts resources/translations/minutier_fr.ts -source-language en -target-language fr -no-obsolete
	$(BIN)/pyside6-lrelease resources/translations/minutier_fr.ts -qm resources/translations/minutier_fr.qm
