#!/bin/sh
# Fuzzes the litmus parser with libFuzzer for a bounded time.
#   tests/fuzz/run-fuzz.sh [SECONDS]        (default 60)
# Configures a clang++ build in $MEMX_FUZZ_BUILD_DIR (default <repo>/build-fuzz), builds
# memx_litmus_fuzzer, and runs it on a scratch corpus seeded from tests/fuzz/seeds.
# Exits non-zero if the fuzzer finds a crash, a hang (>5 s), or a sanitizer report;
# the failing input is saved under <build>/fuzz-artifacts/.
set -eu

seconds=${1:-60}
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${MEMX_FUZZ_BUILD_DIR:-$src/build-fuzz}

cmake -S "$src" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMEMX_FUZZ=ON -DMEMX_BUILD_TESTS=ON >/dev/null
cmake --build "$build" -j2 --target memx_litmus_fuzzer

corpus="$build/fuzz-corpus"
artifacts="$build/fuzz-artifacts"
mkdir -p "$corpus" "$artifacts"

exec "$build/bin/memx_litmus_fuzzer" "$corpus" "$src/tests/fuzz/seeds" \
    -dict="$src/tests/fuzz/litmus.dict" \
    -max_len=4096 -timeout=5 -max_total_time="$seconds" -print_final_stats=1 \
    -artifact_prefix="$artifacts/"
