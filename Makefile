# One command runs the viewer (`make run`), one runs every test (`make test`).
# `make setup` installs what both need on a fresh Debian machine; the other targets call it.
SHELL := /bin/bash
PORT ?= 8080
WASM_BINDGEN_VERSION := $(shell sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)
SITE := target/site
WASM := target/wasm32-unknown-unknown/release/territoires_map.wasm
WASM_SMALL := target/wasm32-unknown-unknown/release/territoires_map_small.wasm
WASM_SEARCH := target/wasm32-unknown-unknown/release/territoires_search.wasm
WASM_EXPORT := target/wasm32-unknown-unknown/release/territoires_export.wasm
WASM_NAMES := target/wasm32-unknown-unknown/release/territoires_names.wasm

.PHONY: setup setup-rust setup-browser setup-fonts build run test dist lint size

setup: setup-rust setup-browser setup-fonts

setup-rust:
	@.ci/setup-rust "$(WASM_BINDGEN_VERSION)"

setup-browser:
	@.ci/setup-browser

setup-fonts:
	@.ci/setup-fonts

# The absolute address the site is served from: the canonical URLs and Open Graph tags of the
# pre-rendered pages, and the addresses in the <territoires-map> snippet, start with it.
#   make dist SITE_URL=https://www.example.org/carte/
# By default, where `make run` serves it: true for that build, never a made-up domain; `make dist`,
# whose folder goes on someone's server, refuses to run without one.
SITE_URL ?= http://127.0.0.1:$(PORT)/

# The five wasm modules and the site: the commune search's (feature `search`, no map: loaded the
# first time the search field is used), the image export's (feature `export`: "Télécharger
# l'image" for the small module, loaded the first time it is used), the names' (feature `names`:
# the names and markers placed at each view for the small module, loaded when the pointer is first over its map), the small one (no default features: it adopts the
# pre-rendered map of the default pages and downloads nothing) and the full one (other data,
# statuses, thousands of shapes; and where a page holds no map it can adopt). Then two native steps of the same crate: the pre-render
# (src/bin/prerender.rs: the default map, list and cards as static HTML in index.html and
# embed.html, territoires/<id>.html, territoires-map.snippet.html, in French and, in en/, in
# English), then `carte` (profile
# `tools`, src/bin/carte.rs: carte.svg, carte.png and territoires/<id>.png, which the pages name).
# DATA is the data folder: data/ (the Grand Est), or another region's (`make data REGION=27`
# writes target/regions/27/; then `make run DATA=target/regions/27`).
DATA ?= data
build: setup-rust setup-fonts
	cargo build --release --target wasm32-unknown-unknown -p territoires-map --lib --no-default-features --features search
	cp "$(WASM)" "$(WASM_SEARCH)"
	cargo build --release --target wasm32-unknown-unknown -p territoires-map --lib --no-default-features --features export
	cp "$(WASM)" "$(WASM_EXPORT)"
	cargo build --release --target wasm32-unknown-unknown -p territoires-map --lib --no-default-features --features names
	cp "$(WASM)" "$(WASM_NAMES)"
	cargo build --release --target wasm32-unknown-unknown -p territoires-map --lib --no-default-features
	cp "$(WASM)" "$(WASM_SMALL)"
	cargo build --release --target wasm32-unknown-unknown -p territoires-map --lib
	DATA_DIR="$(DATA)" .ci/build-site "$(SITE)" "$(WASM)" "$(WASM_SMALL)" "$(WASM_SEARCH)" "$(WASM_EXPORT)" "$(WASM_NAMES)"
	cargo run --quiet -p territoires-map --bin prerender -- "$(DATA)" "$(SITE)" "$(SITE_URL)"
	cargo run --profile tools --quiet -p territoires-map --bin carte -- "$(DATA)" "$(SITE)"

run: build
	@echo "Carte : http://127.0.0.1:$(PORT)/"
	python3 .ci/serve.py "$(SITE)" "$(PORT)"

