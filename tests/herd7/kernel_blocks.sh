#!/bin/sh
# memx run's block must equal herd7 7.58's recorded block byte for byte, apart from the Time
# line, on every test of corpus/kernel (herd7-out/X.litmus.out beside X.litmus).
# Usage: kernel_blocks.sh MEMX CORPUS_KERNEL_DIR [memx run options...]
# Exits 77 (skipped) when the corpus is missing.
memx=$1
corpus=$2
shift 2
if [ ! -d "$corpus/herd7-out" ]; then
    echo "skipped: $corpus/herd7-out not found (the shared corpus lives in ../shared)"
    exit 77
fi
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
total=0
same=0
for out in $(cd "$corpus/herd7-out" && find . -name '*.litmus.out' | sort); do
    test=${out%.out}
    total=$((total + 1))
    grep -v '^Time ' "$corpus/herd7-out/$out" >"$tmp/herd"
    "$memx" run "$@" "$corpus/$test" 2>&1 | grep -v '^Time ' >"$tmp/memx"
    if cmp -s "$tmp/herd" "$tmp/memx"; then
        same=$((same + 1))
    else
        echo "DIFFERS: $test"
        diff "$tmp/herd" "$tmp/memx" | sed 's/^/    /'
    fi
done
echo "$same of $total blocks identical to herd7's (Time line aside)"
[ "$same" -eq "$total" ] && [ "$total" -gt 0 ]
