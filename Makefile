# SocketDesk: `make run` starts the app, `make test` runs the whole suite (both set up first).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TS     := $(wildcard resources/translations/*.ts)
QM     := $(patsubst resources/translations/%.ts,desktop/assets/translations/%.qm,$(TS))

.PHONY: setup run test lint format bench package wheel deb release-check translations screenshots \
        guide-screenshots clean

setup: $(STAMP) $(QM)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || { \
	  echo "Python's venv module is missing: run 'sudo apt-get install python3-venv' first."; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

desktop/assets/translations/%.qm: resources/translations/%.ts $(STAMP)
	@mkdir -p $(@D)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

run: setup
	$(BIN)/python -m desktop

# The whole suite on the default loop (uvloop where installed), then the socket, messenger and
# HTTP engines again on the stock loop (SOCKETDESK_LOOP=asyncio): the fallback stays tested.
STOCK_LOOP_TESTS = tests/core/net tests/core/ipmsg_io tests/core/http tests/workers
test: setup
	$(BIN)/python -m pytest
	SOCKETDESK_LOOP=asyncio $(BIN)/python -m pytest -q $(STOCK_LOOP_TESTS)

lint: setup
	$(BIN)/ruff check desktop tests bench tools packaging setup.py
	$(BIN)/ruff format --check desktop tests bench tools packaging setup.py
	$(BIN)/mypy

format: setup
	$(BIN)/ruff format desktop tests bench tools packaging setup.py
	$(BIN)/ruff check --fix desktop tests bench tools packaging setup.py

# bench.rate_graph compares the app's rate graph with QtCharts and pyqtgraph, which are not the
# app's dependencies: they live in a venv of their own, with the app's PySide6 version.
GRAPH_VENV := .venv-graphs
$(GRAPH_VENV)/.installed: $(STAMP)
	@test -x $(GRAPH_VENV)/bin/python || $(PYTHON) -m venv $(GRAPH_VENV)
	version=$$($(BIN)/python -c 'import PySide6; print(PySide6.__version__)') && \
	  $(GRAPH_VENV)/bin/python -m pip install --quiet "PySide6-Essentials==$$version" \
	  "PySide6-Addons==$$version" pyqtgraph numpy
	@touch $@

bench: setup $(GRAPH_VENV)/.installed
	SOCKETDESK_GRAPH_PYTHON=$(GRAPH_VENV)/bin/python $(BIN)/python -m bench

# Refresh the .ts sources from the code (then translate the new strings in them). English is the
# source language: its .ts holds only the plural forms ("1 byte" / "%n bytes"), filled by a tool.
translations: setup
	$(BIN)/pyside6-lupdate -no-obsolete $$(git ls-files 'desktop/*.py') -ts resources/translations/socketdesk_zh_CN.ts
	$(BIN)/pyside6-lupdate -no-obsolete -pluralonly -source-language en -target-language en \
	  $$(git ls-files 'desktop/*.py') -ts resources/translations/socketdesk_en.ts
	$(BIN)/python -m tools.english_plurals resources/translations/socketdesk_en.ts

# Real windows on a virtual X server (xvfb, imagemagick) at 1024×700: every workspace in English and
# Chinese, light and dark, and two error paths in Chinese.
SHOT := xvfb-run -a -s "-screen 0 1024x700x24" env QT_QPA_PLATFORM=xcb $(BIN)/python -m tools.screenshot
screenshots: setup
	@for scene in workbench server udp messenger http; do \
	  for lang in en zh_CN; do for theme in light dark; do \
	    out=docs/screenshots/$$scene-$${lang%_CN}-$$theme.png; echo "$$out"; \
	    $(SHOT) $$lang $$theme $$out $$( [ $$scene = workbench ] && echo client || echo $$scene ) || exit 1; \
	  done; done; \
	done
	$(SHOT) zh_CN light docs/screenshots/error-refused-zh-light.png refused
	$(SHOT) zh_CN dark docs/screenshots/error-port-taken-zh-dark.png port-taken

# The user guide's pictures (docs/guide/images/<scene>-<language>.png): every scene of
# tools/guide_scenes.py in English and Chinese, light, 1024×700, each worker on its own Xvfb.
guide-screenshots: setup
	$(BIN)/python -m tools.guide_screenshots docs/guide/images --jobs 2

# PyInstaller (pinned in pyproject's dev extra): dist/socketdesk/ (one folder) and dist/onefile/.
package: setup
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN packaging/socketdesk.spec

# The wheel, offline with this venv's pinned build tools; setup.py compiles the .qm files into it.
wheel: setup
	$(BIN)/python -m build --wheel --no-isolation --outdir dist .

# dist/socketdesk_<version>_<arch>.deb from the one-folder app (run `make package` first).
deb: setup
	$(BIN)/python packaging/build_deb.py

# Build every package, install the .deb (needs root, as in CI), check each one: the CLI round
# trips, the self-test, a GUI smoke start in English and Chinese. The .deb is removed afterwards
# unless socketdesk was installed before (then this build's version stays installed).
release-check: package wheel deb
	@if dpkg-query -W -f='$${Status}' socketdesk 2>/dev/null | grep -q "ok installed"; then \
	  keep=1; else keep=0; fi; \
	apt-get install -y -qq --no-install-recommends --reinstall ./dist/socketdesk_*.deb \
	  && $(BIN)/python -m pytest -m release tests/packaging; status=$$?; \
	if [ $$keep = 0 ]; then apt-get remove -y -qq socketdesk >/dev/null; \
	  echo "release-check: the socketdesk package was removed again"; fi; \
	exit $$status

clean:
	rm -rf $(VENV) build dist $(QM)
