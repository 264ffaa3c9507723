#!/bin/sh
# The kernel's own tools/memory-model scripts run memx as their herd7: the folder laid out as
# ../shared/kernel-scripts/README.md says (model files from lkmm-upstream, the scripts, the
# kernel's litmus tests), memx's herd7 link first on PATH, and scripts/checkalllitmus.sh must
# say "All litmus tests verified as was expected." and exit 0. The GPL inputs are copied into
# a temporary folder at test time only.
# Usage: kernel_scripts.sh HERD7_LINK_DIR SHARED_DIR
# Exits 77 (skipped) when ../shared or /usr/bin/time (Debian package `time`) is missing.
herd7dir=$1
shared=$2
for need in "$shared/kernel-scripts/scripts" "$shared/lkmm-upstream" \
    "$shared/corpus/kernel/tools-memory-model"; do
    if [ ! -d "$need" ]; then
        echo "skipped: $need not found (the shared corpus lives in ../shared)"
        exit 77
    fi
done
if [ ! -x /usr/bin/time ]; then
    echo "skipped: the kernel's scripts need /usr/bin/time (Debian package time)"
    exit 77
fi
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
up=$shared/lkmm-upstream
cp "$up/linux-kernel.cat" "$up/linux-kernel.bell" "$up/linux-kernel.def" \
    "$up/linux-kernel.cfg" "$up/lock.cat" "$work/"
cp -r "$shared/kernel-scripts/scripts" "$work/scripts"
mkdir "$work/litmus-tests"
cp "$shared/corpus/kernel/tools-memory-model/"*.litmus "$work/litmus-tests/"
# lock.cat includes herd's cross.cat and cos-opt.cat, which a herd7 finds in its library:
# HERDLIB points memx's herd7 at herd's library files kept beside the upstream model.
cd "$work" || exit 1
PATH="$herd7dir:$PATH" HERDLIB="$up/herd-lib" scripts/checkalllitmus.sh >log 2>&1
rc=$?
cat log
if [ "$rc" -ne 0 ] || ! grep -q '^All litmus tests verified as was expected' log; then
    echo "FAILED: checkalllitmus.sh exited $rc"
    for out in litmus-tests/*.out; do
        grep -q '!!!' "$out" && { echo "== $out"; cat "$out"; }
    done
    exit 1
fi
