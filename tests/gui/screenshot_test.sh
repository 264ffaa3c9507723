#!/bin/sh
# screenshot_test.sh XVFB_RUN MEMX_GUI TEST.litmus OUT.png
# Starts memx-gui on its own Xvfb server with TEST loaded and run, and checks the PNG it saves:
# it exists, is a PNG, and is the window's size (not an empty or tiny image).
set -eu
xvfb_run=$1 gui=$2 test=$3 out=$4
rm -f "$out"
unset QT_QPA_PLATFORM
"$xvfb_run" -a -s "-screen 0 1400x900x24" "$gui" --run --screenshot "$out" "$test"
[ -s "$out" ] || { echo "no screenshot written to $out"; exit 1; }
magic=$(od -An -tx1 -N8 "$out" | tr -d ' \n')
[ "$magic" = "89504e470d0a1a0a" ] || { echo "$out is not a PNG ($magic)"; exit 1; }
# Width and height: big-endian words at bytes 16 and 20 of the IHDR chunk.
width=$(od -An -tu1 -j16 -N4 "$out" | awk '{print $1*16777216+$2*65536+$3*256+$4}')
height=$(od -An -tu1 -j20 -N4 "$out" | awk '{print $1*16777216+$2*65536+$3*256+$4}')
echo "screenshot $out: ${width}x${height}"
[ "$width" -ge 800 ] && [ "$height" -ge 500 ] || { echo "screenshot too small"; exit 1; }
