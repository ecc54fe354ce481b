#!/usr/bin/env bash
# Runs every real-model case with `./edgetpu4j run` and compares each output file byte for byte
# with the reference goldens. Usage: scripts/check_real_models.sh [CASES_DIR]
# (default: device/src/test/resources/realmodels). Exit 0 when every case matches.
set -euo pipefail
cd "$(dirname "$0")/.."
root="${1:-device/src/test/resources/realmodels}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail=0
for dir in "$root"/*/; do
  name="$(basename "$dir")"
  for s in 0 1 2 3 4 5 6 7 8 9; do
    [ -e "$dir/input_${s}_0.bin" ] || break
    args=()
    for f in "$dir"/input_"${s}"_*.bin; do args+=(--input "$f"); done
    out="$tmp/$name/$s"
    ./edgetpu4j run "$dir/model.tflite" "${args[@]}" --output-dir "$out" > /dev/null
    for want in "$dir"/expected_"${s}"_*.bin; do
      o="${want##*_}"
      if cmp -s "$want" "$out/output_${o}"; then :; else
        echo "$name sample $s output ${o%.bin}: differs"; fail=1
      fi
    done
  done
  echo "$name: checked"
done
exit $fail
