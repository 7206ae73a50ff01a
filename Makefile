# Parapluie: every chore is a target here; `make help` lists them.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
LANG_CODE ?= fr
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help site serve test test-fast lint messages content-report i18n-status stamp new-lang check-data urls bench bench-tools clean editor editor-tools editor-local

help: ## List the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-15s %s\n", $$1, $$2}'
	@echo "  (serve takes LANG_CODE=xx and PORT=nnnn; the default is LANG_CODE=fr PORT=8000)"

$(VENV)/.build-deps: requirements.txt
	@test -n "$(PYTHON)" || { echo "Python 3.11 not found"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-deps: requirements-test.txt $(VENV)/.build-deps
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

site: $(VENV)/.build-deps ## Build every language into site/ (creates .venv/ and installs pinned dependencies first), then its brotli copies
	$(PY) scripts/build.py
	$(PY) scripts/precompress.py site

serve: $(VENV)/.build-deps ## Preview one language at http://localhost:$(PORT)/$(LANG_CODE)/, rebuilt when a source changes
	$(PY) scripts/serve.py --lang $(LANG_CODE) --port $(PORT)

lint: $(VENV)/.test-deps ## ruff: lint and format check
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

test: $(VENV)/.test-deps editor editor-tools ## Run every test: lint, unit, build, bad input, browser (needs Debian's chromium, npm)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m pytest

test-fast: $(VENV)/.test-deps ## The quick loop: lint and every test but the browser ones (`make test` stays the whole suite, as CI runs it)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m pytest -m "not browser"

messages: $(VENV)/.build-deps ## Extract template strings into translations/messages.pot and update every .po
	$(PY) scripts/messages.py

i18n-status: $(VENV)/.build-deps ## The translators' report: every page of every language, fresh, outdated, missing or orphaned (never fails; STRICT=1 fails on critical outdated)
	$(PY) scripts/i18n.py status $(if $(STRICT),--check)

stamp: $(VENV)/.build-deps ## Record the French version in LANG_CODE's translations (METHOD=machine|machine-reviewed|human, PAGES=...)
	$(PY) scripts/i18n.py stamp $(LANG_CODE) $(PAGES) $(if $(METHOD),--method $(METHOD))

new-lang: $(VENV)/.build-deps ## Add a language: make new-lang CODE=pt EXIT_URL=https://... (registry, docs/CODE, catalog)
	$(PY) scripts/i18n.py new-lang $(CODE) --exit-url "$(EXIT_URL)"

check-data: $(VENV)/.build-deps ## Check the directory data (data/services/*.yml) before publishing
	$(PY) scripts/check_data.py

bench: $(VENV)/.test-deps ## Slow-3G phone: first paint vs the one-round-trip floor and stock Material, bytes, build time (LANGS=fr,ar RUNS=n JSON=path LIGHTHOUSE=fr,ar)
	$(PY) scripts/bench.py $(if $(RUNS),--runs $(RUNS)) $(if $(LANGS),--langs $(LANGS)) $(if $(JSON),--json $(JSON)) $(if $(LIGHTHOUSE),--lighthouse $(LIGHTHOUSE))

devtools/lighthouse/node_modules/.installed: devtools/lighthouse/package-lock.json
	npm ci --prefix devtools/lighthouse --ignore-scripts --no-audit --no-fund --silent
	touch $@

bench-tools: devtools/lighthouse/node_modules/.installed ## Install Lighthouse (pinned by devtools/lighthouse/package-lock.json): `make bench` then adds CLS and the performance score

urls: site ## Add the new public addresses of the build to data/published-urls.txt (never removes one)
	$(PY) scripts/urls.py

content-report: $(VENV)/.build-deps ## Sentence length per French page (worst first) and content problems
	$(PY) scripts/content_report.py

editor: $(VENV)/.build-deps ## Fetch the web editor's pinned bundle (decap-cms, npm) and check its sha256; `make site` then adds /admin/
	$(PY) scripts/editor.py fetch

admin/node_modules/.installed: admin/package-lock.json
	npm ci --prefix admin --ignore-scripts --no-audit --no-fund --silent
	touch $@

editor-tools: admin/node_modules/.installed ## Install decap-server (pinned by admin/package-lock.json): the editor's local backend

editor-local: editor editor-tools site ## Try the web editor on this clone: http://localhost:$(PORT)/admin/ saves into your files
	$(PY) scripts/editor.py local --port $(PORT)

clean: ## Remove site/ and caches (keeps .venv/)
	rm -rf site .site.* .pytest_cache .ruff_cache
