# Mapping and import: `consolida import` against reading the same file alone (issue #4).
#   make bench-import   the 1M-row receivables CSV (UTF-8, the Spanish cp1252 variant, and that one with
#                       currency marks beside its amounts) and workbook: import / read ratio
#   make fuzz-import    mutated CSVs imported both ways (plain rows as bytes, --record-path): same files

IMPORT_BENCH_CSV  ?= $(BENCH_DIR)/ar_1m.csv
IMPORT_BENCH_CSV_ES ?= $(BENCH_DIR)/ar_1m_es.csv
IMPORT_BENCH_CSV_MARKS ?= $(BENCH_DIR)/ar_1m_marks.csv
IMPORT_BENCH_XLSX ?= $(BENCH_DIR)/ar_1000000.xlsx
IMPORT_BENCH_RUNS ?= 1

IMPORT_FUZZ_RUNS ?= 300
IMPORT_FUZZ_SEEDS ?= Examples/erp-export.csv Examples/banco-pagos.csv Tests/MappingTests/Fixtures/facturas-ve.csv \
  Tests/MappingTests/Fixtures/cartera-regional.csv Tests/MappingTests/Fixtures/clientes-pagos.csv

.PHONY: bench-import fuzz-import
bench: bench-import

# The CSVs are the ones csv.mk generates and caches; the workbook comes from xlsx.mk's pattern rule.
# The Spanish CSV writes every amount `1.234,56`, which takes other paths than `1234.56`; its marked
# copy writes `Bs. 1.234,56`, `898,91 €`.
bench-import: release bench-venv $(IMPORT_BENCH_CSV) $(IMPORT_BENCH_CSV_ES) $(IMPORT_BENCH_CSV_MARKS) $(IMPORT_BENCH_XLSX)
	@python3 make/import_bench.py --runs $(IMPORT_BENCH_RUNS) \
	  --consolida $$($(SWIFT) build -c release --show-bin-path)/consolida $(IMPORT_BENCH_CSV) $(IMPORT_BENCH_CSV_ES) \
	  $(IMPORT_BENCH_CSV_MARKS) $(IMPORT_BENCH_XLSX)

$(IMPORT_BENCH_CSV_MARKS): $(IMPORT_BENCH_CSV_ES)
	python3 make/mark_amounts.py $< $@

fuzz-import: release
	@python3 make/import_paths_fuzz.py --runs $(IMPORT_FUZZ_RUNS) \
	  --consolida $$($(SWIFT) build -c release --show-bin-path)/consolida $(IMPORT_FUZZ_SEEDS)
