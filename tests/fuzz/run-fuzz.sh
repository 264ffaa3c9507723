#!/bin/sh
# Fuzzes a memx front end with libFuzzer for a bounded time.
#   tests/fuzz/run-fuzz.sh [SECONDS] [litmus|cat]     (defaults: 60, litmus)
# litmus: the litmus parser (memx_litmus_fuzzer, seeds tests/fuzz/seeds, litmus.dict);
# cat: the cat front end and evaluator (memx_cat_fuzzer, seeds model/models, cat.dict).
# Configures a clang++ build in $MEMX_FUZZ_BUILD_DIR (default <repo>/build-fuzz), builds the
# target, and runs it on a scratch corpus seeded as above.
# Exits non-zero if the fuzzer finds a crash, a hang (>5 s), or a sanitizer report;
# the failing input is saved under <build>/fuzz-artifacts/.
set -eu

seconds=${1:-60}
target=${2:-litmus}
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${MEMX_FUZZ_BUILD_DIR:-$src/build-fuzz}

case "$target" in
  litmus) seeds="$src/tests/fuzz/seeds" ;;
  cat) seeds="$src/model/models" ;;
  *) echo "run-fuzz.sh: unknown target '$target' (litmus or cat)" >&2; exit 2 ;;
esac

cmake -S "$src" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMEMX_FUZZ=ON -DMEMX_BUILD_TESTS=ON >/dev/null
cmake --build "$build" -j2 --target "memx_${target}_fuzzer"

corpus="$build/fuzz-corpus-$target"
artifacts="$build/fuzz-artifacts"
mkdir -p "$corpus" "$artifacts"

exec "$build/bin/memx_${target}_fuzzer" "$corpus" "$seeds" \
    -dict="$src/tests/fuzz/$target.dict" \
    -max_len=4096 -timeout=5 -max_total_time="$seconds" -print_final_stats=1 \
    -artifact_prefix="$artifacts/"
