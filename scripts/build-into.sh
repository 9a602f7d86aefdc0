#!/usr/bin/env bash
# Builds the bundles into DIR (default dist/) without type-checking: for test runs against a
# private build (SHIPSHAPE_DIST=DIR), so parallel checkouts never rebuild one dist/ at once.
set -euo pipefail
out="${1:-dist}"
rm -rf "$out"
npx ncc build src/entries/build.ts -o "$out" --license licenses.txt --minify >/dev/null
npx ncc build src/entries/report.ts -o "$out/report" --license licenses.txt --minify >/dev/null
npx ncc build src/entries/merge.ts -o "$out/merge" --license licenses.txt --minify >/dev/null
