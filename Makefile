# Two entry points for a fresh machine with Python 3.11 and make:
#   make course   create .venv, install, open the course in JupyterLab
#   make test     create .venv, install with test extras, run every test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# JupyterLab refuses to start as root (containers, some lab machines) unless told
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: course test install install-dev

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install -e .

install-dev: $(BIN)/python
	$(BIN)/python -m pip install -e ".[dev]"

course: install
	$(BIN)/jupyter lab $(ROOT_FLAG) notebooks/

test: install-dev
	$(BIN)/python -m pytest tests notebooks --nbval-lax --nbval-current-env -p no:cacheprovider
