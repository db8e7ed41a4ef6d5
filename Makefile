# Two commands set everything up: `make serve` and `make test`.
# Everything else is listed by `make help`.
SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE := site
# An organisation's edition (README.md, "Publishing"): `make build EDITION=editions/example/mkdocs.yml`,
# and the same for serve, check, handouts and bundle. Without it, the product as it is.
EDITION ?=
CONFIG := $(if $(EDITION),--config-file $(EDITION))
EDITION_OPT := $(if $(EDITION),--edition $(EDITION))

.DEFAULT_GOAL := help
.PHONY: help serve test test-fast lint build check handouts bundle bench clean chromium

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 12

# The virtual environment grows in three steps, each from its pinned requirements and
# each redone when its file changes: the site (serve), the build and the checker
# (handout PDFs, the checker's parser), then the tests and the benchmark's peers.
$(BIN)/.site-deps: requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(BIN)/.build-deps: requirements-build.txt $(BIN)/.site-deps
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-build.txt
	@touch $@

$(BIN)/.test-deps: requirements-test.txt $(BIN)/.build-deps
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@

serve: $(BIN)/.site-deps ## Build and serve the site on http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve $(CONFIG) --dev-addr 127.0.0.1:8000

# Build beside the live site (pages, then handout PDFs), then swap: a failed build
# leaves the last good site/ in place. No --quiet: with it, MkDocs 1.6 drops the
# warnings before strict mode counts them, and a broken link would pass (mkdocs#4126).
build: $(BIN)/.build-deps ## Strict build into site/, handout PDFs included
	@rm -rf $(SITE).new
	$(BIN)/mkdocs build $(CONFIG) --strict --site-dir $(SITE).new
	@CHROMIUM="$$(scripts/find-chromium $(BIN)/python)" || exit 1; \
	$(BIN)/python scripts/handouts.py $(SITE).new --chromium "$$CHROMIUM" >/dev/null
	@rm -rf $(SITE).old; if [ -d $(SITE) ]; then mv $(SITE) $(SITE).old; fi
	@mv $(SITE).new $(SITE); rm -rf $(SITE).old; echo "$(EDITION)" > .build-stamp

handouts: $(BIN)/.build-deps ## Render every handout to an A4 PDF in site/; report page counts and times
	@if [ ! -d $(SITE) ] || [ "$$(cat .build-stamp 2>/dev/null)" != "$(EDITION)" ]; then \
	  $(MAKE) --no-print-directory build; fi
	@CHROMIUM="$$(scripts/find-chromium $(BIN)/python)" || exit 1; \
	$(BIN)/python scripts/handouts.py $(SITE) --chromium "$$CHROMIUM"

check: $(BIN)/.build-deps ## Check sources and the built site: links, anchors, glossary, citations (builds first if stale)
	@if [ ! -d $(SITE) ] || [ ! -f .build-stamp ] || [ "$$(cat .build-stamp)" != "$(EDITION)" ] || \
	   [ -n "$$(find docs overrides scripts mkdocs.yml $(dir $(EDITION)) -newer .build-stamp -print -quit)" ]; then \
	  $(MAKE) --no-print-directory build; fi
	$(BIN)/python scripts/check.py $(SITE) $(EDITION_OPT)

lint: $(BIN)/.test-deps ## Lint the Python code with ruff (pyproject.toml); make test and test-fast run it first
	$(BIN)/ruff check .

test: lint ## Run the whole test suite, browser tests included
	@CHROMIUM="$$(scripts/find-chromium $(BIN)/python)" || exit 1; \
	CHROMIUM="$$CHROMIUM" $(BIN)/python -m pytest

# Chromium still: the site layer's build renders the handout PDFs, as `make build` does.
test-fast: lint ## Everything but the browser layer: lint, unit and site tests
	@CHROMIUM="$$(scripts/find-chromium $(BIN)/python)" || exit 1; \
	CHROMIUM="$$CHROMIUM" $(BIN)/python -m pytest -m "not browser"

chromium: $(BIN)/.build-deps ## Find (or install) the headless Chromium the browser tests use
	@scripts/find-chromium $(BIN)/python

# Lighthouse for the benchmark, pinned in bench-tools/package-lock.json.
bench-tools/node_modules/.installed: bench-tools/package.json bench-tools/package-lock.json
	cd bench-tools && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

bench: $(BIN)/.test-deps bench-tools/node_modules/.installed ## Measure build, checks, weight, handouts and Lighthouse against the budgets
	@CHROMIUM="$$(scripts/find-chromium $(BIN)/python)" || exit 1; \
	CHROMIUM="$$CHROMIUM" $(BIN)/python scripts/bench.py

bundle: build ## Zip the built site, versioned, for a shared drive (into dist/)
	$(BIN)/python scripts/bundle.py $(SITE) --out dist $(EDITION_OPT)

clean: ## Remove the built site, caches and the virtual environment
	rm -rf $(SITE) $(SITE).new $(SITE).old dist bench-results bench-tools/node_modules $(VENV) .pytest_cache .hypothesis .ruff_cache .build-stamp
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
