# Two commands on a fresh machine: `make run` and `make test`. Both create .venv and
# install the project when it is missing or pyproject.toml changed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.installed
OUT    := outputs
GOLD   := seeds/gold

# `make run` redoes work only when an input changed: a hash of the seeds, the rules
# and the code is kept next to the outputs (mtimes are unreliable after a clone).
INPUTS_HASH = $(shell find pyproject.toml seeds pipeline models -type f \
	-not -path '*/__pycache__/*' -not -path '$(GOLD)/*' | LC_ALL=C sort | xargs cat | sha256sum | cut -c1-16)

.PHONY: install run test eval report bench clean gold

install: $(READY)

$(READY): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(READY)

run: $(READY)
	@if [ "$$(cat $(OUT)/.inputs 2>/dev/null)" = "$(INPUTS_HASH)" ]; then \
		echo "outputs/ is up to date (inputs unchanged)"; \
	else \
		$(BIN)/python -m pipeline run seeds --out $(OUT) && echo "$(INPUTS_HASH)" > $(OUT)/.inputs; \
	fi

test: $(READY)
	$(BIN)/python -m pytest -q

gold: $(READY)
	$(BIN)/python -m pipeline gold build $(GOLD)/source --out $(GOLD)
	$(BIN)/python -m pipeline gold check $(GOLD)

eval: run
	$(BIN)/python -m pipeline eval --gold $(GOLD) --pred $(OUT) --out $(OUT)/eval --baseline

report: eval
	$(BIN)/python -m pipeline report $(OUT)/eval/eval.json README.md

bench: $(READY)
	$(BIN)/python -m pipeline.bench --out $(OUT)/bench.json

clean:
	rm -rf $(VENV) $(OUT)/*.jsonl $(OUT)/.inputs $(OUT)/eval $(OUT)/bench.json *.egg-info .pytest_cache