# The folder a host copies to its server: versioned, with the custom element, the iframe page,
# the module, the styles and the Grand Est data, the pre-rendered pages (index.html, one per
# territory; the English edition in en/) and the snippet to paste inside <territoires-map>. Prints the gzip size of each file.
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
DIST := dist/territoires-map-$(VERSION)
dist: dist-site-url build
	rm -rf "$(DIST)" && mkdir -p "$(DIST)"
	cp -R $(SITE)/pkg $(SITE)/data $(SITE)/territoires-map.js $(SITE)/map.css \
	  $(SITE)/embed.html $(SITE)/embed.js $(SITE)/embed.css \
	  $(SITE)/index.html $(SITE)/main.js $(SITE)/search.js $(SITE)/helpers.js $(SITE)/page.css $(SITE)/territoires $(SITE)/territoires-map.snippet.html $(SITE)/communes.html $(SITE)/en \
	  $(SITE)/carte.svg $(SITE)/carte.png "$(DIST)/"
	@cd "$(DIST)" && for f in pkg/*.wasm pkg/*.js territoires-map.js map.css embed.* index.html territoires-map.snippet.html en/*.html carte.*; do \
	  printf '%8d  %s\n' "$$(gzip -9 -c "$$f" | wc -c)" "$$f"; done
	@echo "→ $(DIST)"

.PHONY: dist-site-url
dist-site-url:
	@if [ "$(origin SITE_URL)" = file ]; then \
	  echo "make dist: say where the folder will be published, e.g. make dist SITE_URL=https://www.example.org/carte/"; \
	  echo "(the pages' canonical and Open Graph addresses, and the snippet's links, start with it)"; exit 2; fi

# The viewer against a Leaflet 1.9 page in headless Chromium, and native timings of the core; see
# docs/performance.md. Not part of `make test`. Prints one table (also target/bench/report.md).
# The communes stress file is generated once into target/bench/ (not committed).
BENCH_COMMUNES := target/bench/communes-france.geojson
.PHONY: bench
bench: build setup-browser
	@$(MAKE) --no-print-directory data-sources
	@$(MAKE) --no-print-directory region-sites
	@[ -f $(BENCH_COMMUNES) ] || cargo run --release --quiet -p ti-data -- communes --cache $(DATA_CACHE) --out $(BENCH_COMMUNES)
	@cd tests/bench && want=$$(sha256sum package-lock.json | cut -d' ' -f1) && \
	  if [ "$$(cat node_modules/.installed-from-lock 2>/dev/null)" != "$$want" ]; then \
	    npm ci --no-audit --no-fund --loglevel=error >/dev/null && echo "$$want" >node_modules/.installed-from-lock; fi
	@mkdir -p target/bench
	@echo "bench: native (cargo bench --bench native > target/bench/native.txt)"
	@cargo bench --quiet --bench native >target/bench/native.txt
	@echo "bench: size floor (tests/bench/floor/measure.sh > target/bench/floor.txt)"
	@tests/bench/floor/measure.sh >/dev/null
	@node tests/bench/run.mjs

# The gates CI runs before the tests: formatting, clippy on both targets (src/web/ only compiles
# for wasm32), rustdoc, and a build check of the fuzz crate (not a workspace member, so nothing
# else compiles it). Any warning fails.
lint: setup-rust
	cargo fmt --all --check
	cargo fmt --manifest-path tests/fuzz/Cargo.toml --check
	cargo clippy --workspace --all-targets --locked -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p territoires-map --lib --locked -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p territoires-map --lib --locked --no-default-features -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p territoires-map --lib --locked --no-default-features --features search -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p territoires-map --lib --locked --no-default-features --features export -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p territoires-map --lib --locked --no-default-features --features names -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --target wasm32-unknown-unknown -p territoires-map --locked
	cargo check --manifest-path tests/fuzz/Cargo.toml --locked

# The wasm module and its glue against the committed budget (.ci/size-budget).
size: build
	@.ci/check-size "$(SITE)"

# The EPCIs of the Grand Est (150 areas, many small: names and markers of a big file, issue 21),
# written from the pinned sources for the browser tests, not committed.
EPCIS := target/labels/epci-grand-est.geojson
# Other regions built end to end and opened in Chromium (issue 24): Bourgogne-Franche-Comté and
# the whole country (`make data REGION=…`, into target/regions/<code>/ unless already there), and
# their pages: make build's last steps with DATA=target/regions/<code> into target/site-<code>,
# over the modules just built (copied, not rebuilt) and without the images.
OTHER_REGIONS := 27 all
.PHONY: region-sites
region-sites:
	@for r in $(OTHER_REGIONS); do d=target/regions/$$r; s=target/site-$$r; \
	  ls $$d/territoires-*.geojson >/dev/null 2>&1 || $(MAKE) --no-print-directory data REGION=$$r OUT=$$d || exit 1; \
	  rm -rf $$s && mkdir -p $$s/data && cp -R $(SITE)/pkg $(addprefix $(SITE)/,$(filter-out load.js,$(notdir $(wildcard www/*)))) $$s/ && cp $$d/*.geojson $$s/data/ || exit 1; \
	  echo "region-sites: $$s"; cargo run --quiet -p territoires-map --bin prerender -- $$d $$s "$(SITE_URL)" || exit 1; \
	done

test: setup build size
	@$(MAKE) --no-print-directory data-sources || echo "make test: data sources could not be fetched; the reproduction tests will print SKIPPED"
	cargo test --workspace
	@[ -f $(EPCIS) ] || [ ! -d $(DATA_CACHE)/decoupage-administratif-6.0.0 ] || cargo run --release --quiet -p ti-data -- epcis --cache $(DATA_CACHE) --out $(EPCIS)
	@[ ! -d $(DATA_CACHE)/decoupage-administratif-6.0.0 ] || $(MAKE) --no-print-directory region-sites
	cd tests/browser && node --test --test-concurrency=1

# --- data (owned by datatool) ---
# Rebuilds data/ from pinned public sources and the committed commune table
# (data/ti-grand-est-communes-2020.csv, named in data/composition.toml); see data/README.md.
#   make data                          fetch sources into .cache/ if absent, then run datatool
#   make data TI_LIST=liste-ti-com.csv another edition of the State's commune list instead of the table
#   make data REGION=27                another region (INSEE code) from the State's national table
#                                      (data/ti-france-communes-2020.csv), into target/regions/27/
#   make data REGION=27 OUT=dir        … into dir (data/ is written only when OUT says so)
#   make data-check                    prove the committed files are reproduced byte for byte
DATA_CACHE ?= .cache/sources
TI_LIST ?=
REGION ?= 44
OUT ?= $(if $(filter 44,$(REGION)),data,target/regions/$(REGION))
.PHONY: data data-sources data-check
data: data-sources
	cargo run --release --quiet -p ti-data -- --cache $(DATA_CACHE) --region $(REGION) --out $(OUT) $(if $(TI_LIST),--ti-list $(TI_LIST))
data-sources:
	sh datatool/fetch-sources.sh $(DATA_CACHE)
data-check: data-sources
	TI_DATA_CACHE=$(abspath $(DATA_CACHE)) cargo test --release -p ti-data --test reproduce -- --nocapture
# --- end data ---
