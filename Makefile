# Coopol — the two commands of the README are `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help
NODE_BIN := $(CURDIR)/end2end/node_modules/.bin
export PATH := $(HOME)/.cargo/bin:$(NODE_BIN):$(PATH)
# Where cargo puts binaries: ./target, or CARGO_TARGET_DIR (CI keeps its builds in a cache outside
# the clone). The built site (target/site) always stays in the workspace.
BUILD_DIR := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)

.PHONY: help run demo dev build-release build-debug test test-unit test-e2e lint bench bench-territory bench-feed bench-actions bench-media

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

run: build-release ## Install what is missing, build (release) and run Coopol on http://127.0.0.1:3000 (SQLite in ./data/)
	$(BUILD_DIR)/release/coopol

demo: build-release ## Run Coopol with the small demo network (in ./data/demo.db, seeded on first use)
	test -f data/demo.db || $(BUILD_DIR)/release/coopol --database-url sqlite://data/demo.db seed-demo --scale small
	$(BUILD_DIR)/release/coopol --database-url sqlite://data/demo.db

dev: ## Build (debug, faster) and run
	scripts/setup.sh build
	cargo leptos build
	$(BUILD_DIR)/debug/coopol

build-release: ## Release build: optimized server, size-optimized WebAssembly, static files precompressed (brotli, gzip)
	scripts/setup.sh build
	cargo leptos build --release --precompress

build-debug: ## Debug build (faster to compile; never what the tests or `make run` use)
	cargo leptos build

test: ## Install what is missing and run every test: unit, contract (SQLite + PostgreSQL), HTTP, lint, end to end
	scripts/setup.sh test
	$(MAKE) test-unit lint test-e2e

test-unit: ## Unit, store contract and HTTP tests, on both databases
	cargo test -p app --features test-support
	cargo test -p server
	# The pictures again, stored in a real S3-compatible server instead of a directory.
	scripts/with-s3.sh cargo test -p server --test media_http

lint: ## rustfmt check, then Clippy on each package with the features it ships with (denies unwrap/expect in server code)
	cargo fmt --all --check
	cargo clippy -p app --features test-support --all-targets -- -D warnings
	cargo clippy -p server --all-targets -- -D warnings
	cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings

bench: ## Measure Coopol on the S demo network, SQLite and PostgreSQL (wrk, Lighthouse; writes target/bench/report.json and report.md)
	scripts/setup.sh bench
	cargo leptos build --release --precompress --bin-features bench
	python3 scripts/bench.py
	cargo bench -p server --bench media

bench-territory: ## Benchmark "trouver ma section" on the full territory, SQLite and PostgreSQL (release)
	scripts/setup.sh test
	cargo bench -p server --bench find_section

bench-feed: ## Benchmark the home feed at 100,000 publications and the live stream with 1,000 subscribers (release)
	scripts/setup.sh test
	cargo bench -p server --bench feed

bench-media: ## Benchmark pictures: a 12-megapixel photo's processing (p50/p99, 2-worker throughput), serving a stored picture against a static file (release)
	scripts/setup.sh test
	cargo bench -p server --bench media

bench-actions: ## Benchmark the "near me" list of actions with 10,000 upcoming actions, SQLite and PostgreSQL (release)
	scripts/setup.sh test
	cargo bench -p server --bench near_me

test-e2e: build-release ## Playwright in Debian's Chromium against the release build `make run` serves, on SQLite and PostgreSQL
	cd end2end && COOPOL_BIN=$(BUILD_DIR)/release/coopol COOPOL_SITE_ROOT=$(CURDIR)/target/site npx playwright test
