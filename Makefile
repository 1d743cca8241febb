# The README's two commands: `make run` serves the site, `make test` runs every test.
# Both set up what they need first: Debian packages (when root), the virtualenv and the database.

PYTHON ?= $(shell test -x /usr/bin/python3 && echo /usr/bin/python3 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
APT_PACKAGES := bubblewrap python3-venv python3-dev util-linux
BUNDLE := platform/learnpath/static/build/learnpath.js
BUNDLE_SOURCES := $(wildcard platform/learnpath/static/src/*.js)

.PHONY: run test bench check lint setup system browser

run: setup
	$(BIN)/learnpath serve

# Every test, then every exercise of the catalog through `learnpath check`.
test: setup browser
	$(BIN)/python -m pytest $(PYTEST_ARGS)
	$(BIN)/learnpath check

bench: setup
	$(BIN)/python bench/run.py

check: setup
	$(BIN)/learnpath check

lint: setup
	$(BIN)/ruff check platform graders tests bench
	$(BIN)/mypy

setup: system $(STAMP) $(BUNDLE)

# Debian packages the sandbox needs; installed with apt-get when missing and running as root.
system:
	@missing=""; for pkg in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$pkg 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "installing Debian packages:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
		else \
			echo "missing Debian packages:$$missing (run: sudo apt-get install$$missing)"; exit 1; \
		fi; \
	fi

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

# The editor bundle: CodeMirror from npm (exact versions in package-lock.json), built by esbuild.
node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then \
			echo "installing Debian packages: nodejs npm"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
		else \
			echo "npm is missing (run: sudo apt-get install nodejs npm)"; exit 1; \
		fi; \
	}
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(BUNDLE): node_modules/.package-lock.json $(BUNDLE_SOURCES)
	npm run --silent build

# Debian's chromium for the browser tests (never a downloaded browser build).
browser:
	@test -x /usr/bin/chromium || { \
		if [ "$$(id -u)" = 0 ]; then \
			echo "installing Debian packages: chromium"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "chromium is missing, the browser tests will be skipped (run: sudo apt-get install chromium)"; \
		fi; \
	}
