# themesift: two commands set up a fresh machine.
#   make run   installs into .venv and opens the app on the bundled sample
#   make test  installs if needed, then lints (ruff), type-checks (mypy --strict) and
#              runs the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8501

.PHONY: run sample test check install browser-deps office-deps bench bench-app clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# CPU build of PyTorch first (it lies on this machine's disk); a bare
	# 'torch' would pull a multi-GB CUDA build.
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Debian's Chromium + ChromeDriver for the browser end-to-end test.
browser-deps:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) \
	      || echo "warning: could not install chromium; browser tests will fail"; \
	  else echo "warning: chromium missing and cannot apt-get; browser tests will fail"; fi; \
	fi

# Debian's LibreOffice (Writer, no GUI) + poppler-utils for the survey report's office-suite test.
office-deps:
	@if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui poppler-utils >/dev/null) \
	      || echo "warning: could not install libreoffice/poppler; the LibreOffice report test will be skipped"; \
	  else echo "warning: soffice or pdftoppm missing and cannot apt-get; the LibreOffice report test will be skipped"; fi; \
	fi

# The bundled sample analysed into the app's project 'sample' once, before the server
# starts (nothing when a project exists), so the app opens on its themes at once.
sample: install
	HF_HUB_OFFLINE=1 $(BIN)/python scripts/prepare_sample.py

# Opens http://localhost:$(PORT). Uploads over 100 MB are refused in the browser
# (Streamlit's limit) and, should the server run with a higher limit, by the app itself.
run: install sample
	HF_HUB_OFFLINE=1 $(BIN)/streamlit run app.py --server.headless true \
	  --server.port $(PORT) --browser.gatherUsageStats false \
	  --server.maxUploadSize 100 --client.toolbarMode viewer

# The static checks alone (seconds): ruff's rules and mypy's strict mode, as pyproject sets them.
check: install
	$(BIN)/ruff check src app.py tests
	$(BIN)/mypy

test: check browser-deps office-deps
	HF_HUB_OFFLINE=1 $(BIN)/pytest

bench: install
	HF_HUB_OFFLINE=1 $(BIN)/python bench/quality.py

bench-app: install
	HF_HUB_OFFLINE=1 $(BIN)/python bench/app_speed.py

clean:
	rm -rf $(VENV) .pytest_cache
