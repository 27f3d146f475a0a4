# CSV reader: corpus accuracy and the 1M-row benchmark beside polars.
#   make corpus-csv   csv-spectrum, every corpus file, dialect+encoding accuracy with the misses
#   make bench-csv    1M-row receivables CSV (plain and Spanish cp1252 variant): consolida vs polars

CSV_BENCH_ROWS ?= 1000000
CSV_BENCH      := $(BENCH_DIR)/ar_1m.csv
CSV_BENCH_ES   := $(BENCH_DIR)/ar_1m_es.csv
CSV_BENCH_RUNS ?= 3

.PHONY: corpus-csv bench-csv
corpus: corpus-csv
bench: bench-csv

corpus-csv: deps
	@mkdir -p $(BENCH_DIR)
	$(LOCKED) $(SWIFT) build --build-tests $(SWIFT_FLAGS)
	@CSV_CORPUS_REPORT=1 CONSOLIDA_CORPUS=$(abspath $(CORPUS)) $(LOCKED) $(SWIFT) test --skip-build \
	  --filter 'CSVReaderTests.CorpusTests' > $(BENCH_DIR)/corpus-csv.log 2>&1; status=$$?; \
	  grep -E 'MISS|accuracy:|✘' $(BENCH_DIR)/corpus-csv.log; \
	  grep -E 'Test run with' $(BENCH_DIR)/corpus-csv.log; exit $$status

# Inputs are generated once and cached in bench-out/ (never committed).
$(CSV_BENCH): $(BENCH_VENV)/.installed
	@mkdir -p $(BENCH_DIR)
	$(BENCH_PY) ../shared/bench/gen_ar_workbook.py --rows $(CSV_BENCH_ROWS) --format csv --out $@
$(CSV_BENCH_ES): $(BENCH_VENV)/.installed
	@mkdir -p $(BENCH_DIR)
	$(BENCH_PY) ../shared/bench/gen_ar_workbook.py --rows $(CSV_BENCH_ROWS) --format csv-es --out $@

bench-csv: release $(CSV_BENCH) $(CSV_BENCH_ES)
	@python3 make/csv_bench.py --runs $(CSV_BENCH_RUNS) --consolida $$($(SWIFT) build -c release --show-bin-path)/consolida \
	  --python $(BENCH_PY) --peer ../shared/bench/read_bench.py $(CSV_BENCH) $(CSV_BENCH_ES)
