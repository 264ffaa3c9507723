#!/bin/sh
# memx's deciding commands load no Qt library (docs/startup.md): checked with the dynamic
# loader's own log (LD_DEBUG=libs) for run, check, parse, explain, compare and the herd7 entry
# point; and `graph` still writes an SVG, through memx-figures.
# Usage: no_qt_in_memx.sh MEMX SOURCE_DIR
memx=$1
test=$2/litmus/library/lkmm/SB+once.litmus
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
status=0
for args in "run $test" "check $test" "parse $test" "explain $test" \
    "compare --model lkmm --model sc $test" "herd7 -model lkmm $test" \
    "graph $test" "graph --format dot $test"; do
    if LD_DEBUG=libs "$memx" $args 2>&1 >/dev/null | grep -q 'calling init: .*libQt'; then
        echo "FAILED: memx $args loads Qt"
        status=1
    fi
done
"$memx" graph --format svg -o "$work/f.svg" "$test" || status=1
grep -q '<svg' "$work/f.svg" || { echo "FAILED: graph --format svg wrote no SVG"; status=1; }
if ! LD_DEBUG=libs "$memx" graph -o "$work/g.png" "$test" 2>&1 | grep -q 'calling init: .*libQt6Gui'; then
    echo "FAILED: the PNG was not drawn by the Qt writers (memx-figures)"
    status=1
fi
[ "$status" -eq 0 ] && echo "no Qt in memx's deciding commands; images through memx-figures"
exit "$status"
