# One command runs the viewer (`make run`), one runs every test (`make test`).
# `make setup` installs what both need on a fresh Debian machine; the other targets call it.
SHELL := /bin/bash
PORT ?= 8080
WASM_BINDGEN_VERSION := $(shell sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)
SITE := target/site
WASM := target/wasm32-unknown-unknown/release/territoires_map.wasm

.PHONY: setup setup-rust setup-browser build run test test-native test-browser clean-site

setup: setup-rust setup-browser

setup-rust:
	@.ci/setup-rust "$(WASM_BINDGEN_VERSION)"

setup-browser:
	@.ci/setup-browser

build: setup-rust
	cargo build --release --target wasm32-unknown-unknown -p territoires-map
	.ci/build-site "$(WASM)" "$(SITE)"

run: build
	@echo "Carte : http://127.0.0.1:$(PORT)/"
	python3 .ci/serve.py "$(SITE)" "$(PORT)"

test: setup build
	cargo test --workspace
	cd tests/browser && node --test --test-concurrency=1

# --- data (owned by datatool) ---
# --- end data ---
