# Two entry points for a fresh machine with Python 3.11 and make:
#   make course     create .venv, install, open the course in JupyterLab
#   make test       create .venv, install with test extras, run every test
# and for instructors and contributors:
#   make workshop   serve the workshop dashboard with Voila (see docs/workshop.md)
#   make check      the fast loop: lint and the tests not marked browser or slow
#   make site       build the course website into build/site/ (docs/site.md)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# JupyterLab refuses to start as root (containers, some lab machines) unless told
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)
# The browser tests drive Debian's chromium (never a downloaded browser)
CHROMIUM := /usr/bin/chromium
# make workshop: where the dashboard listens; TOKEN empty = a new random token
HOST  ?= 127.0.0.1
PORT  ?= 8866
TOKEN ?=
# The lowest declared versions are tested in a venv of their own
LOWEST := $(VENV)-lowest
PYTEST := -p no:cacheprovider -rs
# The muscle-driven model the disc loads are checked against (docs/model.md 9.1)
OSIM_MODEL := $(VENV)/opensim/Model_Pose2Sim_muscles_flex.osim

.PHONY: course test check lint doctest lowest install install-dev browser workshop site

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip

# Installs run again only when pyproject.toml changed (the stamp is older), so
# the course starts offline once installed.
$(VENV)/.installed-%: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -e ".[$*]"
	touch $@

install: $(VENV)/.installed-course
install-dev: $(VENV)/.installed-dev

# The learner's own copy of the lessons in my-course/, opened in JupyterLab
# (tools/learner.py). Any install stamp newer than pyproject.toml will do (the
# workshop and dev extras include the course), so once installed the course
# starts offline. LAB_ARGS go to JupyterLab, e.g. LAB_ARGS=--no-browser.
LAB_ARGS ?=
course: | $(BIN)/python
	@if [ -z "$$(find $(VENV) -maxdepth 1 -name '.installed-*' -newer pyproject.toml)" ]; then \
	  $(MAKE) --no-print-directory install; fi
	$(BIN)/python -m tools.learner $(LAB_ARGS)

# Install chromium with apt-get when it is missing and we are root (CI, containers).
# Otherwise the browser tests skip with a message; under CI they fail instead.
browser:
	@if [ -x $(CHROMIUM) ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing chromium for the browser tests"; \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } \
	  || { [ -z "$$CI" ] && echo "Could not install chromium: the browser tests will be skipped."; }; \
	else echo "No $(CHROMIUM) and not root: the browser tests will be skipped."; fi
	@# JupyterHub's proxy (the two-student hub test) comes from the npm registry
	@command -v configurable-http-proxy >/dev/null || ! command -v npm >/dev/null || \
	  { echo "Installing configurable-http-proxy for the JupyterHub test"; \
	    npm install -g --silent configurable-http-proxy; }

lint: install-dev
	$(BIN)/ruff check hinge_sim tests tools benchmarks notebooks

# The installed package (not the checkout) at the lowest versions pyproject.toml
# declares: the fast tests that need no checkout
lowest:
	[ -x $(LOWEST)/bin/python ] || $(PYTHON) -m venv $(LOWEST)
	$(PYTHON) -m tools.lowest course > $(LOWEST)/constraints.txt
	$(LOWEST)/bin/python -m pip install -q -c $(LOWEST)/constraints.txt ".[course]" pytest hypothesis mujoco
	@# modules that import tools/ at the top need the checkout: not collected here
	cd $(LOWEST) && bin/python -m pytest ../tests -m "not browser and not slow and not checkout" \
	  --ignore=../tests/browser $$(grep -l "^from tools\|^import tools" ../tests/*.py | sed "s/^/--ignore=/") \
	  -c ../pyproject.toml --rootdir .. $(PYTEST) -q

# The runnable examples in the model's docstrings
doctest: install-dev
	$(BIN)/python -m pytest --doctest-modules hinge_sim/model $(PYTEST) -q

# On every core (pytest-xdist); the browser folder and the notebook plugin are left out,
# so no worker pays for importing nbformat's schema checks (about 1.4 s each)
check: lint doctest
	$(BIN)/python -m pytest tests --ignore=tests/browser -m "not browser and not slow" \
	  -p no:nbval -n auto $(PYTEST) -q

test: install-dev browser lint doctest lowest $(OSIM_MODEL)
	HINGE_SIM_OSIM_MODEL=$(OSIM_MODEL) \
	  $(BIN)/python -m pytest tests notebooks --nbval-lax --nbval-current-env $(PYTEST)

# The OpenSim check's model comes out of pose2sim's wheel (tools/opensim_check/fetch.py)
$(OSIM_MODEL): | $(VENV)/.installed-dev
	$(BIN)/python -m tools.opensim_check.fetch $@

# The course website: every lesson as a page, launch links, printable worksheets.
# REPO (owner/name on GitHub) and HUB (a JupyterHub's address) set where the links point.
REPO ?=
HUB  ?=
site: install-dev browser
	$(BIN)/python -m tools.site $(if $(REPO),--repo=$(REPO),) $(if $(HUB),--hub=$(HUB),)

workshop: $(VENV)/.installed-workshop
	$(BIN)/python -m tools.workshop --host=$(HOST) --port=$(PORT) $(if $(TOKEN),--token=$(TOKEN),)
