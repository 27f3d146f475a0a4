# The whole pipeline over every real file of ../shared/corpus (XLSX and CSV from other projects'
# test suites): no crash or hang, every table's row accounting balances, every unreadable file
# reported with a reason. `make corpus-run` prints the counts.
.PHONY: corpus-run
corpus: corpus-run

corpus-run: release
	@if [ ! -d "$(CORPUS)" ]; then echo "corpus-run: $(CORPUS) not found, skipped"; exit 0; fi
	rm -rf $(BENCH_DIR)/corpus-run && mkdir -p $(BENCH_DIR)/corpus-run/in
	for f in $(CORPUS)/xlsx/* $(CORPUS)/csv/*; do ln -s "$$(cd "$$(dirname "$$f")" && pwd)/$$(basename "$$f")" "$(BENCH_DIR)/corpus-run/in/$$(basename "$$f")"; done
	cd $(BENCH_DIR)/corpus-run && timeout 1800 $$(cd $(CURDIR) && $(SWIFT) build -c release --show-bin-path)/consolida run in \
	  --out out --as-of 2024-06-30 --json --quiet > summary.json; code=$$?; \
	  if [ $$code -gt 3 ]; then echo "corpus-run: consolida exited with $$code"; exit 1; fi
	python3 make/corpus_run_check.py $(BENCH_DIR)/corpus-run
