# GVI-veckan. Two commands matter: `make serve` and `make test`. Each sets up what it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SITE_STAMP := $(VENV)/.site-installed
DEV_STAMP  := $(VENV)/.dev-installed
PATH_STAMP := $(VENV)/.gvi-path
EDITION ?= $(shell sed -n 's/^  edition: *"\{0,1\}\([^"]*\)"\{0,1\}$$/\1/p' docs/_data/local.yml)
BRANCH  ?= site-preview
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check test quick chromium bench offline deploy-edition zensical-trial clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11, 5), "Python 3.11.5 or newer is needed"'
	$(PYTHON) -m venv $(VENV)

# mkdocs.yml names the project's Markdown extension (gvi.mdext, in overrides/hooks/gvi/): a .pth
# file puts overrides/hooks on the venv's import path, for mkdocs, mike and the scripts alike.
$(PATH_STAMP): | $(BIN)/python
	$(BIN)/python -c 'import pathlib, sysconfig; pathlib.Path(sysconfig.get_paths()["purelib"], "gvi-veckan.pth").write_text(str(pathlib.Path("overrides/hooks").resolve()) + "\n")'
	@touch $@

$(SITE_STAMP): requirements.txt | $(BIN)/python $(PATH_STAMP)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements.txt
	@touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt | $(BIN)/python $(PATH_STAMP)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	@touch $@ $(SITE_STAMP)

## serve: the site on http://127.0.0.1:8000/ (Swedish) and /en/ (English), rebuilt on change
serve: $(SITE_STAMP)
	$(BIN)/mkdocs serve -a 127.0.0.1:8000

## build: a strict build into site/
build: $(SITE_STAMP)
	$(BIN)/mkdocs build

## check: the content checks in a second, without building (scripts/check_content.py)
check: $(SITE_STAMP)
	$(BIN)/python scripts/check_content.py

## chromium: find or install the Chromium the browser tests drive
chromium: $(DEV_STAMP)
	$(BIN)/python scripts/ensure_chromium.py

## test: every test: unit, build, mike and browser (Playwright + Chromium + axe-core), on JOBS
## pytest-xdist workers (default 2, the cores of a developer's and CI's machine). The heavy session
## builds are made once and shared by the workers (tests/support.py shared).
JOBS ?= 2
test: $(DEV_STAMP) chromium
	$(BIN)/python -m pytest -n $(JOBS) --dist loadgroup

## quick: the loop while writing code or content, in under a minute: the unit tests, the content
## checks on the guard fixtures (every bad input found with file and line, no build) and one
## strict build of the real site with its checks. No browser. `make test` before a commit.
QUICK := tests/unit tests/build/test_check_content.py tests/build/test_site_build.py
quick: $(DEV_STAMP)
	$(BIN)/python -m pytest -n $(JOBS) --dist loadgroup $(QUICK)

## bench: page weight, build time and search index size against a plain Material page, with the
## budgets checked (--check). Prints a table and writes bench/results.json. Not part of `make test`.
bench: $(DEV_STAMP) chromium
	$(BIN)/python scripts/bench.py --check

## offline: build/gvi-veckan-offline.zip, the whole site for a laptop with no network (file://)
offline: $(SITE_STAMP)
	$(BIN)/python scripts/offline.py

## deploy-edition: deploy EDITION (default: docs/_data/local.yml week.edition) to the local
## branch BRANCH with alias latest. Nothing is pushed. REDEPLOY=1 replaces an edition already
## on BRANCH with different content (otherwise refused, as in .github/workflows/deploy.yml).
deploy-edition: $(SITE_STAMP)
	$(BIN)/python scripts/deploy_edition.py deploy $(EDITION) --branch $(BRANCH)$(if $(REDEPLOY), --redeploy)

## zensical-trial: build the site with Zensical (requirements-zensical.txt, own venv) in
## build/zensical-trial/ and write REPORT.md: what comes out and what does not. See MAINTAINING.md.
## Not part of `make test`; a feature that fails is reported, not an error.
ZVENV := .venv-zensical
$(ZVENV)/.installed: requirements-zensical.txt
	$(PYTHON) -m venv $(ZVENV)
	$(ZVENV)/bin/python -m pip install -q --disable-pip-version-check -r requirements-zensical.txt
	@touch $@

zensical-trial: $(ZVENV)/.installed chromium
	$(ZVENV)/bin/python scripts/zensical_trial.py

clean:
	rm -rf site build .pytest_cache
