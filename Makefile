# One path to a working install: `make run` and `make test` on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT := out

.PHONY: install run test bench clean

install: $(STAMP)

# pkuseg 0.0.25 compiles Cython extensions against numpy at install time and its
# sdist declares no build requirements, so the build tools go in first and pkuseg is
# built without isolation. The stamp depends on pyproject.toml so a changed
# dependency list reinstalls.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet numpy cython setuptools wheel
	$(BIN)/python -m pip install --quiet --no-build-isolation pkuseg==0.0.25
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: install
	mkdir -p $(OUT)
	$(BIN)/zhextract extract seeds -o $(OUT)/seeds.jsonl
	$(BIN)/zhextract evaluate --gold evaluation/gold

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/zhextract bench speed
	$(BIN)/zhextract bench ner --corpus cluener --split dev

clean:
	rm -rf $(VENV) $(OUT)
