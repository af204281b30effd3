#!/usr/bin/env bash
# The size floor of the viewer's module (docs/performance.md, "Deux modules"): three builds of
# tests/bench/floor, passed through wasm-bindgen and the wasm-opt command of .ci/build-site,
# beside the two modules of target/site/pkg (make build). Prints raw and gzip -9 sizes and how
# many of the full module's browser imports the floor covers; writes the table to
# target/bench/floor.txt. Run by `make bench`.
#   1 empty      a module with a start function and nothing else
#   2 imports    one call of each browser binding the viewer imports, trivial arguments
#   3 +fmt       2, plus format! of a float, a string sort and a JsValue's Debug
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR=$root/target/floor
here=$root/tests/bench/floor
out=$root/target/bench/floor
pkg=$root/target/site/pkg
wasm_opt=$root/.cache/tools/node_modules/.bin/wasm-opt
[[ -f $pkg/territoires_map.js ]] || { echo "floor: build the site first (make build)" >&2; exit 2; }

gz() { gzip -9 -c "$1" | wc -c; }
imports() { grep -oE '^\s+__wbg_[A-Za-z0-9_]+:' "$1" | sed 's/^ *//; s/:$//' | sort -u; }

build() { # name, cargo features
    local dir=$out/$1
    rm -rf "$dir" && mkdir -p "$dir"
    (cd "$here" && cargo build -q --locked --release --target wasm32-unknown-unknown ${2:+--features $2})
    wasm-bindgen --target web --no-typescript --out-dir "$dir" "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/floor.wasm"
    "$wasm_opt" --flatten --rereloop -Oz -Oz --strip-producers --strip-target-features \
        --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int \
        --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
        "$dir/floor_bg.wasm" -o "$dir/floor_bg.wasm.opt"
    mv "$dir/floor_bg.wasm.opt" "$dir/floor_bg.wasm"
}
build empty ""
build imports imports
build fmt fmt

row() { # label, wasm, js
    printf '| %s | %d | %d | %d | %d | %d |\n' "$1" "$(wc -c <"$2")" "$(gz "$2")" "$(wc -c <"$3")" "$(gz "$3")" \
        "$(imports "$3" | wc -l)"
}
strip() { sed 's/^__wbg_//; s/_[0-9a-f]\{16\}$//' | sort -u; }
{
    echo "| module | wasm | wasm gzip | glue | glue gzip | browser imports |"
    echo "| --- | --- | --- | --- | --- | --- |"
    row "floor 1: empty" "$out/empty/floor_bg.wasm" "$out/empty/floor.js"
    row "floor 2: the viewer's browser imports" "$out/imports/floor_bg.wasm" "$out/imports/floor.js"
    row "floor 3: 2 + float formatting, sort" "$out/fmt/floor_bg.wasm" "$out/fmt/floor.js"
    row "small module (default pages)" "$pkg/territoires_map_small_bg.wasm" "$pkg/territoires_map_small.js"
    row "full module" "$pkg/territoires_map_bg.wasm" "$pkg/territoires_map.js"
    covered=$(comm -12 <(imports "$pkg/territoires_map.js" | strip) <(imports "$out/fmt/floor.js" | strip) | wc -l)
    echo
    echo "floor 3 calls $covered of the $(imports "$pkg/territoires_map.js" | strip | wc -l) browser methods the full module imports."
} | tee "$root/target/bench/floor.txt"
