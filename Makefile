# Consolida — the two commands a new user needs are `make run` and `make test`.
# Every dependency is installed here: missing Debian packages through apt-get.

SWIFT        ?= swift
SWIFT_FLAGS  ?=
BUILD_LOCK   ?= /tmp/consolida-swift-build.lock
# Serialize Swift builds on small machines (two builds at once thrash 2 cores); flock is optional.
LOCKED       := $(shell command -v flock >/dev/null 2>&1 && echo "flock -o $(BUILD_LOCK)")
APT_PACKAGES := libxml2-dev zlib1g-dev pkg-config libsqlite3-dev
SUDO         := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
OUT          ?= out
CORPUS       ?= ../shared/corpus
BENCH_DIR    ?= bench-out

.PHONY: all deps build release test run bench corpus lint clean bench-venv

all: build

## deps: install the Debian packages the build needs (only those missing).
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

build: deps
	$(LOCKED) $(SWIFT) build $(SWIFT_FLAGS)

release: deps
	$(LOCKED) $(SWIFT) build -c release $(SWIFT_FLAGS)

## test: every unit, golden-file and end-to-end test.
test: deps
	$(LOCKED) $(SWIFT) build --build-tests $(SWIFT_FLAGS)
	$(LOCKED) $(SWIFT) test --skip-build $(SWIFT_FLAGS)

## run: the main job on Examples/ (Examples/consolida.yaml), then where the report is.
run: build
	$(SWIFT) run --skip-build consolida run Examples/consolida.yaml
	@echo "Open Examples/out/report.html in a browser; the tables are in Examples/out/*.csv"

## bench: performance side by side with peer tools, in one run (each make/*.mk adds its part).
## corpus: differential tests over ../shared/corpus (each make/*.mk adds its part).
bench:
corpus:

## bench-venv: the peer tools from PyPI, in a virtual environment of the project's own.
BENCH_VENV ?= .venv-bench
BENCH_PY   := $(BENCH_VENV)/bin/python
bench-venv: $(BENCH_VENV)/.installed
$(BENCH_VENV)/.installed:
	python3 -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install -q polars fastexcel python-calamine xlsxwriter faker pyarrow \
	  || echo "warning: some peer tools could not be installed from PyPI; their columns will be missing"
	touch $@

clean:
	rm -rf .build $(BENCH_DIR) $(OUT)

# Each area of the project adds its bench/corpus parts in its own fragment.
-include make/*.mk
