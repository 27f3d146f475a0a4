# Consolida — the two commands a new user needs are `make run` and `make test`.
# Every dependency is installed here: missing Debian packages through apt-get.

SWIFT        ?= swift
SWIFT_FLAGS  ?=
BUILD_LOCK   ?= /tmp/consolida-swift-build.lock
# Serialize Swift builds on small machines (two builds at once thrash 2 cores); flock is optional.
LOCKED       := $(shell command -v flock >/dev/null 2>&1 && echo "flock $(BUILD_LOCK)")
APT_PACKAGES := libxml2-dev zlib1g-dev pkg-config libsqlite3-dev
SUDO         := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
OUT          ?= out
CORPUS       ?= ../shared/corpus
BENCH_DIR    ?= bench-out

.PHONY: all deps build release test run bench corpus lint clean

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

## run: the main job on Examples/ with the embedded defaults.
run: release
	$(SWIFT) run -c release --skip-build consolida --version

clean:
	rm -rf .build $(BENCH_DIR) $(OUT)
