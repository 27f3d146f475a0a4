# XLSX reader: differential corpus test and benchmark (issue #3).
#   make corpus-xlsx   every workbook of $(CORPUS)/xlsx against the calamine and openpyxl oracles
#   make bench-xlsx    Consolida vs fastexcel vs python-calamine on generated receivables workbooks

XLSX_CORPUS_DIFF := Tests/XLSXReaderTests/Fixtures/corpus/corpus_diff.py
XLSX_BENCH_ROWS  ?= 100000 1000000
CONSOLIDA_BIN    := .build/release/consolida

.PHONY: corpus-xlsx bench-xlsx
corpus: corpus-xlsx
bench: bench-xlsx

corpus-xlsx: release
	@if [ -d "$(CORPUS)/xlsx" ]; then \
	  python3 $(XLSX_CORPUS_DIFF) --consolida $(CONSOLIDA_BIN) --corpus $(CORPUS) --timeout 60 \
	    --report $(OUT)/xlsx-corpus.tsv; \
	else echo "corpus-xlsx: $(CORPUS)/xlsx not found; skipped"; fi

# The workbooks are generated once and cached in $(BENCH_DIR) (1M rows take minutes to write).
$(BENCH_DIR)/ar_%.xlsx: | bench-venv
	@mkdir -p $(BENCH_DIR)
	$(BENCH_PY) ../shared/bench/gen_ar_workbook.py --format xlsx --rows $* --out $@.partial.xlsx && mv $@.partial.xlsx $@

bench-xlsx: release bench-venv $(foreach n,$(XLSX_BENCH_ROWS),$(BENCH_DIR)/ar_$(n).xlsx)
	@$(BENCH_PY) make/xlsx_bench.py --consolida $(CONSOLIDA_BIN) --read-bench ../shared/bench/read_bench.py \
	  $(foreach n,$(XLSX_BENCH_ROWS),$(BENCH_DIR)/ar_$(n).xlsx)
